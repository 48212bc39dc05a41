"""Tables of strings in the shape the cache keeps them: loading one makes a handful of objects,
not one per entry, and a look-up is an index.

A dict of a few thousand strings read back with marshal builds every string and every entry
(and decodes the strings from UTF-8): for the 文字关's context tables that was some 80 million
instructions of each `review check`, while a draft reads under half of the entries. Here the
values are one string, stored as UTF-16 (decoded about twice as fast as UTF-8), and where each
key's value starts and ends are two arrays indexed by code point, kept as bytes (copied, not
built, at load). Numbers keyed by character are one array the same way, and a list of
strings one string and where each ends."""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping, Sequence
from typing import overload

from review import compiled


def _span_of(keys: list[str]) -> tuple[int, int]:
    if any(len(k) != 1 for k in keys):
        raise ValueError("a character table's keys are single characters")
    points = [ord(k) for k in keys]
    return (min(points), max(points) + 1) if points else (0, 0)


class CharStrings(Mapping[str, str]):
    """character → string (an empty string is no entry). `has(key, ch)` asks whether `ch`
    is in key's value without copying it out."""

    __slots__ = ("text", "_low", "_starts", "_ends", "_sorted")

    def __init__(self, text: str, low: int, bounds: bytes) -> None:
        self.text = text
        self._low = low
        both = memoryview(bounds).cast("I")
        half = len(both) // 2
        self._starts, self._ends = both[:half], both[half:]
        self._sorted: bool | None = None  # whether each value is sorted (`sorted_values`)

    def parts(self) -> tuple[str, int, memoryview, memoryview]:
        """(values joined, lowest key, where each key's value starts, where it ends): the
        table as review/_kernels.c reads it."""
        return self.text, self._low, self._starts, self._ends

    def sorted_values(self) -> bool:
        """Whether every value is in ascending order without repeats, asked of the compiled
        loops once (a pass over the text): they then search a value by halves. False where
        they are not built."""
        if self._sorted is None:
            kernels = compiled.kernels
            self._sorted = kernels is not None and kernels.sorted_spans(
                self.text, self._starts, self._ends)
        return self._sorted

    @classmethod
    def pack(cls, table: Mapping[str, str]) -> list:
        """What the cache stores (marshal's types): [UTF-16 text, lowest code point, bounds]."""
        keys = sorted(table)
        low, high = _span_of(keys)
        starts, ends = array("I", bytes(4 * (high - low))), array("I", bytes(4 * (high - low)))
        at = 0
        for key in keys:
            value = table[key]
            starts[ord(key) - low], ends[ord(key) - low] = at, at + len(value)
            at += len(value)
        text = "".join(table[key] for key in keys)
        return [text.encode("utf-16-le", "surrogatepass"), low,
                starts.tobytes() + ends.tobytes()]

    @classmethod
    def unpack(cls, data: list) -> CharStrings:
        text, low, bounds = data
        return cls(bytes(text).decode("utf-16-le", "surrogatepass"), low, bytes(bounds))

    def span(self, key: str) -> tuple[int, int]:
        """Where key's value lies in `text` (0, 0 when it has none)."""
        at = ord(key) - self._low
        if 0 <= at < len(self._starts):
            return self._starts[at], self._ends[at]
        return 0, 0

    def has(self, key: str, ch: str) -> bool:
        start, end = self.span(key)
        return start < end and self.text.find(ch, start, end) >= 0

    def pair_starts(self, text: str) -> list[int]:
        """Each i where text[i + 1] is in the value of text[i] (`has`), in C where it is
        built (review/_kernels.c)."""
        if compiled.kernels is not None:
            return compiled.kernels.slip_starts(text, *self.parts(), self.sorted_values())
        has = self.has
        pairs = zip(text, text[1:], strict=False)  # the second is one shorter
        return [i for i, (a, b) in enumerate(pairs) if has(a, b)]

    def get(self, key: str, default: str = "") -> str:  # type: ignore[override]
        start, end = self.span(key)
        return self.text[start:end] if start < end else default

    def __getitem__(self, key: str) -> str:
        start, end = self.span(key)
        if start == end:
            raise KeyError(key)
        return self.text[start:end]

    def __iter__(self) -> Iterator[str]:
        starts, ends, low = self._starts, self._ends, self._low
        return (chr(low + at) for at in range(len(starts)) if starts[at] < ends[at])

    def __len__(self) -> int:
        return sum(1 for _ in self)


class CharNumbers(Mapping[str, float]):
    """character → number (an array's typecode: "d" for floats, "I" for counts); a character
    the table does not hold reads as 0."""

    __slots__ = ("_low", "_values", "_held")

    def __init__(self, low: int, values: memoryview, held: bytes) -> None:
        self._low = low
        self._values = values
        self._held = held  # one byte per code point: 1 where the table holds it

    @classmethod
    def pack(cls, table: Mapping[str, float], typecode: str = "d") -> list:
        keys = sorted(table)
        low, high = _span_of(keys)
        values = array(typecode, bytes(array(typecode).itemsize * (high - low)))
        held = bytearray(high - low)
        for key in keys:
            values[ord(key) - low] = table[key]
            held[ord(key) - low] = 1
        return [typecode, low, values.tobytes(), bytes(held)]

    @classmethod
    def unpack(cls, data: list) -> CharNumbers:
        typecode, low, values, held = data
        return cls(low, memoryview(bytes(values)).cast(typecode), bytes(held))

    def parts(self) -> tuple[int, memoryview]:
        """(lowest key, the values by code point from it, typed as `typecode`): the table as
        review/_kernels.c reads it."""
        return self._low, self._values

    @property
    def typecode(self) -> str:
        return self._values.format

    def value(self, key: str) -> float:
        at = ord(key) - self._low
        return self._values[at] if 0 <= at < len(self._values) else 0

    def __getitem__(self, key: str) -> float:
        at = ord(key) - self._low
        if not (0 <= at < len(self._held) and self._held[at]):
            raise KeyError(key)
        return self._values[at]

    def __iter__(self) -> Iterator[str]:
        held, low = self._held, self._low
        return (chr(low + at) for at in range(len(held)) if held[at])

    def __len__(self) -> int:
        return self._held.count(1)


class Strings(Sequence[str]):
    """A list of strings: one string and where each ends."""

    __slots__ = ("_text", "_ends")

    def __init__(self, text: str, ends: bytes) -> None:
        self._text = text
        self._ends = memoryview(ends).cast("I")

    @classmethod
    def pack(cls, strings: Sequence[str]) -> list:
        ends = array("I")
        at = 0
        for string in strings:
            at += len(string)
            ends.append(at)
        return ["".join(strings).encode("utf-16-le", "surrogatepass"), ends.tobytes()]

    @classmethod
    def unpack(cls, data: list) -> Strings:
        text, ends = data
        return cls(bytes(text).decode("utf-16-le", "surrogatepass"), bytes(ends))

    @overload
    def __getitem__(self, at: int) -> str: ...

    @overload
    def __getitem__(self, at: slice) -> list[str]: ...

    def __getitem__(self, at: int | slice) -> str | list[str]:
        if isinstance(at, slice):
            return [self[k] for k in range(*at.indices(len(self)))]
        ends = self._ends
        if at < 0:
            at += len(ends)
        if not 0 <= at < len(ends):
            raise IndexError(at)
        return self._text[ends[at - 1] if at else 0:ends[at]]

    def __len__(self) -> int:
        return len(self._ends)
