"""Per-class precision, recall, F1 and the confusion matrix of the exported scorer, computed
without scikit-learn (the serving path is what is measured)."""

from __future__ import annotations

from review.model.flag import flagged_class
from review.model.scorer import Scorer
from review.model.text import prepare


def at_thresholds(labels: list[str], probabilities: list[list[float]], classes: list[str],
                  thresholds: dict[str, float]) -> dict[str, dict]:
    """Per class, as the stage flags (review.model.flag): the precision and recall an editor
    meets, which the arg-max figures only approximate."""
    flags = [flagged_class(row, classes, thresholds) for row in probabilities]
    out = {}
    for label, threshold in thresholds.items():
        if label not in classes:
            continue
        tp = sum(1 for f, t in zip(flags, labels, strict=True) if f == label and t == label)
        n_flagged, n_true = flags.count(label), labels.count(label)
        out[label] = {"threshold": threshold,
                      "precision": round(tp / n_flagged, 4) if n_flagged else 0.0,
                      "recall": round(tp / n_true, 4) if n_true else 0.0}
    return out


def metrics(scorer: Scorer, labels: list[str], texts: list[str],
            thresholds: dict[str, float] | None = None) -> dict:
    probabilities = scorer.probabilities([prepare(t) for t in texts])
    classes = scorer.classes
    predicted = [classes[max(range(len(row)), key=row.__getitem__)] for row in probabilities]
    confusion = [[sum(1 for t, p in zip(labels, predicted, strict=True) if t == a and p == b)
                  for b in classes] for a in classes]
    per_class = {}
    for i, name in enumerate(classes):
        tp = confusion[i][i]
        predicted_n = sum(row[i] for row in confusion)
        actual_n = sum(confusion[i])
        precision = tp / predicted_n if predicted_n else 0.0
        recall = tp / actual_n if actual_n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[name] = {"precision": round(precision, 4), "recall": round(recall, 4),
                           "f1": round(f1, 4), "support": actual_n}
    correct = sum(confusion[i][i] for i in range(len(classes)))
    return {"classes": classes, "per_class": per_class,
            "accuracy": round(correct / len(labels), 4) if labels else 0.0,
            "confusion": confusion,
            "at_thresholds": at_thresholds(labels, probabilities, classes, thresholds or {})}
