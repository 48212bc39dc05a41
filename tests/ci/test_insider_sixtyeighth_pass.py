"""Insider red-team pass 68 (docs/redteam/pass-68.md): `review published` of a saved page that
hides the approved post by its style sheets or by moving it out of sight, and shows other words
where its reader looks (N3 of pass 65); or shows by a style rule a passage its markup hides."""

import pytest
from click.testing import CliRunner
from workflow.team import Team

from review.ci import published
from review.cli import main
from review.document import Document

APPROVED = """# 冬季防火提示

入冬以来火灾风险上升，请居民注意用火用电安全。

各社区将于本周开展消防安全检查。
"""
POST = ("<h1>冬季防火提示</h1><p>入冬以来火灾风险上升，请居民注意用火用电安全。</p>"
        "<p>各社区将于本周开展消防安全检查。</p>")
OTHER = "<h1>通知</h1><p>本局决定自明日起全区停水三天，请居民自行储水。</p>"

HIDDEN = {
    "class rule": ("<style>.x{display:none}</style><div class=x>", "</div>"),
    "id rule": ("<style>#x{visibility:hidden}</style><div id=x>", "</div>"),
    "descendant rule": ("<style>main .x p{font-size:0}</style><main><div class='a x'>",
                        "</div></main>"),
    "rule for a screen width": (
        "<style>@media screen and (max-width: 9999px){.x{opacity:0}}</style><div class=x>",
        "</div>"),
    "linked data: sheet": (
        "<link rel=stylesheet href='data:text/css,.x%7Bdisplay:none%7D'><div class=x>",
        "</div>"),
    "rule after the post": ("<div class=x>", "</div><style>.x{display:none}</style>"),
    "off screen": ("<div style='position:absolute;left:-9999px'>", "</div>"),
    "indented away": ("<div style='text-indent:-9999em;overflow:hidden'>", "</div>"),
    "translated away": ("<div style='transform:translateX(-10000px)'>", "</div>"),
    "clipped": ("<div style='position:absolute;clip:rect(0 0 0 0)'>", "</div>"),
    "clip-path": ("<div style='clip-path:inset(50%)'>", "</div>"),
    "tiny font": ("<div style='font-size:0.1px'>", "</div>"),
    "almost transparent": ("<div style='opacity:0.001'>", "</div>"),
    "scaled down": ("<div style='transform:scale(0.001)'>", "</div>"),
    "one pixel box": ("<div style='height:1px;overflow:hidden'>", "</div>"),
    "white on white": ("<div style='color:#fff;background:#fff'>", "</div>"),
}


def compare(pipeline, page):
    return published.compare(Document("fire.md", APPROVED, "markdown"),
                             Document("page.html", page, "html"), [], pipeline)


@pytest.mark.parametrize("hiding", sorted(HIDDEN))
def test_the_approved_post_hidden_by_style_is_missing(pipeline, hiding):
    before, after = HIDDEN[hiding]
    page = f"<html><body>{before}{POST}{after}{OTHER}</body></html>"
    result = compare(pipeline, page)
    assert result.decision == "block", hiding
    assert published.MISSING.id in {f.rule for f in result.findings}, hiding


SHOWN = {
    "hidden shown by a class rule": ("<style>p.y{display:block}</style>", "<p hidden class=y>"),
    "hidden shown by [hidden]": ("<style>[hidden]{display:block !important}</style>",
                                 "<p hidden>"),
    "display: none beaten by !important": ("<style>.y{display:block !important}</style>",
                                           "<p class=y style='display:none'>"),
}


@pytest.mark.parametrize("showing", sorted(SHOWN))
def test_a_passage_a_style_rule_shows_in_the_post_is_added(pipeline, showing):
    sheet, opening = SHOWN[showing]
    page = (f"<html><head>{sheet}</head><body><h1>冬季防火提示</h1>"
            f"<p>入冬以来火灾风险上升，请居民注意用火用电安全。</p>{opening}本局决定自明日起全区停水三天。</p>"
            "<p>各社区将于本周开展消防安全检查。</p></body></html>")
    result = compare(pipeline, page)
    added = [f for f in result.findings if f.rule == published.ADDED.id]
    assert added and "停水三天" in added[0].text, showing


CLEAN_SHEET = """<style>
body { font-size: 14px; color: #333; background: #fff }
.nav li ul { display: none } .nav li:hover ul { display: block }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0,0,0,0) }
.clearfix:after { content: ""; display: block; height: 0; visibility: hidden; clear: both }
.hide, [hidden] { display: none !important }
.article p { text-indent: 2em; margin: 0 0 1em }
@keyframes fade { 0% { opacity: 0 } 100% { opacity: 1 } }
@media print { body * { visibility: hidden } .article, .article * { visibility: visible } }
@media (max-width: 768px) { .pc-only { display: none } }
</style><style media="print">.article { display: none }</style>"""


def test_a_clean_page_with_a_site_s_style_sheet_matches(pipeline):
    page = (f"<html><head>{CLEAN_SHEET}</head><body><ul class=nav><li>政务公开<ul>"
            "<li>通知公告</li></ul></li></ul><span class=sr-only>跳转到正文</span>"
            f"<div class='article clearfix'>{POST}</div><div class=pc-only>扫码关注</div>"
            "<footer>版权所有</footer></body></html>")
    result = compare(pipeline, page)
    assert result.findings == [] and result.decision == "pass"


@pytest.fixture
def released(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "review.toml").write_text("", encoding="utf-8")
    team = Team.small(tmp_path)
    item = team.submit("editor", team.write("fire.md", APPROVED))
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
    return team, item


def test_the_command_finds_the_post_hidden_by_a_class_rule(tmp_path, released):
    team, item = released
    page = f"<html><head>{CLEAN_SHEET}</head><body><div class=article>{POST}</div></body></html>"
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    ok = CliRunner().invoke(main, ["published", str(item), "--file", "page.html"],
                            env=team.env(None))
    assert ok.exit_code == 0, ok.output
    page = ("<html><head><style>.x{display:none}</style></head><body>"
            f"<div class=x>{POST}</div>{OTHER}</body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    bad = CliRunner().invoke(main, ["published", str(item), "--file", "page.html"],
                             env=team.env(None))
    assert bad.exit_code == 1, bad.output
    assert "RV101" in bad.output
