from review.markup import html_view, markdown_view


def test_html_hides_tags_and_scripts_and_decodes_entities():
    text = "<p>加&nbsp;微信</p><script>var a = '出售';</script><p>&#x4E2D;国</p>"
    view = html_view(text)
    assert "出售" not in view.text
    assert "script" not in view.text
    assert "加\xa0微信" in view.text
    assert "中国" in view.text


def test_html_view_maps_to_the_original_entity():
    text = "<p>&#x4E2D;国</p>"
    view = html_view(text)
    i = view.text.index("中")
    assert text[view.starts[i]:view.ends[i]] == "&#x4E2D;"


def test_html_block_elements_separate_paragraphs():
    assert "出售\n\n冰毒" in html_view("<p>出售</p><p>冰毒</p>").text


def test_markdown_hides_link_targets_but_keeps_link_text():
    # a definition after a blank line: right under the paragraph's line it would be that
    # paragraph's text, shown (CommonMark; red-team pass 48 K3)
    text = "请点击[这里](https://shop.example.top/a?b=(1))报名\n\n[ref]: https://x.top\n"
    view = markdown_view(text)
    assert "shop.example" not in view.text
    assert "x.top" not in view.text
    assert "请点击[这里]报名" in view.text


def test_markdown_inline_html_is_hidden():
    assert markdown_view("加<b>微</b>信").text == "加微信"


# What a reader is shown besides the text between tags (red-team pass 11: 出售冰毒 in an
# <input value>, an <iframe srcdoc> or a title passed `review check`), and references in
# Markdown. Every character found maps back into the original file.

import base64  # noqa: E402
import json  # noqa: E402
from urllib.parse import quote  # noqa: E402

import pytest  # noqa: E402

BAD = "本人长期出售冰毒，加微信详聊。"
DRUG = "出售冰毒"


def span_of(view, text, word):
    """The original text a view's occurrence of `word` stands for."""
    i = view.text.index(word)
    start, end = view.span(i, i + len(word))
    return text[start:end]


def monotonic(view):
    """Original offsets only grow along a view (decide and the stages bisect them)."""
    assert all(a <= b for a, b in zip(view.starts, view.ends, strict=True))
    assert all(a <= b for a, b in zip(view.starts, view.starts[1:], strict=False))
    assert all(a <= b for a, b in zip(view.ends, view.ends[1:], strict=False))


@pytest.mark.parametrize("page", [
    f'<p>今天开会。</p><input value="{BAD}" size=60>',
    f'<p>今天开会。</p><input type="submit" value="{BAD}">',
    f'<p>今天开会。</p><textarea placeholder="{BAD}"></textarea>',
    f'<p>今天开会。</p><textarea>{BAD}</textarea>',
    f'<p title="{BAD}">今天开会。</p>',
    f'<p>今天开会。<img src="a.png" alt="{BAD}"></p>',
    f'<p>今天开会。<a href="#" aria-label="{BAD}">详情</a></p>',
    f'<select><optgroup label="{BAD}"><option>甲</option></optgroup></select>',
    f'<p>今天开会。</p><iframe srcdoc="<p>{BAD}</p>"></iframe>',
    f"<p>今天开会。</p><iframe srcdoc='<div><b>{BAD}</b></div>'></iframe>",
    f'<html><head><title>{BAD}</title></head><body><p>今天开会。</p></body></html>',
    f'<p>今天开会。</p><noscript>{BAD}</noscript>',
    f'<svg><text><![CDATA[{BAD}]]></text></svg>',
])
def test_html_text_a_reader_is_shown_outside_the_text_between_tags_is_read(page):
    view = html_view(page)
    assert BAD in view.text
    assert span_of(view, page, BAD) == BAD  # exactly where it is in the file
    monotonic(view)


@pytest.mark.parametrize("page", [
    f'<input type="hidden" value="{BAD}">',
    f'<input type="checkbox" value="{BAD}">',
    f'<link rel="alternate" title="{BAD}" href="x">',
    f'<script>var s = "{BAD}";</script>',
    f'<template><p>{BAD}</p></template>',
    f'<!-- {BAD} -->',
])
def test_html_text_no_reader_is_shown_stays_out(page):
    assert DRUG not in html_view(page).text


def test_html_srcdoc_references_map_to_the_reference_inside_the_attribute():
    page = '<iframe srcdoc="&lt;p&gt;出售&amp;#20912;毒&lt;/p&gt;"></iframe>'
    view = html_view(page)
    assert DRUG in view.text and "<p>" not in view.text  # the inner page's tags are hidden
    assert span_of(view, page, DRUG) == "出售&amp;#20912;毒"
    assert span_of(view, page, "冰") == "&amp;#20912;"
    monotonic(view)


def test_html_text_areas_and_titles_show_tags_as_text_and_run_to_the_end():
    """A browser shows a text area's content as it is: a script in it is text, not code."""
    assert DRUG in html_view(f"<textarea><script>{BAD}</script></textarea>").text
    assert DRUG in html_view(f"<p>今天开会。</p><textarea>{BAD}").text  # never closed


def test_html_a_frames_data_page_is_read_standing_for_its_url():
    inner = f"<p>{BAD}</p>".encode()
    for url in ("data:text/html;charset=utf-8," + "".join(f"%{b:02X}" for b in inner),
                "data:text/html;base64," + base64.b64encode(inner).decode()):
        page = f'<p>今天开会。</p><iframe src="{url}"></iframe>'
        view = html_view(page)
        assert BAD in view.text and span_of(view, page, DRUG) == url
        monotonic(view)
    assert DRUG not in html_view('<iframe src="data:image/png;base64,AAAA"></iframe>').text


def test_markdown_decodes_character_references_and_maps_them_to_the_reference():
    text = "出售&#20912;毒，&#x52A0;微信 &amp; &copy; &nosuch; &#0; &amp 出售冰&#x6bd2;"
    view = markdown_view(text)
    assert view.text == "出售冰毒，加微信 & © &nosuch; \ufffd &amp 出售冰毒"
    assert span_of(view, text, DRUG) == "出售&#20912;毒"
    assert span_of(view, text, "加") == "&#x52A0;"
    monotonic(view)


@pytest.mark.parametrize("text", [
    f'今天开会。\n\n<input value="{BAD}">\n',
    f'今天开会。\n\n<iframe srcdoc="{BAD}"></iframe>\n',
    f'今天开会。<img src="a.png" alt="{BAD}">\n',
    f'今天开会，详见[这里](https://x.example.gov.cn/ "{BAD}")。\n',
    f'今天开会，详见[这里][1]。\n\n[1]: https://x.example.gov.cn/ "{BAD}"\n',
])
def test_markdown_inline_html_attributes_and_link_titles_are_read(text):
    view = markdown_view(text)
    assert BAD in view.text and span_of(view, text, BAD) == BAD
    assert "x.example.gov.cn" not in view.text
    monotonic(view)


def test_a_check_finds_what_was_hidden_and_locates_it_in_the_file(cli, tmp_path):
    (tmp_path / "a.html").write_text(f'<p>今天开会。</p>\n<iframe srcdoc="<p>{BAD}</p>">'
                                     "</iframe>\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("今天开会。\n\n本人长期出售&#20912;毒。\n", encoding="utf-8")
    result = cli("check", "--format", "json", str(tmp_path))
    assert result.exit_code == 1
    found = {report["path"].rsplit("/", 1)[-1]: f
             for report in json.loads(result.stdout)["files"]
             for f in report["findings"] if f["text"].startswith("出售")}  # IL001, IL601
    assert found["a.html"]["text"] == DRUG
    column = len('<iframe srcdoc="<p>本人长期') + 1
    assert found["a.html"]["location"] == {"line": 2, "column": column}
    assert found["b.md"]["text"] == "出售&#20912;毒"
    assert found["b.md"]["location"] == {"line": 3, "column": len("本人长期") + 1}


def test_fix_corrects_a_typo_inside_a_srcdoc_or_written_with_a_reference(cli, tmp_path):
    page = tmp_path / "a.html"
    page.write_text('<p>各单位要再接再&#21169;。</p><iframe srcdoc="<p>各单位要再接再励。</p>">'
                    "</iframe>", encoding="utf-8")
    result = cli("fix", "--in-place", str(page))
    assert result.exit_code == 0, result.stderr
    assert page.read_text(encoding="utf-8") == \
        '<p>各单位要再接再厉。</p><iframe srcdoc="<p>各单位要再接再厉。</p>"></iframe>'


def test_fix_leaves_a_typo_in_a_data_page_and_says_so(cli, tmp_path):
    url = "data:text/html;charset=utf-8," + "".join(f"%{b:02X}" for b in "再接再励".encode())
    page = tmp_path / "a.html"
    page.write_text(f'<p>通知</p><iframe src="{url}"></iframe>', encoding="utf-8")
    before = page.read_bytes()
    result = cli("fix", "--in-place", "--lang", "en", str(page))
    assert result.exit_code == 1 and page.read_bytes() == before
    assert "“再接再厉”: the file writes this text otherwise than a reader sees it" in result.stderr


@pytest.mark.parametrize("draft", [
    "见\\[通知\\](内部资料请勿外传)。\n",          # escaped brackets: no link
    "正文。\n\n[附]: 内部资料 请勿外传\n",           # a destination with a space: no definition
    "详见[通知](这里 内部资料请勿外传)。\n",         # likewise after a real link text
])
def test_markdown_that_is_no_link_is_read_as_the_reader_sees_it(draft):
    """The twelfth red-team pass: brackets and parentheses that CommonMark shows as text were
    hidden as a link target or a reference definition, and a term in them went unchecked."""
    assert "内部资料" in markdown_view(draft).text


def test_a_real_link_target_and_definition_stay_hidden():
    view = markdown_view('详见[通知](https://x.gov.cn/a(b)c "说明")。\n\n[附]: https://x.gov.cn\n')
    assert "x.gov.cn" not in view.text and "说明" in view.text and "通知" in view.text


@pytest.mark.parametrize("draft", [
    "甲<span 本通报属内部资料请勿外传>乙\n",      # no attribute name: no tag, shown as text
    "正文。\n\n    <!-- 内部资料请勿外传 -->\n",  # an indented code block
    "```\n<!-- 内部资料请勿外传 -->\n```\n",       # a fenced one
    "用 `<!-- 内部资料请勿外传 -->` 表示。\n",      # a code span
    "\\<!-- 内部资料请勿外传 -->\n",                # an escaped <
    "甲<!-->内部资料请勿外传\n",                    # an empty comment, whole (HTML5)
    "甲<!-- x --!>内部资料请勿外传 -->\n",          # a comment a browser ends at --!>
])
def test_markdown_shows_what_commonmark_and_browsers_show(draft):
    """Red-team pass 13: anything shaped like a tag or a comment was hidden, wherever it was."""
    assert "内部资料" in markdown_view(draft).text


@pytest.mark.parametrize("page", ["<p>甲<!-->内部资料</p>", "<p>甲<!--->内部资料</p>",
                                  "<p>甲<!-- x --!>内部资料 --></p>"])
def test_a_page_s_comments_end_where_a_browser_ends_them(page):
    view = html_view(page)
    assert "内部资料" in view.text
    start = view.text.index("内部资料")
    assert page[view.span(start, start + 4)[0]:view.span(start, start + 4)[1]] == "内部资料"


def test_real_tags_and_comments_stay_hidden():
    assert markdown_view("加<!-- 注释 -->微<b class='x'>信</b>").text == "加微信"
    assert html_view("<p>加<!-- 注释 -->微信</p>").text.strip() == "加微信"


@pytest.mark.parametrize("draft", [
    "# 通知\n    <span x=\"内部资料请勿外传\">\n",        # code indented right after a heading
    "> ```\n> <!-- 内部资料请勿外传 -->\n",                # an unclosed fence in a quotation
    "\\`a` <b x=\"内部资料请勿外传\"> `c`\n",               # a code span after an escaped `
    "<a\n\nx=\"内部资料请勿外传\">\n",                      # a blank line ends a tag
    "`[a`](内部资料请勿外传)\n",                            # the [ is in code: no link
    "[[通知](a)](内部资料请勿外传)\n",                      # links do not nest
])
def test_markdown_shows_what_commonmark_shows_fourteenth_pass(draft):
    assert "内部资料" in markdown_view(draft).text


def test_markdown_hides_a_script_s_content_as_a_browser_does():
    """Red-team pass 14: `<script>壹</script>` added to a rejected draft made it "another
    text", though a reader sees the same."""
    assert markdown_view("正文。<script>壹</script>\n").text.strip() == "正文。"
    assert "尾" in markdown_view("正文<style>x</style>尾").text


@pytest.mark.parametrize("page", ["<style>a{}</style x=1><p>内部资料</p>",
                                  "<script>x</script/><p>内部资料</p>"])
def test_a_raw_text_end_tag_with_a_tail_ends_the_element(page):
    """Red-team pass 14: `</style x=1>` ends a style for a browser; the parser hid the rest."""
    assert "内部资料" in html_view(page).text


# Twentieth red-team pass: text a page's CSS draws (generated content, string list markers,
# counter styles) was never read — <style> was dropped whole — and text shown in another order
# than written (bidi controls, <bdo>, dir="rtl", CSS overrides) was read in file order.
ESCAPED = "".join(f"\\{ord(c):X} " for c in BAD)  # CSS escapes: the source shows no word


@pytest.mark.parametrize("page", [
    f'<style>p.lead::before {{ content: "{BAD}"; }}</style><p class="lead">今天开会。</p>',
    f"<style>ul.m {{ list-style-type: '{ESCAPED}'; }}</style><ul class=m><li>甲</li></ul>",
    f'<ul><li style="list-style: square inside &quot;{BAD}&quot;">甲</li></ul>',
    f'<ol><li style=\'list-style-type: "{BAD}"\'>甲</li></ol>',
    f'<style>@counter-style x {{ system: cyclic; symbols: "{BAD}"; suffix: " "; }}</style>',
    f'<style>@counter-style x {{ system: extends decimal; prefix: "{BAD}"; }}</style>',
    f'<style>@counter-style x {{ system: additive; additive-symbols: 1 "{BAD}"; }}</style>',
    f'<style>@media screen {{ q {{ quotes: "{BAD}" "」"; }} }}</style><q>甲</q>',
    f'<style>:root {{ --t: "{BAD}"; }} p::after {{ content: var(--t); }}</style><p>甲</p>',
    f'<style>p::before {{ content: counter(c, symbols(cyclic "{BAD}")); }}</style><p>甲</p>',
    f'<style>p::before {{ content: attr(data-x); }}</style><p data-x="{BAD}">甲</p>',
    f'<p>今天开会。</p><style>p::after {{ content: "{BAD}" }}',  # never closed
    f'<iframe srcdoc="<style>p::after{{content:&quot;{BAD}&quot;}}</style><p>甲"></iframe>',
    # twenty-first pass: an SVG's <style> is markup (references decoded, CDATA dropped), and
    # a style sheet can come in a data: address
    '<svg><style>p::before{content:"' + "".join(f"&#{ord(c)};" for c in BAD) +
    '"}</style></svg><p>甲</p>',
    f'<svg><style><![CDATA[ p::before{{content:"{BAD}"}} ]]></style></svg><p>甲</p>',
    '<link rel="stylesheet" href="data:text/css;base64,' +
    base64.b64encode(f'p::before{{content:"{BAD}"}}'.encode()).decode() + '"><p>甲</p>',
    '<style>@import "data:text/css;base64,' +
    base64.b64encode(f'p::before{{content:"{BAD}"}}'.encode()).decode() + '";</style><p>甲</p>',
    '<style>@import url(data:text/css,' + quote(f'p::after{{content:"{BAD}"}}') +
    ');</style><p>甲</p>',
])
def test_html_text_drawn_by_css_is_read(page):
    view = html_view(page)
    assert BAD in view.text, view.text
    monotonic(view)


def test_html_css_text_stands_for_its_string_literal():
    page = f'<style>\np::before {{ content: "{ESCAPED}"; }}\n</style><p>今天开会。</p>'
    view = html_view(page)
    assert span_of(view, page, DRUG) == f'"{ESCAPED}"'
    page = f'<li style="color: red; list-style-type: \'{BAD}\'">甲</li>'
    assert span_of(html_view(page), page, DRUG) == f"'{BAD}'"


@pytest.mark.parametrize("css", [
    "body { color: #333; font-family: \"微软雅黑\", 'SimSun'; background: url(\"bg.png\"); }",
    ".clearfix::after { content: \"\"; display: table; } input[type=\"text\"] { width: 9em; }",
    "ol { list-style-type: decimal; } ul { list-style: disc inside; } p { direction: ltr; }",
    "a::after { content: url(\"icon.png\"); }\n"
    "@font-face { font-family: \"甲\"; src: url(a.woff); }",
])
def test_html_ordinary_css_changes_nothing_a_reader_is_shown(css):
    body = '<p style="color: red">今天<span style="font-weight: bold">开会</span>。</p>'
    assert html_view(f"<style>{css}</style>{body}").text.strip() == html_view(body).text.strip()
    assert html_view(f'<p style=\'{css.split("{")[1].split("}")[0]}\'>今天开会。</p>').text \
        .strip() == "今天开会。"


def test_a_check_finds_css_text_and_locates_it_at_the_literal(cli, tmp_path):
    (tmp_path / "a.html").write_text(
        "<html><head><style>\n"
        f'p.lead::before {{ content: "{BAD}"; }}\n'
        f'ul.m {{ list-style-type: "{ESCAPED}"; }}\n'
        "</style></head><body><p class=lead>今天开会。</p></body></html>\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(f"# 通知\n\n<style>p::before {{ content: '{BAD}' }}</style>\n\n"
                                   "今天开会。\n", encoding="utf-8")
    result = cli("check", "--format", "json", str(tmp_path))
    assert result.exit_code == 1
    found = {(report["path"].rsplit("/", 1)[-1], f["rule"], f["location"]["line"]):
             (f["severity"], f["location"]) for report in json.loads(result.stdout)["files"]
             for f in report["findings"]}
    assert found[("a.html", "IL001", 2)] == ("block", {"line": 2, "column": 27})
    assert found[("a.html", "IL001", 3)] == ("block", {"line": 3, "column": 25})
    assert found[("b.md", "IL001", 3)][0] == "block"


@pytest.mark.parametrize(("name", "content", "where"), [
    ("a.md", "# 通知\n\n请按时自查，\u202e好法大轮法\u202c。\n", "3:7"),
    ("a.txt", "请按时自查，\u2067好法大轮法\u2069。\n", "1:7"),
    ("a.html", "<p>请按时自查，&#x202E;好法大轮法&#x202C;。</p>\n", "1:10"),
    ("a.html", "<p>请按时自查，<bdo dir=rtl>好法大轮法</bdo>。</p>\n", "1:10"),
    ("a.html", "<p>请按时自查，</p>\n<p dir=\"RTL\">好法 大轮法</p>\n", "2:1"),
    ("a.html", "<p>请按时自查，<span style=\"direction:rtl\">好法 大轮法</span></p>\n", "1:23"),
    ("a.html", "<style>\n.x { unicode-bidi: bidi-override; }\n</style><p class=x>好法大轮法</p>\n",
     "2:6"),
    ("a.html", "<style>.x { unicode-bidi: isolate-override; direction: rtl }</style>\n", "1:13"),
    ("a.html", "<iframe srcdoc=\"<bdo dir=rtl>好法大轮法</bdo>\"></iframe>\n", "1:17"),
    ("a.md", "# 通知\n\n请按时自查，<bdo dir=\"rtl\">好法大轮法</bdo>。\n", "3:7"),
    ("a.html", "<style>:root{--d:rtl}\n.x{direction:var(--d)}</style><p class=x>甲</p>\n",
     "2:4"),
    # pieces of text shown in another order: a flex container in reverse, an item placed
    ("a.html", "<div style=\"display:flex;flex-direction:row-reverse\"><span>免费</span>"
     "<span>个人：三千元</span></div>\n", "1:26"),
    ("a.html", "<style>\n.a{order:2}</style><div style=display:flex><b class=a>单位</b>"
     "<b>个人</b></div>\n", "2:4"),
    ("a.html", "<style>.g{display:grid}\n.b{grid-row:1}</style>\n", "2:4"),
    ("a.html", "<div style=\"display:flex;flex-wrap:wrap-reverse\"><b>甲</b></div>\n", "1:26"),
    ("a.html", "<style>\n.g{display:grid;grid-auto-flow:column}</style>\n", "2:17"),
])
def test_text_shown_in_another_order_than_written_is_refused(cli, tmp_path, name, content,
                                                             where):
    (tmp_path / name).write_text(content, encoding="utf-8")
    result = cli("check", "--lang", "en", name)
    assert result.exit_code == 2
    error = result.stderr if result.stderr_bytes else result.stdout
    lines = [line for line in error.splitlines() if line.startswith(f"{name}:")]
    assert len(lines) == 1 and "readers would see another order than is checked" in lines[0], error
    assert f"at {where})" in lines[0], lines[0]


@pytest.mark.parametrize("page", [
    '<p dir="ltr">今天开会。</p>', '<p dir="auto">今天开会。</p>',
    '<p style="direction: ltr; unicode-bidi: embed">今天开会。</p>',
    "<p>今天\u200e开会。</p>",  # a direction mark (no embedding): still read through
])
def test_ordinary_direction_markup_is_read_as_before(page):
    assert html_view(page).text.strip().replace("\u200e", "") == "今天开会。"


# Twenty-second red-team pass: text a browser shows that the checker did not read — strings
# CSS draws at a clipped line's end, at hyphens and from a registered property's initial
# value; a declarative shadow root (<template shadowrootmode>); SVG and other text a data:
# address shows in a frame or as an image; a datalist's option values — and a page's own font,
# whose glyphs may draw other words than its characters.
SVG = ('data:image/svg+xml,' +
       quote(f'<svg xmlns="http://www.w3.org/2000/svg"><text y="20">{BAD}</text></svg>'))


@pytest.mark.parametrize("page", [
    f'<style>p{{overflow:hidden;white-space:nowrap;text-overflow:"{BAD}"}}</style><p>今天开会</p>',
    f'<p style=\'text-overflow: clip "{BAD}"\'>今天开会</p>',
    f'<style>p{{hyphens:manual;hyphenate-character:"{BAD}"}}</style><p>ab&shy;cd</p>',
    f'<style>p{{-webkit-hyphenate-character:"{ESCAPED}"}}</style><p>ab&shy;cd</p>',
    f'<style>@property --m {{ syntax: "*"; inherits: false; initial-value: "{BAD}"; }}\n'
    'p::after { content: var(--m) }</style><p>今天开会</p>',
    f'<div><template shadowrootmode="open"><p>{BAD}</p></template></div>',
    f'<div><template shadowroot=closed><style>p::after{{content:"{BAD}"}}</style><p>甲</p>'
    '</template></div>',
    f'<p>今天开会。</p><iframe src="{SVG}"></iframe>',
    f'<p>今天开会。</p><object data="{SVG}"></object>',
    f'<p>今天开会。<img src="{SVG}" alt=""></p>',
    f'<p>今天开会。<img srcset="{SVG}"></p>',
    f'<svg><image href="{SVG}"/></svg>',
    f'<div style="height:40px;background:url(\'{SVG}\')"></div>',
    f'<style>li{{list-style-image:url("{SVG}")}}</style><ul><li>甲</li></ul>',
    f'<style>p::before{{content:image-set("{SVG}" 1x)}}</style><p>甲</p>',
    '<iframe src="data:text/xml;charset=utf-8,' + quote(f"<a>{BAD}</a>") + '"></iframe>',
    '<iframe src="data:application/json,' + quote(f'{{"a":"{BAD}"}}') + '"></iframe>',
    '<iframe src="data:text/css;base64,' + base64.b64encode(BAD.encode()).decode() +
    '"></iframe>',
    f'<input list=s><datalist id=s><option value="{BAD}"></datalist>',
])
def test_html_text_a_browser_shows_is_read_twenty_second_pass(page):
    view = html_view(page)
    assert DRUG in view.text, view.text
    monotonic(view)


def test_a_page_s_ordinary_templates_and_images_stay_unread():
    page = (f'<template><p>{BAD}</template><template shadowrootmode=nonsense>{BAD}</template>'
            f'<img src="data:image/png;base64,{base64.b64encode(BAD.encode()).decode()}">'
            f'<iframe src="data:application/octet-stream,{quote(BAD)}"></iframe>'
            f'<p style="text-emphasis: filled sesame; text-emphasis-style: \'﹅\'">今天开会</p>')
    assert html_view(page).text.strip() == "今天开会"


def test_an_svg_image_s_text_stands_for_its_address():
    page = f'<p>今天开会。</p><div style="background:url(\'{SVG}\')"></div>'
    assert span_of(html_view(page), page, DRUG) == f"'{SVG}'"
    page = f'<p>今天开会。<img src="{SVG}"></p>'
    assert span_of(html_view(page), page, DRUG) == SVG


def test_markdown_shows_a_declarative_shadow_root():
    text = f"# 通知\n\n<div><template shadowrootmode=\"open\">{BAD}</template></div>\n"
    assert DRUG in markdown_view(text).text
    assert DRUG not in markdown_view(f"<template>{BAD}</template>\n").text


@pytest.mark.parametrize(("name", "content", "said"), [
    ("a.html", '<style>\n@font-face { font-family: t; src: url(data:font/woff2;base64,AAAA) }'
     "\n</style><p>今天开会</p>\n", "embedded font (@font-face at 2:35)"),
    ("a.html", "<style>@font-face{font-family:t;src:local(x),url('data:font/otf;base64,AA')"
     ' format("opentype")}</style>\n', "embedded font (@font-face at 1:50)"),
    ("a.md", "# 通知\n\n<style>@font-face{src:url(\"data:;base64,AA\")}</style>\n\n今天开会\n",
     "embedded font (@font-face at 3:27)"),
    ("a.html", '<style>.a{text-emphasis:"出"}</style><p>今天<span class=a>下</span></p>\n',
     'text-emphasis: "…" at 1:11'),
    ("a.html", "<p>今<span style='text-emphasis-style: filled \"售\"'>天</span></p>\n",
     'text-emphasis-style: "…" at 1:18'),
])
def test_a_page_s_own_font_or_a_spelt_emphasis_mark_is_refused(cli, tmp_path, name, content,
                                                                said):
    (tmp_path / name).write_text(content, encoding="utf-8")
    result = cli("check", "--lang", "en", name)
    assert result.exit_code == 2
    error = result.stderr if result.stderr_bytes else result.stdout
    lines = [line for line in error.splitlines() if line.startswith(f"{name}:")]
    assert len(lines) == 1 and said.split(" (")[-1].rstrip(")") in lines[0], error
    assert "Traceback" not in error


def test_a_rejection_signed_before_a_reading_grew_still_names_the_page():
    """A page rejected as the twenty-first pass read it is the same page now."""
    from review.markup import reading_as
    from review.workflow.service import _same_text, _text_digests, sha256

    page = (f'<p>今天开会。</p><div><template shadowrootmode=open>{BAD}</template></div>'
            f'<style>p{{text-overflow:"{BAD}"}}</style><img src="{SVG}">').encode()
    now = _same_text(page, "a.html")
    for version in (0, 1):
        with reading_as(version):
            then = _same_text(page, "a.html")
        assert then != now and sha256(then.encode()) in _text_digests(page, "a.html")


# Twenty-second red-team pass: characters an element hides by its own markup parted, for the
# check, words a reader sees joined (出<span hidden>甲</span>售冰毒). The line is read again
# without them, standing for the tag that ends it; the hidden text is still read in place.
@pytest.mark.parametrize("page", [
    '<p>本人长期出<span hidden>甲</span>售冰毒，加微信详聊。</p>',
    '<p>本人长期出<span style="display: none">甲</span>售冰毒</p>',
    '<p>本人长期出<b style="font-size:0px">甲<i>乙</i>丙</b>售冰毒</p>',
    '<div>本人长期出<span style="opacity:0">甲</span>售<span style=\'visibility:hidden\'>乙'
    '</span>冰毒<br>下一行</div>',
    '<p>本人长期出<span hidden><span>甲</span>乙</span>售冰毒',  # never closed
])
def test_words_parted_by_hidden_text_are_read_joined(page):
    view = html_view(page)
    assert DRUG in view.text, view.text
    assert "甲" in view.text  # and what is hidden, where it stands
    monotonic(view)


def test_a_line_without_hidden_text_is_read_once():
    page = '<p>今天<b>开会</b>。<span hidden>甲</span></p><p hidden>乙</p>'
    assert html_view(page).text.count("今天") == 1


def test_markdown_words_parted_by_hidden_inline_html_are_read_joined():
    text = '# 通知\n\n本人长期出<span hidden>甲</span>售冰毒。\n\n下一段<span hidden>乙</span>\n'
    view = markdown_view(text)
    assert DRUG in view.text and "甲" in view.text and view.text.count("下一段") == 1
    monotonic(view)


@pytest.mark.parametrize("page", [
    '<p>本人长期出<img src="1px.gif" alt="甲">售冰毒</p>',  # a loaded image shows no alt text
    '<p>本人长期出<abbr title="甲"></abbr>售冰毒</p>',
])
def test_words_parted_by_an_attribute_read_on_its_own_line_are_read_joined(page):
    view = html_view(page)
    assert DRUG in view.text and "甲" in view.text
    monotonic(view)


def test_data_pages_nested_past_what_is_read_are_refused(cli, tmp_path):
    page = f"<svg xmlns='http://www.w3.org/2000/svg'><text>{BAD}</text></svg>"
    for _ in range(6):
        page = f"<svg xmlns='http://www.w3.org/2000/svg'><image href=\"" \
               f"data:image/svg+xml,{quote(page)}\"/></svg>"
    (tmp_path / "a.html").write_text(f'<p>今天开会</p><img src="data:image/svg+xml,'
                                     f'{quote(page)}">\n', encoding="utf-8")
    (tmp_path / "b.html").write_text('<p>今天<span style="--m:\'出\';text-emphasis:var(--m)">'
                                     "开</span>会</p>\n", encoding="utf-8")
    for name in ("a.html", "b.html"):
        result = cli("check", "--lang", "en", name)
        assert result.exit_code == 2 and "cannot be checked where a reader sees it" in \
            result.output, result.output


@pytest.mark.parametrize("opening", ["<a", "</a", "<!x", "<?x", "<!--a>", "<![x>"])
def test_a_page_of_openings_that_never_close_is_refused_at_once(opening):
    """`<a<a<a…` after the last `>` (or comments after the last `-->`): this Python's parser
    looked for each one's end to the end of the page, then read it as text — 40 KB took
    seconds, 400 KB minutes (red-team pass 56's note). No browser shows them: refused, one
    line, before any parse; a page with a few of them reads as before."""
    from review.errors import InputError

    page = "<p>停水通知</p>" + opening * 20_000
    with pytest.raises(InputError) as refused:
        html_view(page)
    assert refused.value.key == "unclosed_markup" and "1:12" in refused.value.message("en")
    few = "<p>停水通知</p>" + "<a" * 20
    assert "停水通知" in html_view(few).text


def test_comments_a_browser_closes_with_dashes_and_bang_are_not_unclosed():
    """`<!--x--!>` ends a comment in a browser (and in the rewritten text the parser reads):
    a page of 2,000 of them is read, not refused (pass 57's note)."""
    page = "<p>停水通知</p>" + "<!--x--!>" * 2_000 + "<p>明日恢复</p>"
    assert "明日恢复" in html_view(page).text
