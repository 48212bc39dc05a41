"""What a PDF page's content streams draw, read with pypdf: whether a stream (or a form
XObject it paints) shows any text, and which of a page's text it shows in a rendering mode
that draws nothing — a scan's recognised text, or a text layer that says something other
than the page (review.inputs.office reads that text as its own part; RV301 says so)."""

from __future__ import annotations

from collections.abc import Callable

SHOWING = frozenset({b"Tj", b"TJ", b"'", b'"'})  # PDF's text-showing operators
MAX_NESTING = 8  # form XObjects inside a page or an appearance (and fields inside fields)


def forms(resources) -> dict:
    """The form XObjects a content stream's resources name, by name."""
    resources = resources.get_object() if resources is not None else None
    xobjects = resources.get("/XObject") if hasattr(resources, "get") else None
    xobjects = xobjects.get_object() if xobjects is not None else None
    found = {}
    for name, ref in xobjects.items() if hasattr(xobjects, "items") else ():
        form = ref.get_object() if ref is not None else None
        if hasattr(form, "get_data") and form.get("/Subtype") == "/Form":
            found[name] = form
    return found


def draws_text(stream, pdf, depth: int) -> bool:
    """Whether a content stream (or a form XObject it paints) shows any character."""
    from pypdf.generic import ContentStream

    if depth > MAX_NESTING:
        return True  # nested past reason: taken to draw, so never passed unread
    painted = forms(stream.get("/Resources"))
    for operands, operator in ContentStream(stream, pdf).operations:
        if operator in SHOWING and any(_shows(o) for o in operands):
            return True
        if operator == b"Do" and operands and operands[0] in painted and \
                draws_text(painted[operands[0]], pdf, depth + 1):
            return True
    return False


def _shows(operand: object) -> bool:
    if isinstance(operand, list):
        return any(_shows(o) for o in operand)
    return isinstance(operand, bytes | str) and len(operand) > 0


# The text rendering modes that draw: 0-2 fill, stroke or both,
# 4-6 the same and clip. Any other mode draws nothing (3: neither filled nor stroked; 7: only
# added to the clipping path; and one out of range, which pdf.js, say, reads by its low bits:
# 11 and -1 as 3): a scan's recognised text, or a text layer that says something other than
# what the page shows.
_DRAWING = (0, 1, 2, 4, 5, 6)


def _mode(operands: list) -> int | None:
    """The mode a `Tr` sets: an integer, or a real (3.0, which viewers take as 3); None for
    no number, which sets nothing."""
    if not operands or isinstance(operands[0], bool) or \
            not isinstance(operands[0], int | float):
        return None
    return int(operands[0])


def _sets_mode(painted: dict, depth: int = 0, seen: set[int] | None = None) -> bool:
    """Whether any of these form XObjects (or one they paint) sets a rendering mode; each
    form looked at once."""
    seen = set() if seen is None else seen
    if depth > MAX_NESTING:
        return True
    for form in painted.values():
        if id(form) in seen:
            continue
        seen.add(id(form))
        if b"Tr" in form.get_data() or \
                _sets_mode(forms(form.get("/Resources")), depth + 1, seen):
            return True
    return False


def _undrawn_in(operations, painted: dict, mode: int, reader, depth: int,
                known: dict | None = None) -> set[int]:
    """The indexes of the operations that show text undrawn, the mode being `mode` at the
    start: a text-showing operator, or the painting (`Do`) of a form XObject that shows any
    text undrawn, its own mode set inside or inherited (a form starts with its painter's
    graphics state, text rendering mode included). The whole form is then taken as undrawn:
    its text is read all the same, only said. `known`: each form's answer by the mode it
    starts in, each looked at once however often it is painted."""
    from pypdf.generic import ContentStream

    known = {} if known is None else known
    saved, undrawn = [], set()
    for index, (operands, operator) in enumerate(operations):
        if operator == b"q":
            saved.append(mode)
        elif operator == b"Q":
            mode = saved.pop() if saved else 0
        elif operator == b"Tr" and (value := _mode(operands)) is not None:
            mode = value
        elif operator in SHOWING and mode not in _DRAWING:
            undrawn.add(index)
        elif operator == b"Do" and operands and operands[0] in painted:
            form = painted[operands[0]]
            key = (id(form), mode)
            if key not in known:
                known[key] = True  # painting itself: taken as undrawn, never looped
                known[key] = depth >= MAX_NESTING or bool(_undrawn_in(
                    ContentStream(form, reader).operations,
                    forms(form.get("/Resources")), mode, reader, depth + 1, known))
            if known[key]:
                undrawn.add(index)
    return undrawn


def drawn_and_not(page, reader) -> tuple[str, str]:
    """A page's text as its readers see it drawn, and the text it holds but does not draw
    (a rendering mode that draws nothing, set on the page or in a form XObject it paints);
    the second is "" for most pages, read as they always were."""
    from pypdf.generic import ContentStream, NameObject

    contents = page.get_contents()
    # parsed again only where a mode is set at all (the operator's bytes appear, on the page
    # or in a form it may paint): most pages never set one, and parsing a long page twice
    # would double its reading
    if contents is None:
        return page.extract_text() or "", ""
    painted = forms(page.get("/Resources"))
    if b"Tr" not in contents.get_data() and not _sets_mode(painted):
        return page.extract_text() or "", ""
    operations = ContentStream(contents, reader).operations
    undrawn = _undrawn_in(operations, painted, 0, reader, 0)
    if not undrawn:
        return page.extract_text() or "", ""
    texty = (*SHOWING, b"Do")

    def text_of(keep: Callable[[int], bool]) -> str:
        kept = ContentStream(None, reader)
        # a text-showing operator left out; ' and " also move to the next line: kept as T*
        kept.operations = [([_raw(x) for x in op[0]], op[1]) if keep(i) else ([], b"T*")
                           for i, op in enumerate(operations)
                           if keep(i) or op[1] in (b"'", b'"')]
        # in place of the page's own content, as a reader's page may only be (put back
        # after; the reader is never written)
        page[NameObject("/Contents")] = kept
        return page.extract_text() or ""

    own = page.get(NameObject("/Contents"))
    try:
        drawn = text_of(lambda i: i not in undrawn)
        unseen = text_of(lambda i: i in undrawn or operations[i][1] not in texty)
    finally:
        page[NameObject("/Contents")] = own  # the page as read, for whatever reads it next
    return drawn, unseen


def _raw(operand: object) -> object:
    """An operand as the file wrote it: pypdf decodes a string operand as text, and writes it
    back in another encoding, which the font's code map then reads as other glyphs."""
    from pypdf.generic import ArrayObject, ByteStringObject, TextStringObject

    if isinstance(operand, TextStringObject):
        return ByteStringObject(operand.original_bytes)
    if isinstance(operand, ArrayObject):
        return ArrayObject(_raw(x) for x in operand)
    return operand
