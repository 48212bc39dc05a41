"""`review published`: the page as it went out, against the approved content."""

import json

import pytest
from click.testing import CliRunner
from rendered import parse, rule_ids
from workflow.team import Team

from review.ci import published
from review.cli import main
from review.document import Document
from review.report import RENDERERS

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



def compare(pipeline, page, approved=APPROVED):
    return published.compare(Document("fire.md", approved, "markdown"),
                             Document("page.html", page, "html"), [], pipeline)


def rules(result):
    return sorted(f.rule for f in result.findings)


def test_a_faithful_page_matches_even_with_page_chrome(pipeline):
    result = compare(pipeline, PAGE)
    assert result.findings == [] and result.decision == "pass"


def test_an_altered_passage_is_found_where_it_is_on_the_page(pipeline):
    page = PAGE.replace("请居民注意用火用电安全", "请居民注意用电安全")
    result = compare(pipeline, page)
    assert rules(result) == [published.ALTERED.id] and result.decision == "block"
    altered = result.findings[0]
    assert altered.text == page[altered.start:altered.end] \
        == "入冬以来火灾风险上升，请居民注意用电安全"
    assert altered.location.line == page[:altered.start].count("\n") + 1 == 3
    assert altered.suggestion == "入冬以来火灾风险上升，请居民注意用火用电安全"


def test_a_missing_passage_is_an_empty_span_where_it_should_be(pipeline):
    page = PAGE.replace("<h1>冬季防火提示</h1>", "")
    result = compare(pipeline, page)
    assert rules(result) == [published.MISSING.id]
    missing = result.findings[0]
    assert missing.start == missing.end == page.index("入冬以来")  # before what follows it
    assert "冬季防火提示" in missing.message


def test_links_images_and_broken_link_syntax(pipeline):
    page = PAGE.replace("https://yjj.example.gov.cn/notice/1", "https://shop.example.top/x")
    result = compare(pipeline, page)
    found = rules(result)
    assert published.LINK_NOT_APPROVED.id in found and published.LINK_MISSING.id in found
    # the shop link is itself a finding the approval lacked
    new = next(f for f in result.findings if f.rule == published.NEW_FINDING.id)
    assert "AD503" in new.message and new.text == "https://shop.example.top/x"
    unapproved = next(f for f in result.findings if f.rule == published.LINK_NOT_APPROVED.id)
    assert unapproved.text == "https://shop.example.top/x"
    page = PAGE.replace("fire-2026.png", "fire-2025.png")
    assert rules(compare(pipeline, page)) == [published.IMAGE_MISSING.id,
                                              published.IMAGE_NOT_APPROVED.id]
    page = PAGE.replace('<a href="https://yjj.example.gov.cn/notice/1">应急管理局</a>',
                        "[应急管理局](https://yjj.example.gov.cn/notice/1)")
    broken = [f for f in compare(pipeline, page).findings
              if f.rule == published.BROKEN_LINK_SYNTAX.id]
    assert broken and broken[0].text in page and "](" in broken[0].text


def test_every_published_rule_is_declared_once_in_its_range():
    ids = [rule.id for rule in published.RULES]
    assert len(ids) == len(set(ids)) == 11
    assert all(101 <= int(i[2:]) <= 199 and i.startswith("RV") for i in ids)
    assert all(rule.message("zh") != rule.message("en") for rule in published.RULES)


PICTURE = b"\x89PNG\r\n\x1a\n fire-2026"


@pytest.fixture
def released(tmp_path, monkeypatch):
    """A team whose approved fire.md is released; the item's id."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "review.toml").write_text("", encoding="utf-8")
    team = Team.small(tmp_path)
    team.write("images/fire-2026.png", PICTURE)  # a picture it shows is bound with it
    item = team.submit("editor", team.write("fire.md", APPROVED))
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
    return team, item


def test_the_command_compares_with_the_released_item(tmp_path, released):
    team, item = released
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    ok = CliRunner().invoke(main, ["published", str(item), "--file", "page.html"],
                            env=team.env(None))
    assert ok.exit_code == 0, ok.output
    (tmp_path / "page.html").write_text(PAGE.replace("用火用电", "用电"), encoding="utf-8")
    bad = CliRunner().invoke(main, ["published", str(item), "--file", "page.html", "--format",
                                    "json"], env=team.env(None))
    assert bad.exit_code == 1
    data = json.loads(bad.stdout)
    assert data["item"] == item
    page = data["files"][0]
    assert page["path"] == "page.html" and page["decision"] == "block"
    assert [f["rule"] for f in page["findings"]] == ["RV102"]
    assert page["findings"][0]["location"] == {"line": 3, "column": 4}


def test_every_output_format_reports_the_differences(tmp_path, released):
    team, item = released
    # saved without a suffix: recognised as HTML by its tags
    (tmp_path / "page").write_text(PAGE.replace("用火用电", "用电").replace(
        "fire-2026.png", "fire-2025.png"), encoding="utf-8")
    for fmt in RENDERERS:
        result = CliRunner().invoke(main, ["published", str(item), "--file", "page",
                                           "--format", fmt, "--lang", "en"], env=team.env(None))
        assert result.exit_code == 1, (fmt, result.output)
        assert rule_ids(fmt, result.stdout) == {"RV102", "RV106", "RV107"}, fmt
        if fmt == "junit":
            assert parse(fmt, result.stdout).get("name") == "review published"


def test_the_page_is_checked_with_the_workspace_s_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "terms.txt").write_text("某某牌保健酒\n", encoding="utf-8")
    (tmp_path / "review.toml").write_text('[[lexicon]]\npath = "terms.txt"\ncategory = "ads"\n',
                                          encoding="utf-8")
    team = Team.small(tmp_path)
    team.write("images/fire-2026.png", PICTURE)  # a picture it shows is bound with it
    item = team.submit("editor", team.write("fire.md", APPROVED))
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
    (tmp_path / "page.html").write_text(PAGE.replace("版权所有", "推荐某某牌保健酒"),
                                        encoding="utf-8")
    result = CliRunner().invoke(main, ["published", str(item), "--file", "page.html", "--format",
                                       "json"], env=team.env(None))
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert any(f["rule"] == "RV108" and "terms:某某牌保健酒" in f["message"] for f in findings)


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_a_draft_in_any_encoding_is_shown_and_compared_as_its_text(tmp_path, monkeypatch,
                                                                  encoding):
    """A draft saved as editors save it (GBK with CRLF, UTF-16 or UTF-8 with a BOM)
    is checked, shown and compared as the text the checker read, never as UTF-8 bytes; so is
    the page, saved the same way and without a suffix."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "review.toml").write_text("", encoding="utf-8")
    team = Team.small(tmp_path)
    draft = APPROVED.replace("\n", "\r\n") if encoding == "gb18030" else APPROVED
    team.write("images/fire-2026.png", PICTURE)  # a picture it shows is bound with it
    item = team.submit("editor", team.write("fire.md", draft.encode(encoding)))
    shown = team.ok(None, "show", str(item)).stdout
    assert "入冬以来火灾风险上升，请居民注意用火用电安全。" in shown and "\ufffd" not in shown
    data = json.loads(team.ok(None, "show", str(item), "--format", "json").stdout)
    assert data["content"] == draft and data["title"] == "# 冬季防火提示"
    assert "冬季防火提示" in team.ok(None, "log", str(item)).stdout
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
    for page in (PAGE, PAGE.encode(encoding)):
        (tmp_path / "page").write_bytes(page.encode() if isinstance(page, str) else page)
        result = team.run(None, "published", str(item), "--file", "page", "--format", "json")
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["files"][0]["findings"] == []


def test_a_page_over_the_configured_size_is_refused_before_it_is_read(tmp_path, released):
    """`max-file-size`, the setting `review check` uses: a one-line error and exit 2, by the
    page's size alone (a sparse 2 GB file is never read), or by one byte past it on stdin."""
    team, item = released
    (tmp_path / "review.toml").write_text("max-file-size = 0.001\n", encoding="utf-8")  # 1 KB
    big = PAGE.replace("版权所有", "版权所有" * 100)
    (tmp_path / "page.html").write_text(big, encoding="utf-8")
    result = team.fails(2, None, "published", str(item), "--file", "page.html", "--lang", "zh",
                        match="page.html: 文件过大")
    assert "上限 1 KB" in result.stderr and result.stdout == ""
    with open(tmp_path / "huge.html", "wb") as f:
        f.truncate(2**31)
    team.fails(2, None, "published", str(item), "--file", "huge.html", "--lang", "en",
               match="huge.html: is too large (2 GB, the limit is 1 KB)")
    refused = team.runner.invoke(main, ["published", str(item), "--file", "-"],
                                 input=big.encode(), env={**team.env(None), "REVIEW_LANG": "zh"})
    assert refused.exit_code == 2 and refused.stderr.count("\n") == 1
    assert refused.stderr.startswith("review: -: 文件过大（超过上限 1 KB）")
    ok = team.runner.invoke(main, ["published", str(item), "--file", "-", "--format", "json"],
                            input=PAGE.encode(), env=team.env(None))
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout)["files"][0]["findings"] == []
