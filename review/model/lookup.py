"""The classifier's n-grams found in a draft without loading an automaton of the vocabulary.

Loading the pickled automaton of the 260,000 n-grams costs about 35 ms, more than scoring a
5,000-character draft; a dict of them more still. Here the vocabulary is kept in the cache as
an open-addressing hash table in two flat arrays (a key packed from the n-gram's code points,
and its feature index), mapped from the file as they are: loading is free, and a draft's few
thousand look-ups cost a few milliseconds. It finds what the automaton finds, in the same
order (by end position, longer n-gram first), so scores are identical to the last bit; per
character it is slower than the automaton, so only short texts are scanned with it. (Mapped
like the model's weights: cache files are replaced, never rewritten in place, so a running
check never sees one cut short under it.)

Every n-gram is of one to three characters (the model's ngram_range): a table is built only
for such a vocabulary."""

from __future__ import annotations

import mmap
import struct
import sys
from collections.abc import Sequence
from pathlib import Path

from review import cache

_MAGIC = b"review-ngram-table-1\0"
_HEAD = struct.Struct("<QQ")  # slots, entries
# A character's code point + 1 (so that no character is 0, the empty slot) in 21 bits.
_BITS = 21
_TWO = 2 * _BITS
LONGEST = 3


def _key(gram: str) -> int:
    key = 0
    for shift, ch in zip((0, _BITS, 2 * _BITS), gram, strict=False):
        key |= (ord(ch) + 1) << shift
    return key


class NgramTable:
    """Feature indices of n-grams by an open-addressing table (linear probing)."""

    def __init__(self, keys: Sequence[int], values: Sequence[int]) -> None:
        self.keys = keys
        self.values = values
        self.slots = len(keys)

    @staticmethod
    def build(terms: list[str]) -> bytes | None:
        """The table of `terms` (feature index = position) as stored, or None when a term
        is not of one to three characters."""
        if any(not 1 <= len(term) <= LONGEST for term in terms):
            return None
        slots = 2 * len(terms) + 1  # half full: probes stay short
        keys = [0] * slots
        values = [0] * slots
        for index, term in enumerate(terms):
            key = _key(term)
            slot = key % slots
            while keys[slot]:
                slot = slot + 1 if slot + 1 < slots else 0
            keys[slot], values[slot] = key, index
        return (_MAGIC + _HEAD.pack(slots, len(terms)) + struct.pack(f"<{slots}q", *keys)
                + struct.pack(f"<{slots}i", *values))

    @classmethod
    def open(cls, path: Path, terms: int) -> NgramTable | None:
        """The table stored at `path`, mapped; None when missing or not of `terms` n-grams."""
        try:
            with open(path, "rb") as f:
                data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            return None
        table = cls.of(data, terms)
        if table is not None:
            cache.used(path)
        return table

    @classmethod
    def of(cls, data: bytes | mmap.mmap, terms: int) -> NgramTable | None:
        """The table in `data` (as `build` makes it), used in place; None when it is not
        a table of `terms` n-grams (or on a big-endian machine, which would have to swap
        every value)."""
        start = len(_MAGIC) + _HEAD.size
        if sys.byteorder != "little" or len(data) < start or data[:len(_MAGIC)] != _MAGIC:
            return None
        slots, entries = _HEAD.unpack_from(data, len(_MAGIC))
        if entries != terms or len(data) != start + 12 * slots:
            return None
        view = memoryview(data)
        return cls(view[start:start + 8 * slots].cast("q"), view[start + 8 * slots:].cast("i"))

    def find(self, text: str) -> list[int]:
        """The feature index of every n-gram of `text` in the vocabulary, each time it occurs,
        ordered as pyahocorasick's iter reports them: by end, the longest first."""
        keys, values, slots = self.keys, self.values, self.slots
        found: list[int] = []
        append = found.append
        before = before_that = 0  # the two characters before this one (0: none)
        # Written out rather than looped over the three lengths: this is the hot loop.
        for code in map(ord, text):
            code += 1
            if before_that:
                key = before_that | before << _BITS | code << _TWO
                slot = key % slots
                while (held := keys[slot]) != key and held:
                    slot = slot + 1 if slot + 1 < slots else 0
                if held:
                    append(values[slot])
            if before:
                key = before | code << _BITS
                slot = key % slots
                while (held := keys[slot]) != key and held:
                    slot = slot + 1 if slot + 1 < slots else 0
                if held:
                    append(values[slot])
            slot = code % slots
            while (held := keys[slot]) != code and held:
                slot = slot + 1 if slot + 1 < slots else 0
            if held:
                append(values[slot])
            before_that, before = before, code
        return found
