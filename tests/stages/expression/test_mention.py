"""A correction notice quotes the wrong forms it corrects: mention, not use (review.stages.
expression.mention). The same forms used, or quoted without a correction beside them, are
still reported."""

import pytest


def expression(pipeline, text: str) -> list[str]:
    return [f.text for f in pipeline.check_text(text).findings if f.category == "expression"]


@pytest.mark.parametrize("text", [
    "更正启事：本号昨日推送的文章中，“按部就班”误写为“按步就班”，特此更正。",
    "原稿第三段将“县人大常委会主任”错写为“县人大常委会主席”，现已改正，向读者致歉。",
    "勘误：第二段“截止目前”应为“截至目前”。",
    "经核查，文中“穿流不息”系笔误，应为“川流不息”。",
    "本文原将“鼎力支持”写作“鼎立支持”，现予更正。",
    "二、第三段中“青石镇副乡长”有误，青石镇是建制镇，职务应当写作镇长。",
    # a correction notice quotes its wrong forms again, away from any cue
    "更正说明\n文中“县政协主任”有误，应为“县政协主席”。县政协只设主席，并无“县政协主任”一职。",
])
def test_a_correction_notice_s_quoted_wrong_forms_are_not_reported(pipeline, text):
    assert expression(pipeline, text) == []


@pytest.mark.parametrize(("text", "wrong"), [
    ("他在会上说：“大家要再接再励，争取更好成绩。”", "再接再励"),  # quoted, but used
    ("更正：文中“截止目前”应为“截至目前”。另外，各单位要按步就班推进。", "按步就班"),
    ("“按步就班”四个字写在标语上，格外醒目。", "按步就班"),
])
def test_wrong_forms_used_are_still_reported(pipeline, text, wrong):
    assert any(wrong in found for found in expression(pipeline, text))
