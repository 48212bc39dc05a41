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
