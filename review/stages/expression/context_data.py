"""What EX9502 (review/stages/expression/context.py) reads a draft with, compiled once into the
cache from jieba's dictionary, pypinyin's readings, `same_stroke.txt` and
`lexicons/expression/context.tsv`. Everything is kept by a pair's first character — a string
of the characters that may follow it — in tables indexed by code point (review.packed):
a load copies a few buffers, a look-up is an index and a search in a short string, and
neither jieba, pypinyin nor numpy is imported by a check.

- `slips[a]`: the b for which the pair ab is no word but one confusable character away from a
  common two-character word (jieba frequency ≥ WORD2, or a word of jieba's the project's prose
  writes PROSE_WORD times; no names, places or numbers) — the pairs worth a second look
  (about half a million);
- `words`: those common two-character words, as the characters before and after each;
- `followers[a]`, `follow_counts[a]`: the characters that follow a in the project's prose
  (context.tsv) and how often, with a's total and its number of different followers
  (`follow_totals`, `follow_types`: Witten–Bell smoothing);
- `log_weight[c]`: the log of c's summed jieba frequency;
- `sources[w]`: the characters a written w may stand for: any reading in common (pypinyin,
  every reading, tones ignored) or a similar shape; `shapes[c]`: c's shape group."""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from pathlib import Path

from review import cache
from review.packed import CharNumbers, CharStrings
from review.record import NamedTuple
from review.stages.expression.typos import (
    _NOT_A_WORD,
    _PROPER,
    _read_dictionary,
    jieba_dictionary,
    stroke_file,
)

WORD2 = 300          # a two-character word this frequent is one a typo is looked for in
PROSE_WORD = 20      # or a word of jieba's that the project's prose writes this often (报销, 整治:
# official words that jieba's general frequencies rank low)
_RIGHT_CHAR = 2000   # the right character must be this common (summed frequency of its words)
_WRONG_CHAR = 1000   # and the written one this common
_MAX_COUNT = 50000   # counts are kept as characters (48 + n): below the surrogates
_VERSION = 6         # bump when what is compiled changes


def _cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


class Words(NamedTuple):
    """The common two-character words, as the characters that stand before and after each
    character in them (for finding corrections by set intersection, in C). Compiled into the
    cache as they are: building them from the words took 10 ms of every check."""

    before: Mapping[str, str]
    after: Mapping[str, str]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and len(word) == 2 and word[1] in self.after.get(word[0], "")

    @classmethod
    def of(cls, words: list[str]) -> Words:
        before: dict[str, list[str]] = {}
        after: dict[str, list[str]] = {}
        for a, b in words:
            before.setdefault(b, []).append(a)
            after.setdefault(a, []).append(b)
        return cls({c: "".join(cs) for c, cs in before.items()},
                   {c: "".join(cs) for c, cs in after.items()})


class Tables:
    """As the cache keeps them (review.packed): a check reads a few hundred of each
    table's thousands of entries, and builds none of the others. (A plain class: a
    dataclass's methods are compiled at every start.)"""

    __slots__ = ("slips", "words", "followers", "follow_counts", "follow_totals",
                 "follow_types", "log_weight", "log_total_weight", "sources", "shapes",
                 "_follow_memo")

    def __init__(self, slips: CharStrings, words: Words, followers: CharStrings,
                 follow_counts: CharStrings, follow_totals: CharNumbers,
                 follow_types: CharNumbers, log_weight: CharNumbers, log_total_weight: float,
                 sources: CharStrings, shapes: CharStrings) -> None:
        self.slips = slips
        self.words = words
        self.followers = followers          # a → the characters that follow it in the prose
        self.follow_counts = follow_counts  # aligned with followers' text: chr(48 + n) each
        self.follow_totals = follow_totals  # a → how often anything follows it
        self.follow_types = follow_types    # a → how many different characters do
        self.log_weight = log_weight
        self.log_total_weight = log_total_weight
        self.sources = sources
        self.shapes = shapes
        # log_follow's answers, remembered (pairs recur in every draft)
        self._follow_memo: dict[str, float] = {}

    def _tables(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__[:-1])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Tables) and self._tables() == other._tables()

    __hash__ = None  # type: ignore[assignment]

    def slip_starts(self, text: str) -> list[int]:
        """Where a pair of `text` is a slip."""
        return self.slips.pair_starts(text)

    def count(self, a: str, b: str) -> int:
        """How often b follows a in the project's prose."""
        start, end = self.followers.span(a)
        at = self.followers.text.find(b, start, end) if start < end else -1
        return ord(self.follow_counts.text[at]) - 48 if at >= 0 else 0

    def weight(self, c: str) -> float:
        """log of c's summed jieba frequency (0 for a character jieba has no word with)."""
        return self.log_weight.value(c)

    def log_follow(self, a: str, b: str) -> float:
        """log P(b | a): the project's pair counts, Witten–Bell-interpolated with b's jieba
        frequency (the prose is small; a pair it never shows is not impossible)."""
        pair = a + b
        value = self._follow_memo.get(pair)
        if value is None:
            if len(self._follow_memo) > 500_000:
                self._follow_memo.clear()
            value = self._follow_memo[pair] = self._log_follow(a, b)
        return value

    def _log_follow(self, a: str, b: str) -> float:
        total, types = self.follow_totals.value(a), self.follow_types.value(a)
        lam = total / (total + types) if total else 0.0
        seen = self.count(a, b) / total if total else 0.0
        weight = self.weight(b)
        unigram = math.exp(weight - self.log_total_weight) if weight else 1e-9
        return math.log(lam * seen + (1 - lam + 1e-3) * unigram)


def _count(follow: dict[str, list], a: str, b: str) -> int:
    """Tables.count on the compiled form (a → [followers, counts, total, types])."""
    entry = follow.get(a)
    if entry is None:
        return 0
    at = entry[0].find(b)
    return ord(entry[1][at]) - 48 if at >= 0 else 0


def context_file() -> Path:
    from review.stages.expression.data import expression_dir

    return expression_dir() / "context.tsv"


def _char_weights(freq: dict[str, int]) -> dict[str, int]:
    weight: dict[str, int] = {}
    for word, f in freq.items():
        for c in word:
            if _cjk(c):
                weight[c] = weight.get(c, 0) + f
    return weight


def _shape_groups() -> dict[str, str]:
    shapes: dict[str, set[str]] = {}
    for line in stroke_file().read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            group = set(line.split())
            for c in group:
                shapes.setdefault(c, set()).update(group - {c})
    return {c: "".join(sorted(group)) for c, group in shapes.items()}


def _sources(weight: dict[str, int], shapes: dict[str, str]) -> dict[str, str]:
    """written character → the right characters it may stand for."""
    from pypinyin import Style, pinyin

    known = [c for c, w in weight.items() if w >= _WRONG_CHAR]
    readings = {c: set(pinyin(c, style=Style.NORMAL, heteronym=True)[0]) for c in known}
    by_reading: dict[str, set[str]] = {}
    for c, said in readings.items():
        for reading in said:
            by_reading.setdefault(reading, set()).add(c)
    sources: dict[str, set[str]] = {}
    for right in known:
        if weight[right] < _RIGHT_CHAR:
            continue
        alike = {c for reading in readings[right] for c in by_reading[reading]}
        for wrong in (alike | set(shapes.get(right, ""))) - {right}:
            sources.setdefault(wrong, set()).add(right)
    return {w: "".join(sorted(rs)) for w, rs in sources.items()}


def _slips(words: list[str], sources: dict[str, str], freq: dict[str, int]) -> dict[str, str]:
    stand_in: dict[str, set[str]] = {}  # right character → the written ones
    for wrong, rights in sources.items():
        for right in rights:
            stand_in.setdefault(right, set()).add(wrong)
    slips: dict[str, set[str]] = {}
    for word in words:
        for k in (0, 1):
            for wrong in stand_in.get(word[k], ()):
                written = word[:k] + wrong + word[k + 1:]
                if freq.get(written, 0) <= _NOT_A_WORD:  # no word, as the lexicon has it
                    slips.setdefault(written[0], set()).add(written[1])
    return {a: "".join(sorted(bs)) for a, bs in slips.items()}


def _follow() -> dict[str, list]:
    by_first: dict[str, dict[str, int]] = {}
    for line in context_file().read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            pair, _, n = line.partition("\t")
            by_first.setdefault(pair[0], {})[pair[1]] = min(int(n), _MAX_COUNT)
    # followers in code point order (their counts beside them): a search by halves
    sorted_first = {a: dict(sorted(after.items())) for a, after in by_first.items()}
    return {a: ["".join(after), "".join(chr(48 + n) for n in after.values()),
                sum(after.values()), len(after)] for a, after in sorted_first.items()}


def compile_tables(freq: dict[str, int], pos: dict[str, str]) -> list:
    """The tables, packed as the cache keeps them (review.packed; `_decode` reads them)."""
    weight = _char_weights(freq)
    shapes = _shape_groups()
    sources = _sources(weight, shapes)
    follow = _follow()
    words = sorted(w for w, f in freq.items() if len(w) == 2
                   and (f >= WORD2 or f > _NOT_A_WORD and _count(follow, *w) >= PROSE_WORD)
                   and pos.get(w) not in _PROPER and all(_cjk(c) for c in w))
    common = Words.of(words)
    strings, numbers = CharStrings.pack, CharNumbers.pack
    return [strings(_slips(words, sources, freq)), strings(common.before),
            strings(common.after), *(strings({a: entry[k] for a, entry in follow.items()})
                                     for k in (0, 1)),
            *(numbers({a: entry[k] for a, entry in follow.items()}, "I") for k in (2, 3)),
            numbers({c: round(math.log(w), 3) for c, w in weight.items()}),
            math.log(sum(weight.values())), strings(sources), strings(shapes)]


def _decode(data: list) -> Tables:
    strings, numbers = CharStrings.unpack, CharNumbers.unpack
    (slips, before, after, followers, counts, totals, types, log_weight, log_total_weight,
     sources, shapes) = data
    return Tables(strings(slips), Words(strings(before), strings(after)), strings(followers),
                  strings(counts), numbers(totals), numbers(types), numbers(log_weight),
                  log_total_weight, strings(sources), strings(shapes))


def build() -> Tables:
    """The tables, from the cache or compiled (a second or two, once)."""
    dictionary = jieba_dictionary()
    state = os.stat(dictionary)
    extra = f"{dictionary}\0{state.st_size}\0{state.st_mtime_ns}\0{_VERSION}"
    return _decode(cache.cached("typo_context", [stroke_file(), context_file()],
                                lambda: compile_tables(*_read_dictionary(dictionary)),
                                lambda packed: packed, lambda packed: packed, extra,
                                plain=True))
