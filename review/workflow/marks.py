"""A rejection's marks: the passages a reviewer says were wrong, `START:END:CATEGORY`.

Offsets are characters of the draft's text as `review show` presents it (what findings index).
A category is one the classifier's corpus labels (review.model.corpus.LABELS, neutral aside),
given by its id or its Chinese name (`ads` or `商业广告和链接`): a marked passage becomes a
training example of that label, so a category the model has no class for (expression) would
be an example nobody can train on. Each mark is signed with the rejection, with the masked
sentence(s) holding it (review.workflow.excerpt): the store keeps only an item's current
version, and a rejected draft is usually resubmitted."""

from __future__ import annotations

import re

from review.document import Document
from review.errors import UsageError
from review.findings import Category
from review.i18n import CATEGORY_NAMES
from review.model.corpus import LABELS
from review.record import NamedTuple
from review.workflow import excerpt

CATEGORIES = tuple(label for label in LABELS if label != "neutral")
_NAMED = {CATEGORY_NAMES[Category(c)][0]: c for c in CATEGORIES}
_FORM = re.compile(r"\s*(\d{1,12})\s*:\s*(\d{1,12})\s*:\s*(\S+?)\s*")


class Mark(NamedTuple):
    start: int
    end: int
    category: str


def category_of(word: str) -> str | None:
    """A category id from its id or Chinese name, or None."""
    word = word.strip()
    if word.lower() in CATEGORIES:
        return word.lower()
    return _NAMED.get(word)


def parse(value: str) -> Mark:
    """`START:END:CATEGORY` as typed; a one-line usage error (exit 2) otherwise."""
    m = _FORM.fullmatch(value)
    if m is None:
        raise UsageError("mark_form", mark=value)
    category = category_of(m[3])
    if category is None:
        raise UsageError("mark_category", mark=value, categories=", ".join(CATEGORIES))
    start, end = int(m[1]), int(m[2])
    if not start < end:
        raise UsageError("mark_empty", mark=value)
    return Mark(start, end, category)


def signed(marks: list[Mark], doc: Document) -> list[dict]:
    """The marks as the rejection signs them: each inside the text, with its sentence(s)."""
    size = len(doc.original)
    for mark in marks:
        if mark.end > size:
            raise UsageError("mark_outside", mark=f"{mark.start}:{mark.end}:{mark.category}",
                             size=size)
    return [{"start": m.start, "end": m.end, "category": m.category,
             "sentence": excerpt.around(doc, m.start, m.end)} for m in marks]


def of(statement: dict) -> list[dict]:
    """The well-formed marks of a signed rejection (a record appended by hand may hold
    anything: what is not a mark is passed over)."""
    found = statement.get("marks")
    if not isinstance(found, list):
        return []
    return [m for m in found if isinstance(m, dict) and m.get("category") in CATEGORIES
            and type(m.get("start")) is int and type(m.get("end")) is int
            and 0 <= m["start"] < m["end"] and isinstance(m.get("sentence"), str)]
