"""The readers of drafts as documents circulate: PDF (with pypdf), and the assembly of a
text from a file's parts that the PDF and Word (review.inputs.word) readers share. The
document's text is what a reader of the file reads, part by part — a PDF's pages line by
line, Word's paragraphs, cells and other parts — and each part's place is kept, so a finding
says 第 3 段, 表 1 第 2 行 第 3 列 or 第 2 页 第 5 行. Old binary formats get a one-line
error."""

from __future__ import annotations

import io

from review.document import Document
from review.errors import InputError
from review.location import Location

PART_NAMES = {"header": "页眉", "footer": "页脚", "textbox": "文本框", "link": "链接",
              "footnote": "脚注", "endnote": "尾注", "bound": "内容控件"}


class Parts:
    """The pieces of a document's text and where each is, as they are added: joined by new
    lines, blank ones left out."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.parts: list[tuple[int, Location]] = []
        self.size = 0

    def add(self, text: str, location: Location) -> int | None:
        """Where `text` starts in the document's text; None for a blank piece, left out."""
        if not text.strip():
            return None
        start = self.size
        self.parts.append((start, location))
        self.pieces.append(text)
        self.size += len(text) + 1
        return start

    def text(self) -> str:
        return "\n".join(self.pieces)

    def document(self, display: str, kind: str) -> Document:
        if not self.pieces:
            raise InputError("empty")
        return Document(display, self.text(), kind, "utf-8", tuple(self.parts))


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
    out = Parts()
    for p, text in enumerate(pages, 1):
        for n, line in enumerate(text.splitlines(), 1):
            out.add(line, Location(page=p, line=n))
    if not out.pieces:
        raise InputError("pdf_no_text")
    return out.document(display, kind)


def refuse_old_binary(data: bytes, display: str, kind: str) -> Document:
    raise InputError("old_binary")
