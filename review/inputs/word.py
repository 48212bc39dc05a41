"""Word drafts (.docx, with python-docx): the reader, and the map from the text it reads back
to the paragraphs and runs each character came from.

The map is one walk over the document — `Layout` — shared by the reader, by `review check
--annotate` (a comment anchored to a finding's runs) and by `review fix` (a correction made
inside a run): a finding's offsets index the text this walk assembles, so all three agree on
where a character is by construction, not by two walks kept alike.

The text is what a reader of the file reads, part by part: the body's paragraphs and table
cells in reading order, then its text boxes, headers and footers and the targets of its links
(checked for commercial links like an HTML page's). A paragraph's text is its runs', those
inside hyperlinks included (`w:r | w:hyperlink/w:r`, as python-docx's Paragraph.text reads
it). Comments others left in the file are context, not text to publish: they are not read
as text; one that starts with `review-ignore` is a directive (review.suppress).
"""

from __future__ import annotations

import io
import zipfile
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from review.document import Document
from review.errors import InputError
from review.inputs.office import PART_NAMES, Parts
from review.location import Location

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.oxml.text.paragraph import CT_P
    from docx.oxml.text.run import CT_R

RUNS = "w:r | w:hyperlink/w:r"  # a paragraph's runs whose text is its text, in order


def runs_of(paragraph: CT_P) -> list[CT_R]:
    return paragraph.xpath(RUNS)


def paragraph_text(paragraph: CT_P) -> str:
    return "".join(r.text for r in runs_of(paragraph))


@dataclass(frozen=True)
class Piece:
    """One part of the text: `text` starts at `start` in the document's text.

    paragraphs: the paragraphs whose texts, joined by new lines, are `text`; empty when the
    text is in no run that may be edited (a link's target; a text box, of which Word keeps a
    second copy for older readers). anchored: a Word comment can be anchored in it (the body's
    paragraphs and table cells; not headers, footers or text boxes)."""

    start: int
    text: str
    location: Location
    paragraphs: tuple[CT_P, ...] = ()
    anchored: bool = False

    @property
    def end(self) -> int:
        return self.start + len(self.text)


class Layout:
    """A .docx opened with python-docx, and where each piece of its text is."""

    def __init__(self, data: bytes) -> None:
        import docx
        from docx.opc.exceptions import PackageNotFoundError

        try:
            self.document: WordDocument = docx.Document(io.BytesIO(data))
        except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
            raise InputError("not_docx") from None
        self.parts = Parts()
        self.pieces: list[Piece] = []
        self._walk()
        self.text = self.parts.text()

    def _add(self, text: str, location: Location, paragraphs: tuple[CT_P, ...] = (),
             anchored: bool = False) -> None:
        start = self.parts.add(text, location)
        if start is not None:
            self.pieces.append(Piece(start, text, location, paragraphs, anchored))


    def _walk(self) -> None:
        from docx.oxml.ns import qn
        from docx.table import Table

        document = self.document
        paragraph = table = 0
        for child in document.element.body.iterchildren():
            if child.tag == qn("w:p"):
                text = paragraph_text(child)
                if text.strip():
                    paragraph += 1
                    self._add(text, Location(paragraph=paragraph), (child,), True)
            elif child.tag == qn("w:tbl"):
                table += 1
                # python-docx gives a merged cell once for each grid cell it spans: it is read
                # at the first, so that its findings are reported (annotated, fixed) once. The
                # list keeps every cell's element alive, so that an id names one cell.
                cells = [(r, c, cell._tc) for r, row in enumerate(Table(child, document).rows, 1)
                         for c, cell in enumerate(row.cells, 1)]
                read: set[int] = set()
                for r, c, tc in cells:
                    if id(tc) not in read:
                        read.add(id(tc))
                        self._add(_joined(tc.p_lst), Location(table=table, row=r, cell=c),
                                  tuple(tc.p_lst), True)
        for n, box in enumerate(document.element.body.iter(qn("w:txbxContent")), 1):
            text = "\n".join("".join(t.text or "" for t in p.iter(qn("w:t")))
                             for p in box.iter(qn("w:p")))
            self._add(text, Location(part=PART_NAMES["textbox"], paragraph=n))
        seen: set[str] = set()
        for section in document.sections:
            for name, part in (("header", section.header), ("footer", section.footer)):
                if part.is_linked_to_previous:  # the prior section's, or none: reading it
                    continue                    # would add one to the file
                paragraphs = [p._p for p in part.paragraphs]
                text = _joined(paragraphs)
                if text.strip() and text not in seen:  # two sections' own may say the same
                    seen.add(text)
                    self._add(text, Location(part=PART_NAMES[name]), tuple(paragraphs))
        for rel in document.part.rels.values():
            if rel.reltype.endswith("/hyperlink") and rel.is_external:
                self._add(rel.target_ref, Location(part=PART_NAMES["link"]))

    def directives(self) -> tuple:
        """The `review-ignore` directives of the document's Word comments (review.suppress),
        each covering the text its comment is anchored to in the body."""
        from review import suppress

        said = {cid: text.strip() for cid, text in self._comments().items()
                if text.strip().startswith(suppress.PREFIX)}
        if not said:
            return ()
        starts: dict[str, int] = {}
        ends: dict[str, int] = {}
        for piece in self.pieces:
            at = piece.start
            for paragraph in piece.paragraphs if piece.anchored else ():
                for el in paragraph.xpath(f"{RUNS} | .//w:commentRangeStart | "
                                          ".//w:commentRangeEnd"):
                    name = el.tag.rsplit("}", 1)[-1]
                    if name == "r":
                        at += len(el.text)
                    else:
                        (starts if name == "commentRangeStart" else ends)[_id(el)] = at
                at += 1
        out = []
        for cid, text in said.items():
            start, end = starts.get(cid), ends.get(cid)
            if start is None or end is None:
                continue  # anchored in no text of the body: it covers nothing there
            out.append(suppress.parse(text[len(suppress.PREFIX):], start, max(end, start),
                                      (start, max(end, start))))
        return tuple(out)

    def _comments(self) -> dict[str, str]:
        """Comment id → text, without making a comments part where there is none (the
        layout may be saved again by --annotate or fix)."""
        if not any(rel.reltype.endswith("/comments")
                   for rel in self.document.part.rels.values()):
            return {}
        return {str(c.comment_id): c.text for c in self.document.comments}

    def covering(self, start: int, end: int) -> list[Piece]:
        """The pieces that hold a character of [start, end)."""
        first = max(bisect_right(self.pieces, start, key=lambda p: p.start) - 1, 0)
        return [p for p in self.pieces[first:] if p.start < end and start < p.end]

    def runs(self, start: int, end: int) -> list[tuple[CT_R, int]] | None:
        """The runs holding the text's characters in [start, end), each with the offset of
        its first character, read from the document as it is now (after runs were split or
        edited); None when a character is in no run (a link's target, a text box)."""
        found: list[tuple[CT_R, int]] = []
        for piece in self.covering(start, end):
            if not piece.paragraphs:
                return None
            at = piece.start
            for paragraph in piece.paragraphs:
                for run in runs_of(paragraph):
                    size = len(run.text)
                    if size and at < end and start < at + size:
                        found.append((run, at))
                    at += size
                at += 1  # the new line that joins the paragraphs
        return found

    def save(self) -> bytes:
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()


def _joined(paragraphs: list[CT_P]) -> str:
    return "\n".join(paragraph_text(p) for p in paragraphs)


def _id(element) -> str:
    from docx.oxml.ns import qn

    return element.get(qn("w:id"))


def read_docx(data: bytes, display: str, kind: str) -> Document:
    layout = Layout(data)
    document = layout.parts.document(display, kind)
    document.found_directives = layout.directives()
    return document
