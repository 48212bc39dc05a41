"""Insider red-team pass 78 (docs/redteam/pass-78.md): an editor who also controls the page a
site publishes adds words inside the post with the page's CSS — `::before`/`::after`
`content`, a string list marker, `quotes` drawn by `open-quote`, a counter's string, a custom
property or a `@counter-style` — which `review published` read where the `<style>` is (the
page's head, its chrome) and passed with no finding (pass 76's open V3). They are now placed
at the elements the rule's selector may match; a site's chrome drawing words outside the post,
and the CSS real sites draw with (icon fonts, clearfixes, breadcrumbs, numbered headings),
still pass."""

from __future__ import annotations

import pytest

from review.ci import published
from review.document import Document

APPROVED = """# 冬季防火提示

入冬以来火灾风险上升，请居民注意用火用电安全。

严禁在楼道内给电动车充电。

如发现火情请立即拨打119。
"""
WORDS = "（以上规定已于今日废止）"


def page(style: str = "", attr: str = "", first: str = "", extra: str = "",
         nav: str = "<nav>首页 | 政务公开</nav>") -> str:
    return (f"<html><head><meta charset=utf-8><title>冬季防火提示</title>{style}</head>"
            f"<body>{nav}\n<h1>冬季防火提示</h1>\n"
            f"<p{first}>入冬以来火灾风险上升，请居民注意用火用电安全。</p>\n"
            f"<p{attr}>严禁在楼道内给电动车充电。</p>{extra}\n"
            "<p>如发现火情请立即拨打119。</p>\n<footer>版权所有</footer></body></html>")


def rules(pipeline, html: str) -> list[str]:
    result = published.compare(Document("fire.md", APPROVED, "markdown"),
                               Document("page.html", html, "html"), [], pipeline, "en")
    return sorted({f.rule for f in result.findings})


def styled(css: str, attr: str = ' class="x"', **kw) -> str:
    return page(f"<style>{css.replace('W', repr(WORDS))}</style>", attr, **kw)


DRAWN = {
    "after": styled(".x::after{content:W}"),
    "before": styled(".x::before{content:W}"),
    "single_colon": styled(".x:after{content:W}"),
    "escaped": page("<style>.x::after{content:'\\4EE5\\4E0A\\89C4\\5B9A\\5DF2\\5E9F\\6B62'}"
                    "</style>", ' class="x"'),
    "list_marker": styled(".x{display:list-item;list-style-type:W}"),
    "list_shorthand": styled(".x{display:list-item;list-style:W inside}"),
    "quotes": styled(".x{quotes:W ''}.x::before{content:open-quote}"),
    "quotes_inherited": styled("html{quotes:W ''}.x::before{content:open-quote}"),
    "quotes_q": page(f"<style>body{{quotes:{WORDS!r} ''}}</style>",
                     extra="<p><q></q></p>"),
    "counter_string": styled(".x::before{counter-increment:c;content:counter(c) W}"),
    "custom_property": styled(":root{--t:W}.x::after{content:var(--t)}"),
    "counter_style": styled("@counter-style z{system:cyclic;symbols:W}"
                            ".x::before{content:counter(c,z)}"),
    "first_passage_after": styled(".x::after{content:W}", attr="", first=' class="x"'),
    "tag_selector": styled("p::after{content:W}", attr=""),
    "in_media": styled("@media screen{.x::after{content:W}}"),
}


@pytest.mark.parametrize("how", sorted(DRAWN))
def test_words_drawn_by_css_inside_the_post_are_added(pipeline, how):
    assert published.ADDED.id in rules(pipeline, DRAWN[how])


def test_words_drawn_inside_the_post_say_where(pipeline):
    html = DRAWN["after"]
    result = published.compare(Document("fire.md", APPROVED, "markdown"),
                               Document("page.html", html, "html"), [], pipeline, "en")
    added = [f for f in result.findings if f.rule == published.ADDED.id]
    assert added and all(html.index('<p class="x">') < f.start < html.index("如发现")
                         for f in added)


CONTROLS = {
    "icon_font": page("<style>@font-face{font-family:i;src:url(i.woff)}"
                      ".icon-home:before{content:\"\\e900\"}.icon-x::after{content:'\\e901'}"
                      "</style>", extra='<p><i class="icon-home"></i><i class="icon-x"></i></p>'),
    "clearfix": page("<style>.clearfix::after{content:\"\";display:table;clear:both}"
                     ".cf:before,.cf:after{content:\" \";display:table}</style>",
                     ' class="clearfix cf"'),
    "breadcrumbs": page("<style>.crumbs li+li::before{content:\"›\";padding:0 4px}"
                        "nav a::after{content:' | 政务公开'}</style>",
                        nav='<nav><ul class="crumbs"><li><a>首页</a></li><li>通知</li></ul>'
                            '</nav>'),
    "chrome_words": page("<style>.home::before{content:'首页'}footer::before{content:"
                         "'主办单位：某某区人民政府'}</style>",
                         nav='<nav><a class="home"></a></nav>'),
    "numbered_headings": page("<style>body{counter-reset:h}h1,h2,p{counter-increment:h}"
                              "h2::before,p::before{content:counter(h) \". \"}"
                              "ol{counter-reset:i}ol li::before{content:counters(i, \".\") "
                              "\" \"}</style>"),
    "quotation_marks": page("<style>:root{quotes:'“' '”' '‘' '’'}blockquote::before"
                            "{content:open-quote}blockquote::after{content:close-quote}"
                            "</style>"),
    "external_link_arrow": page("<style>a[href^=http]::after{content:' ↗'}"
                                "abbr[title]::after{content:' (' attr(title) ')'}</style>"),
    "print_only": page("<style>@media print{.x::after{content:'（打印版）'}}</style>",
                       ' class="x"'),
    "placeholder": page("<style>.x::placeholder{content:'请输入'}</style>", ' class="x"'),
    "hidden_element": page("<style>.y::after{content:'以上规定已于今日废止'}</style>",
                           extra='<div hidden><span class="y"></span></div>'),
}


@pytest.mark.parametrize("name", sorted(CONTROLS))
def test_ordinary_pages_still_match(pipeline, name):
    assert rules(pipeline, CONTROLS[name]) == []


# A page with no doctype is read in quirks mode: class and id selectors match in any letter
# case, and the module matched them as spelt (an under-match).
QUIRKS = {
    "class_hides": (page("<style>.X{display:none}</style>", ' class="x"'), published.MISSING.id),
    "id_hides": (page("<style>#Ban{opacity:0}</style>", ' id="ban"'), published.MISSING.id),
    "legacy_doctype": ('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">'
                       + page("<style>.X{display:none}</style>", ' class="x"'),
                       published.MISSING.id),
    "class_draws": (styled(".X::after{content:W}"), published.ADDED.id),
}


@pytest.mark.parametrize("how", sorted(QUIRKS))
def test_class_and_id_selectors_match_in_any_case_in_quirks_mode(pipeline, how):
    html, rule = QUIRKS[how]
    assert rule in rules(pipeline, html)


@pytest.mark.parametrize("doctype", [
    "<!DOCTYPE html>", "<!-- saved -->\n<!doctype html>",
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">',
])
def test_in_standards_mode_selectors_keep_their_case(pipeline, doctype):
    html = doctype + page("<style>.X{display:none}.X::after{content:'已废止'}</style>",
                          ' class="x"')
    assert rules(pipeline, html) == []
