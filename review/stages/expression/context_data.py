"""What EX9502 (review/stages/expression/context.py) reads a draft with, compiled once into the
cache from jieba's dictionary, pypinyin's readings, `same_stroke.txt` and
`lexicons/expression/context.tsv` — as numpy arrays, so a check loads them in milliseconds and
looks a draft's character pairs up in one vectorised search, never importing jieba.

- `words`: the common two-character words a typo is looked for in (jieba frequency ≥ WORD2,
  no names, places or numbers), as pair keys;
- `slips`: every pair one confusable character away from such a word that is no word itself —
  the pairs worth a second look (about a million keys, 8 MB);
- `pairs`/`counts`: how often two characters stand side by side in the project's prose
  (context.tsv), with each character's total as a left neighbour and its number of different
  followers (for Witten–Bell smoothing);
- `log_weight`: each character's summed jieba frequency (log), by code point;
- `sources[w]`: the characters a written w may stand for: any reading in common (pypinyin,
  every reading, tones ignored) or a similar shape; `shapes[c]`: c's shape group."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from review import cache
from review.stages.expression import typos

WORD2 = 300          # a two-character word this frequent is one a typo is looked for in
_RIGHT_CHAR = 2000   # the right character must be this common (summed frequency of its words)
_WRONG_CHAR = 1000   # and the written one this common
_BASE = 0x4E00
_SPAN = 0xA000 - _BASE
_VERSION = 1         # bump when what is compiled changes


def pair_key(a: str, b: str) -> int:
    return (ord(a) << 21) | ord(b)


def pair_keys(text: str) -> np.ndarray:
    """The key of each pair of adjacent characters of `text` (len(text) - 1 of them)."""
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    return (points[:-1] << 21) | points[1:]


def contains(sorted_keys: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Which of `keys` are in `sorted_keys`, as a boolean array."""
    if not len(sorted_keys):
        return np.zeros(len(keys), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
    return sorted_keys[at] == keys


@dataclass
class Tables:
    words: np.ndarray
    slips: np.ndarray
    pairs: np.ndarray
    counts: np.ndarray
    left_total: np.ndarray
    left_types: np.ndarray
    log_weight: np.ndarray
    log_total_weight: float
    sources: dict[str, str]
    shapes: dict[str, str]

    @cached_property
    def word_set(self) -> frozenset[str]:
        """`words` as strings, for the few look-ups a slip needs."""
        return frozenset(chr(k >> 21) + chr(k & 0x1FFFFF) for k in self.words.tolist())

    def count(self, a: str, b: str) -> int:
        key = pair_key(a, b)
        at = int(np.searchsorted(self.pairs, key))
        return int(self.counts[at]) if at < len(self.pairs) and self.pairs[at] == key else 0

    def weight(self, c: str) -> float:
        """log of c's summed jieba frequency (0 for a character jieba has no word with)."""
        point = ord(c) - _BASE
        return float(self.log_weight[point]) if 0 <= point < _SPAN else 0.0

    def log_follow(self, a: str, b: str) -> float:
        """log P(b | a): the project's pair counts, Witten–Bell-interpolated with b's jieba
        frequency (the prose is small; a pair it never shows is not impossible)."""
        point = ord(a) - _BASE
        total = int(self.left_total[point]) if 0 <= point < _SPAN else 0
        types = int(self.left_types[point]) if 0 <= point < _SPAN else 0
        lam = total / (total + types) if total else 0.0
        seen = self.count(a, b) / total if total else 0.0
        unigram = math.exp(self.weight(b) - self.log_total_weight) if self.weight(b) else 1e-9
        return math.log(lam * seen + (1 - lam + 1e-3) * unigram)


def context_file() -> Path:
    from review.stages.expression.data import expression_dir

    return expression_dir() / "context.tsv"


def _char_weights(freq: dict[str, int]) -> dict[str, int]:
    weight: dict[str, int] = {}
    for word, f in freq.items():
        for c in word:
            if "\u4e00" <= c <= "\u9fff":
                weight[c] = weight.get(c, 0) + f
    return weight


def _shape_groups() -> dict[str, str]:
    shapes: dict[str, set[str]] = {}
    for line in typos.stroke_file().read_text(encoding="utf-8").splitlines():
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


def _compile(freq: dict[str, int], pos: dict[str, str]) -> tuple[dict[str, np.ndarray], dict]:
    weight = _char_weights(freq)
    shapes = _shape_groups()
    sources = _sources(weight, shapes)
    targets = sorted(w for w, f in freq.items() if len(w) == 2 and f >= WORD2
                     and pos.get(w) not in typos._PROPER
                     and all("\u4e00" <= c <= "\u9fff" for c in w))
    stand_in: dict[str, set[str]] = {}  # right character → the written ones
    for wrong, rights in sources.items():
        for right in rights:
            stand_in.setdefault(right, set()).add(wrong)
    slips = set()
    for word in targets:
        for k in (0, 1):
            for wrong in stand_in.get(word[k], ()):
                written = word[:k] + wrong + word[k + 1:]
                if freq.get(written, 0) <= typos._NOT_A_WORD:  # no word (as the lexicon has it)
                    slips.add(pair_key(*written))
    pairs: dict[int, int] = {}
    for line in context_file().read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            pair, _, n = line.partition("\t")
            pairs[pair_key(*pair)] = int(n)
    keys = np.array(sorted(pairs), dtype=np.int64)
    counts = np.array([pairs[k] for k in keys.tolist()], dtype=np.int32)
    first = (keys >> 21) - _BASE
    left_total = np.bincount(first, weights=counts, minlength=_SPAN).astype(np.int32)
    left_types = np.bincount(first, minlength=_SPAN).astype(np.int32)
    log_weight = np.zeros(_SPAN, dtype=np.float32)
    for c, w in weight.items():
        log_weight[ord(c) - _BASE] = math.log(w)
    arrays = {"words": np.array([pair_key(*w) for w in targets], dtype=np.int64),
              "slips": np.array(sorted(slips), dtype=np.int64), "pairs": keys,
              "counts": counts, "left_total": left_total, "left_types": left_types,
              "log_weight": log_weight}
    return arrays, {"sources": sources, "shapes": shapes,
                    "log_total_weight": math.log(sum(weight.values()))}


def build() -> Tables:
    """The tables, from the cache or compiled (a few seconds, once)."""
    dictionary = typos.jieba_dictionary()
    state = os.stat(dictionary)
    inputs = [typos.stroke_file(), context_file()]
    extra = f"{dictionary}\0{state.st_size}\0{state.st_mtime_ns}\0{_VERSION}"
    path = cache.path_for("typo_context", inputs, extra)  # an .npz under .bin: pruned as ours
    compiled: dict = {}

    def arrays() -> dict[str, np.ndarray]:
        if not compiled:
            freq, pos = typos._read_dictionary(dictionary)
            compiled["arrays"], compiled["rest"] = _compile(freq, pos)
        return compiled["arrays"]

    rest = cache.cached("typo_context", inputs, lambda: (arrays(), compiled["rest"])[1],
                        lambda x: x, lambda x: x, extra)
    loaded = _load(path)
    if loaded is None:
        loaded = arrays()
        if path is not None:
            cache.store_file(path, lambda tmp: _save(tmp, loaded))
    return Tables(**loaded, **rest)


def _save(path: Path, arrays: dict[str, np.ndarray]) -> None:
    with open(path, "wb") as f:
        np.savez(f, **arrays)


def _load(path: Path | None) -> dict[str, np.ndarray] | None:
    if path is None or not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            loaded = {name: data[name] for name in data.files}
    except (OSError, ValueError, KeyError):
        return None
    cache.used(path)
    names = {"words", "slips", "pairs", "counts", "left_total", "left_types", "log_weight"}
    return loaded if set(loaded) == names else None
