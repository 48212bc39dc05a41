"""Edits of a Word document at a finding's offsets (review.inputs.word.Layout), made inside
runs so that every character keeps its formatting: splitting runs at a span's boundaries
(a comment is anchored on whole runs) and replacing a span's text (a typo's correction).

Neither changes the text of any other span, so offsets before an edit stay valid; a caller
making several replacements makes them from the end of the text backwards."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from docx.oxml.text.run import CT_R
    from lxml.etree import _Element

    from review.inputs.word import Layout

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _content(run: CT_R) -> list[tuple[_Element, int, int]]:
    """A run's children but its properties, each with where its text starts and ends in the
    run's text as review.inputs.word reads it (both the same for a child that holds none: a
    drawing, a field character, a page break)."""
    from review.inputs.word import char_of

    out = []
    at = 0
    for child in run:
        if child.tag == f"{_W}rPr":
            continue
        size = len(char_of(child))
        out.append((child, at, at + size))
        at += size
    return out


def _keep(run: CT_R, start: int, end: float) -> None:
    """Leave in a run only its text in [start, end) and what stands there."""
    for child, a, b in _content(run):
        if (a == b and not start <= a < end) or (a < b and (b <= start or a >= end)):
            run.remove(child)
        elif a < start or b > end:  # only a w:t holds more than one character
            child.text = child.text[max(start - a, 0):min(end, b) - a]
            child.set(_SPACE, "preserve")


def split(run: CT_R, at: int) -> CT_R:
    """Split a run before its character `at` (0 < at < its length) into two runs of the same
    formatting; the second, inserted after it, is returned."""
    second = copy.deepcopy(run)
    run.addnext(second)
    _keep(run, 0, at)
    _keep(second, at, float("inf"))
    return second


def isolate(layout: Layout, start: int, end: int) -> list[CT_R] | None:
    """The runs that hold exactly the text in [start, end), runs split at its boundaries
    where needed; None when a character of it is in no run, or it holds none."""
    from review.inputs.word import run_text

    found = layout.runs(start, end)
    if not found:
        return None
    run, at = found[0]
    if at < start:
        found[0] = (split(run, start - at), start)
    run, at = found[-1]
    if at + len(run_text(run)) > end:
        split(run, end - at)
    return [run for run, _ in found]


def replace(layout: Layout, start: int, end: int, text: str) -> bool:
    """Put `text` in place of [start, end), in the runs that hold it, when they are formatted
    alike and side by side in one paragraph (or one link, one content control…) and the span is
    text only, no tab, break or symbol: a Word file often splits a word into runs that differ in
    nothing. False, and nothing changed, for a span across formatting (the correction would
    take one side's), across paragraphs or containers, or outside the runs that may be edited
    (a link's target, a text box, a field's result, a formula)."""
    found = layout.runs(start, end)
    if not found:
        return False
    runs = [run for run, _ in found]
    parents = [run.getparent() for run in runs]
    if len({_formatting(run) for run in runs}) > 1 or any(p is not parents[0] for p in parents):
        return False
    pieces = [(child, at + a, at + b) for run, at in found
              for child, a, b in _content(run) if a < b and at + a < end and start < at + b]
    if any(child.tag != f"{_W}t" for child, _, _ in pieces):
        return False
    for n, (child, a, b) in enumerate(pieces):
        cut, stop = max(start - a, 0), min(end, b) - a
        child.text = child.text[:cut] + (text if n == 0 else "") + child.text[stop:]
        child.set(_SPACE, "preserve")
    return True


def _formatting(run: CT_R) -> bytes:
    return b"" if run.rPr is None else etree.tostring(run.rPr)
