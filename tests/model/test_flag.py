"""The one rule that turns a sentence's probabilities into a flag."""

import pytest

from review.model.flag import flagged_class, flagged_classes

CLASSES = ["ads", "illegal", "neutral", "opinion"]
THRESHOLDS = {"ads": 0.7, "illegal": 0.8, "opinion": 0.9}


def test_a_sentence_whose_weight_is_split_between_two_problem_classes_is_flagged():
    # neither ads (0.45) nor illegal (0.40) is sure on its own; the sentence is surely not
    # neutral, and it is named after the likelier of the two
    assert flagged_class([0.45, 0.40, 0.10, 0.05], CLASSES, THRESHOLDS) == "ads"


def test_the_likeliest_problem_class_sets_the_bar():
    assert flagged_class([0.10, 0.75, 0.15, 0.0], CLASSES, THRESHOLDS) == "illegal"
    assert flagged_class([0.05, 0.70, 0.25, 0.0], CLASSES, THRESHOLDS) is None  # 0.75 < 0.8


def test_a_neutral_sentence_or_a_class_without_a_threshold_is_not_flagged():
    assert flagged_class([0.2, 0.1, 0.7, 0.0], CLASSES, THRESHOLDS) is None
    assert flagged_class([0.0, 0.0, 0.0, 1.0], CLASSES, {"ads": 0.5}) is None


def test_a_class_turned_off_neither_names_a_sentence_nor_hides_another():
    # ads is off: the sentence is flagged as illegal only if illegal alone is sure enough
    off = {**THRESHOLDS, "ads": 1.01}
    assert flagged_class([0.62, 0.38, 0.0, 0.0], CLASSES, off) is None
    assert flagged_class([0.10, 0.85, 0.05, 0.0], CLASSES, off) == "illegal"


def test_a_model_without_a_neutral_class_asks_the_likeliest_class_alone():
    classes, thresholds = ["ads", "opinion"], {"ads": 0.7, "opinion": 0.7}
    assert flagged_class([0.5, 0.5], classes, thresholds) is None
    assert flagged_class([0.8, 0.2], classes, thresholds) == "ads"


@pytest.mark.parametrize("classes, thresholds", [
    (CLASSES, THRESHOLDS),
    (CLASSES, {"ads": 0.5, "illegal": 1.5}),                     # a class not in use
    (CLASSES, {"ads": float("nan"), "illegal": 0.3, "rumor": 0.3}),
    (CLASSES, {}),                                               # none in use
    (["ads", "illegal", "rumor"], {"ads": 0.4, "illegal": 0.5}),  # no neutral class
    (["ads", "neutral", "illegal", "neutral"], {"ads": 0.3, "illegal": 0.3}),
])
def test_the_array_flags_are_the_loops(classes, thresholds):
    """The bulk path flags a draft's sentences from the array of their probabilities: the
    same classes as flagged_class row by row, ties and sums at the thresholds included."""
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(1)
    k = len(classes)
    rows = rng.dirichlet(np.ones(k), size=3000)
    rows[:200] = np.round(rows[:200] * 4) / 4  # ties, and sums landing on a threshold
    rows[200:220] = 1.0 / k
    expected = [flagged_class(row, classes, thresholds) for row in rows.tolist()]
    assert flagged_classes(rows, classes, thresholds) == expected
    assert len(set(expected)) > 1 or not thresholds
    with_nan = rows.copy()
    with_nan[5, 0] = np.nan
    assert flagged_classes(with_nan, classes, thresholds) == \
        [flagged_class(row, classes, thresholds) for row in with_nan.tolist()]
