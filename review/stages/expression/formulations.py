"""Exact formulations: canonical strings (习近平新时代中国特色社会主义思想 …) that must be
written exactly. A near miss — an inserted, dropped, replaced or swapped character — is a
veto-level error; the exact string is not. A formulation with a `head` (its last word: 思想)
is also misnamed when its name is written exactly and another word follows it
(习近平新时代中国特色社会主义理论), unless that is one of its allowed variants.

A catalogue of a hundred formulations and more is not scanned start by start: each key is cut
into max_distance + 1 pieces one character apart (`pieces`), so that an edit — an insertion,
a deletion, a replacement, a swap — touches at most one of them and a text within
max_distance edits holds one intact (pigeonhole). One automaton of all pieces finds them; a
formulation is looked at only around the pieces found in the draft, where the scan was
before. Both paths find the same pieces (pyahocorasick on one draft, ahocorasick_rs in bulk),
and so the same near misses as a scan of every start."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import ahocorasick

from review import cache
from review.automaton import Matches, build_automaton, cached_automaton, matches
from review.document import Document
from review.findings import Category, Hit, Rule
from review.normalize import View
from review.record import NamedTuple
from review.stages.expression.data import folded


def _paused(text: str) -> str:
    """、 for the folded ，: a pause is a pause."""
    return text.replace(",", "、")


class Formulation(NamedTuple):
    rule: Rule
    text: str        # as written
    key: str         # folded
    max_distance: int
    allow: tuple[str, ...] = ()  # folded official variants that are not near misses
    hit: tuple[str, ...] = ()
    miss: tuple[str, ...] = ()
    head: str = ""  # folded last word; the text before it must be followed by it


def default_distance(length: int) -> int:
    """Long formulations tolerate an inserted word (总书记), short ones a single slip."""
    return 3 if length >= 12 else 2 if length >= 8 else 1


def load_formulations(path: Path) -> list[Formulation]:
    """The formulations file, compiled once per content (review.cache)."""
    return cache.cached("formulations", [path], lambda: _compiled(path), _encode, _decode)


def _encode(items: list[Formulation]) -> list:
    return [[*f.rule.to_list(), f.text, f.key, f.max_distance, list(f.allow), list(f.hit),
             list(f.miss), f.head] for f in items]


def _decode(data: list) -> list[Formulation]:
    return [Formulation(Rule.from_list(row[:8]), row[8], row[9], row[10], tuple(row[11]),
                        tuple(row[12]), tuple(row[13]), row[14]) for row in data]


def _compiled(path: Path) -> list[Formulation]:
    from review.rules import schema  # lazily: only compiling needs it, not the cache

    result = []
    for e in schema.read(path, schema.FormulationFile).formulation:
        key = folded(e.text)
        rule = Rule(e.id, Category.EXPRESSION, e.gate, e.severity,
                    f"规范表述有误，应为“{e.text}”", f"the formulation must read “{e.text}”",
                    f"改为“{e.text}”", f"write “{e.text}”")
        result.append(Formulation(rule, e.text, key, e.max_distance or default_distance(len(key)),
                                  tuple(folded(a) for a in e.allow), tuple(e.hit),
                                  tuple(e.miss), folded(e.head) if e.head else ""))
    return result


def distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (insert, delete, replace, swap), capped at limit+1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def pieces(key: str, limit: int) -> tuple[tuple[int, str], ...]:
    """(offset, piece) of limit + 1 disjoint pieces of the key, one character between two: no
    edit touches two of them, so a text within `limit` edits of the key holds one intact,
    less than `limit` characters from its offset. Empty when the key is too short for that
    (every start is then looked at)."""
    room = len(key) - limit  # the characters left to the pieces once the gaps are taken
    if room < limit + 1:
        return ()
    size, extra = divmod(room, limit + 1)
    result, at = [], 0
    for i in range(limit + 1):
        length = size + (i < extra)
        result.append((at, key[at:at + length]))
        at += length + 1
    return tuple(result)


class Catalogue:
    """The formulations and the automaton of their pieces: `detect` looks at a formulation
    only where one of its pieces occurs (at the starts its offset allows)."""

    def __init__(self, formulations: list[Formulation], automaton_file: Path | None = None
                 ) -> None:
        # A pause is a pause: 、 and ， (folded to ,) are one character to the comparison, so
        # 不忘初心，牢记使命 is 不忘初心、牢记使命 written otherwise, not a near miss.
        self.items = [f._replace(key=_paused(f.key), allow=tuple(map(_paused, f.allow)))
                      for f in formulations]
        # too short to cut, or a head whose name (the text before it) the first piece overruns
        self.always = frozenset(i for i, f in enumerate(self.items)
                                if not (cut := pieces(f.key, f.max_distance))
                                or len(cut[0][1]) > len(f.key) - len(f.head))
        self.automaton: ahocorasick.Automaton | Matches = cached_automaton(
            automaton_file, self._build_automaton)

    def _build_automaton(self) -> ahocorasick.Automaton:
        keys: dict[str, list[tuple[int, int]]] = {}
        for index, f in enumerate(self.items):
            for offset, piece in pieces(f.key, f.max_distance):
                # where the key would start: the piece's end less its offset and length
                keys.setdefault(piece, []).append((index, offset + len(piece) - 1))
        return build_automaton((key, tuple(value)) for key, value in keys.items())

    def warm(self) -> None:
        self.automaton = matches(self.automaton)

    def rules(self) -> Iterator[Rule]:
        return (f.rule for f in self.items)

    def detect(self, doc: Document) -> Iterator[Hit]:
        view = doc.visible
        text = _paused(view.text)
        if not self.items or not text:
            return
        anchors: dict[int, set[int]] = {i: set() for i in self.always}
        for last, payload in self.automaton.iter(text):
            for index, back in payload:
                anchors.setdefault(index, set()).add(last - back)
        for index in sorted(anchors):
            f = self.items[index]
            starts = None if index in self.always else _windowed(text, f, anchors[index])
            yield from _detect_one(text, view, f, starts)


def _windowed(text: str, f: Formulation, anchors: set[int]) -> list[int]:
    """The starts a near miss may have (`_starts`) within max_distance of an anchor (where a
    piece found puts the key's start)."""
    key, limit = f.key, f.max_distance
    result = set()
    for anchor in anchors:
        for start in range(max(0, anchor - limit), anchor + limit + 1):
            if text.startswith(key[0], start) or \
                    (len(key) >= 4 and text.startswith(key[1:3], start + 1)):
                result.add(start)
    return sorted(result)


def detect(doc: Document, formulations: list[Formulation] | Catalogue) -> Iterator[Hit]:
    """The near misses in one draft; a list of formulations is made a Catalogue first (its
    automaton built afresh: for tests and one-off checks — the stage keeps its catalogue)."""
    catalogue = formulations if isinstance(formulations, Catalogue) else Catalogue(formulations)
    return catalogue.detect(doc)


def _detect_one(text: str, view: View, f: Formulation, starts: list[int] | None) -> Iterator[Hit]:
    exact = []  # the right text and its allowed variants: no near miss may overlap them
    for phrase in (f.key, *f.allow):
        at = text.find(phrase)
        while at >= 0:
            exact.append((at, at + len(phrase)))
            at = text.find(phrase, at + 1)
    found = [m for m in (*_near_misses(text, f, starts), *_wrong_heads(text, f))
             if not any(a < m[2] and m[1] < b for a, b in exact)]
    for d, start, end in found:
        # Of overlapping near misses keep the closest: in 学习习近平…, not 习习近平….
        if not any(d2 < d and s2 < end and start < e2 for d2, s2, e2 in found):
            yield Hit(f.rule, *view.span(start, end), replacement=f.text)


def _near_misses(text: str, f: Formulation, starts: list[int] | None = None
                  ) -> Iterator[tuple[int, int, int]]:
    """(distance, start, end) of the closest near miss beginning at each candidate start. A
    text closer to an allowed variant (…强军思想 misspelt) is that variant's, not a near miss
    of the formulation: its fix must not drop the variant's words. A near miss keeps the
    formulation's punctuation, no more and no less: 人口规模不大，现代化 is two clauses, not
    人口规模巨大的现代化 with two slips. It ends with the formulation's last character, or
    where its clause ends; a long one's characters all there in another order count too."""
    key, n, limit = f.key, len(f.key), f.max_distance
    marks = _marks(key)
    # a long formulation's last word replaced is no accident where its clause ends (…感受到
    # 公平公正); a short one's may be another slogan (全面从严治警), and a head is judged apart
    open_end = n >= _LONG and not f.head
    for start in _starts(text, key) if starts is None else starts:
        best: tuple[int, int] | None = None
        for length in range(max(2, n - limit), n + limit + 1):
            end = start + length
            if end > len(text) or "\n" in text[start:end] or \
                    text[end - 1] != key[-1] and not (open_end and _clause_end(text, end)):
                continue
            d = distance(text[start:end], key, limit)
            if d > limit and length == n >= _LONG and sorted(text[start:end]) == sorted(key):
                d = limit  # its words in another order (习近平中国特色社会主义新时代思想)
            if 0 < d <= limit and (best is None or d < best[0]) and \
                    _marks(text[start:end]) == marks:
                best = (d, end)
        if best is None:
            continue
        d, end = best
        if any(distance(text[start:end], a, limit) < d for a in f.allow):
            continue
        yield d, start, end


_LONG = 12  # characters from which a formulation is long


def _clause_end(text: str, end: int) -> bool:
    """A near miss that ends a clause need not end with the formulation's last character
    (…感受到公平公正。 for …公平正义): the clause's end marks where it stops."""
    return end == len(text) or text[end] in "，。；！？、,;!?"


def _marks(text: str) -> str:
    """The punctuation of a text, in order."""
    return "".join(c for c in text if not c.isalnum())


def _wrong_heads(text: str, f: Formulation) -> Iterator[tuple[int, int, int]]:
    """(distance, start, end) where the formulation's name is written exactly and followed by
    another word than its head: the name and as many characters as the head has."""
    if not f.head:
        return
    name = f.key[:-len(f.head)]
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        after = text[end:end + len(f.head)]
        if len(after) == len(f.head) and all("\u4e00" <= c <= "\u9fff" for c in after) \
                and not text.startswith(f.head, end) \
                and not any(text.startswith(a, at) for a in f.allow):
            yield distance(after, f.head, len(f.head)), at, end + len(f.head)
        at = text.find(name, end)


def _starts(text: str, key: str) -> list[int]:
    """Where a near miss may begin: at the key's first character, or one character earlier
    than its second and third (a wrong first character: 筑牢 for 铸牢). A near miss must end
    with the key's last character, so 社会主义核心价值体系 is no near miss of …价值观."""
    starts = set()
    at = text.find(key[0])
    while at >= 0:
        starts.add(at)
        at = text.find(key[0], at + 1)
    if len(key) >= 4:
        at = text.find(key[1:3], 1)
        while at >= 0:
            starts.add(at - 1)
            at = text.find(key[1:3], at + 1)
    return sorted(starts)
