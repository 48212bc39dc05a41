"""Red-team pass 48 on the workflow (docs/redteam/pass-48.md)."""

from __future__ import annotations

import os

import pytest
from workflow.team import Team

NOTICE = ("关于开展冬季消防安全检查的通知\n\n"
          "请各单位于12月10日前完成自查[详见](本人长期出售冰毒)。\n")


def _released(team: Team, name: str, text: str) -> str:
    path = team.write(name, text)
    item = team.submit("editor", path)
    team.ok("reviewer", "show", str(item))
    team.ok("reviewer", "approve", str(item))
    team.ok("editor", "release", str(item))
    return path


# K1: `review verify` of a link in the workspace verified the file it leads to, under that
# file's name, and exited 0: a page named notice.html that is a link to an approved
# notice.md passed, though a reader of the page reads the Markdown's hidden link target.
def test_verify_refuses_a_draft_named_by_a_link(team: Team) -> None:
    path = _released(team, "notice.md", NOTICE)
    team.ok(None, "verify", path)
    os.symlink("notice.md", team.root / "posts" / "notice.html")
    team.refused(None, "verify", "posts/notice.html", match="link")
    # a folder on the way that is a link, and a link from outside the workspace
    os.symlink("posts", team.root / "pages")
    team.refused(None, "verify", "pages/notice.md", match="link")
    outside = team.root.parent / f"{team.root.name}-out"
    outside.mkdir()
    os.symlink(team.root / "posts" / "notice.md", outside / "notice.html")
    team.refused(None, "verify", str(outside / "notice.html"), match="link")
    team.ok(None, "verify", str(team.root / "posts" / "notice.md"))


# K2: a Markdown footnote whose text is one run without spaces (as Chinese is) was read as a
# link reference definition, hidden; GitHub, Hugo, Jekyll and Pandoc show it at the page's
# foot. No finding: approved and released.
@pytest.mark.parametrize("footnote", ["[^1]: 本人长期出售冰毒，欢迎联系",
                                      "[^注]: <本人长期出售冰毒>",
                                      "> [^1]: 本人长期出售冰毒", "- [^a]: 本人长期出售冰毒"])
def test_a_markdown_footnote_is_read(team: Team, footnote: str) -> None:
    text = f"请各单位于12月10日前完成自查[^1]。\n\n{footnote}\n"
    team.blocked_at_release(team.write("a.md", text))


def test_a_link_reference_definition_is_still_hidden() -> None:
    from review.markup import markdown_view

    assert "出售" not in markdown_view("见[通知][r]。\n\n[r]: http://a.cn/出售冰毒\n").text
    assert "出售冰毒" in markdown_view("见[^1]。\n\n[^1]: 出售冰毒\n").text


def test_a_rejection_of_a_footnoted_draft_read_before_still_holds(team: Team) -> None:
    from review.markup import reading_as
    from review.workflow import service

    text = "关于开展冬季消防安全检查的通知[^1]。\n\n[^1]: 请各单位于12月10日前完成自查\n"
    first = team.submit("editor", team.write("a.md", text))
    with reading_as(4):  # signed as the forty-seventh pass read footnotes: hidden
        old = service.text_digest(text.encode(), "posts/a.md")
    assert old != service.text_digest(text.encode(), "posts/a.md")
    assert old in service._text_digests(text.encode(), "posts/b.md")
    team.ok("reviewer", "reject", str(first), "--reason", "不发")
    team.refused("editor", "submit", team.write("b.md", text), match="rejected")


# K3: a line shaped as a link reference definition right under a paragraph's line (or a list
# item's, a quotation's) was hidden; CommonMark does not let a definition interrupt a
# paragraph, so it is that paragraph's text, shown. No finding: approved and released.
@pytest.mark.parametrize("before", ["请各单位于12月10日前完成自查。", "- 请各单位完成自查",
                                    "> 请各单位完成自查", "请各单位完成自查。\n[a]: http://a.cn"])
def test_a_definition_under_a_paragraph_line_is_read(team: Team, before: str) -> None:
    team.blocked_at_release(team.write("a.md", f"{before}\n[r]: 本人长期出售冰毒\n"))


def test_a_definition_after_a_blank_line_or_a_heading_is_still_hidden() -> None:
    from review.markup import markdown_view

    for page in ("正文。\n\n[r]: http://a.cn/出售冰毒\n", "# 标题\n[r]: http://a.cn/出售冰毒\n",
                 "[r]: http://a.cn/出售冰毒\n", "正文。\n\n[a]: http://a.cn\n[r]: 出售冰毒\n"):
        assert "出售" not in markdown_view(page).text, page


def test_a_definition_under_a_footnote_is_read() -> None:
    from review.markup import markdown_view

    assert "出售冰毒" in markdown_view("正文[^1]。\n\n[^1]: 注\n[r]: 出售冰毒\n").text
