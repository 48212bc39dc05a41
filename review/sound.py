"""Sound matching: a class or lexicon term written in pinyin, in mixed script or in homophone
characters (bo彩, qiang支, du场, 赌bo, 堵博 for 博彩, 枪支, 赌场, 赌博), found in the compact
view with the span it came from.

Every character is keyed by the toneless pinyin of its commonest reading (a table made once
from pypinyin and cached); a run of Latin letters that spells pinyin syllables is keyed by
those syllables. Terms are keyed alike, and a stretch of text whose key is a term's key while
its characters are not the term's is a sound match:

- `mixed`: Latin syllables and Chinese characters together (bo彩, 冰du). Nobody writes a class
  term so but to slip past a filter, so it is suspicious on its own.
- `pinyin`: only Latin syllables, a whole run of them (dubo). Names and signs are written so
  (Du Bo, Qinglan Xian): it counts only with supporting context.
- `homophone`: only Chinese characters. Counted only when one of the term's less common
  characters is kept (赌厂 keeps 赌 of 赌场, 搏彩 would need 彩 to be uncommon: it is not),
  and when no substituted character makes an ordinary word with its neighbours (病毒 is not
  冰毒, 读博士 is not 赌博, 大妈 is not 大麻). Word classes only: a term entry's phrase is
  found by sound in Latin spellings.

Cheap by construction, and without numpy (whose import alone would cost a cold `review check`
a fifth of its time): runs of Latin letters are found in bytes, the characters a homophone
must keep by one regular-expression pass, and only the stretches around those are keyed, by
an array look-up per character. pypinyin and jieba's dictionary are read only when a cache
is built.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Callable, Hashable, Iterable, Iterator
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Generic, TypeVar

from review import cache
from review.record import NamedTuple
from review.regexcache import compile as re_compile

P = TypeVar("P", bound=Hashable)
MIXED, PINYIN, HOMOPHONE = "mixed", "pinyin", "homophone"
_HAN = re_compile(r"[\u3400-\u9fff\U00020000-\U0003ffff]")
# Tone marks off, ü as v: the way a writer types pinyin.
_TONELESS = str.maketrans("āáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜüê", "aaaaooooeeeeiiiiuuuuvvvvve")
_SYLLABLE = re_compile(r"[a-z]*[aeiouv][a-z]*")
# Pinyin has no syllable longer than this (zhuang, shuang).
_LONGEST = 6
# Part of the cached indexes' keys: bump it when their form or their payloads change.
FORMAT = 3
# A homophone keeps one of the term's characters beyond the thousand commonest (冰 of 冰毒,
# 麻 of 大麻, 赌 of 赌场), and the text is looked at only around those: looking around 一, 大,
# 毒 or 水 too would cost a look every twenty characters. Terms of common characters only
# (枪支) are found by sound in mixed script and pinyin.
_COMMON = 1000


class Table(NamedTuple):
    """syllables[i] is syllable id i (0: none); ids[code point] the id of its commonest reading."""

    syllables: tuple[str, ...]
    ids: array      # unsigned 16-bit, indexed by code point
    by_syllable: dict[str, int]

    def key(self, ch: str) -> int:
        code = ord(ch)
        return self.ids[code] if code < len(self.ids) else 0


@lru_cache(maxsize=4)
def _stamp(package: str, name: str) -> str:
    """Which version of a package's data file a cache was built from, without importing the
    package (pypinyin's import reads its whole table) or importlib.metadata (30 ms)."""
    from importlib.util import find_spec

    spec = find_spec(package)
    if spec is None or not spec.origin:
        return "?"
    try:
        stat = (Path(spec.origin).parent / name).stat()
    except OSError:
        return "?"
    return f"{spec.origin}:{stat.st_size}:{stat.st_mtime_ns}"


def _pinyin_version() -> str:
    return _stamp("pypinyin", "pinyin_dict.py")


def _build_table() -> dict[str, str]:
    """Each syllable → the characters whose commonest reading it is (from pypinyin's table)."""
    from pypinyin.pinyin_dict import pinyin_dict

    chars: dict[str, list[str]] = {}
    for code, readings in pinyin_dict.items():
        syllable = readings.split(",", 1)[0].translate(_TONELESS)
        if _SYLLABLE.fullmatch(syllable):
            chars.setdefault(syllable, []).append(chr(code))
    return {s: "".join(c) for s, c in sorted(chars.items())}


def _cached_array(kind: str, typecode: str, build: Callable[[], array], extra: str) -> array:
    """An array cached as raw bytes beside the compiled lexicons: a millisecond to read, where
    the same in JSON takes a hundred."""
    import sys

    extra = f"{extra}/{typecode}/{sys.byteorder}"
    path = cache.path_for(kind, [], extra, ".bin")
    if path is not None:
        try:
            data = array(typecode, path.read_bytes())
            cache.used(path)
            return data
        except (OSError, ValueError):
            pass
    data = build()
    if path is not None:
        cache.store_file(path, lambda tmp: tmp.write_bytes(data.tobytes()))
    return data


@lru_cache(maxsize=1)
def table() -> Table:
    """Built once from pypinyin: the syllables (a small JSON file) and, as one array, the
    syllable id of every code point."""
    chars: dict[str, str] = {}

    def by_syllable() -> dict[str, str]:
        if not chars:
            chars.update(_build_table())
        return chars

    syllables = ("", *cache.cached("pinyin", [], lambda: list(by_syllable()), list, list,
                                   _pinyin_version()))

    def build_ids() -> array:
        found = by_syllable()
        ids = array("H", bytes(2 * (1 + max(ord(c) for t in found.values() for c in t))))
        for index, syllable in enumerate(syllables[1:], 1):
            for c in found[syllable]:
                ids[ord(c)] = index
        return ids

    ids = _cached_array("pinyin_ids", "H", build_ids, _pinyin_version())
    return Table(syllables, ids, {s: i for i, s in enumerate(syllables)})


@lru_cache(maxsize=65536)
def _key_of(chars: str) -> tuple[int, ...]:
    """The keys of a few characters (the same stretches recur from draft to draft)."""
    key = table().key
    return tuple(key(c) for c in chars)


# Letters stay letters, everything else becomes a space: Latin runs are found in bytes, in C
# (a regular expression over Chinese text takes seven nanoseconds a character).
_LETTERS = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
_last_runs: list[tuple[str, list[tuple[int, int, tuple[int, ...]]]]] = []


def pinyin_runs(text: str) -> list[tuple[int, int, tuple[int, ...]]]:
    """(start, end, syllables) of each run of Latin letters that spells pinyin; the lexicon
    and co-occurrence stages ask for the same text in turn."""
    if _last_runs and _last_runs[0][0] is text:
        return _last_runs[0][1]
    # one byte a character: a character beyond ASCII becomes "?"
    mask = text.encode("ascii", "replace").translate(_LETTERS)
    runs = []
    position = 0
    for run in mask.split():  # C all along; a draft without letters splits into nothing
        start = mask.find(run, position)
        position = start + len(run)
        if (syllables := segment(run.decode())) is not None:
            runs.append((start, position, syllables))
    _last_runs[:] = [(text, runs)]
    return runs


@lru_cache(maxsize=4096)
def segment(run: str) -> tuple[int, ...] | None:
    """The syllable ids of a Latin run that is wholly pinyin (fewest syllables), else None:
    app, wifi, bus and qq are not; dubo, qiang and qinglanxian are."""
    by_syllable = table().by_syllable
    # the fewest syllables spelling run[:end] (-1: none), and the last of them with where it
    # starts: a back-pointer, not the whole tuple copied at every step (a run of 20,000
    # letters, every one a syllable, took seconds)
    fewest = [0] + [-1] * len(run)
    last: list[tuple[int, int]] = [(0, 0)] * (len(run) + 1)
    for end in range(1, len(run) + 1):
        for start in range(max(0, end - _LONGEST), end):
            count = fewest[start]
            if count < 0:
                continue
            syllable = by_syllable.get(run[start:end])
            if syllable and (fewest[end] < 0 or count + 1 < fewest[end]):
                fewest[end], last[end] = count + 1, (start, syllable)
    if fewest[len(run)] < 0:
        return None
    syllables, end = [], len(run)
    while end:
        end, syllable = last[end]
        syllables.append(syllable)
    return tuple(reversed(syllables))


def term_keys(term: str) -> set[tuple[int, ...]]:
    """A normalised term's keys: its characters read in context (pypinyin knows 快乐 is kuai le)
    and by their commonest readings; none when part of it is neither (K粉, 0号胶囊)."""
    from pypinyin import Style, lazy_pinyin

    t = table()
    in_context: list[int] = []
    commonest: list[int] = []
    for m in re.finditer(r"[a-z]+|.", term):
        piece = m.group()
        if piece[0].isascii():
            syllables = segment(piece)
            if syllables is None:
                return set()
            in_context += syllables
            commonest += syllables
            continue
        if not t.key(piece):
            return set()
        commonest.append(t.key(piece))
    han = "".join(c for c in term if not c.isascii())
    readings = [r.translate(_TONELESS) for r in lazy_pinyin(han, style=Style.NORMAL)]
    it = iter(readings)
    for m in re.finditer(r"[a-z]+|.", term):
        if not m.group()[0].isascii():
            in_context.append(t.by_syllable.get(next(it, ""), 0))
    keys = {tuple(commonest)}
    if all(in_context) and len(in_context) == len(commonest):
        keys.add(tuple(in_context))
    return {k for k in keys if len(k) >= 2}


class Match(NamedTuple, Generic[P]):
    """Compact-view characters [start, end) sound like a term of these payloads."""

    payloads: tuple[P, ...]
    start: int
    end: int
    kind: str
    # The payloads none of whose terms are these very characters: the ordinary pass found
    # the others (bing毒 is a slang term as written, and sounds like the drug 冰毒).
    new: tuple[P, ...]
    syllables: int


class _Lookup(NamedTuple):
    kept: dict[str, tuple[tuple[tuple[int, ...], int], ...]]
    by_first: dict[int, tuple[int, ...]]  # a key's first unit → the lengths of keys from it
    reach: int                            # the longest key
    pattern: re.Pattern[str] | None       # a kept character


class Index(Generic[P]):
    """Terms by key. `entries` maps a key to (payload, term) pairs; `ordinary` holds the
    dictionary words that share a key with a term (病毒 for 冰毒)."""

    def __init__(self, entries: dict[tuple[int, ...], list[tuple[P, str]]],
                 ordinary: frozenset[str], homophones: bool = True) -> None:
        """homophones=False: Latin spellings only (a term entry's long phrase is rarely
        written in homophones, and looking for them would cost every draft)."""
        self.entries, self.ordinary, self._homophones = entries, ordinary, homophones

    @cached_property
    def _lookup(self) -> _Lookup:
        """What `matches` looks with, made at its first draft: an index read from the cache
        only to be re-keyed (the lexicon's, by row) never needs it."""
        from review.automaton import COMMON

        rank = {c: n for n, c in enumerate(COMMON[:_COMMON])}
        # A kept character → (key, its position) of each term that has it there.
        kept: dict[str, set[tuple[tuple[int, ...], int]]] = {}
        by_first: dict[int, set[int]] = {}
        for key, found in self.entries.items():
            by_first.setdefault(key[0], set()).add(len(key))
            for _, term in found:
                # not bo彩: letters are not kept
                if self._homophones and len(term) == len(key):
                    for position, c in enumerate(term):
                        if c not in rank:
                            kept.setdefault(c, set()).add((key, position))
        chars = "".join(re.escape(c) for c in sorted(kept))
        return _Lookup({c: tuple(v) for c, v in kept.items()},
                       {k: tuple(sorted(v)) for k, v in by_first.items()},
                       max((len(k) for k in self.entries), default=0),
                       re_compile(f"[{chars}]") if chars else None)

    def __bool__(self) -> bool:
        return bool(self.entries)

    def matches(self, text: str) -> Iterator[Match[P]]:
        """Every sound match in a compact text: around kept characters, those of characters
        alone; around Latin runs, those with Latin syllables (never the same stretch)."""
        if not self.entries or len(text) < 2:
            return
        seen: set[tuple[int, int]] = set()
        lookup = self._lookup
        for m in lookup.pattern.finditer(text) if lookup.pattern is not None else ():
            i = m.start()
            for key, position in lookup.kept[m.group()]:
                start, end = i - position, i - position + len(key)
                if start < 0 or end > len(text) or (start, end) in seen \
                        or _key_of(text[start:end]) != key:
                    continue
                seen.add((start, end))
                match = self._judge(text, start, end, self.entries[key], [False] * len(key))
                if match is not None:
                    yield match
        runs = pinyin_runs(text)
        if runs:
            yield from self._latin(text, runs)

    def _latin(self, text: str, runs: list[tuple[int, int, tuple[int, ...]]]
               ) -> Iterator[Match[P]]:
        """Stretches around Latin runs that spell pinyin: units are syllables or characters."""
        t, reach, by_first = table(), self._lookup.reach, self._lookup.by_first
        windows: list[list[int]] = []
        for start, end, _ in runs:
            low, high = max(0, start - reach), min(len(text), end + reach)
            if windows and low <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], high)
            else:
                windows.append([low, high])
        by_start = {start: (end, syllables) for start, end, syllables in runs}
        for low, high in windows:
            # (key, start, end, latin, first of its run, last of its run)
            units: list[tuple[int, int, int, bool, bool, bool]] = []
            i = low
            while i < high:
                if i in by_start:
                    end, syllables = by_start[i]
                    # a syllable's characters: split the run by the syllables' lengths
                    position = i
                    for n, s in enumerate(syllables):
                        width = len(t.syllables[s])
                        units.append((s, position, position + width, True, n == 0,
                                      n == len(syllables) - 1))
                        position += width
                    i = end
                    continue
                units.append((t.key(text[i]), i, i + 1, False, False, False))
                i += 1
            for u in range(len(units)):
                for length in by_first.get(units[u][0], ()):
                    part = units[u:u + length]
                    if len(part) < length or not any(p[3] for p in part):
                        continue
                    found = self.entries.get(tuple(p[0] for p in part))
                    if found is None:
                        continue
                    if (part[0][3] and not part[0][4]) or (part[-1][3] and not part[-1][5]):
                        continue  # a match begins or ends inside a run of letters
                    match = self._judge(text, part[0][1], part[-1][2], found,
                                        [p[3] for p in part])
                    if match is not None:
                        yield match

    def _judge(self, text: str, start: int, end: int, found: list[tuple[P, str]],
               latin: list[bool]) -> Match[P] | None:
        chars = text[start:end]
        payloads = tuple(dict.fromkeys(p for p, _ in found))
        literal = {p for p, term in found if term == chars}
        new = tuple(p for p in payloads if p not in literal)
        if any(latin):
            kind = MIXED if not all(latin) else PINYIN
            return Match(payloads, start, end, kind, new, len(latin))
        if literal:  # a term as written (冰毒): found by the ordinary pass, and no homophone
            return None  # of the others (兵毒 is slang for it, not it of slang)
        # Homophone characters: some must be the term's own, and the others must make no
        # ordinary word, alone or with their neighbours.
        same = [any(len(term) == len(chars) and term[k] == c for _, term in found)
                for k, c in enumerate(chars)]
        if not any(same) or chars in self.ordinary or _makes_words(text, start, end, same):
            return None
        return Match(payloads, start, end, HOMOPHONE, payloads, len(latin))


def _makes_words(text: str, start: int, end: int, same: list[bool]) -> bool:
    """Whether a dictionary word of two to four characters overlaps the match and either
    crosses its edge or holds a substituted character (病毒疫苗, 在读博士)."""
    words = dictionary_words()
    for n in (2, 3, 4):
        for q in range(max(0, start - n + 1), min(end, len(text) - n + 1)):
            inside = start <= q and q + n <= end
            if inside and (q == start and q + n == end or all(same[q - start:q - start + n])):
                continue  # the whole match (judged already), or the term's own words
            packed = _packed(text[q:q + n])
            at = bisect_left(words, packed)
            if packed and at < len(words) and words[at] == packed:
                return True
    return False


def _packed(word: str) -> int:
    """A word of up to four characters of the basic plane as one 64-bit number (0: other)."""
    if len(word) > 4 or not all(ord(c) < 0x10000 for c in word):
        return 0
    return sum(ord(c) << (16 * k) for k, c in enumerate(word))


def _read_jieba_words() -> str:
    """Every word of two to four Chinese characters in jieba's dictionary, one a line."""
    import jieba

    out = []
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
        for line in f:
            word = line.split(" ", 1)[0]
            if 2 <= len(word) <= 4 and all(_HAN.match(c) for c in word):
                out.append(word)
    return "\n".join(out)


def _jieba_version() -> str:
    return _stamp("jieba", "dict.txt")


@lru_cache(maxsize=1)
def _words_text() -> str:
    """Read when an index or the packed words are built (the words as text are cached too:
    reading jieba's dictionary takes a second)."""
    return cache.cached("jieba_words", [], _read_jieba_words, lambda s: s, str, _jieba_version())


@lru_cache(maxsize=1)
def dictionary_words() -> array:
    """jieba's words of two to four characters, each packed in a number, sorted: read only
    when a homophone candidate needs judging, in a millisecond."""

    def build() -> array:
        return array("Q", sorted({_packed(w) for w in _words_text().split("\n")} - {0}))

    return _cached_array("words", "Q", build, _jieba_version())


def build_index(terms: Iterable[tuple[P, str]]) -> Index[P]:
    """An index of (payload, normalised term) pairs, keyed; uncached."""
    entries: dict[tuple[int, ...], list[tuple[P, str]]] = {}
    for payload, term in terms:
        for key in term_keys(term):
            if (payload, term) not in entries.setdefault(key, []):
                entries[key].append((payload, term))
    return Index(entries, _ordinary(entries) if entries else frozenset())


def _ordinary(entries: dict[tuple[int, ...], list]) -> frozenset[str]:
    """Dictionary words keyed like a term, other than the terms (病毒 beside 冰毒)."""
    t = table()
    terms = {term for found in entries.values() for _, term in found}
    lengths = {len(k) for k in entries}
    out = set()
    for word in _words_text().split("\n"):
        if len(word) in lengths and word not in terms and \
                tuple(t.key(c) for c in word) in entries:
            out.add(word)
    return frozenset(out)


def cached_index(kind: str, paths: list, terms: Callable[[], Iterable[tuple[P, str]]],
                 payload: Callable[[object], P]) -> Index[P]:
    """An index cached beside the compiled lexicons, keyed by the files its terms come from."""

    def build() -> Index[P]:
        return build_index(terms())

    def encode(index: Index[P]) -> dict:
        return {"entries": [[list(k), [[p, t] for p, t in v]] for k, v in index.entries.items()],
                "ordinary": sorted(index.ordinary)}

    def decode(data: dict) -> Index[P]:
        entries = {tuple(k): [(payload(p), t) for p, t in v] for k, v in data["entries"]}
        return Index(entries, frozenset(data["ordinary"]))

    return cache.cached(kind, paths, build, encode, decode, f"{_pinyin_version()}/{FORMAT}")
