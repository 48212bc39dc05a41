"""SC501: resident ID-card numbers (GB 11643) with a valid date and check digit.

A masked number (3301**********1234) does not match: the stars break the digit run."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from review.document import Document
from review.findings import Category, Gate, Hit, Rule, Severity
from review.stages.detectors import Options
from review.stages.detectors.common import SEP, digits, hit

RULE = Rule("SC501", Category.SECRETS, Gate.CONFIDENTIALITY, Severity.BLOCK,
            "未打码的居民身份证号码（个人隐私）", "unmasked resident ID-card number (privacy)",
            "删除或打码，如 3301**********1234", "remove or mask it, e.g. 3301**********1234")
RULES = [RULE]

PATTERN = re.compile(rf"(?<![0-9a-z])[1-8]\d(?:{SEP}\d){{15}}{SEP}[0-9x](?![0-9a-z])")
_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_CHECK = "10x98765432"


def is_valid(number: str) -> bool:
    if len(number) != 18 or not number[:17].isdigit():
        return False
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    if not date(1900, 1, 1) <= born <= date.today():
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _WEIGHTS, strict=True))
    return _CHECK[total % 11] == number[17]


def detect(doc: Document, options: Options) -> Iterator[Hit]:
    view = doc.visible
    for m in PATTERN.finditer(view.text):
        if is_valid(digits(m.group())):
            yield hit(view, RULE, m.start(), m.end())
