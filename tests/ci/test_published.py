"""`review published`: the page as it went out, against the approved content."""

import json

from click.testing import CliRunner
from workflow.team import Team

from review.ci.published import compare
from review.cli import main

APPROVED = """# 冬季防火提示

入冬以来火灾风险上升，请居民注意用火用电安全。

详情见[应急管理局](https://yjj.example.gov.cn/notice/1)。

![宣传图](images/fire-2026.png)
"""
PAGE = """<html><body><nav>首页 | 政务公开</nav>
<h1>冬季防火提示</h1>
<p>入冬以来火灾风险上升，请居民注意用火用电安全。</p>
<p>详情见<a href="https://yjj.example.gov.cn/notice/1">应急管理局</a>。</p>
<img src="https://cdn.example.gov.cn/upload/fire-2026.png">
<footer>版权所有</footer></body></html>"""


def kinds(problems):
    return sorted(p["kind"] for p in problems)


def test_a_faithful_page_matches_even_with_page_chrome():
    assert compare(APPROVED, "markdown", PAGE, "html", []) == []


def test_missing_and_altered_passages():
    page = PAGE.replace("请居民注意用火用电安全", "请居民注意用电安全")
    assert kinds(compare(APPROVED, "markdown", page, "html", [])) == ["altered"]
    page = PAGE.replace("<h1>冬季防火提示</h1>", "")
    assert kinds(compare(APPROVED, "markdown", page, "html", [])) == ["missing"]


def test_links_images_and_broken_link_syntax():
    page = PAGE.replace("https://yjj.example.gov.cn/notice/1", "https://shop.example.top/x")
    found = kinds(compare(APPROVED, "markdown", page, "html", []))
    assert "link_not_approved" in found and "link_missing" in found
    assert "new_finding" in found  # the shop link is itself a finding the approval lacked
    page = PAGE.replace("fire-2026.png", "fire-2025.png")
    assert kinds(compare(APPROVED, "markdown", page, "html", [])) == ["image_missing",
                                                                      "image_not_approved"]
    page = PAGE.replace('<a href="https://yjj.example.gov.cn/notice/1">应急管理局</a>',
                        "[应急管理局](https://yjj.example.gov.cn/notice/1)")
    assert "broken_link_syntax" in kinds(compare(APPROVED, "markdown", page, "html", []))


def test_the_command_compares_with_the_released_item(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "review.toml").write_text("", encoding="utf-8")
    team = Team.small(tmp_path)
    item = team.submit("editor", team.write("fire.md", APPROVED))
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    ok = CliRunner().invoke(main, ["published", str(item), "--file", "page.html"],
                            env=team.env(None))
    assert ok.exit_code == 0, ok.output
    (tmp_path / "page.html").write_text(PAGE.replace("用火用电", "用电"), encoding="utf-8")
    bad = CliRunner().invoke(main, ["published", str(item), "--file", "page.html", "--format",
                                    "json"], env=team.env(None))
    assert bad.exit_code == 1
    assert json.loads(bad.stdout)["problems"][0]["kind"] == "altered"


def test_the_page_is_checked_with_the_workspace_s_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "terms.txt").write_text("某某牌保健酒\n", encoding="utf-8")
    (tmp_path / "review.toml").write_text('[[lexicon]]\npath = "terms.txt"\ncategory = "ads"\n',
                                          encoding="utf-8")
    team = Team.small(tmp_path)
    item = team.submit("editor", team.write("fire.md", APPROVED))
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
    (tmp_path / "page.html").write_text(PAGE.replace("版权所有", "推荐某某牌保健酒"),
                                        encoding="utf-8")
    result = CliRunner().invoke(main, ["published", str(item), "--file", "page.html", "--format",
                                       "json"], env=team.env(None))
    assert result.exit_code == 1
    assert any(p["kind"] == "new_finding" and "terms:某某牌保健酒" in p["detail"]
               for p in json.loads(result.stdout)["problems"])
