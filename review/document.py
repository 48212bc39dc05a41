"""A decoded draft and the normalised views the stages read."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cached_property

from review import inputs
from review.location import Location
from review.normalize import CompactView, View, compact, fold


class Document:
    """original: the document's text, which every finding's offsets index into — the decoded
    file for text kinds, the extracted text for formats such as Word or PDF.

    kind names an input kind (review.inputs): "text", "markdown", "html"; markup is hidden from
    `visible` but not from `raw`. parts: for a text assembled from a file's pieces, where each
    piece starts in `original` and where it is in the file (page, paragraph, table cell),
    sorted by start; empty for text kinds, whose locations are line and column.
    (A plain class: a dataclass's methods are compiled at every start, and every check makes
    documents but never compares them.)
    """

    def __init__(self, path: str, original: str, kind: str = "text", encoding: str = "utf-8",
                 parts: Sequence[tuple[int, Location]] = (),
                 found_directives: tuple | None = None) -> None:
        self.path = path
        self.original = original
        self.kind = kind
        self.encoding = encoding  # how the file was encoded, so a fix can be written back alike
        self.parts = parts
        # `review-ignore` directives its reader found outside the text (Word comments); for
        # kinds with comments in the text (Markdown, HTML) they are read from it (directives)
        self.found_directives = found_directives
        self._line_starts: list[int] = []

    def __repr__(self) -> str:
        return f"Document({self.path!r}, kind={self.kind!r}, {len(self.original)} characters)"

    @cached_property
    def raw(self) -> View:
        """The folded original, markup included: where link targets are looked for."""
        return fold(View.identity(self.original))

    @cached_property
    def visible(self) -> View:
        """The folded text a reader sees."""
        view = inputs.named(self.kind).view
        return self.raw if view is None else fold(view(self.original))

    @cached_property
    def compact(self) -> CompactView:
        """The visible text without noise between characters: what lexicons match against."""
        return compact(self.visible)

    @cached_property
    def directives(self) -> tuple:
        """The draft's `review-ignore` directives (review.suppress.Directive)."""
        if self.found_directives is not None:
            return self.found_directives
        return inputs.named(self.kind).directives_in(self.original)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of an original offset."""
        if not self._line_starts:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.original)]
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def locate(self, offset: int) -> Location:
        """Where an original offset is, as a reader of this kind of file says it."""
        if self.parts:
            index = max(bisect_right(self.parts, offset, key=lambda part: part[0]) - 1, 0)
            start, location = self.parts[index]
            # the column inside the paragraph, cell or line, as a reader counts characters
            return location._replace(column=offset - start + 1) \
                if location.column is None else location
        line, column = self.position(offset)
        return Location(line=line, column=column)

    def line_text(self, line: int) -> str:
        self.position(0)
        start = self._line_starts[line - 1]
        end = self.original.find("\n", start)
        line = self.original[start:] if end < 0 else self.original[start:end]
        return line.removesuffix("\r")
