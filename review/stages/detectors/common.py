"""Small helpers the detectors share."""

from __future__ import annotations

import re
from collections.abc import Iterator

from review.automaton import occurrences
from review.findings import Hit, Rule, Severity
from review.normalize import View
from review.record import NamedTuple


class Options(NamedTuple):
    """What the config says that detectors need."""

    official_domains: tuple[str, ...] = ()


# Writers space or hyphenate long numbers: 138 1234 5678, 6222-0000-…
SEP = r"[ \t\-]?"


def digits(text: str) -> str:
    return re.sub(r"[^0-9x]", "", text)


def near(view: View, start: int, end: int, words: tuple[str, ...], before: int = 12,
         after: int = 0) -> bool:
    """Whether one of `words` occurs in the `before`/`after` characters around [start, end)."""
    window = view.text[max(0, start - before):end + after]
    return any(word in window for word in words)


def hit(view: View, rule: Rule, start: int, end: int, severity: Severity | None = None) -> Hit:
    """A Hit for view characters [start, end), mapped to the original text."""
    return Hit(rule, *view.span(start, end), severity)


def windows(text: str, anchors: tuple[str, ...], before: int, after: int
            ) -> list[tuple[int, int]]:
    """The stretches of `text` around the anchors' occurrences, merged: where a costly pattern
    whose every match holds an anchor (starting at most `before` characters before it, ending
    at most `after` past it) needs to be tried at all. The anchors are found in one compiled
    pass (review.automaton.occurrences); a regular expression alternation is scanned
    position by position."""
    spans = [(max(0, at - before), min(len(text), at + len(anchor) + after))
             for at, anchor in occurrences(text, anchors)]
    spans.sort()
    merged: list[tuple[int, int]] = []
    for low, high in spans:
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def finditer(pattern: re.Pattern[str], text: str, spans: list[tuple[int, int]]
             ) -> Iterator[re.Match[str]]:
    """The matches of `pattern` within the given stretches of `text`."""
    for low, high in spans:
        yield from pattern.finditer(text, low, high)
