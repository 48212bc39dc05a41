"""EX9201: Taiwan, Hong Kong or Macao listed among 国家 (各国, 等国家) with no 地区.

中国台湾 and 台湾地区 are right; so is a list introduced as 国家和地区."""

from __future__ import annotations

import re
from collections.abc import Iterator

from review.document import Document
from review.findings import Category, Gate, Hit, Rule, Severity

RULE = Rule("EX9201", Category.EXPRESSION, Gate.POLITICAL, Severity.BLOCK,
            "将台湾、香港、澳门与国家并列", "Taiwan, Hong Kong or Macao listed as a country",
            "改为“国家和地区”，或写作“中国台湾”“中国香港”“中国澳门”",
            "write “countries and regions”, or “Taiwan, China”")
RULES = [RULE]

_SENTENCE = re.compile(r"[^。!?;\n]+")
_REGION = re.compile(r"(?<!中国)(?:台湾|香港|澳门)(?!地区|特区|特别行政区|同胞|居民|[省岛])")
_COUNTRY_LIST = re.compile(r"各国|等国(?!内)|等国家(?!和地区|及地区|与地区)|国家(?:包括|有)[:：]?")
_LIST_SEP = "、,和及与"


def detect(doc: Document) -> Iterator[Hit]:
    view = doc.visible
    for sentence in _SENTENCE.finditer(view.text):
        s = sentence.group()
        if "地区" in s or not _COUNTRY_LIST.search(s):
            continue
        for m in _REGION.finditer(s):
            before = s[m.start() - 1:m.start()] if m.start() else ""
            after = s[m.end():m.end() + 1]
            if before in _LIST_SEP or after in _LIST_SEP or after == "等":
                start = sentence.start() + m.start()
                yield Hit(RULE, *view.span(start, start + len(m.group())))
