"""The reader of the kinds whose document is the decoded file: plain text, Markdown, HTML."""

from __future__ import annotations

from review.decoding import decode_with_encoding
from review.document import Document


def read(data: bytes, display: str, kind: str) -> Document:
    text, encoding = decode_with_encoding(data)
    return Document(display, text, kind, encoding)
