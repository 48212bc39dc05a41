"""The readers of drafts as editors write them and documents circulate: Word (.docx, with
python-docx) and PDF (with pypdf). The document's text is what a reader of the file reads,
part by part — Word's paragraphs and table cells in reading order, then its text boxes,
headers and footers and the targets of its links (checked for commercial links like an HTML
page's); a PDF's pages line by line — and each part's place is kept, so a finding says
第 3 段, 表 1 第 2 行 第 3 列 or 第 2 页 第 5 行. Comments others left in a Word file are
context, not text to publish: they are not read. Old binary formats get a one-line error."""

from __future__ import annotations

import io
import zipfile

from review.document import Document
from review.errors import InputError
from review.location import Location

_PARTS = {"header": "页眉", "footer": "页脚", "textbox": "文本框", "link": "链接"}


class _Text:
    """The pieces of a document's text and where each is, as they are added."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.parts: list[tuple[int, Location]] = []
        self.size = 0

    def add(self, text: str, location: Location) -> None:
        if not text.strip():
            return
        self.parts.append((self.size, location))
        self.pieces.append(text)
        self.size += len(text) + 1

    def document(self, display: str, kind: str) -> Document:
        if not self.pieces:
            raise InputError("empty")
        return Document(display, "\n".join(self.pieces), kind, "utf-8", tuple(self.parts))


def read_docx(data: bytes, display: str, kind: str) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise InputError("not_docx") from None
    out = _Text()
    paragraph = table = 0
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = Paragraph(child, document).text
            if text.strip():
                paragraph += 1
                out.add(text, Location(paragraph=paragraph))
        elif child.tag == qn("w:tbl"):
            table += 1
            for r, row in enumerate(Table(child, document).rows, 1):
                for c, cell in enumerate(row.cells, 1):
                    out.add(cell.text, Location(table=table, row=r, cell=c))
    for n, box in enumerate(document.element.body.iter(qn("w:txbxContent")), 1):
        text = "\n".join("".join(t.text or "" for t in p.iter(qn("w:t")))
                         for p in box.iter(qn("w:p")))
        out.add(text, Location(part=_PARTS["textbox"], paragraph=n))
    seen: set[str] = set()
    for section in document.sections:
        for name, part in (("header", section.header), ("footer", section.footer)):
            text = "\n".join(p.text for p in part.paragraphs)
            if text.strip() and text not in seen:  # sections share theirs by default
                seen.add(text)
                out.add(text, Location(part=_PARTS[name]))
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/hyperlink") and rel.is_external:
            out.add(rel.target_ref, Location(part=_PARTS["link"]))
    return out.document(display, kind)


def read_pdf(data: bytes, display: str, kind: str) -> Document:
    import pypdf
    from pypdf.errors import PdfReadError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InputError("pdf_encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        raise InputError("not_pdf") from None
    out = _Text()
    for p, text in enumerate(pages, 1):
        for n, line in enumerate(text.splitlines(), 1):
            out.add(line, Location(page=p, line=n))
    if not out.pieces:
        raise InputError("pdf_no_text")
    return out.document(display, kind)


def refuse_old_binary(data: bytes, display: str, kind: str) -> Document:
    raise InputError("old_binary")
