"""Wrong → right forms, found in one Aho-Corasick pass over the folded text (contiguous).

A wrong form inside one of the entry's shields (its right form or an allowed phrase) is not an
error: 截至 inside 截至目前 is right even though 截止目前 is wrong."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import ahocorasick

from review.automaton import build_automaton, cached_automaton, matches
from review.document import Document
from review.findings import Hit, Rule
from review.stages.expression.data import Correction

_WRONG, _SHIELD = 0, 1


class Corrections:
    def __init__(self, corrections: list[Correction], day: date,
                 automaton_file: Path | None = None) -> None:
        self.items = [c for c in corrections if c.dated.applies(day)]
        self.automaton = cached_automaton(automaton_file, self._build_automaton)

    def _build_automaton(self) -> ahocorasick.Automaton:
        keys: dict[str, list[tuple[int, int, int]]] = {}
        for index, item in enumerate(self.items):
            for form in item.wrong:
                keys.setdefault(form, []).append((index, _WRONG, len(form)))
            for phrase in item.shields:
                keys.setdefault(phrase, []).append((index, _SHIELD, len(phrase)))
        return build_automaton((key, tuple(value)) for key, value in keys.items())

    def warm(self) -> None:
        self.automaton = matches(self.automaton)

    def rules(self) -> Iterator[Rule]:
        return (item.rule for item in self.items)

    def detect(self, doc: Document) -> Iterator[Hit]:
        view = doc.visible
        if not self.items or not view.text:
            return
        wrong: list[tuple[int, int, int]] = []
        shields: dict[int, list[tuple[int, int]]] = {}
        for last, payload in self.automaton.iter(view.text):
            for index, kind, length in payload:
                span = (last + 1 - length, last + 1)
                if kind == _WRONG:
                    wrong.append((index, *span))
                else:
                    shields.setdefault(index, []).append(span)
        for index, start, end in wrong:
            if any(a <= start and end <= b for a, b in shields.get(index, ())):
                continue
            item = self.items[index]
            yield Hit(item.rule, *view.span(start, end), replacement=item.right)
