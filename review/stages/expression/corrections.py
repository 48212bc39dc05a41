"""Wrong → right forms, found in one Aho-Corasick pass over the folded text (contiguous).

A wrong form inside one of the entry's shields (its right form or an allowed phrase) is not an
error: 截至 inside 截至目前 is right even though 截止目前 is wrong."""

from __future__ import annotations

import marshal
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

import ahocorasick

from review.automaton import build_automaton, cached_automaton, matches
from review.document import Document
from review.findings import Hit, Rule
from review.stages.expression.data import Correction, Dated

_WRONG, _SHIELD = 0, 1
_UNDATED = Dated()  # most entries: one value shared, not 2,000 made at every start


class CorrectionRows(Sequence[Correction]):
    """The wrong → right entries as the cache keeps them: what every check reads of all of
    them (ids, dates) apart, and each entry's own row decoded the first time a draft hits it
    (a draft hits a few of some 2,000; decoding them all was a tenth of a short check)."""

    __slots__ = ("ids", "dates", "_rows", "_made")

    def __init__(self, ids: list[str], dates: list[Dated], rows: list[bytes] | None,
                 made: dict[int, Correction] | None = None) -> None:
        self.ids, self.dates = ids, dates
        self._rows = rows
        self._made = made or {}

    @classmethod
    def of(cls, entries: Sequence[Correction]) -> CorrectionRows:
        return cls([c.rule.id for c in entries], [c.dated for c in entries], None,
                   dict(enumerate(entries)))

    def pack(self) -> list:
        """What the cache stores (marshal's types; see unpack)."""
        return [list(self.ids), [_dates_text(d) for d in self.dates],
                [marshal.dumps([*c.rule.to_list(), list(c.wrong), c.right, list(c.shields)])
                 for c in self]]

    @classmethod
    def unpack(cls, data: list) -> CorrectionRows:
        ids, dates, rows = data
        return cls(ids, [_dates_of(text) for text in dates], rows)

    def __getitem__(self, at: int) -> Correction:  # type: ignore[override]
        if at < 0:
            at += len(self.ids)
        made = self._made.get(at)
        if made is None:
            if not 0 <= at < len(self.ids) or self._rows is None:
                raise IndexError(at)
            row = marshal.loads(self._rows[at])
            made = self._made[at] = Correction(Rule.from_list(row[:8]), tuple(row[8]), row[9],
                                               tuple(row[10]), self.dates[at], (), ())
        return made

    def __len__(self) -> int:
        return len(self.ids)


def _dates_text(dated: Dated) -> str:
    if dated == _UNDATED:
        return ""
    return "|".join(d.isoformat() if d else "" for d in dated)


def _dates_of(text: str) -> Dated:
    if not text:
        return _UNDATED
    start, end = text.split("|")
    return Dated(date.fromisoformat(start) if start else None,
                 date.fromisoformat(end) if end else None)


class Corrections:
    def __init__(self, corrections: Sequence[Correction], day: date,
                 automaton_file: Path | None = None) -> None:
        rows = corrections if isinstance(corrections, CorrectionRows) else \
            CorrectionRows.of(corrections)
        self._rows = rows
        # the entries in force on the day, by their place in `rows`
        self._in_force = [at for at, dated in enumerate(rows.dates) if dated.applies(day)]
        self.automaton = cached_automaton(automaton_file, self._build_automaton)

    @property
    def items(self) -> list[Correction]:
        """The entries in force (each decoded: for compiling and for tools)."""
        return [self._rows[at] for at in self._in_force]

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

    def rule_ids(self) -> Iterator[str]:
        ids = self._rows.ids
        return (ids[at] for at in self._in_force)

    def rules(self) -> Iterator[Rule]:
        return (self._rows[at].rule for at in self._in_force)

    def detect(self, doc: Document) -> Iterator[Hit]:
        view = doc.visible
        if not self._in_force or not view.text:
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
            item = self._rows[self._in_force[index]]
            yield Hit(item.rule, *view.span(start, end), replacement=item.right)
