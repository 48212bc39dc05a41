"""The ordered pattern of a sequence rule: classes (@drug), slots ({money}) and words in this
order within one sentence, at most `within` characters apart — 8万元包进编, 很可能发生6级以上地震.

A pattern compiles to one regular expression over the compact view. It is only tried on a
sentence where the automaton already found every class and word it names, so its cost is
paid by the few sentences that could match."""

from __future__ import annotations

import re
from collections.abc import Iterator

from review.normalize import CompactView, normalize_term
from review.record import NamedTuple
from review.rules.classes import WordClass
from review.stages.slots import SLOTS, Slot


class Sequence(NamedTuple):
    elements: tuple[str, ...]              # as written: "@drug", "{money}", "包进编"
    source: str                            # the regular expression, compiled on first use
    needs: tuple[str, ...]                 # the classes and "=word"s a sentence must hold
    words: tuple[str, ...]                 # the literal words, normalised
    checks: tuple[tuple[str, Slot], ...]   # regex group → a slot with a validator

    @classmethod
    def compile(cls, pattern: list[str], within: int,
                classes: dict[str, WordClass]) -> Sequence:
        """Raises KeyError naming an unknown slot."""
        parts, needs, words, checks = [], [], [], []
        for index, element in enumerate(pattern):
            if element.startswith("@"):
                terms = sorted(classes[element[1:]].terms, key=len, reverse=True)
                parts.append(f"(?:{'|'.join(map(re.escape, terms))})")
                needs.append(element[1:])
            elif element.startswith("{"):
                slot = SLOTS[element[1:-1]]
                if slot.validate is None:
                    parts.append(f"(?:{slot.pattern})")
                else:
                    parts.append(f"(?P<s{index}>{slot.pattern})")
                    checks.append((f"s{index}", slot))
            else:
                word = normalize_term(element)
                parts.append(re.escape(word))
                needs.append(f"={word}")
                words.append(word)
        source = f".{{0,{within}}}?".join(parts)
        return cls(tuple(pattern), source, tuple(dict.fromkeys(needs)), tuple(words),
                   tuple(checks))

    @property
    def regex(self) -> re.Pattern[str]:
        # Compiled on first use, and kept by re's own cache: most drafts never hold every
        # class of a sequence, and compiling all of them for every `review check` would cost
        # more than matching.
        return re.compile(self.source)

    def find(self, view: CompactView, folded: str, start: int, end: int
             ) -> Iterator[tuple[int, int, int | None]]:
        """Matches in [start, end) of the compact view, slots validated: the compact span, and
        where the match ends in the folded text when a slot's tail (the % of 30%) extends it."""
        for m in self.regex.finditer(view.text, start, end):
            if not all(self._valid(view, folded, *m.span(g), slot) for g, slot in self.checks):
                continue
            tail = None
            if self.checks and m.end(self.checks[-1][0]) == m.end():
                slot = self.checks[-1][1]
                after = view.source[m.end() - 1] + 1
                found = slot.tail.match(folded, after) if slot.tail is not None else None
                tail = found.end() if found else None
            yield m.start(), m.end(), tail

    @staticmethod
    def _valid(view: CompactView, folded: str, start: int, end: int, slot: Slot) -> bool:
        # The folded text up to the next kept character: the `%` after 30 is noise to the
        # compact view and is found here.
        stop = view.source[end] if end < len(view.text) else len(folded)
        return slot.validate is not None and slot.validate(folded[view.source[start]:stop])

    def describe(self, classes: dict[str, WordClass], en: bool) -> str:
        """What a finding says it recognised: 金额…“包进编”."""
        out = []
        for element in self.elements:
            if element.startswith("@"):
                c = classes[element[1:]]
                out.append(c.name_en if en else c.name)
            elif element.startswith("{"):
                slot = SLOTS[element[1:-1]]
                out.append(slot.name_en if en else slot.name)
            else:
                out.append(f"“{element}”")
        return ("…" if not en else " … ").join(out)
