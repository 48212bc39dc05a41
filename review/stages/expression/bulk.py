"""The typo detectors' tables as NumPy arrays, for the bulk path (EX9501 in typos.py, EX9502
in context.py). Built from the tables already loaded (some tens of milliseconds, once per
process), never cached: everything here is the cache's data in another shape.

- `ContextArrays`: on prose about one pair in thirteen is a slip, and one slip in ten reads
  better corrected on the cheap floor (the character-pair gain); in plain Python that floor, a
  few dictionary look-ups a candidate, was two thirds of EX9502's time. Here the slips are
  found and the pair gain of every candidate computed in array operations; only candidates
  within a hair of the floor go on to the exact score.
- `Segmenter`: `Lexicon.best` (the likeliest segmentation of a short window) for many windows
  at once: the same additions and comparisons in the same order, so the same numbers.

Findings are those of the lean path (tests/test_paths.py)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from review import compiled

if TYPE_CHECKING:  # the detectors import this module, not the reverse
    from review.stages.expression.context_data import Tables
    from review.stages.expression.typos import Lexicon

# Code points above this are never in a table (all CJK of the tables lie in the BMP).
_POINTS = 0x10000
# A float in another order of operations may differ from the exact one in the last bits:
# candidates this close under the floor are left to the exact computation.
_SLACK = 1e-6


def _points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)


class ContextArrays:
    def __init__(self, tables: Tables) -> None:
        # the slips as a bit table over their characters' ids (some 2 MB): a look-up is an
        # index, not a binary search among half a million keys
        pairs = _pair_keys(tables.slips)
        present = np.zeros(_POINTS, dtype=bool)
        present[pairs >> 16] = present[pairs & 0xFFFF] = True
        alphabet = np.flatnonzero(present)
        self.slip_ids = np.zeros(_POINTS, dtype=np.int64)
        self.slip_ids[alphabet] = np.arange(1, len(alphabet) + 1)
        self.slip_size = len(alphabet) + 1
        where = self.slip_ids[pairs >> 16] * self.slip_size + self.slip_ids[pairs & 0xFFFF]
        # the pairs are distinct (each first character's followers are a set's, joined):
        # the sum of a byte's bits is their union
        self.slip_bits = np.bincount(where >> 3, weights=1 << (where & 7),
                                     minlength=(self.slip_size ** 2 >> 3) + 1).astype(np.uint8)
        keys = _pair_keys(tables.followers)
        counts = np.frombuffer("".join(tables.follow_counts[a] for a in sorted(tables.followers))
                               .encode("utf-32-le"), dtype=np.uint32).astype(np.float64) - 48
        order = np.argsort(keys, kind="stable")
        self.follow_keys, self.follow_counts = keys[order], counts[order]
        self.total, self.types = np.zeros(_POINTS), np.zeros(_POINTS)
        firsts = _points("".join(tables.follow_totals))
        self.total[firsts] = list(tables.follow_totals.values())
        self.types[firsts] = [tables.follow_types[a] for a in tables.follow_totals]
        weight = np.zeros(_POINTS)
        weighed = _points("".join(tables.log_weight))
        inside = weighed < _POINTS
        weight[weighed[inside]] = np.array(list(tables.log_weight.values()))[inside]
        # the unigram term of log_follow, per character
        self.unigram = np.where(weight != 0, np.exp(weight - tables.log_total_weight), 1e-9)

    def slip_starts(self, text: str) -> list[int]:
        """Where a pair of `text` is a slip (Tables.slip_starts, in arrays)."""
        return self.slip_array(text).tolist()

    def slip_array(self, text: str) -> np.ndarray:
        """slip_starts as an array."""
        if len(text) < 2:
            return np.zeros(0, dtype=np.int64)
        ids = self.slip_ids[np.minimum(_points(text), _POINTS - 1)]  # 0: in no slip
        keys = ids[:-1] * self.slip_size + ids[1:]
        slip = (self.slip_bits[keys >> 3] >> (keys & 7)) & 1
        return np.flatnonzero(slip & (ids[:-1] > 0) & (ids[1:] > 0))

    def over_floor(self, text: str, ats: Sequence[int] | np.ndarray, fixed: Sequence[str],
                   floor: float) -> np.ndarray:
        """For each candidate (put fixed[i] at ats[i]; `fixed` a list of characters or them
        joined): whether its character-pair gain may reach `floor` — a superset, by _SLACK,
        of the candidates the exact gain passes."""
        if not len(ats):
            return np.zeros(0, dtype=bool)
        points = _points(text)
        at = np.asarray(ats, dtype=np.int64)
        wrong = points[at]
        right = _points("".join(fixed))
        cjk = (points >= 0x4E00) & (points <= 0x9FFF)
        has_before = at > 0
        has_before[has_before] = cjk[at[has_before] - 1]
        has_after = at + 1 < len(points)
        has_after[has_after] = cjk[at[has_after] + 1]
        before = np.where(has_before, points[np.maximum(at - 1, 0)], 0)
        after = np.where(has_after, points[np.minimum(at + 1, len(points) - 1)], 0)
        # the four log_follow terms of every candidate in one call: one sort of the queries
        # and one binary search instead of four
        n = len(at)
        follow = self._log_follow(np.concatenate([before, before, right, wrong]),
                                  np.concatenate([right, wrong, after, after]))
        gain = np.where(has_before, follow[:n] - follow[n:2 * n], 0.0)
        gain += np.where(has_after, follow[2 * n:3 * n] - follow[3 * n:], 0.0)
        return gain >= floor - _SLACK

    def _log_follow(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Tables.log_follow over arrays (a, b in the BMP; 0 stands for no character)."""
        a, b = np.minimum(a, _POINTS - 1), np.minimum(b, _POINTS - 1)
        total, types = self.total[a], self.types[a]
        found, where = _find(self.follow_keys, (a << 16) | b)
        count = np.where(found, self.follow_counts[where], 0.0)
        known = total > 0
        share = np.divide(total, total + types, out=np.zeros_like(total), where=known)
        seen = np.divide(count, total, out=np.zeros_like(total), where=known)
        return np.log(share * seen + (1 - share + 1e-3) * self.unigram[b])


class HalvesArrays:
    """EX9501's candidates in arrays: for every half found, each word sharing it — where the
    text differs from the word in exactly one place outside the half, by a character that
    stands for the word's (Typos.detect's loop, which took most of its time)."""

    def __init__(self, words: Sequence[str], offsets: Sequence[str],
                 confusable: Mapping[str, str]) -> None:
        entries = [(word, int(offset)) for joined, digits in zip(words, offsets, strict=True)
                   for word, offset in zip(joined.split(" "), digits, strict=True)]
        counts = np.fromiter((len(digits) for digits in offsets), dtype=np.int64,
                             count=len(offsets))
        self.first = np.cumsum(counts) - counts  # a half's first entry
        self.count = counts
        self.words = [word for word, _ in entries]
        self.offset = np.array([offset for _, offset in entries], dtype=np.int64)
        self.length = np.array([len(word) for word in self.words], dtype=np.int64)
        self.points = _points("".join(w.ljust(4, "\0") for w in self.words)).reshape(-1, 4)
        self.confusable = np.sort(np.array(
            [(ord(right) << 21) | ord(wrong) for right, wrongs in confusable.items()
             for wrong in wrongs], dtype=np.int64))

    def candidates(self, text: str, found: Iterable[tuple[int, object]]
                   ) -> list[tuple[int, int, str]]:
        """(start, end, word) for each word the halves `found` ((last, value) pairs) point at
        that the text there misspells by one confusable character, in the order found."""
        found = list(found)  # an automaton's iter is a one-pass iterator
        if not found or not len(self.confusable):
            return []
        if (kernels := compiled.kernels) is not None:  # review/_kernels.c: the lean loop's
            words = self.words
            return [(start, end, words[entry]) for start, end, entry in kernels.halves(
                text, found, self.first, self.count, self.offset, self.length, self.points,
                self.confusable)]
        last = np.fromiter((end for end, _ in found), dtype=np.int64, count=len(found))
        value = np.fromiter((v for _, v in found), dtype=np.int64, count=len(found))
        counts = self.count[value]
        match = np.repeat(np.arange(len(found)), counts)
        # each match's entries: its half's first, first + 1, … (the running index of the
        # repeated matches, less where each match's run starts, plus its half's first entry)
        entry = np.repeat(self.first[value] - (np.cumsum(counts) - counts), counts) + \
            np.arange(len(match))
        offset, length = self.offset[entry], self.length[entry]
        start = last[match] - 1 - offset
        inside = (start >= 0) & (start + length <= len(text))
        entry, start, offset, length = entry[inside], start[inside], offset[inside], \
            length[inside]
        points = np.r_[_points(text), np.zeros(4, dtype=np.int64)]
        word = self.points[entry]
        rows = np.arange(len(entry))
        # four characters: the half not found (2, 3 or 0, 1) must differ in one place;
        # three: the character outside the half must differ
        i = np.where(offset == 0, 2, 0)
        right_i = points[start + i] == word[rows, i]
        right_j = points[start + i + 1] == word[rows, i + 1]
        slip = np.where(length == 4, np.where(right_i, i + 1, i), i)
        one_off = np.where(length == 4, right_i != right_j, ~right_i)
        keys = (word[rows, slip] << 21) | points[start + slip]
        stands_for = _find(self.confusable, keys)[0]
        chosen = np.flatnonzero(one_off & stands_for).tolist()
        words = self.words
        return [(int(start[k]), int(start[k] + length[k]), words[int(entry[k])]) for k in chosen]


class Segmenter:
    """Lexicon.best over arrays: each word of one to four characters as one integer key (16
    bits a character), its log-probability beside it."""

    WIDTHS = (1, 2, 3, 4)

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.keys: dict[int, np.ndarray] = {}
        self.logp: dict[int, np.ndarray] = {}
        for width in self.WIDTHS:
            joined = lexicon.words.get(width, "")
            points = _points(joined).reshape(-1, width)
            bmp = (points < _POINTS).all(axis=1)
            keys = _keys(points[bmp])
            freqs = _points(lexicon.freqs.get(width, ""))[bmp]
            order = np.argsort(keys, kind="stable")
            self.keys[width] = keys[order]
            # as Lexicon._search computes it: (ord − 48) / 4 − log_total
            self.logp[width] = (freqs[order] - 48) / 4 - lexicon.log_total
        self.unknown = -lexicon.log_total - 8.0

    def best_many(self, windows: list[str]) -> list[float]:
        """lexicon.best(w) for each window w."""
        if not windows:
            return []
        size = max(map(len, windows))
        lengths = np.fromiter(map(len, windows), dtype=np.int64, count=len(windows))
        points = _points("".join(w.ljust(size, "\0") for w in windows)).reshape(-1, size)
        outside = (points >= _POINTS).any(axis=1)  # no word holds such a character
        logp = self._words(points, lengths)
        # score[end, window]: the best segmentation of the window's first `end` characters.
        # From each place the words of every width extend it at once: those ends are all
        # past the place, so the lean path's order of updates gives the same maxima; fmax
        # keeps the score where there is no word (nan), as the lean path's `continue`.
        widths = len(self.WIDTHS)
        score = np.full((size + widths + 1, len(windows)), -np.inf)
        score[0] = 0.0
        for i in range(size):
            ahead = score[i + 1:i + 1 + widths]
            np.fmax(ahead, score[i] + logp[i], out=ahead)
        result = score[lengths, np.arange(len(windows))].tolist()
        for k in np.flatnonzero(outside).tolist():
            result[k] = self.lexicon.best(windows[k])
        return result

    def _words(self, points: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """logp[place, width − 1, window]: the log-probability of the window's word of that
        width at that place (an unknown single character's for one that is no word); nan
        where there is none, or where it would run past the window's end."""
        size = points.shape[1]
        logp = np.full((size, len(self.WIDTHS), len(points)), np.nan)
        for width in self.WIDTHS:
            if width > size:
                break
            found = self._logp(width, sliding_window_view(points, width, axis=1))
            if width == 1:
                found = np.where(np.isnan(found), self.unknown, found)
            fits = np.arange(size - width + 1)[:, None] + width <= lengths
            logp[:size - width + 1, width - 1] = np.where(fits, found.T, np.nan)
        return logp

    def _logp(self, width: int, words: np.ndarray) -> np.ndarray:
        """The log-probability of each word (rows × places × characters); nan where it is
        no word."""
        keys, values = self.keys[width], self.logp[width]
        if not len(keys):
            return np.full(words.shape[:2], np.nan)
        found, where = _find(keys, _keys(np.minimum(words, _POINTS - 1)))
        return np.where(found, values[where], np.nan)


def _keys(points: np.ndarray) -> np.ndarray:
    """One integer for each word of code points (BMP, up to four, in the last axis): 16 bits
    each, first highest."""
    keys = np.zeros(points.shape[:-1], dtype=np.uint64)
    for column in range(points.shape[-1]):
        keys = (keys << np.uint64(16)) | points[..., column].astype(np.uint64)
    return keys


def _pair_keys(after: Mapping[str, str]) -> np.ndarray:
    """The keys (a << 16 | b) of every pair a b, from a → the b's, in the order of sorted a."""
    items = sorted(after.items())
    firsts = _points("".join(a * len(bs) for a, bs in items))
    seconds = _points("".join(bs for _, bs in items))
    if len(firsts) and max(firsts.max(), seconds.max()) >= _POINTS:
        raise ValueError("a typo table holds a character outside the BMP")
    return (firsts << 16) | seconds


def _find(sorted_keys: np.ndarray, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Which keys (any shape) are in `sorted_keys` (not empty), and where (meaningless where
    not). Sorted queries keep the binary searches in cache: several times quicker."""
    flat = keys.ravel()
    order = np.argsort(flat)
    where = np.empty_like(order)
    where[order] = np.searchsorted(sorted_keys, flat[order])
    np.minimum(where, len(sorted_keys) - 1, out=where)
    where = where.reshape(keys.shape)
    return sorted_keys[where] == keys, where
