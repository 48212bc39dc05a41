"""Per-class precision, recall, F1 and the confusion matrix of the exported scorer, computed
without scikit-learn (the serving path is what is measured)."""

from __future__ import annotations

from review.model.scorer import Scorer
from review.model.text import prepare


def predict(scorer: Scorer, texts: list[str]) -> list[str]:
    probabilities = scorer.probabilities([prepare(t) for t in texts])
    return [scorer.classes[max(range(len(row)), key=row.__getitem__)] for row in probabilities]


def metrics(scorer: Scorer, labels: list[str], texts: list[str]) -> dict:
    predicted = predict(scorer, texts)
    classes = scorer.classes
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
            "confusion": confusion}
