"""The sentence a reviewer's decision is about, with its personal data masked: what a rejection's
marks and an override sign, and what `review feedback export` writes as a labelled example.

Sentences are the classifier's (review.model.text.SENTENCE over the text a reader sees), so an
exported example is the unit the model scores. Masking reuses the privacy detectors of the
check (identity cards, mobile and private numbers, bank cards, e-mail and contact handles,
home addresses, names): what they find becomes a run of ＊ of the same length — a masked
number (138****5678) is what the corpus and the detectors already read as masked, and the
sentence keeps its length. The masked text is what is signed: the log is append-only, and a
person's number put there could never be taken out again."""

from __future__ import annotations

from review import inputs
from review.document import Document
from review.errors import InputError
from review.model.text import SENTENCE

MASK = "＊"
# What is left of a sentence for training: one line, no tab (the corpus is label<TAB>text).
_FLAT = str.maketrans({"\t": " ", "\r": " ", "\n": " "})


def document(content: bytes, path: str) -> Document:
    """The draft as `review show` presents it: offsets of marks and findings index its text."""
    try:
        return inputs.for_path(path).read(content, path)
    except InputError:
        return Document(path, content.decode("utf-8", "replace"))


def sentence_spans(doc: Document) -> list[tuple[int, int, int, int]]:
    """(view start, view end, original start, original end) of each sentence a reader sees,
    white space trimmed; markup between sentences belongs to none."""
    view = doc.visible
    text = view.text
    spans = []
    for m in SENTENCE.finditer(text):
        start, end = m.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end, *view.span(start, end)))
    return spans


def around(doc: Document, start: int, end: int) -> str:
    """The sentence(s) holding the original span [start, end), as written (the visible
    characters only: a page's tags are left out), masked, on one line; "" when the span
    touches no visible sentence (a link's target)."""
    view = doc.visible
    pieces = []
    for low, high, first, last in sentence_spans(doc):
        if first < end and start < last:
            covered = sorted({i for v in range(low, high)
                              for i in range(view.starts[v], view.ends[v])})
            pieces.append("".join(doc.original[i] for i in covered))
    return mask(" ".join(pieces).translate(_FLAT).strip())


def mask(text: str) -> str:
    """`text` with the personal data the check's detectors find replaced by ＊ runs."""
    if not text:
        return text
    from review.stages.detectors import address, bankcard, contact, email, idcard, phone
    from review.stages.detectors.common import Options
    from review.stages.detectors.names import person_names

    doc = Document("excerpt.txt", text)
    spans = [(h.start, h.end) for detector in (idcard, phone, bankcard, email, contact, address)
             for h in detector.detect(doc, Options())]
    view = doc.visible
    spans += [view.span(a, b) for a, b in person_names(view.text)]
    chars = list(text)
    for a, b in spans:
        chars[a:b] = [c if c.isspace() else MASK for c in chars[a:b]]
    return "".join(chars)
