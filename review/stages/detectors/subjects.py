"""Whose detail is it: the named person a private detail (an illness, a record, an age) is
said of, for the privacy detectors.

A detail belongs to the name right after it (患尿毒症的村民李春兰, 刑满释放人员张三), or to the
name before it in the sentence when that name is its subject (李春兰患尿毒症多年), or — when
the sentence names nobody and opens with the detail or a pronoun — to the name of the previous
sentence of the paragraph (王大明是低保户。他患尿毒症多年。). Where the named person acts on
someone else (张三看望患尿毒症的村民), the detail is the other person's."""

from __future__ import annotations

from bisect import bisect_right

from review.regexcache import compile as re_compile
from review.stages.detectors.names import SURNAMES, person_names

_END = re_compile(r"[。!?;\n！？；]")
_CLAUSE = re_compile(r"[,，。!?;:\n！？；：]")
# A verb that makes the detail someone else's: the name helps, visits or treats another.
_OTHERS = re_compile("为|给|帮|看望|慰问|探望|资助|照顾|救助|陪|送|走访|关心|关爱|捐|救治|接诊"
                     "|诊断|收治|护理|照料|替|向|对|发现|带领|组织|动员|劝|教育|帮教|审理|判处"
                     "|抓获|查处|查获|调解|联系|对接|结对|包联")
# A masked person (张某, 李**, 刘女士, 小陈) already named as the subject.
_MASKED = re_compile(f"[{''.join(sorted(SURNAMES))}](?:某|\\*|×|x|〇|○|先生|女士)"
                     f"|[小老][{''.join(sorted(SURNAMES))}]")
# What a detail + 的 may still say of the subject (他是五年级2班的班长, 城关中学的一名学生).
_SAME_PERSON = ("学生", "班长", "一名", "一位", "同学", "学员", "队员", "成员", "患者", "病人")
# How a sentence that goes on about the previous sentence's person opens: with the detail
# itself or a pronoun (他患有…, 其妻子…, 她多年前…).
_OPENING = re_compile(r"(?:(?:他|她|其|该人|此人|本人)[\u4e00-\u9fff]{0,6})?")


class Sentences:
    """The sentences of a folded text, and the names of those that hold a detail: names are
    looked for only there (most sentences hold no detail, and names cost)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ends = [m.end() for m in _END.finditer(text)]
        self._names: dict[int, list[tuple[int, int]]] = {}

    def bounds(self, position: int) -> tuple[int, int]:
        """Start and end of the sentence holding `position`."""
        index = bisect_right(self.ends, position)
        start = self.ends[index - 1] if index else 0
        end = self.ends[index] if index < len(self.ends) else len(self.text)
        return start, end

    def names_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The names of the sentences from the one holding `start` to the one holding
        `end - 1` that lie within [start, end)."""
        found = []
        position = start
        while position < end:
            low, high = self.bounds(position)
            names = self._names.get(low)
            if names is None:
                names = self._names[low] = [(a + low, b + low)
                                            for a, b in person_names(self.text[low:high])]
            found += [n for n in names if start <= n[0] and n[1] <= end]
            position = high if high > position else position + 1
        return found

    def subject(self, start: int, end: int, reach: int = 30) -> tuple[int, int] | None:
        """The name the detail at [start, end) is said of, or None."""
        text = self.text
        low, high = self.bounds(start)
        names = self.names_in(low, high)
        for n in names:  # 患尿毒症的村民李春兰: the name right after the detail
            if end <= n[0] <= end + 6 and not _CLAUSE.search(text, end, n[0]):
                return n
        if text.startswith("的", end) and not text.startswith(_SAME_PERSON, end + 1):
            return None  # 患尿毒症的邻居: a person the text does not name
        before = [n for n in names if n[1] <= start and start - n[1] <= reach]
        if before:
            n = before[-1]
            between = text[n[1]:start]
            acts_on_other = between not in ("为", "是", "系") and _OTHERS.search(between)
            if acts_on_other or _MASKED.search(between):
                return None
            return n
        if names or _MASKED.search(text, low, start):
            return None
        if not _OPENING.fullmatch(text[low:start].strip()):
            return None
        if low == 0 or text[low - 1] == "\n":
            return None  # the first sentence of a paragraph has no previous one to look at
        previous = self.names_in(self.bounds(low - 1)[0], low)
        return previous[0] if previous else None
