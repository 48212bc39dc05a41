"""EX9201: Taiwan, Hong Kong or Macao as an item of a list of countries — closed by 等国(家)
or opened by 各国…包括 — without 地区. 中国台湾, 台湾地区 and 国家和地区 are right."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

from review.document import Document
from review.findings import Category, Gate, Hit, Rule, Severity
from review.rules.spec import Kind, RuleSpec

RULE = Rule("EX9201", Category.EXPRESSION, Gate.POLITICAL, Severity.BLOCK,
            "将台湾、香港、澳门与国家并列", "Taiwan, Hong Kong or Macao listed as a country",
            "改为“国家和地区”，或写作“中国台湾”“中国香港”“中国澳门”",
            "write “countries and regions”, or “Taiwan, China”")
SPECS = [RuleSpec(
    RULE, Kind.REGION, source=__name__,
    hit=("展会吸引了法国、德国和澳门等国的企业参展。",
         "出席论坛的各国代表包括：英国、新加坡、香港。"),
    miss=("来自美国、日本、中国台湾等国家和地区的游客。", "台湾同胞和各国友人欢聚一堂。"),
    detail_zh="在“等国（家）”或“各国……包括”的国家列举中出现台湾、香港、澳门而未称地区。",
    detail_en="Taiwan, Hong Kong or Macao as an item of a list of countries (…等国, 各国…包括).")]

_NAME = r"[\u4e00-\u9fff]{2,10}"
_SEPARATORS = "、,和及与"
_LIST = rf"{_NAME}(?:[{_SEPARATORS}]{_NAME})+"
# A list closed by 等国/等国家 (not 等国家和地区), or opened by 各国…包括/国家有 ….
# Patterns are compiled on first use (`re` keeps them): most drafts name none of the regions.
_CLOSED = rf"({_LIST})等国(?:家)?(?!和地区|及地区|与地区|内)"
_OPENED = rf"(?:各国|国家)[\u4e00-\u9fff]{{0,4}}(?:包括|有|如)[:]?({_LIST})"
_REGIONS = ("台湾", "香港", "澳门")
# A closed list lies inside one run of names and separators holding 等国; the backtracking
# _CLOSED runs only there, not at every character of the draft.
_RUN = rf"[\u4e00-\u9fff{_SEPARATORS}]+"


def _closed_lists(text: str) -> Iterator[re.Match]:
    if "等国" not in text:
        return
    closed = re.compile(_CLOSED)
    for run in re.finditer(_RUN, text):
        if "等国" in run.group():
            yield from closed.finditer(text, run.start(), run.end())


def detect(doc: Document) -> Iterator[Hit]:
    view = doc.visible
    text = view.text
    if not any(region in text for region in _REGIONS):
        return
    for m in chain(_closed_lists(text), re.finditer(_OPENED, text)):
        start = m.start(1)
        for item in re.split(f"([{_SEPARATORS}])", m.group(1)):
            # The first item may carry words before the list (来自美国): match its end.
            for region in _REGIONS:
                if item == region or (start == m.start(1) and item.endswith(region)
                                      and not item.endswith("中国" + region)
                                      and len(item) > len(region)
                                      and item[-len(region) - 1] not in "国"):
                    at = start + len(item) - len(region)
                    yield Hit(RULE, *view.span(at, at + len(region)))
            start += len(item)
