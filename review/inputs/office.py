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
from review.inputs.pdfcontent import MAX_NESTING as _MAX_NESTING
from review.inputs.pdfcontent import appearance_text, drawn_and_not, draws_text, forms
from review.inputs.pdfseen import numbers
from review.location import PART_NAMES, Location


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
    """A PDF's pages line by line, then on each page what its annotations show: a note's or
    a FreeText box's /Contents, a form field's value, and the text their appearance streams
    draw over the page (a viewer draws and prints them; `extract_text` reads only the page's
    own content). Then the values of form fields on no page, the document's title and its
    outline (bookmarks). Text drawn that cannot be read
    refuses the PDF, as does a dynamic (XFA) form: never passed as if it were not there."""
    import pypdf
    from pypdf.errors import PdfReadError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InputError("pdf_encrypted")
        pages = [(*drawn_and_not(page, reader), _annotations(page, p))
                 for p, page in enumerate(reader.pages, 1)]
        _refuse_lying_fonts(reader)
        _refuse_hidden_drawers(reader)
        fields = _form_values(reader)
        around = _around_pages(reader)
        spoken = _spoken(reader)
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError,
            OSError):
        raise InputError("not_pdf") from None
    out = Parts()
    for p, (text, unseen, laid, _) in enumerate(pages, 1):
        for n, line in enumerate(text.splitlines(), 1):
            out.add(line, Location(page=p, line=n))
        # checked like the rest, as a part of its own: RV301 tells the reviewer that
        # readers see something else there (an image, for a scan with a text layer)
        out.add(unseen, Location(part=PART_NAMES["invisible"], page=p))
        # the drawn text again as its pieces stand on the page, when the stream draws them in
        # another order (a line's second half drawn before its first reads it backwards)
        out.add(laid, Location(part=PART_NAMES["laid_out"], page=p))
    if not out.pieces:  # a scan: a note on it is no reason to pass its pages unread
        raise InputError("pdf_no_text")
    shown: set[str] = set()
    for p, (_, _, _, drawn) in enumerate(pages, 1):
        for part, text in drawn:
            shown.add(_squeezed(text))
            out.add(text, Location(part=PART_NAMES[part], page=p))
    for value in fields:
        if _squeezed(value) not in shown:  # a field no widget on a page showed
            shown.add(_squeezed(value))
            out.add(value, Location(part=PART_NAMES["form"]))
    for part, text in around:
        out.add(text, Location(part=PART_NAMES[part]))
    drawn_text = _squeezed("".join(text for text, _, _, _ in pages))
    for page, text in spoken:
        # what a screen reader speaks and copying copies, where the pages do not draw it
        if _squeezed(text) not in shown and _squeezed(text) not in drawn_text:
            shown.add(_squeezed(text))
            out.add(text, Location(part=PART_NAMES["alt"], page=page))
    return out.document(display, kind)


# Predefined CMaps whose codes are the characters themselves, in a codec (PDF 32000 9.7.5.2):
# a font so encoded draws the glyph of the code's character, whatever its ToUnicode says.
_CODED = {"GB-EUC": "gbk", "GBpc-EUC": "gb2312", "GBK-EUC": "gbk", "GBK2K": "gb18030",
          "ETen-B5": "cp950", "ETenms-B5": "cp950", "90ms-RKSJ": "cp932"}


def _codec(encoding: object) -> str | None:
    """The codec a Type0 font's predefined CMap encodes characters in, or None (Identity-H:
    the codes are glyph numbers, which only rendering can tell)."""
    name = str(encoding or "").lstrip("/")
    if name.startswith("Uni") and ("-UCS2-" in name or "-UTF16-" in name):
        return "utf-16-be"
    return _CODED.get(name.rsplit("-", 1)[0]) if name.endswith(("-H", "-V")) else None


def _refuse_lying_fonts(reader) -> None:
    """An InputError for a font whose ToUnicode map (what text extraction, and so the check,
    reads) gives other characters than its encoding says its codes draw: a Type0 font under
    a predefined Unicode or national CMap, where the code is the character a viewer draws
    (red-team pass 71: 冰毒 drawn, 水果 read). The fonts of each page's resources, its form
    XObjects' and its annotations' appearances are looked at."""
    import unicodedata

    from pypdf._cmap import _parse_to_unicode

    seen: set[int] = set()

    def walk(value: object, depth: int) -> None:
        value = value.get_object() if hasattr(value, "get_object") else value
        if depth > 3 * _MAX_NESTING or id(value) in seen:
            return
        seen.add(id(value))
        if isinstance(value, list):
            for item in value:
                walk(item, depth + 1)
            return
        if not hasattr(value, "items"):
            return
        if value.get("/Subtype") == "/Type0" and "/ToUnicode" in value:
            judge(value)
        for key, item in value.items():
            if key not in ("/Parent", "/P", "/Dest", "/A", "/Popup", "/IRT"):
                walk(item, depth + 1)

    def judge(font) -> None:
        codec = _codec(font.get("/Encoding"))
        if codec is None:
            return
        mapped, _ = _parse_to_unicode(font)
        for key, read in mapped.items():
            if not isinstance(key, str) or not isinstance(read, str) or not key:
                continue
            # pypdf keys a one-byte code by its byte, a longer one as UTF-16BE text
            one = len(key) == 1 and ord(key) < 256 and codec != "utf-16-be"
            code = key.encode("latin-1") if one else key.encode("utf-16-be", "surrogatepass")
            try:
                drawn = code.decode(codec)
            except (UnicodeError, ValueError):
                continue
            if unicodedata.normalize("NFKC", drawn) != unicodedata.normalize("NFKC", read):
                raise InputError("pdf_tounicode", font=str(font.get("/BaseFont", "")).lstrip("/"),
                                 drawn=drawn, read=read)

    for page in reader.pages:
        walk(page.get("/Resources"), 0)
        walk(page.get("/Annots"), 0)


def _refuse_hidden_drawers(reader) -> None:
    """An InputError for text drawn where text extraction never looks (red-team pass 74): a
    Type3 font's glyph procedures (the page shows what they draw, the check reads the glyph's
    ToUnicode: 冰毒 drawn, 水果 read), a tiling pattern's cell and a soft mask's group (the page
    paints through them words that are in no text it holds). Honest files draw shapes and
    pictures there, not text. The page's resources, its forms' and its annotations' appearances
    are looked in, and whatever a glyph, pattern or mask paints."""
    seen: set[tuple[int, bool]] = set()

    def walk(value: object, depth: int, inside: str | None) -> None:
        value = value.get_object() if hasattr(value, "get_object") else value
        if depth > 4 * _MAX_NESTING or (id(value), inside is None) in seen:
            return
        seen.add((id(value), inside is None))
        if isinstance(value, list):
            for item in value:
                walk(item, depth + 1, inside)
            return
        if not hasattr(value, "items"):
            return
        if value.get("/Subtype") == "/Type3":
            inside = "Type3 CharProcs"
        elif value.get("/PatternType") == 1:
            inside = "Pattern"
        elif value.get("/Type") == "/Mask" or (value.get("/S") in ("/Luminosity", "/Alpha")
                                               and "/G" in value):
            inside = "SMask"
        if inside is not None and hasattr(value, "get_data") and _shows_text(value, reader):
            raise InputError("pdf_hidden_drawer", construct=inside)
        for key, item in value.items():
            if key not in ("/Parent", "/P", "/Dest", "/A", "/Popup", "/IRT"):
                walk(item, depth + 1, inside)

    for page in reader.pages:
        walk(page.get("/Resources"), 0, None)
        walk(page.get("/Annots"), 0, None)


def _shows_text(stream, reader) -> bool:
    """Whether a content stream itself has a text-showing operator with a character."""
    from pypdf.generic import ContentStream

    from review.inputs.pdfseen import SHOWING, shows

    data = stream.get_data()
    if not any(op in data for op in (b"Tj", b"TJ", b"'", b'"')):
        return False
    try:
        operations = ContentStream(stream, reader).operations
    except Exception:  # noqa: BLE001 — unparsable in a place that shows text: not passed
        return True
    return any(operator in SHOWING and any(shows(o) for o in operands)
               for operands, operator in operations)


_SPOKEN_KEYS = ("/ActualText", "/Alt", "/E")  # PDF 32000 14.9.3-14.9.5


def _spoken(reader) -> list[tuple[int | None, str]]:
    """(page, text) of what a PDF gives screen readers, copying and search in place of what
    it draws (red-team pass 71): the replacement text (/ActualText), alternate descriptions
    (/Alt) and expansions (/E) of its marked content — a page's content stream's and its
    forms' property lists, inline or named in /Properties — and of its structure tree."""
    from pypdf.generic import ContentStream

    out: list[tuple[int | None, str]] = []
    walked: set[int] = set()

    def said(properties: object, page: int | None) -> None:
        properties = properties.get_object() if hasattr(properties, "get_object") else properties
        if hasattr(properties, "get"):
            for key in _SPOKEN_KEYS:
                text = _text(properties.get(key))
                if text.strip():
                    out.append((page, text))

    def stream(content, resources, page: int, depth: int) -> None:
        resources = resources.get_object() if resources is not None else None
        named = resources.get("/Properties") if hasattr(resources, "get") else None
        named = named.get_object() if named is not None else None
        for properties in named.values() if hasattr(named, "values") else ():
            said(properties, page)
        painted = forms(resources)
        if any(k.encode() in content.get_data() for k in _SPOKEN_KEYS):
            for operands, operator in ContentStream(content, reader).operations:
                if operator in (b"BDC", b"DP") and len(operands) > 1:
                    said(operands[1], page)
        for form in painted.values() if depth < _MAX_NESTING else ():
            if id(form) not in walked:  # a form painted twice, or painting itself: once
                walked.add(id(form))
                stream(form, form.get("/Resources"), page, depth + 1)

    for number, page in enumerate(reader.pages, 1):
        contents = page.get_contents()
        if contents is not None:
            stream(contents, page.get("/Resources"), number, 0)
    root = reader.trailer["/Root"].get_object()
    seen: set[int] = set()

    def walk(element: object, depth: int) -> None:
        element = element.get_object() if hasattr(element, "get_object") else element
        if depth > 4 * _MAX_NESTING or id(element) in seen:
            return
        seen.add(id(element))
        if isinstance(element, list):
            for kid in element:
                walk(kid, depth + 1)
        elif hasattr(element, "get"):
            said(element, None)
            walk(element.get("/K"), depth + 1)

    walk(root.get("/StructTreeRoot"), 0)
    return out


def _around_pages(reader) -> list[tuple[str, str]]:
    """(part, text) of what a viewer shows of the document beside its pages: its title (the
    window's or tab's title: Chrome's and Acrobat's with /DisplayDocTitle) and its outline,
    the bookmarks in the side panel (open from the start with /PageMode /UseOutlines)."""
    out = []
    info = reader.metadata
    title = _text(info.get("/Title")) if info is not None else ""
    if title.strip():
        out.append(("title", title))
    seen: set[int] = set()

    def walk(entries: object, depth: int) -> None:
        if depth > _MAX_NESTING or not isinstance(entries, list):
            return
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            elif hasattr(entry, "get") and id(entry) not in seen:
                seen.add(id(entry))
                text = _text(entry.get("/Title"))
                if text.strip():
                    out.append(("outline", text))

    walk(reader.outline, 0)
    return out


# Annotations that draw nothing of their own: a link's area, a note's pop-up window (whose
# text is its parent note's /Contents, read there).
_SILENT_ANNOTATIONS = frozenset({"/Link", "/Popup"})


# The annotation flags (PDF 32000 12.5.3) under which a viewer shows nothing of it:
# Invisible (an unknown type), Hidden, NoView.
_UNSHOWN_FLAGS = 1 | 2 | 32


def _annotations(page, number: int) -> list[tuple[str, str]]:
    """(part, text) of what each annotation of a page shows besides the page's content; what
    its appearance holds but does not draw, and all of an annotation flagged not to be shown,
    as the part "invisible"."""
    found: list[tuple[str, str]] = []
    annotations = page.get("/Annots")
    annotations = annotations.get_object() if annotations is not None else []
    for ref in annotations if isinstance(annotations, list) else []:
        annotation = ref.get_object()
        if not hasattr(annotation, "get") or annotation.get("/Subtype") in _SILENT_ANNOTATIONS:
            continue
        widget = annotation.get("/Subtype") == "/Widget"
        part = "form" if widget else "annotation"
        texts = [_text(annotation.get("/Contents"))]
        if widget:
            texts.append(_field_value(annotation))
            texts += _field_shown(annotation)
        drawn, unseen = _appearance_text(page, annotation, number)
        texts.append(drawn)
        flags = numbers([annotation.get("/F")], 1)  # a real (2.0) is read as its integer
        if flags and int(flags[0]) & _UNSHOWN_FLAGS:
            part = "invisible"
        seen: set[str] = set()
        for where, text in [(part, t) for t in texts] + [("invisible", unseen)]:
            if text.strip() and _squeezed(text) not in seen:
                seen.add(_squeezed(text))
                found.append((where, text))
    return found


def _appearance_text(page, annotation, number: int) -> tuple[str, str]:
    """The text an annotation's normal appearance draws (each of its states', for a check
    box: a click shows the other), and the text it holds but does not draw; an InputError
    when it draws text that cannot be extracted."""
    appearance = annotation.get("/AP")
    appearance = appearance.get_object() if appearance is not None else None
    streams = []
    # the normal appearance, and those shown while the pointer is over it (/R) or pressed (/D)
    for kind in ("/N", "/R", "/D"):
        shown = appearance.get(kind) if hasattr(appearance, "get") else None
        shown = shown.get_object() if shown is not None else None
        if shown is None:
            continue
        if hasattr(shown, "get_data"):
            streams.append(shown)
        elif hasattr(shown, "items"):  # appearance states: the one /AS names is shown, and
            # a click shows another (a check box's /Yes): each is read (red-team pass 74)
            streams += [v.get_object() for v in shown.values()]
    drawn, unseen = [], []
    for stream in streams:
        if not hasattr(stream, "get_data") or not draws_text(stream, page.pdf, 0):
            continue
        text, hidden = appearance_text(page, stream)
        if not (text + hidden).strip():
            raise InputError("pdf_drawn_unread", page=number)
        drawn.append(text)
        unseen.append(hidden)
    return "\n".join(drawn), "\n".join(unseen)


def _field_shown(field) -> list[str]:
    """What else a form field shows: a button's captions (/MK /CA, /RC, /AC), a choice
    field's options (/Opt: each its shown text), its tooltip (/TU); inherited like /V."""
    shown: list[str] = []
    looks = field.get("/MK")
    looks = looks.get_object() if looks is not None else None
    if hasattr(looks, "get"):
        shown += [_text(looks.get(key)) for key in ("/CA", "/RC", "/AC")]
    for _ in range(_MAX_NESTING):
        if field is None or not hasattr(field, "get"):
            break
        options = field.get("/Opt")
        options = options.get_object() if options is not None else None
        for option in options if isinstance(options, list) else []:
            option = option.get_object() if hasattr(option, "get_object") else option
            # an option is its text, or a pair of the value exported and the text shown
            shown.append(_text(option[-1] if isinstance(option, list) and option else option))
        shown.append(_text(field.get("/TU")))
        parent = field.get("/Parent")
        field = parent.get_object() if parent is not None else None
    return shown


def _field_value(field) -> str:
    """A form field's value, inherited from the fields above it as PDF inherits /V."""
    for _ in range(_MAX_NESTING):
        if field is None or not hasattr(field, "get"):
            return ""
        if "/V" in field:
            return _text(field.get("/V"))
        parent = field.get("/Parent")
        field = parent.get_object() if parent is not None else None
    return ""


def _form_values(reader) -> list[str]:
    """The values of the document's form fields (/AcroForm /Fields and their kids); an
    InputError for a dynamic XFA form, whose shown text lives in XML this reader does not
    lay out."""
    root = reader.trailer["/Root"].get_object()
    form = root.get("/AcroForm")
    form = form.get_object() if form is not None else None
    if not hasattr(form, "get"):
        return []
    if form.get("/XFA") is not None:
        raise InputError("pdf_xfa")
    values: list[str] = []
    seen: set[int] = set()

    def walk(fields: object, depth: int) -> None:
        fields = fields.get_object() if hasattr(fields, "get_object") else fields
        if depth > _MAX_NESTING or not isinstance(fields, list):
            return
        for ref in fields:
            field = ref.get_object()
            if id(field) in seen or not hasattr(field, "get"):
                continue
            seen.add(id(field))
            value = _text(field.get("/V"))
            if value.strip():
                values.append(value)
            if field.get("/Kids") is not None:
                walk(field.get("/Kids"), depth + 1)

    walk(form.get("/Fields"), 0)
    return values


def _text(value: object) -> str:
    """A PDF text string (or an array of them, a list box's choices) as text; names (a check
    box's /Yes) and anything else show no text."""
    from pypdf.generic import NameObject

    value = value.get_object() if hasattr(value, "get_object") else value
    if isinstance(value, list):
        return "\n".join(t for v in value if (t := _text(v)))
    if isinstance(value, str) and not isinstance(value, NameObject):
        return str(value)
    if isinstance(value, bytes):
        return value.decode("utf-16") if value[:2] in (b"\xfe\xff", b"\xff\xfe") else \
            value.decode("latin-1")
    return ""


def _squeezed(text: str) -> str:
    return "".join(text.split())


def refuse_old_binary(data: bytes, display: str, kind: str) -> Document:
    raise InputError("old_binary")


def refuse_mhtml(data: bytes, display: str, kind: str) -> Document:
    raise InputError("mhtml")
