"""The input kinds: every kind of draft file `review` reads, registered in one place.

A kind has a name, the file suffixes it owns (matched case-insensitively, one kind per
suffix), a reader that turns the file's bytes into a `Document`, and — for kinds whose text
has markup — the view of what a reader of the published page sees. A document's text is what
its findings' offsets index into: for text, Markdown and HTML the decoded file; for a format
such as Word or PDF, the text the reader extracts (each part's place is then kept in
`Document.parts`, so a finding's location names a page, paragraph or table cell).

Adding a kind is one entry in KINDS and a reader module. Readers are named as
"module:function" and imported only when a file of their kind is read, so a format's
library costs nothing to the runs that never meet it (and this module stays below
`review.document` and `review.loading`, which use it).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from pathlib import PurePath
from typing import TYPE_CHECKING

from review.normalize import BIDI_CONTROLS, View
from review.record import NamedTuple
from review.regexcache import compile as re_compile

if TYPE_CHECKING:
    from review.document import Document

Reader = Callable[[bytes, str, str], "Document"]  # (data, display path, kind name) → Document


class InputKind(NamedTuple):
    name: str
    suffixes: tuple[str, ...]          # lower case, with the dot
    reader: str                        # "module:function", a Reader
    view: Callable[[str], View] | None = None   # what a reader sees; None: the text itself
    sniff: Callable[[str], bool] | None = None  # recognises a file by its decoded text
    # where a text of this kind keeps `review-ignore` directives ("module:function", a text →
    # directives); None: in no comment syntax (plain text), or found by its reader (Word)
    directives: str | None = None

    def read(self, data: bytes, display: str) -> Document:
        """The Document of a file of this kind; an InputError when it cannot be read, or when
        it shows text in another order than it holds it (direction controls, and in markup
        the tags and CSS that do the same)."""
        module, _, function = self.reader.partition(":")
        read: Reader = getattr(importlib.import_module(module), function)
        document = read(data, display, self.name)
        refuse_direction_controls(document)
        if self.view is not None:
            document.visible  # noqa: B018 — the view refuses reordering markup, now, not later
        return document

    def directives_in(self, text: str) -> tuple:
        """The `review-ignore` directives of a text of this kind (review.suppress)."""
        if self.directives is None:
            return ()
        module, _, function = self.directives.partition(":")
        return getattr(importlib.import_module(module), function)(text)


# A saved web page may have any name (page.txt, no suffix, a CMS export): its tags say it.
# Any element a page shows text with, a doctype, or a character reference (which only a page
# decodes): a page of <title>, <h1> and <span> alone is still a page.
_HTML_TAG = re_compile(
    r"<!doctype\s+html|&#(?:\d+|x[0-9a-f]+);|<(?:html|head|body|title|meta|link|style|script|"
    r"h[1-6]|p|div|span|a|b|i|u|s|em|strong|small|big|font|center|br|hr|img|table|tr|td|th|"
    r"ul|ol|li|dl|dt|dd|section|article|header|footer|nav|main|aside|svg|math|iframe|object|"
    r"form|input|button|label|select|option|textarea|pre|code|blockquote|q|abbr|mark|ruby|"
    r"sup|sub|details|summary|figure|figcaption|bdo|bdi)[\s/>]", re.IGNORECASE)

def _markdown_view(text: str) -> View:
    # review.markup (and html.parser) imported for a page only, not for every plain draft
    from review.markup import markdown_view

    return markdown_view(text)


def _html_view(text: str) -> View:
    from review.markup import html_view

    return html_view(text)


_IN_COMMENTS = "review.suppress:in_comments"  # <!-- review-ignore AD009: 理由 -->
TEXT = InputKind("text", (".txt", ".text"), "review.inputs.text:read")
KINDS: dict[str, InputKind] = {kind.name: kind for kind in [
    TEXT,
    InputKind("markdown", (".md", ".markdown"), "review.inputs.text:read", view=_markdown_view,
              directives=_IN_COMMENTS),
    InputKind("html", (".html", ".htm", ".xhtml", ".shtml"), "review.inputs.text:read",
              view=_html_view,
              sniff=lambda data: _HTML_TAG.search(data) is not None, directives=_IN_COMMENTS),
    InputKind("docx", (".docx",), "review.inputs.word:read_docx"),
    InputKind("pdf", (".pdf",), "review.inputs.office:read_pdf"),
    # Word 97–2003 and WPS files are read by nothing here: a one-line error says what to do
    InputKind("old-binary", (".doc", ".wps"), "review.inputs.office:refuse_old_binary"),
    # a web archive's page is MIME-encoded (base64, quoted-printable): a browser shows it
    # decoded, read as text its words were not there (red-team pass 74)
    InputKind("mhtml", (".mht", ".mhtml"), "review.inputs.office:refuse_mhtml"),
]}


def refuse_direction_controls(document: Document) -> None:
    """Every reader's text passes here. An embedding, override or isolate (U+202A–U+202E,
    U+2066–U+2069) makes a renderer show the characters after it in another order — a
    slogan stored backwards between U+202E and U+202C is shown forwards — while the check
    reads them in stored order (and drops the controls as invisible). A government draft has
    no use for them: the draft is refused, naming where the first one is."""
    from review.errors import InputError

    found = BIDI_CONTROLS.search(document.original)
    if found is not None:
        raise InputError("bidi_controls", where=document.locate(found.start()))


def _by_suffix(kinds: dict[str, InputKind]) -> dict[str, InputKind]:
    found: dict[str, InputKind] = {}
    for kind in kinds.values():
        for suffix in kind.suffixes:
            if suffix != suffix.lower() or not suffix.startswith("."):
                raise ValueError(f"{kind.name}: suffix {suffix!r} must be lower case with a dot")
            if suffix in found:
                raise ValueError(f"suffix {suffix} belongs to {found[suffix].name} and "
                                 f"{kind.name}")
            found[suffix] = kind
    return found


BY_SUFFIX = _by_suffix(KINDS)


def named(name: str) -> InputKind:
    try:
        return KINDS[name]
    except KeyError:
        raise ValueError(f"unknown input kind {name!r}; kinds: {', '.join(KINDS)}") from None


def for_path(path: str | PurePath | None) -> InputKind:
    """The kind a file's suffix names (`.MD` as `.md`); plain text for any other file, which
    is how a named file with an unknown suffix, or stdin, has always been read."""
    suffix = PurePath(path).suffix.lower() if path else ""
    return BY_SUFFIX.get(suffix, TEXT)


def kind_of(path: str | PurePath | None, data: bytes) -> InputKind:
    """The kind a file is read as: the one its suffix names when it names one; a named file
    with any other suffix (`.php`, `.asp`, none) by its content — pages come from content
    systems under many names, and a browser decodes `&#26412;` where plain text would show
    the reference. Standard input stays plain text."""
    if not path or PurePath(path).suffix.lower() in BY_SUFFIX:
        return for_path(path)
    return guess(path, data)


def guess(path: str | PurePath | None, data: bytes) -> InputKind:
    """The kind of a file that may be misnamed (a page saved from a browser): a suffix that
    names a kind other than plain text wins, then the content, then plain text."""
    kind = for_path(path)
    if kind is not TEXT:
        return kind
    text = _sniffed_text(data)
    return next((k for k in KINDS.values() if k.sniff and k.sniff(text)), TEXT)


def _sniffed_text(data: bytes) -> str:
    """A file's text as the checker decodes it, so a page saved as UTF-16 shows its tags as
    well as one saved as UTF-8 or GBK; bytes that decode as no text are read as Latin-1,
    where ASCII markup still shows."""
    from review.decoding import decode
    from review.errors import InputError

    try:
        return decode(data)
    except InputError:
        return data.decode("latin-1")


def default_globs() -> list[str]:
    """Directory discovery's include globs: every registered suffix, in any letter case
    (`*.[mM][dD]`), since wcmatch globs are case-sensitive and `.MD` is still Markdown."""
    def any_case(suffix: str) -> str:
        return "".join(f"[{c}{c.upper()}]" if c.isalpha() else c for c in suffix)

    return [f"*{any_case(s)}" for kind in KINDS.values() for s in kind.suffixes]


def text_of(data: bytes, path: str) -> str:
    """The document text of a file's stored bytes (a workflow item), read as its kind reads it;
    bytes no reader takes (none that passed a check) are shown with U+FFFD, not refused."""
    return stored(data, path)[0]


def reader_view(original: str, kind: str, shown_only: bool = False) -> View:
    """What a reader of this kind of file sees of its document text (markup and scripts
    gone), unfolded; each character knows where in the text it came from. `shown_only`:
    without what a page's elements hide by their own markup (`hidden`, `display:none` …),
    and without the lines the check reads again without it — the page as it is drawn."""
    view = named(kind).view
    if view is None:
        return View.identity(original)
    if not shown_only:
        return view(original)
    from review.markup import shown_only as hiding

    with hiding():
        return view(original)


def stored(data: bytes, path: str) -> tuple[str, str]:
    """A stored file's document text and the name of the kind that read it — the kind its
    check read it as (`kind_of`), so that its findings' offsets index this text."""
    from review.errors import InputError

    kind = kind_of(path, data)
    try:
        return kind.read(data, path).original, kind.name
    except InputError:
        return data.decode("utf-8", "replace"), TEXT.name
