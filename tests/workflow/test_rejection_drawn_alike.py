"""A rejection sticks to the text a reader reads (docs/redteam/pass-45.md … pass-49.md): the
rejected draft saved again with a character swapped for one drawn alike is the rejected
text, whoever is asked next; and a rejection signed under an earlier form of that text (the
modes of `PUNCTUATION_DROPPED`, newest first) still holds."""

from __future__ import annotations

import pytest
from workflow.team import Team

REJECTED = ("关于开展冬季消防安全检查的通知｜区应急管理局\n\n"
            "请各单位、各街道于二〇二六年12月10日前完成自查——统一将月度结果和/或《消防法》"
            "落实情况报区门户，建立工作长效机制，摸清人口底数，"
            "并上报“安全”情况和街道’s 意见：见附件。\n"
            "联系人：阿卜杜拉·买买提\n")

# (what the rejected draft writes, what the draft saved again writes instead)
DRAWN_ALIKE = [
    # pass 45 H1, H2: radicals, katakana, bopomofo and strokes drawn as the ideograph
    ("月", "\u2e9d"), ("门", "\u2ed4"), ("见", "\u2ec5"), ("长", "\u2ed3"), ("工", "エ"),
    ("口", "ロ"), ("一", "\u3127"), ("一", "\u31d0"),
    # pass 45 H6: punctuation drawn alike
    ("·", "・"), ("·", "•"), ("—", "―"), ("—", "─"), ("《", "≪"), ("“", "〝"),
    # pass 46 I4: a stroke or a numeral drawn as a mark
    ("统一", "统—"), ("统一", "统―"), ("统一", "统─"), ("统一", "统━"), ("二〇二六", "二○二六"),
    ("二〇二六", "二◯二六"), ("自查——", "自查一一"),
    # pass 47 J1: a mark drawn as a stroke
    ("｜", "丨"), ("｜", "〡"), ("、", "丶"), ("、", "ヽ"), ("/", "丿"), ("｜", "ㅣ"), ("｜", "ǀ"),
    ("｜", "\u1175"), ("——", "\u1173\u1173"),
    # pass 49 R1: a mark drawn as a modifier symbol or letter
    ("：", "\ua789"), ("：", "\u02f8"), ("“", "\u02ee"), ("”", "\u02ba"), ("’", "\u02bc"),
    ("·", "\ua78f"), ("·", "\u318d"), ("·", "\u1427"), ("“", "\u309b"),
]


@pytest.mark.parametrize(("written", "drawn"), DRAWN_ALIKE)
def test_a_rejected_draft_saved_with_a_character_drawn_alike_stays_rejected(
        team: Team, written: str, drawn: str) -> None:
    first = team.submit("editor", team.write("a.md", REJECTED))
    team.ok("reviewer", "reject", str(first), "--reason", "不发")
    again = REJECTED.replace(written, drawn)
    assert again != REJECTED
    team.refused("editor", "submit", team.write("b.md", again), match="rejected")


# (the text a rejection was signed with before a later pass, a draft whose text it differs in)
EARLIER = [
    ("ascii", "关于《消防法》的通知——请各单位于12月10日前完成自查·上报“结果”。\n"),  # pass 45
    ("all", "关于二〇二六年统一自查\n"),                                               # pass 46
    ("drawn", "关于二〇二六年统一自查｜各街道丶各单位\n"),                              # pass 47
    ("strokes", "关于二〇二六年统一自查：各街道丶各单位꞉\n"),                            # pass 49
]


@pytest.mark.parametrize(("mode", "draft"), EARLIER)
def test_a_rejection_signed_under_an_earlier_text_still_holds(mode: str, draft: str) -> None:
    from review.workflow.service import PUNCTUATION_DROPPED, _same_text, _text_digests, sha256

    content = draft.encode()
    then = _same_text(content, "a.md", mode)
    assert then != _same_text(content, "a.md", PUNCTUATION_DROPPED[0])
    assert sha256(then.encode()) in _text_digests(content, "a.md")
