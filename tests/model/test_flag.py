"""The one rule that turns a sentence's probabilities into a flag."""

from review.model.flag import flagged_class

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
