"""Slots of a sequence rule: the places in a pattern that take a value, not a word — a sum of
money, an age, a date, a percentage (8万元 包进编; 下个月 … 贬值30%; 很可能发生6级以上地震).

Sequence rules match the compact view, where the noise a writer inserts is gone but so are
`%` and `.`; a slot that needs them (a percentage) checks the folded text it came from."""

from __future__ import annotations

import re
from collections.abc import Callable

from review.record import NamedTuple
from review.regexcache import compile as re_compile

_CN = "零〇一二两三四五六七八九十百千万亿"
_NUMBER = rf"(?:\d+|[{_CN}]+)"
_PERCENT = re_compile(r"\d+(?:\.\d+)?\s*[%％]|百分之|[一二两三四五六七八九]成")


class Slot(NamedTuple):
    name: str
    name_en: str
    pattern: str                                # matched on the compact view
    validate: Callable[[str], bool] | None = None  # given the folded text of the match
    # Dropped characters that belong to the value (the % of 30%): a finding ending on the slot
    # covers them.
    tail: re.Pattern[str] | None = None


SLOTS = {
    "number": Slot("数字", "a number", _NUMBER),
    "money": Slot("金额", "a sum of money",
                  rf"{_NUMBER}[万千百亿]?(?:元|块|万)"),
    "percent": Slot("百分比", "a percentage",
                    rf"(?:\d+|百分之[{_CN}]+|[一二两三四五六七八九]成)",
                    lambda folded: _PERCENT.search(folded) is not None,
                    re_compile(r"(?:\.\d+)?\s*[%％]")),
    "age": Slot("年龄", "an age", r"\d{1,3}周?岁"),
    "date": Slot("日期或时间", "a date or time",
                 r"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}[日号])?(?:前|底|初|中旬|下旬)?"
                 r"|\d{1,2}[日号]|[下本这]个?(?:周|月|星期)[一二三四五六日末底初]?"
                 r"|月底|月初|年底|明天|明日|后天|今晚|明早|明晚|近期|近日|今年|明年"
                 rf"|(?:上午|下午|晚上|早上|中午|凌晨|傍晚)?(?:\d{{1,2}}|[{_CN}]{{1,3}})[点时]"
                 r"(?:\d{1,2}分?|半|整)?|(?:上午|下午|晚上|早上|中午|凌晨|傍晚)"),
    "quantity": Slot("数量", "a quantity",
                     rf"{_NUMBER}(?:克|公斤|千克|斤|吨|支|把|发|粒|颗|条|件|盒|瓶|箱|包|袋|只)"),
}
