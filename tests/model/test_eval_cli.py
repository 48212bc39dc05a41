"""`review model eval`: the shipped model's held-out figures per class, and figures on a file
an organisation labels, as `review check` flags (each class at its threshold)."""

import json

from review.model import corpus


def test_without_data_it_prints_the_held_out_figures_of_every_class(cli):
    result = cli("model", "eval", "--format", "json")
    assert result.exit_code == 0, result.output
    holdout = json.loads(result.output)["holdout"]
    assert set(holdout["per_class"]) == set(corpus.LABELS)
    for label in corpus.LABELS:
        if label != "neutral":
            assert set(holdout["at_thresholds"][label]) == {"threshold", "precision", "recall"}
    text = cli("model", "eval").output
    assert "held-out" in text and "flagged at the thresholds" in text


def test_on_a_labelled_file_it_reports_per_class_and_at_the_thresholds(cli, tmp_path):
    data = tmp_path / "ours.tsv"
    data.write_text("ads\t本店羽绒服全场五折，买一送一，欢迎进店选购！\n"
                    "neutral\t区人社局将于本周六举办专场招聘会，欢迎求职者参加。\n",
                    encoding="utf-8")
    report = json.loads(cli("model", "eval", "--data", str(data), "--format", "json").output)
    assert report["data"]["per_class"]["ads"]["support"] == 1
    assert report["data"]["at_thresholds"]["ads"]["recall"] == 1.0
