"""Red-team pass 49 on the workflow (docs/redteam/pass-49.md)."""

from __future__ import annotations

import pytest
from workflow.team import Team

REJECTED = ("关于开展冬季消防安全检查的通知\n\n"
            "各单位：请于12月10日前完成自查，并上报“安全”情况和街道’s 意见。\n"
            "联系人：阿卜杜拉·买买提\n")


# R1: pass 47 left out every punctuation mark and symbol and the strokes drawn as one; a
# modifier symbol (Sk: ꞉ ˸ ゛) or a modifier or other letter drawn as a mark (ˮ ʺ for quotes,
# ʼ for ’, the sinological dot ꞏ or the Hangul araea ㆍ for ·) was kept: a character added.
@pytest.mark.parametrize(("mark", "drawn"), [("：", "\ua789"), ("：", "\u02f8"),
                                             ("“", "\u02ee"), ("”", "\u02ba"),
                                             ("’", "\u02bc"), ("·", "\ua78f"),
                                             ("·", "\u318d"), ("·", "\u1427"),
                                             ("“", "\u309b")])
def test_a_rejected_draft_with_a_mark_drawn_as_a_modifier_stays_rejected(
        team: Team, mark: str, drawn: str) -> None:
    first = team.submit("editor", team.write("a.md", REJECTED))
    team.ok("reviewer", "reject", str(first), "--reason", "不发")
    again = REJECTED.replace(mark, drawn)
    assert again != REJECTED
    team.refused("editor", "submit", team.write("b.md", again), match="rejected")


def test_a_rejection_signed_before_modifiers_were_left_out_still_holds() -> None:
    from review.workflow.service import _same_text, _text_digests, sha256

    # ꞉ (a modifier colon): kept by the "strokes" text a rejection was signed with before this
    # pass, left out by "modifiers"; the fold leaves it as it is
    content = "关于二〇二六年统一自查：各街道丶各单位꞉\n".encode()
    signed = sha256(_same_text(content, "a.md", "strokes").encode())
    assert signed != sha256(_same_text(content, "a.md", "modifiers").encode())
    assert signed in _text_digests(content, "a.md")


# R2: in the check, a letter drawn as a mark between the words a reader joins (代开ꞏ发票 with
# the sinological dot, 办理ʼ假证 with the modifier apostrophe) was no noise: no listed term.
@pytest.mark.parametrize("drawn", ["\ua78f", "\u318d", "\u1427", "\u02bc", "\u02ba", "\u02d0"])
def test_a_letter_drawn_as_a_mark_parts_no_listed_term(drawn: str) -> None:
    from review.normalize import View, compact, fold

    def read(text: str) -> str:
        return compact(fold(View.identity(text))).text

    assert read(f"代开{drawn}发票") == read("代开发票")
