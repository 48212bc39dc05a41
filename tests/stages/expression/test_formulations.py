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


def _every_start(text: str) -> list[tuple[str, int, int]]:
    """The findings of a scan of every start (no prefilter), as detect would report them."""
    catalogue = formulations.Catalogue(FORMULATIONS)
    doc = Document("t", text)
    view = doc.visible
    folded = formulations._paused(view.text)
    return [(h.rule.id, h.start, h.end) for f in catalogue.items
            for h in formulations._detect_one(folded, view, f, None)]


@pytest.mark.parametrize("text", [
    *(example for f in FORMULATIONS for example in (*f.hit, *f.miss)),
    "坚持以习近平新时代中国特色社会义思想为指导，践行全过程人名民主，推进全面从紧治党。",
    "以中国式现代化全面推动中华民族伟大复兴，人口规模庞大的现代化，走和平发展之路的现代化。",
])
def test_the_pieces_find_what_a_scan_of_every_start_finds(text):
    """Pigeonhole: a near miss keeps one of its formulation's pieces intact, so the automaton
    of pieces misses none, on either path."""
    catalogue = formulations.Catalogue(FORMULATIONS)
    lean = [(h.rule.id, h.start, h.end) for h in catalogue.detect(Document("t", text))]
    catalogue.warm()
    bulk = [(h.rule.id, h.start, h.end) for h in catalogue.detect(Document("t", text))]
    assert lean == bulk == _every_start(text)


@pytest.mark.parametrize("key, limit", [("全过程人民民主", 1), ("人口规模巨大的现代化", 2),
                                        ("习近平新时代中国特色社会主义思想", 3), ("四风", 1)])
def test_pieces_are_limit_plus_one_apart_by_a_character(key, limit):
    cut = formulations.pieces(key, limit)
    if len(key) - limit < limit + 1:
        assert cut == ()
        return
    assert len(cut) == limit + 1
    for (at, piece), (after, _) in zip(cut, cut[1:], strict=False):
        assert key[at:at + len(piece)] == piece and after > at + len(piece)


@pytest.mark.parametrize("text", [
    "我县人口规模不大，现代化农业发展迅速。",   # two clauses, not 人口规模巨大的现代化
    "不忘初心，牢记使命，奋力谱写新篇章。",       # ， for 、 is the same pause
])
def test_a_near_miss_keeps_the_formulations_punctuation(text):
    assert found(text) == []


def test_a_listed_wrong_form_wins_over_a_near_miss_around_it():
    """中央八条规定精神 is a listed wrong form (its own reason and fix): the near miss of
    中央八项规定精神 over the same words is not reported beside it."""
    from review.config import Config
    from review.pipeline import Pipeline

    ids = {f.rule for f in Pipeline(Config()).check_text("严格落实中央八条规定精神。").findings}
    assert "EX0113" in ids and "EX9025" not in ids
