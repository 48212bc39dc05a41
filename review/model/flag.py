"""How a sentence's class probabilities become a flag — one rule for `review check`, the
evaluation and the model card.

A sentence is flagged when the model is sure enough that it is not neutral, and it is named
after its likeliest class besides neutral: flagged as c when c is that class and
1 − p(neutral) reaches c's threshold. Asking each class to reach its threshold on its own would
miss the sentences whose weight the model splits between two problem classes (a solicitation
that reads half as an ad, half as illegal; a complaint half opinion, half rumour): they are
clearly not neutral, and the editor needs to see them."""

from __future__ import annotations

from collections.abc import Sequence

NEUTRAL = "neutral"


def flagged_class(row: Sequence[float], classes: Sequence[str],
                  thresholds: dict[str, float]) -> str | None:
    """The class a sentence is flagged as, or None."""
    neutral = classes.index(NEUTRAL) if NEUTRAL in classes else -1
    best, best_p = None, -1.0
    for i, p in enumerate(row):
        if i != neutral and p > best_p:
            best, best_p = classes[i], p
    if best is None or best not in thresholds:
        return None
    not_neutral = 1.0 - row[neutral] if neutral >= 0 else 1.0
    return best if not_neutral >= thresholds[best] else None
