"""A decoded draft and the normalised views the stages read."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from review.markup import visible_view
from review.normalize import CompactView, View, compact, fold


@dataclass
class Document:
    """original: the decoded text, which every finding's offsets index into.

    kind is "text", "markdown" or "html"; markup is hidden from `visible` but not from `raw`.
    """

    path: str
    original: str
    kind: str = "text"
    encoding: str = "utf-8"  # how the file was encoded, so a fix can be written back alike
    _line_starts: list[int] = field(default_factory=list, repr=False)

    @cached_property
    def raw(self) -> View:
        """The folded original, markup included: where link targets are looked for."""
        return fold(View.identity(self.original))

    @cached_property
    def visible(self) -> View:
        """The folded text a reader sees."""
        if self.kind == "text":
            return self.raw
        return fold(visible_view(self.original, self.kind))

    @cached_property
    def compact(self) -> CompactView:
        """The visible text without noise between characters: what lexicons match against."""
        return compact(self.visible)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of an original offset."""
        if not self._line_starts:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.original)]
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def line_text(self, line: int) -> str:
        self.position(0)
        start = self._line_starts[line - 1]
        end = self.original.find("\n", start)
        line = self.original[start:] if end < 0 else self.original[start:end]
        return line.removesuffix("\r")
