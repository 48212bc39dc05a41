"""Small helpers the detectors share."""

from __future__ import annotations

import re
from dataclasses import dataclass

from review.findings import Hit, Rule, Severity
from review.normalize import View


@dataclass(frozen=True)
class Options:
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
