"""Red-team pass 46 on the workflow (docs/redteam/pass-46.md)."""

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


REJECTED = ("关于开展冬季消防安全检查的通知\n\n"
            "请各单位于二〇二六年12月10日前完成自查——统一将结果报区应急管理局。\n")


# I4: a stroke or a numeral drawn as a punctuation mark or a symbol: 一 as a dash or a box
# line (— ― ─ ━), 〇 as a circle (○ ◯). Since pass 45 a rejection's text leaves the marks
# out, so the ideograph swapped for its look-alike was a deleted character: new text.
@pytest.mark.parametrize(("plain", "drawn"), [("统一", "统—"), ("统一", "统―"), ("统一", "统─"),
                                              ("统一", "统━"), ("二〇二六", "二○二六"),
                                              ("二〇二六", "二◯二六"), ("自查——", "自查一一")])
def test_a_rejected_draft_with_a_stroke_drawn_as_a_mark_stays_rejected(
        team: Team, plain: str, drawn: str) -> None:
    first = team.submit("editor", team.write("a.md", REJECTED))
    team.ok("reviewer", "reject", str(first), "--reason", "不发")
    again = REJECTED.replace(plain, drawn)
    assert again != REJECTED
    team.refused("editor", "submit", team.write("b.md", again), match="rejected")


def test_a_rejection_signed_before_strokes_were_left_out_still_holds() -> None:
    from review.workflow.service import _squeezed, _text_digests, sha256

    signed = sha256(_squeezed("关于二〇二六年统一自查", "all").encode())
    assert signed in _text_digests("关于二〇二六年统一自查\n".encode(), "a.md")


# I6: pass 45's message naming the database role that added a row (H5) believed the row's
# inserted_by column on SQLite too, where no trigger stamps it: the editor, with the shared
# folder, added a row naming another person's role, and every action blamed that role.
@pytest.mark.parametrize("team", ["sqlite"], indirect=True)
@pytest.mark.parametrize("gap", [0, 5])
def test_a_hand_made_row_on_sqlite_names_no_role_it_claims(team: Team, gap: int) -> None:
    from sqlalchemy import create_engine, text
    from workflow.team import CLEAN

    from review.workflow.chain import record_hash
    from review.workflow.store import sqlite_url

    team.submit("editor", team.write("a.md", CLEAN))
    engine = create_engine(sqlite_url(team.root))
    with engine.begin() as conn:
        head = conn.execute(text("SELECT seq, actor, hash FROM review_log ORDER BY seq DESC "
                                 "LIMIT 1")).one()
        seq = head.seq + 1 + gap  # in its place, or past a gap
        conn.execute(text("INSERT INTO review_log (seq, kind, item_id, actor, body, signature, "
                          "prev_hash, hash, inserted_by) VALUES (:s, 'note', NULL, :a, '{}', "
                          "'AAAA', :p, :h, 'wangwu_admin')"),
                     {"s": seq, "a": head.actor, "p": head.hash,
                      "h": record_hash(seq, "note", None, head.actor, "{}", "AAAA", head.hash)})
    engine.dispose()
    result = team.fails(3, "reviewer", "queue")
    assert "wangwu_admin" not in result.stderr, result.stderr
