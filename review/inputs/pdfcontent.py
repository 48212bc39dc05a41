"""What a PDF page's content streams draw, read with pypdf: whether a stream (or a form
XObject it paints) shows any text, and a page's or an annotation appearance's text split into
what readers see and what they do not (review.inputs.pdfseen judges which; review.inputs.office
reads the second as a part of its own, and RV301 says so)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from review.inputs.pdfseen import (
    EVERYWHERE,
    MAX_NESTING,
    SHOWING,
    Graphics,
    Walk,
    box_of,
    multiply,
    numbers,
    shows,
)


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
        if operator in SHOWING and any(shows(o) for o in operands):
            return True
        if operator == b"Do" and operands and operands[0] in painted and \
                draws_text(painted[operands[0]], pdf, depth + 1):
            return True
    return False


def drawn_and_not(page, reader) -> tuple[str, str, str]:
    """A page's text as its readers see it drawn, the text it holds but does not show
    (review.inputs.pdfseen says which), and the drawn lines, as their pieces stand on the page,
    that the content stream draws in another order (the second half of a line before its
    first); the last two are "" for most pages."""
    from pypdf.generic import ContentStream

    contents = page.get_contents()
    if contents is None:
        return page.extract_text() or "", "", ""
    # parsed once, as text extraction parses it (strings kept as bytes), and handed to it
    stream = ContentStream(contents, reader, "bytes")
    walk = Walk(reader, _page_box(page))
    walk.stream(stream.operations, page.get("/Resources"), Graphics())
    pieces: list = []
    drawn, unseen = _split(stream, walk, lambda kept: _extracted(page, kept, []))
    if walk.in_order:  # read by place, the page would read as it does in the stream's order
        return drawn, unseen, ""
    kept = ContentStream(None, reader, "bytes")
    kept.operations = _placed(stream.operations, walk)
    _extracted(page, kept, pieces)
    # only the lines the stream's order does not hold as they stand: a footer drawn before
    # the body reads the same either way, and is not read twice
    held = _squeezed(drawn)
    laid = [line for line in _laid_out(pieces).splitlines() if _squeezed(line) not in held]
    return drawn, unseen, "\n".join(laid)


def _placed(operations: list, walk: Walk) -> list:
    """The drawn operators of a page, each text-showing one set where the walk found it (its
    own text object, at its own text matrix) so that extraction gives it as a piece of its own
    with its place; `'` and `"` as Tj, having moved already; each string of a TJ as a piece
    of its own where its first glyph stands (a TJ's numbers can draw its strings in any
    order)."""
    from pypdf.generic import FloatObject

    out = []
    for i, (operands, op) in enumerate(operations):
        if i in walk.undrawn and op in (*SHOWING, b"Do"):
            continue
        if i not in walk.placed or op not in SHOWING:
            out.append((operands, op))
            continue
        tm, tlm, starts = walk.placed[i]
        shown = _glyphs_of((operands, op), walk.slices[i], walk.partly[i], False) \
            if i in walk.partly else (operands, op)
        last = shown[0][-1]
        strings = list(last) if isinstance(last, list) else [last]
        first: dict[int, float] = {}
        for glyph, (k, _, _) in enumerate(walk.slices[i]):
            first.setdefault(k, starts[glyph] if glyph < len(starts) else 0.0)
        for k, string in enumerate(strings):
            if k in first and isinstance(string, bytes | str) and len(string):
                at = multiply((1, 0, 0, 1, first[k], 0), tm)
                out += [([], b"ET"), ([], b"BT"), ([FloatObject(v) for v in at], b"Tm"),
                        ([string], b"Tj")]
        out += [([], b"ET"), ([], b"BT"), ([FloatObject(v) for v in tlm], b"Tm")]
    return out


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _laid_out(pieces: list) -> str:
    """The pieces text extraction gave (text, position, size), in the order a reader reads
    them: lines from the top, each from the left. "" when any piece is not upright (turned or
    mirrored text), which is left to the stream's order."""
    placed = []
    for text, (a, b, c, d, x, y), size in pieces:
        if not text.strip():
            continue
        if abs(b) > 1e-6 or abs(c) > 1e-6 or a <= 0 or d <= 0:
            return ""
        placed.append((y, x, "".join(text.split("\n")), max(abs(size * d), 1.0)))
    lines: list[list] = []
    for y, x, text, height in sorted(placed, key=lambda p: (-p[0], p[1])):
        if lines and abs(lines[-1][0] - y) <= height / 2:
            lines[-1][1].append((x, text))
        else:
            lines.append([y, [(x, text)]])
    return "\n".join("".join(t for _, t in sorted(line)) for _, line in lines)


def appearance_text(page, appearance) -> tuple[str, str]:
    """What an annotation's appearance stream (a form XObject) shows, and what it holds but
    does not show."""
    from pypdf.generic import ContentStream, NameObject

    stream = ContentStream(appearance, page.pdf, "bytes")
    walk, g = Walk(page.pdf), Graphics()
    matrix = numbers(list(appearance.get("/Matrix") or ()), 6)
    bbox = numbers(list(appearance.get("/BBox") or ()), 4)
    g = replace(g, ctm=tuple(matrix)) if matrix else g
    g = replace(g, clip=box_of(g.ctm, *bbox)) if bbox else g
    walk.stream(stream.operations, appearance.get("/Resources"), g)

    def extracted(kept) -> str:
        for key in ("/Resources", "/Matrix", "/BBox"):
            if key in appearance:
                kept[NameObject(key)] = appearance[key]
        return page.extract_xform_text(kept) or ""

    return _split(stream, walk, extracted)


def _split(stream, walk: Walk, extracted: Callable) -> tuple[str, str]:
    """The text of a parsed stream without the undrawn operators, and of them alone; of an
    operator a cover hides in part, the glyphs it leaves in the first and those it hides in
    the second."""
    from pypdf.generic import ContentStream

    undrawn, partly = walk.undrawn, walk.partly
    if not undrawn and not partly:
        return extracted(stream), ""
    operations = stream.operations
    texty = (*SHOWING, b"Do")

    def text_of(keep: Callable[[int], bool], hidden: bool) -> str:
        kept = ContentStream(None, stream.pdf, "bytes")
        # a text-showing operator left out; ' and " also move to the next line: kept as T*
        kept.operations = [
            _glyphs_of(op, walk.slices[i], partly[i], hidden) if i in partly else
            op if keep(i) else ([], b"T*")
            for i, op in enumerate(operations) if keep(i) or op[1] in (b"'", b'"')]
        return extracted(kept)

    return (text_of(lambda i: i not in undrawn, False),
            text_of(lambda i: i in undrawn or i in partly or operations[i][1] not in texty,
                    True))


def _glyphs_of(operation: tuple, slices: list, covered: set[int], hidden: bool) -> tuple:
    """A text-showing operator with only the glyphs a cover hides (`hidden`) or leaves."""
    from pypdf.generic import ArrayObject, ByteStringObject

    operands, op = operation
    last = operands[-1]
    strings = list(last) if isinstance(last, list) else [last]
    pieces: dict[int, bytes] = {k: b"" for k, o in enumerate(strings)
                                if isinstance(o, bytes | str)}
    for glyph, (k, start, end) in enumerate(slices):
        if (glyph in covered) == hidden:
            raw = strings[k]
            raw = raw.encode("latin-1", "replace") if isinstance(raw, str) else raw
            pieces[k] += raw[start:end]
    for k, raw in pieces.items():
        strings[k] = ByteStringObject(raw)
    shown = ArrayObject(strings) if isinstance(last, list) else strings[0]
    return [*operands[:-1], shown], op


def _extracted(page, contents, pieces: list) -> str:
    """The page's text with `contents` in place of its own (put back after: the reader is
    never written, and whatever reads the page next reads it as it was); `pieces` gets each
    piece extraction read, with where it stands (the text and page matrices, multiplied)."""
    from pypdf.generic import NameObject

    own = page.get(NameObject("/Contents"))
    page[NameObject("/Contents")] = contents
    pieces.clear()

    def seen(text, cm, tm, font, size) -> None:
        try:
            pieces.append((text, multiply(tuple(float(v) for v in tm),
                                          tuple(float(v) for v in cm)), float(size or 0)))
        except (TypeError, ValueError):
            pieces.append((text, (0.0, 1.0, 1.0, 0.0, 0.0, 0.0), 0.0))  # not upright

    try:
        return page.extract_text(visitor_text=seen) or ""
    finally:
        if own is None:
            del page[NameObject("/Contents")]
        else:
            page[NameObject("/Contents")] = own


def _page_box(page) -> tuple[float, float, float, float]:
    """The part of the page a viewer shows: its crop box within its media box."""
    try:
        crop, media = page.cropbox, page.mediabox
        return (max(float(min(crop.left, crop.right)), float(min(media.left, media.right))),
                max(float(min(crop.bottom, crop.top)), float(min(media.bottom, media.top))),
                min(float(max(crop.left, crop.right)), float(max(media.left, media.right))),
                min(float(max(crop.bottom, crop.top)), float(max(media.bottom, media.top))))
    except (KeyError, TypeError, ValueError, AttributeError):
        return EVERYWHERE
