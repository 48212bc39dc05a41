"""How a sentence's class probabilities become a flag — one rule for `review check`, the
evaluation and the model card.

A sentence is flagged when the model is sure enough that it belongs to one of the problem
classes in use, and it is named after the likeliest of them: flagged as c when c is that class
and the probability of all the classes in use together reaches c's threshold. Asking each class
to reach its threshold on its own would miss the sentences whose weight the model splits
between two problem classes (a solicitation that reads half as an ad, half as illegal; a
complaint half opinion, half rumour): they are clearly not neutral, and the editor needs to see
them. A class not in use (no threshold, or one above 1) neither names a sentence nor adds to
the sum. A model without a neutral class (an organisation's own) has no such sum: there, the
likeliest class's own probability must reach its threshold."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the lean path never imports NumPy
    import numpy as np

NEUTRAL = "neutral"


def flagged_class(row: Sequence[float], classes: Sequence[str],
                  thresholds: dict[str, float]) -> str | None:
    """The class a sentence is flagged as, or None."""
    best, best_p, neutral, unused = None, -1.0, None, 0.0
    for label, p in zip(classes, row, strict=True):
        if label == NEUTRAL:
            neutral = p
        elif label not in thresholds or thresholds[label] > 1.0:
            unused += p
        elif p > best_p:
            best, best_p = label, p
    if best is None:
        return None
    sure = best_p if neutral is None else 1.0 - neutral - unused
    return best if sure >= thresholds[best] else None


def flagged_classes(rows: np.ndarray, classes: Sequence[str],
                    thresholds: dict[str, float]) -> list[str | None]:
    """flagged_class of each row of an array of probabilities (the bulk path's), column by
    column with the same float operations in the same order: the same flags."""
    import numpy as np

    if np.isnan(rows).any():  # argmax would pick a nan the loop passes over
        return [flagged_class(row, classes, thresholds) for row in rows.tolist()]
    neutral, unused, used = None, [], []
    for column, label in enumerate(classes):
        if label == NEUTRAL:
            neutral = column
        elif label not in thresholds or thresholds[label] > 1.0:
            unused.append(column)
        else:
            used.append(column)
    if not used:
        return [None] * len(rows)
    # the first of the likeliest, as the loop's strict `>` keeps it
    best = np.array(used)[rows[:, used].argmax(axis=1)]
    sure = rows[np.arange(len(rows)), best]
    if neutral is not None:
        left = np.zeros(len(rows))
        for column in unused:
            left = left + rows[:, column]
        sure = 1.0 - rows[:, neutral] - left
    limit = np.array([thresholds.get(label, 0.0) for label in classes])
    return [classes[b] if ok else None
            for b, ok in zip(best.tolist(), (sure >= limit[best]).tolist(), strict=True)]
