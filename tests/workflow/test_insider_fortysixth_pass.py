"""Red-team pass 46 on the workflow (docs/redteam/pass-46.md). I4 (a rejected draft saved
with characters drawn alike, a rejection signed under an earlier text) are rows of
tests/workflow/test_rejection_drawn_alike.py."""

from __future__ import annotations

import pytest
from workflow.team import Team

PAGE = ("<h1>关于开展冬季消防安全检查的通知</h1>\n"
        "<p>请各单位于12月10日前完成自查，并将结果报区应急管理局。</p>\n")


# I1: a line break no reader sees (pass 45 H4) inserted into a rejected page: the check reads
# the line again past it, and that copy made the page other text than the rejected one.
@pytest.mark.parametrize("unseen", ["<br hidden>", '<br style="display:none">',
                                    '<span style="display:none"><br></span>'])
def test_a_rejected_page_with_an_unseen_line_break_inserted_stays_rejected(
        team: Team, unseen: str) -> None:
    first = team.submit("editor", team.write("a.html", PAGE))
    team.ok("reviewer", "reject", str(first), "--reason", "不发")
    again = PAGE.replace("应急管理", f"应急{unseen}管理")
    team.refused("editor", "submit", team.write("b.html", again), match="rejected")


# I6: pass 45's message naming the database role that added a row (H5) believed the row's
# inserted_by column on SQLite too, where no trigger stamps it: the editor, with the shared
# folder, added a row naming another person's role, and every action blamed that role.
@pytest.mark.parametrize("team", ["sqlite"], indirect=True)
@pytest.mark.parametrize("gap", [0, 5])
def test_a_hand_made_row_on_sqlite_names_no_role_it_claims(team: Team, gap: int) -> None:
    from workflow.team import CLEAN
    from workflow.test_insider_fortyfifth_pass import note_after_head

    from review.workflow.store import sqlite_url

    team.submit("editor", team.write("a.md", CLEAN))
    note_after_head(sqlite_url(team.root), gap, inserted_by="wangwu_admin")
    result = team.fails(3, "reviewer", "queue")
    assert "wangwu_admin" not in result.stderr, result.stderr
