import pytest

from review.document import Document
from review.stages.expression import formulations
from review.stages.expression.data import expression_dir
from review.stages.expression.formulations import distance, load_formulations

FORMULATIONS = load_formulations(expression_dir() / "formulations.toml")
THOUGHT = "习近平新时代中国特色社会主义思想"


def found(text: str) -> list[tuple[str, str]]:
    return [(h.rule.id, text[h.start:h.end])
            for h in formulations.detect(Document("t", text), FORMULATIONS)]


@pytest.mark.parametrize("wrong", [
    "习近平总书记新时代中国特色社会主义思想",   # insertion of a word
    "习近平近新时代中国特色社会主义思想",        # insertion of a character
    "习近平新时代中国特色社会义思想",            # deletion
    "习近平新时代中国特色社主会义思想",          # swap
    "习近平新时代中国特色社会主意思想",          # wrong character
])
def test_near_misses_are_blocked_with_their_exact_span(wrong):
    text = f"坚持以{wrong}为指导。"
    assert found(text) == [("EX9001", wrong)]
    finding = formulations.detect(Document("t", text), FORMULATIONS)
    assert next(finding).replacement == THOUGHT


@pytest.mark.parametrize("text", [
    f"坚持以{THOUGHT}为指导，深入学习{THOUGHT}。",
    f"习近平总书记指出，要用{THOUGHT}武装头脑。",
    "学习习近平总书记重要讲话精神，学习习近平经济思想和习近平法治思想。",
])
def test_correct_text_and_surrounding_words_are_quiet(text):
    assert found(text) == []


def test_distance_counts_insertions_deletions_replacements_and_swaps():
    assert distance("abcd", "abcd", 3) == 0
    assert distance("abxcd", "abcd", 3) == 1
    assert distance("abd", "abcd", 3) == 1
    assert distance("abed", "abcd", 3) == 1
    assert distance("bacd", "abcd", 3) == 1
    assert distance("wxyz", "abcd", 2) == 3  # capped


@pytest.mark.parametrize("wrong", ["习近平新时代中国特色社会主义学说",
                                   "习近平新时代中国特色社会主义观点"])
def test_the_name_with_another_last_word_is_a_near_miss(wrong):
    text = f"认真学习{wrong}，推动工作落实。"
    assert found(text) == [("EX9001", wrong)]
    assert next(formulations.detect(Document("t", text), FORMULATIONS)).replacement == THOUGHT


@pytest.mark.parametrize("text", [
    "深入学习习近平新时代中国特色社会主义外交思想。",   # an allowed variant
    "深入学习习近平新时代中国特色社会主义思想的世界观和方法论。",
    "新时代中国特色社会主义事业取得历史性成就。",        # without the name
])
def test_the_head_and_its_allowed_variants_are_quiet(text):
    assert found(text) == []
