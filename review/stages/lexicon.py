"""The lexicon stage: every lexicon term, found in one pass of an Aho-Corasick automaton.

Terms are matched in the compact view (normalised, noise removed), so spaced, starred and
traditional spellings are found; every match is reported, overlapping ones included.
"""

from __future__ import annotations

from collections.abc import Iterator

import ahocorasick

from review import cache, lexicon
from review.config import Config
from review.document import Document
from review.findings import Hit, Rule
from review.lexicon import Entry

CONTEXT_WIDTH = 12
_TERM, _ALLOW = 0, 1


class LexiconStage:
    name = "lexicon"

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        payloads: dict[str, list[tuple[int, int, int]]] = {}
        for index, entry in enumerate(entries):
            for term in entry.terms:
                payloads.setdefault(term, []).append((index, _TERM, len(term)))
            for phrase in entry.allow:
                payloads.setdefault(phrase, []).append((index, _ALLOW, len(phrase)))
        self.plain = [not (e.allow or e.context) and e.noise for e in entries]
        self.automaton = ahocorasick.Automaton()
        for key, value in payloads.items():
            self.automaton.add_word(key, tuple(value))
        if payloads:
            self.automaton.make_automaton()

    def rules(self) -> Iterator[Rule]:
        return (entry.rule for entry in self.entries)

    def scan(self, doc: Document) -> Iterator[Hit]:
        view = doc.compact
        text = view.text
        if not text or not self.entries:
            return
        entries, starts, ends = self.entries, view.starts, view.ends
        checked: list[tuple[int, int, int]] = []
        allowed: dict[int, list[tuple[int, int]]] = {}
        for last, payload in self.automaton.iter(text):
            for index, kind, length in payload:
                if kind == _ALLOW:
                    allowed.setdefault(index, []).append((last + 1 - length, last + 1))
                elif self.plain[index]:  # no allow, context or contiguity: report at once
                    yield Hit(entries[index].rule, starts[last + 1 - length], ends[last])
                else:
                    checked.append((index, last + 1 - length, last + 1))
        for index, start, end in checked:
            entry = entries[index]
            if any(a <= start and end <= b for a, b in allowed.get(index, ())):
                continue  # a longer allowed phrase beats the term inside it
            if entry.context and not _has_context(text, start, end, entry.context):
                continue
            if not entry.noise and view.source[end - 1] - view.source[start] != end - 1 - start:
                continue  # this entry must appear without inserted characters
            yield Hit(entry.rule, starts[start], ends[end - 1])


def _has_context(text: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    window = text[max(0, start - CONTEXT_WIDTH):end + CONTEXT_WIDTH]
    return any(word in window for word in words)


def load_entries(config: Config) -> list[Entry]:
    options = [*(lexicon.bundled() if config.bundled_lexicons else []),
               *config.lexicon_options()]

    def build() -> list[Entry]:
        return [entry for option in options for entry in lexicon.load(option)]

    settings = repr([(o.category, o.severity, o.gate) for o in options])
    return cache.cached("lexicon", [o.path for o in options], build, _encode, _decode, settings)


def _encode(entries: list[Entry]) -> list:
    return [[*e.rule.to_list(), list(e.terms), list(e.context), list(e.allow), e.noise,
             e.source] for e in entries]


def _decode(data: list) -> list[Entry]:
    return [Entry(Rule.from_list(row[:8]), tuple(row[8]), tuple(row[9]), tuple(row[10]), row[11],
                  source=row[12]) for row in data]


def build(config: Config) -> LexiconStage:
    return LexiconStage(load_entries(config))
