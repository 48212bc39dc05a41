"""EX9301, fixed enumerations: the item standing in a member's place, known by the set's
shape, its name beside the list, or by resembling the missing member; a member misspelt is
reported once, by the typo detectors where they find it and by EX9301 where they do not."""

import pytest

from review.document import Document
from review.stages.expression import sets
from review.stages.expression.data import SETS_FILE, expression_dir

SETS = sets.load_sets(expression_dir() / SETS_FILE)


def found(text: str) -> list[str]:
    return [text[h.start:h.end] for h in sets.detect(Document("t", text), SETS)]


@pytest.mark.parametrize("text, span", [
    ("大力弘扬富强、民主、文明、和顺的价值追求。", "和顺"),          # 和谐
    ("持续纠治形式主义、官僚主义、享乐主义和奢华之风。", "奢华之风"),  # 奢靡之风
    ("坚持创新、协调、绿色、开放、共用的理念。", "共用"),            # 共享
])
def test_an_item_like_the_missing_member_is_wrong_without_the_sets_name(text, span):
    assert found(text) == [span]


@pytest.mark.parametrize("text", [
    "大力弘扬富强、民主、文明、和谐的价值追求。",
    "推进创新、协调、绿色发展，扩大开放、包容合作。",       # ordinary prose near a set
    "坚持富强、民主、文明，建设美丽家园。",
    "形式主义、官僚主义、享乐主义和奢靡之风必须坚决纠治。",
])
def test_right_or_unrelated_lists_are_quiet(text):
    assert found(text) == []


@pytest.mark.parametrize(("text", "wrong"), [
    ("坚决纠治形式主义、官僚主义、享乐主义、奢迷之风。", "奢迷之风"),
    ("坚持全面建设社会主义现代化国家、全面深化改革、全面依法治国、全面从严治政。", "全面从严治政"),
])
def test_a_member_misspelt_is_reported_once(pipeline, text, wrong):
    """By the typo detectors or the lists where they find it, by EX9301 where they do not:
    never twice, and never not at all."""
    spans = [f.text for f in pipeline.check_text(text).findings if f.category == "expression"]
    assert len(spans) == 1 and (spans[0] in wrong or wrong in spans[0]), spans


def ordered(text: str) -> list[str]:
    return [text[h.start:h.end] for h in sets.detect(Document("t", text), SETS)
            if h.rule.id == "EX9302"]


@pytest.mark.parametrize("text, span", [
    ("社区宣传栏写着自由、公正、平等、法治八个大字。", "自由、公正、平等、法治"),
    ("要把产业兴旺、乡风文明、生态宜居、治理有效、生活富裕落到实处。",
     "产业兴旺、乡风文明、生态宜居、治理有效、生活富裕"),
    ("贯彻落实开放、协调、共享的新发展理念。", "开放、协调、共享"),
    ("坚定理论自信、道路自信、文化自信、制度自信。", "理论自信、道路自信、文化自信、制度自信"),
])
def test_a_set_out_of_its_official_order_is_reported_from_first_to_last_member(text, span):
    assert ordered(text) == [span]


@pytest.mark.parametrize("text", [
    "社区宣传栏写着自由、平等、公正、法治八个大字。",
    "坚定道路自信、理论自信、制度自信、文化自信。",
    "推进绿色、开放、协调发展，提高发展质量。",     # three, but not named as the set
    "贯彻落实创新、绿色、共享的新发展理念。",       # a part, in order
    "开放、合作、共享是这次博览会的主题。",
])
def test_the_official_order_or_an_unnamed_part_passes(text):
    assert ordered(text) == []


@pytest.mark.parametrize("text", [
    "践行新发展理念，推进区域协调、城乡融合、对外开放、科技创新。",   # words that end in a member
    "以新发展理念为引领，深化改革开放、科技创新、区域协调，推动发展。",
    "全面贯彻新发展理念。深化改革开放、科技创新、区域协调，加快建设。",
    "坚持新发展理念。我们推动开放、协调、共享，成效显著。",        # the name in another sentence
    "推进区域协调、科技创新、对外开放、绿色低碳、成果共享。",
])
def test_words_that_merely_hold_a_member_are_no_recital_of_the_set(text):
    assert ordered(text) == []
