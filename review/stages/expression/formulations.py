"""Exact formulations: canonical strings (习近平新时代中国特色社会主义思想 …) that must be
written exactly. A near miss — an inserted, dropped, replaced or swapped character — is a
veto-level error; the exact string is not. A formulation with a `head` (its last word: 思想)
is also misnamed when its name is written exactly and another word follows it
(习近平新时代中国特色社会主义理论), unless that is one of its allowed variants."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from review import cache
from review.document import Document
from review.findings import Category, Hit, Rule
from review.stages.expression.data import folded


@dataclass(frozen=True)
class Formulation:
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


def detect(doc: Document, formulations: list[Formulation]) -> Iterator[Hit]:
    view = doc.visible
    text = view.text
    for f in formulations:
        exact = []  # the right text and its allowed variants: no near miss may overlap them
        for phrase in (f.key, *f.allow):
            at = text.find(phrase)
            while at >= 0:
                exact.append((at, at + len(phrase)))
                at = text.find(phrase, at + 1)
        found = [m for m in (*_near_misses(text, f), *_wrong_heads(text, f))
                 if not any(a < m[2] and m[1] < b for a, b in exact)]
        for d, start, end in found:
            # Of overlapping near misses keep the closest: in 学习习近平…, not 习习近平….
            if not any(d2 < d and s2 < end and start < e2 for d2, s2, e2 in found):
                yield Hit(f.rule, *view.span(start, end), replacement=f.text)


def _near_misses(text: str, f: Formulation) -> Iterator[tuple[int, int, int]]:
    """(distance, start, end) of the closest near miss beginning at each candidate start. A
    text closer to an allowed variant (…强军思想 misspelt) is that variant's, not a near miss
    of the formulation: its fix must not drop the variant's words."""
    key, n, limit = f.key, len(f.key), f.max_distance
    for start in _starts(text, key):
        best: tuple[int, int] | None = None
        for length in range(max(2, n - limit), n + limit + 1):
            end = start + length
            if end > len(text) or text[end - 1] != key[-1] or "\n" in text[start:end]:
                continue
            d = distance(text[start:end], key, limit)
            if 0 < d <= limit and (best is None or d < best[0]):
                best = (d, end)
        if best is None:
            continue
        d, end = best
        if any(distance(text[start:end], a, limit) < d for a in f.allow):
            continue
        yield d, start, end


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
