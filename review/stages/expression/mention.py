"""A correction notice (更正启事) quotes the wrong form it corrects — 原文将“一筹莫展”误写为
“一愁莫展” — and a style note quotes the misuse it warns of. That is mention, not use: an
expression finding wholly inside quotation marks with a correction cue beside them is not
reported, nor any quoted in a post that is a correction notice (更正说明 … 更正如下). A wrong form
in quotation marks without such a cue (他说：“要再接再励”) still is."""

from __future__ import annotations

from review.automaton import present
from review.regexcache import compile as re_compile

# what a correction says around the forms it quotes: 误写为, 写作, 应为, 更正 …
_CUES = ("误写", "误作", "误为", "错写", "错为", "错成", "写作", "写成", "误将", "误把", "应为",
         "更正", "改为", "实为", "错字", "错别字", "勘误", "误植", "笔误", "差错", "误用", "有误",
         "不准确", "不规范")
_QUOTED = r"[“「『]([^“”「」『』\n]{1,40})[”」』]"
_NEAR = 12  # characters either side of the quotation marks where a cue counts
# a post that is a correction notice quotes wrong forms throughout (…因此没有“镇人大主任”这一
# 职务): each of its quotations is a mention
_NOTICE = ("更正启事", "更正说明", "更正声明", "更正如下", "勘误说明", "勘误如下", "致歉声明")
_WORDS = _CUES + _NOTICE


def corrected(text: str) -> list[tuple[int, int]]:
    """The spans of quoted forms a correction names in `text`."""
    found = present(text, _WORDS)  # one pass for all of them
    if found.isdisjoint(_CUES):
        return []
    spans = []
    notice = not found.isdisjoint(_NOTICE)
    for m in re_compile(_QUOTED).finditer(text):
        around = text[max(0, m.start() - _NEAR):m.start()] + text[m.end():m.end() + _NEAR]
        if notice or any(cue in around for cue in _CUES):
            spans.append((m.start(1), m.end(1)))
    return spans
