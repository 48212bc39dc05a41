"""EX9410–EX9411: 带 for 戴 before what is worn, 心里 for 心理."""

import pytest

from review.document import Document
from review.stages.expression import usage


def found(text: str) -> list[tuple[str, str]]:
    return [(h.rule.id, text[h.start:h.end]) for h in usage.detect(Document("t", text))]


@pytest.mark.parametrize("text, expected", [
    ("乘坐摩托车时务必带好头盔。", [("EX9410", "带好")]),
    ("进入车间请带上防护面罩。", [("EX9410", "带上")]),
    ("要克服厌学心里，端正学习态度。", [("EX9411", "厌学心里")]),
    ("县医院开设了心里门诊。", [("EX9411", "心里")]),
])
def test_found(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "乘坐摩托车时务必戴好头盔。",
    "外出时请随身带着口罩备用。",
    "骑手们带头戴头盔。",
    "孩子们心里乐开了花。",
    "群众的心里话要认真倾听。",
    "在我心里健康最重要。",
])
def test_quiet(text):
    assert found(text) == []
