"""Red-team pass 47 on the workflow (docs/redteam/pass-47.md)."""

from __future__ import annotations

import pytest
from workflow.team import Team

REJECTED = ("关于开展冬季消防安全检查的通知｜区应急管理局\n\n"
            "请各单位、各街道于12月10日前完成自查——和/或将结果报区应急管理局。\n")


# J1: pass 46 left out 一 and 〇, the strokes drawn as a dash or a circle; the other strokes
# drawn as a mark were kept: 丨 as a bar (｜ │), 丶 and ヽ as the enumeration comma 、, 丿 as
# a slash, 〡 as a bar. The mark swapped for its look-alike stroke: a character added, new text.
@pytest.mark.parametrize(("mark", "stroke"), [("｜", "丨"), ("｜", "〡"), ("、", "丶"),
                                              ("、", "ヽ"), ("/", "丿"), ("｜", "ㅣ"),
                                              ("｜", "ǀ"), ("｜", "\u1175"),
                                              ("——", "\u1173\u1173")])
def test_a_rejected_draft_with_a_mark_drawn_as_a_stroke_stays_rejected(
        team: Team, mark: str, stroke: str) -> None:
    first = team.submit("editor", team.write("a.md", REJECTED))
    team.ok("reviewer", "reject", str(first), "--reason", "不发")
    again = REJECTED.replace(mark, stroke)
    assert again != REJECTED
    team.refused("editor", "submit", team.write("b.md", again), match="rejected")


def test_a_rejection_signed_before_the_other_strokes_were_left_out_still_holds() -> None:
    from review.workflow.service import _squeezed, _text_digests, sha256

    text = "关于二〇二六年统一自查｜各街道丶各单位"
    signed = sha256(_squeezed(text, "drawn").encode())
    assert signed in _text_digests(f"{text}\n".encode(), "a.md")


# J5: the Hangul vowels ᅳ ᅵ as conjoining letters (U+1173, U+1175) — what NFKC makes of the
# ㅡ ㅣ pass 45 folds — drawn alone as 一 丨: 微商ᅳ手货源 was read as no listed term.
def test_a_conjoining_hangul_vowel_for_a_stroke_is_read_as_it() -> None:
    from review.normalize import View, fold

    assert fold(View.identity("微商\u1173手货源")).text == fold(View.identity("微商一手货源")).text
