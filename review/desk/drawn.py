"""The text of a draft as it is drawn for its reader, with each character's place in the
document text its findings index.

A page (HTML, Markdown): its input kind's view without what elements hide by their own
markup (review.inputs.reader_view). A Word draft: the document read again with its hidden
runs taken out (review.inputs.word.without_hidden), aligned with the text the check read —
which holds the hidden runs, and their paragraphs again without them — so that each drawn
character knows where it stands there. Other kinds: their text."""

from __future__ import annotations

import difflib

from review.inputs import reader_view, stored
from review.normalize import View

MAX_ALIGNED = 200_000  # characters: past this, aligning costs seconds; the text is drawn whole


def drawn(original: str, kind: str, data: bytes, path: str) -> View:
    if kind == "docx" and data and len(original) <= MAX_ALIGNED:
        from review.inputs.word import without_hidden

        shown = stored(without_hidden(data), path)[0]
        if shown != original:
            return aligned(shown, original)
    return reader_view(original, kind, shown_only=True)


def aligned(shown: str, original: str) -> View:
    """`shown` as a view of `original`: a character matched stands for itself, one that is
    not (a paragraph rejoined where a hidden run parted it) for the span it replaces."""
    starts: list[int] = []
    ends: list[int] = []
    matcher = difflib.SequenceMatcher(None, shown, original, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            starts.extend(range(j1, j2))
            ends.extend(range(j1 + 1, j2 + 1))
        elif tag in ("replace", "insert"):
            starts.extend([j1] * (i2 - i1))
            ends.extend([max(j2, j1 + 1)] * (i2 - i1))
    return View(shown, starts, ends)
