"""RV3xx: what a file holds that its readers are not shown (review.rules.release): one finding
over each such part of a document, which its reader (review.inputs) located apart."""

from __future__ import annotations

from review.document import Document
from review.findings import Hit
from review.location import PART_NAMES
from review.rules.release import INVISIBLE

_UNSEEN = {PART_NAMES["invisible"]: INVISIBLE}


def hits(doc: Document) -> list[Hit]:
    if not doc.parts:
        return []
    ends = [start - 1 for start, _ in doc.parts[1:]] + [len(doc.original)]
    return [Hit(_UNSEEN[where.part], start, end)
            for (start, where), end in zip(doc.parts, ends, strict=True)
            if where.part in _UNSEEN]
