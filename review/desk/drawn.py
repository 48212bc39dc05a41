"""The text of a draft as it is drawn for its reader, with each character's place in the
document text its findings index.

A page (HTML, Markdown): its input kind's view without what elements hide by their own
markup (review.inputs.reader_view). A Word draft: the document read again with its hidden
runs taken out (review.inputs.word.without_hidden), aligned with the text the check read —
which holds the hidden runs, and after them each paragraph they parted again without them
(part 不含隐藏文字: the check's copy, left out of the alignment so that a paragraph is matched
where the reader sees it) — line by line, then character by character inside the lines that
differ, so that each drawn character knows where it stands. Other kinds: their text.

A Word draft whose alignment cannot be made (too long to align quickly, or a text the
alignment does not account for) is drawn without hidden runs and without placing its
findings: `View.placed` is False, and the page lists them."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from review.inputs import reader_view, stored
from review.normalize import View

MAX_ALIGNED_LINES = 4000  # lines of a draft aligned one by one: past it, nothing is placed
MAX_LINE = 5000  # characters of a changed block aligned character by character


@dataclass(frozen=True)
class Drawn:
    view: View
    placed: bool = True  # whether the findings can be drawn on it
    # spans of the check's text that are its copies of parted paragraphs (Word): a finding
    # there is in words a reader sees joined
    copies: tuple[tuple[int, int], ...] = ()

    def joined(self, start: int) -> bool:
        return any(a <= start < b for a, b in self.copies)


def drawn(original: str, kind: str, data: bytes, path: str) -> Drawn:
    if kind == "docx" and data:
        return _word(original, data, path)
    return Drawn(reader_view(original, kind, shown_only=True))


def _word(original: str, data: bytes, path: str) -> Drawn:
    from review.inputs import named
    from review.inputs.word import without_hidden
    from review.location import PART_NAMES

    shown = stored(without_hidden(data), path)[0]
    if shown == original:
        return Drawn(View.identity(original))
    # the check's copies of parted paragraphs: never what a drawn line is matched to
    document = named("docx").read(data, path)
    bounds = [start for start, _ in document.parts] + [len(original)]
    spans = tuple((start, bounds[n + 1]) for n, (start, where) in enumerate(document.parts)
                  if where.part == PART_NAMES["unhidden"])
    copies = {i for a, b in spans for i in range(a, b)}
    kept = [i for i in range(len(original)) if i not in copies]
    target = "".join(original[i] for i in kept)
    try:
        view = aligned(shown, target)
    except _Unplaced:
        return Drawn(View(shown, [0] * len(shown), [0] * len(shown)), False, spans)

    def back(start: int, end: int) -> tuple[int, int]:
        if end <= start:  # stands for nothing: an empty span where it is
            at = kept[start] if start < len(kept) else len(original)
            return at, at
        return kept[start], kept[end - 1] + 1

    placed = [back(a, b) for a, b in zip(view.starts, view.ends, strict=True)]
    return Drawn(View(shown, [a for a, _ in placed], [b for _, b in placed]), True, spans)


class _Unplaced(Exception):
    """The findings cannot be placed on the drawn text: drawn without them, and said."""


def aligned(shown: str, original: str) -> View:
    """`shown` as a view of `original`: lines matched whole first, then the characters of the
    lines that differ. A character matched stands for itself; one replacing others for their
    span; one only `shown` holds for nothing (an empty span where it stands)."""
    lines_a, lines_b = shown.split("\n"), original.split("\n")
    if max(len(lines_a), len(lines_b)) > MAX_ALIGNED_LINES:
        raise _Unplaced
    offsets_b = [0]
    for line in lines_b:
        offsets_b.append(offsets_b[-1] + len(line) + 1)
    starts: list[int] = []
    ends: list[int] = []
    matcher = difflib.SequenceMatcher(None, lines_a, lines_b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if i2 == i1:
            continue  # lines only the check's text holds: nothing drawn stands for them
        block_a = "\n".join(lines_a[i1:i2])
        base = offsets_b[j1]
        if tag == "equal":
            starts.extend(range(base, base + len(block_a)))
            ends.extend(range(base + 1, base + len(block_a) + 1))
        else:
            block_b = "\n".join(lines_b[j1:j2])
            if max(len(block_a), len(block_b)) > MAX_LINE:
                raise _Unplaced
            _characters(block_a, block_b, base, starts, ends)
        if i2 < len(lines_a):  # the line end after the block
            at = max(0, offsets_b[j2] - 1)
            starts.append(at)
            ends.append(at + 1 if tag == "equal" else at)
    if len(starts) != len(shown):  # never expected: nothing is placed rather than misplaced
        raise _Unplaced
    return View(shown, starts, ends)


def _characters(a: str, b: str, base: int, starts: list[int], ends: list[int]) -> None:
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b,
                                                       autojunk=False).get_opcodes():
        if tag == "equal":
            starts.extend(range(base + j1, base + j2))
            ends.extend(range(base + j1 + 1, base + j2 + 1))
        elif tag == "replace":
            starts.extend([base + j1] * (i2 - i1))
            ends.extend([base + j2] * (i2 - i1))
        elif tag == "delete":  # characters only the drawn text holds: they stand for nothing
            starts.extend([base + j1] * (i2 - i1))
            ends.extend([base + j1] * (i2 - i1))
