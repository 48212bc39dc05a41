"""Which of a content stream's text-showing operators draw nothing a reader sees: text in a
rendering mode that paints nothing (3, 7: a scan's recognised text), white or near-white text
on nothing but the white page, fully transparent text, text under 2 points high or wide, text
off the page or outside its clipping path, and text that a later opaque image or filled shape
covers (the redaction box over a name that the text layer still holds).

A reader judges what the page shows; a check that reads all the text layer the same would see
出甲售冰毒 where a white 甲 parts the words a reader sees. Each operator's place is judged at the
first glyph's centre, as a rendering matrix puts it: the walk keeps the transformation, text
and colour state that `q`/`Q` save, the painted areas in device space, and the clip's box. A
form XObject is walked in its painter's state; any undrawn text in it makes its painting (the
`Do`) undrawn, and the whole form is then read as undrawn (its text is checked all the same,
only said)."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

Matrix = tuple[float, float, float, float, float, float]
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in device space

IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
EVERYWHERE: Box = (-math.inf, -math.inf, math.inf, math.inf)
SHOWING = frozenset({b"Tj", b"TJ", b"'", b'"'})  # PDF's text-showing operators
MAX_NESTING = 8  # form XObjects inside a page or an appearance

# The rendering modes that draw: 0-2 fill, stroke or both, 4-6 the same and clip. Any other
# draws nothing (3: neither; 7: only clips; one out of range, which pdf.js reads by its low
# bits: 11 and -1 as 3).
_DRAWING = (0, 1, 2, 4, 5, 6)
_FILLED, _STROKED = (0, 2, 4, 6), (1, 2, 5, 6)
WHITE = 0.94  # lightness at and above which text on the white page is not seen (#F0F0F0)
TINY = 2.0  # a glyph under 2 points high or wide is a speck
FAINT = 0.1  # an opacity under which nothing is seen
_SAMPLES = 64  # the most glyphs of one operator whose place a later cover is tested at
_PAINTS = frozenset({b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"})  # fill a path
_PATH_ENDS = _PAINTS | {b"S", b"s", b"n"}
_DEVICE = {"/DeviceGray": 1, "/G": 1, "/DeviceRGB": 3, "/RGB": 3, "/DeviceCMYK": 4,
           "/CMYK": 4, "/CalGray": 1, "/CalRGB": 3}


@dataclass(frozen=True, slots=True)
class Graphics:
    """The part of the graphics state the walk needs: what `q` saves and `Q` restores."""
    ctm: Matrix = IDENTITY
    clip: Box = EVERYWHERE
    mode: int = 0
    fill: float | None = 0.0  # lightness, 0 black to 1 white; None: a colour not judged
    stroke: float | None = 0.0
    fill_space: object = "/DeviceGray"  # a name, or the array a named space resolves to
    stroke_space: object = "/DeviceGray"
    alpha: float = 1.0  # /ca: the opacity of what is filled
    masked: bool = False  # a soft mask: what is painted may let the page through
    size: float = 0.0  # Tf
    scaling: float = 100.0  # Tz
    leading: float = 0.0  # TL
    rise: float = 0.0  # Ts


def multiply(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s,
            e * p + f * r + t, e * q + f * s + u)


def _point(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]


def box_of(m: Matrix, x0: float, y0: float, x1: float, y1: float) -> Box:
    corners = [_point(m, x, y) for x in (x0, x1) for y in (y0, y1)]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return min(xs), min(ys), max(xs), max(ys)


def _inside(box: Box, point: tuple[float, float]) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


def _meet(a: Box, b: Box) -> Box:
    return max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])


def numbers(operands: list, count: int | None = None) -> list[float] | None:
    """The operands as numbers (a bool is none), or None; `count` of them when given."""
    if count is not None and len(operands) != count:
        return None
    if not all(isinstance(o, int | float) and not isinstance(o, bool) for o in operands):
        return None
    values = [float(o) for o in operands]
    return values if all(math.isfinite(v) for v in values) else None


def lightness(space: object, operands: list) -> float | None:
    """How light a colour is (1 white), or None for one not judged: a pattern, an indexed or
    Lab colour, a space the resources do not say."""
    values = numbers(operands)
    if not values:
        return None
    kind, components = space, None
    if isinstance(space, list) and space:  # [/ICCBased stream], [/Separation …], …
        kind = space[0]
        if kind == "/ICCBased":
            stream = space[1].get_object() if len(space) > 1 else None
            components = stream.get("/N") if hasattr(stream, "get") else None
    components = components or _DEVICE.get(kind)
    if kind in ("/Separation", "/DeviceN"):  # tints of ink: none of any is the paper
        return 1.0 - max(values)
    if components != len(values):
        return None
    if components == 4:
        return 1.0 - max(values)
    return min(values)


@dataclass
class Shown:
    """A text-showing operator (or a form's painting) where the walk met it."""
    index: int
    centre: tuple[float, float]
    top: tuple[float, float]  # a point higher in the same glyph: a cover must hold both


def _dict(value: object) -> dict:
    value = value.get_object() if hasattr(value, "get_object") else value
    return value if isinstance(value, dict) else {}


def _resolved(value: object) -> object:
    return value.get_object() if hasattr(value, "get_object") else value


def _true(value: object) -> bool:
    return value is True or getattr(value, "value", None) is True


def shows(operand: object) -> bool:
    if isinstance(operand, list):
        return any(shows(o) for o in operand)
    return isinstance(operand, bytes | str) and len(operand) > 0


def _glyphs(operands: list, g: Graphics, wide: bool) -> tuple[float, int]:
    """About how far, in text space, a showing operator moves the next glyph, and how many
    glyphs it shows: no font's widths are read, so a glyph is taken as a full em in a two-byte
    (CID) font and half one in any other; a TJ's numbers move by thousandths of an em."""
    em, per = (1.0, 2) if wide else (0.5, 1)
    moved, count = 0.0, 0
    for operand in operands[-1] if isinstance(operands[-1], list) else operands[-1:]:
        if isinstance(operand, bytes | str):
            count += max(1, len(operand) // per)
            moved += max(1, len(operand) // per) * em
        elif isinstance(operand, int | float) and not isinstance(operand, bool):
            moved -= float(operand) / 1000
    return moved * g.size * g.scaling / 100, count


class Walk:
    """One page's (or one appearance's) walk: the indexes of its operators that show text a
    reader does not see, in `undrawn` once `stream` has run."""

    def __init__(self, reader, box: Box = EVERYWHERE) -> None:
        self.reader, self.box = reader, box
        self.painted: list[Box] = []  # areas painted in a colour not white: white text's ground
        self.shown: list[Shown] = []  # text seen so far, which a later opaque paint may cover
        self.undrawn: set[int] = set()
        self._parsed: dict[int, list] = {}  # each form's operations, parsed once

    def stream(self, operations: list, resources: object, g: Graphics, depth: int = 0,
               painting: int | None = None) -> None:
        resources = _dict(resources)
        xobjects, states = _dict(resources.get("/XObject")), _dict(resources.get("/ExtGState"))
        spaces, fonts = _dict(resources.get("/ColorSpace")), _dict(resources.get("/Font"))
        saved: list[Graphics] = []
        tm = tlm = IDENTITY
        path: list[tuple[float, float]] = []
        clipping, wide = False, False
        for index, (operands, op) in enumerate(operations):
            at = index if painting is None else painting
            if op == b"q":
                saved.append(g)
            elif op == b"Q":
                g = saved.pop() if saved else g
            elif op == b"cm" and (m := numbers(operands, 6)):
                g = replace(g, ctm=multiply(tuple(m), g.ctm))
            elif op == b"BT":
                tm = tlm = IDENTITY
            elif op == b"Tm" and (m := numbers(operands, 6)):
                tm = tlm = tuple(m)
            elif op in (b"Td", b"TD") and (m := numbers(operands, 2)):
                if op == b"TD":
                    g = replace(g, leading=-m[1])
                tm = tlm = multiply((1, 0, 0, 1, m[0], m[1]), tlm)
            elif op in (b"T*", b"'", b'"'):
                tm = tlm = multiply((1, 0, 0, 1, 0, -g.leading), tlm)
            elif op == b"TL" and (m := numbers(operands, 1)):
                g = replace(g, leading=m[0])
            elif op == b"Tz" and (m := numbers(operands, 1)):
                g = replace(g, scaling=m[0])
            elif op == b"Ts" and (m := numbers(operands, 1)):
                g = replace(g, rise=m[0])
            elif op == b"Tf" and len(operands) == 2 and (m := numbers(operands[1:])):
                font = _dict(fonts.get(operands[0]))
                g, wide = replace(g, size=m[0]), font.get("/Subtype") == "/Type0"
            elif op == b"Tr" and (m := numbers(operands[:1], 1)):
                g = replace(g, mode=int(m[0]))
            elif op in (b"g", b"rg", b"k", b"G", b"RG", b"K"):
                space = {1: "/DeviceGray", 3: "/DeviceRGB", 4: "/DeviceCMYK"}.get(len(operands))
                g = self._colour(g, op.islower(), space, lightness(space, operands))
            elif op in (b"cs", b"CS") and operands:
                space = _resolved(spaces.get(operands[0], operands[0]))
                kind = space[0] if isinstance(space, list) and space else space
                g = self._colour(g, op == b"cs", space,
                                 None if kind in ("/Pattern", "/Indexed", "/Lab") else 0.0)
            elif op in (b"sc", b"scn", b"SC", b"SCN"):
                filled = op.islower()
                space = g.fill_space if filled else g.stroke_space
                g = self._colour(g, filled, space, lightness(space, operands))
            elif op == b"gs" and operands:
                g = self._state(g, _dict(states.get(operands[0])))
            elif op in (b"m", b"l", b"c", b"v", b"y") and (m := numbers(operands)):
                path += list(zip(m[::2], m[1::2], strict=False))
            elif op == b"re" and (m := numbers(operands, 4)):
                path += [(m[0], m[1]), (m[0] + m[2], m[1] + m[3])]
            elif op in (b"W", b"W*"):
                clipping = True
            elif op in _PATH_ENDS:
                if path:
                    xs, ys = [x for x, _ in path], [y for _, y in path]
                    area = box_of(g.ctm, min(xs), min(ys), max(xs), max(ys))
                    if op in _PAINTS:
                        self._paint(_meet(area, g.clip), g, at, g.fill, covers=True)
                    if clipping:
                        g = replace(g, clip=_meet(g.clip, area))
                path, clipping = [], False
            elif op == b"sh":  # a shading fills the clip: a ground, judged as no colour
                self._paint(g.clip, g, at, None, covers=False)
            elif op == b"INLINE IMAGE":
                settings = _dict(operands.get("settings") if isinstance(operands, dict) else {})
                stencil = _true(settings.get("/IM", settings.get("/ImageMask")))
                self._paint(_meet(box_of(g.ctm, 0, 0, 1, 1), g.clip), g, at, None,
                            covers=not stencil)
            elif op == b"Do" and operands:
                self._painted(_resolved(xobjects.get(operands[0])), resources, g, depth, at)
            elif op in SHOWING and operands and shows(operands[-1]):
                moved, count = _glyphs(operands, g, wide)
                self._text(g, multiply(tm, g.ctm), at, moved, count)
                tm = multiply((1, 0, 0, 1, moved, 0), tm)

    @staticmethod
    def _colour(g: Graphics, filled: bool, space: object, light: float | None) -> Graphics:
        if filled:
            return replace(g, fill=light, fill_space=space or g.fill_space)
        return replace(g, stroke=light, stroke_space=space or g.stroke_space)

    @staticmethod
    def _state(g: Graphics, state: dict) -> Graphics:
        """An ExtGState's opacity, and whether what is painted may let the page through: a
        soft mask, or a blend mode (a seal's image multiplied over the text it stamps)."""
        alpha = numbers([_resolved(state.get("/ca"))], 1) if "/ca" in state else None
        masked = g.masked
        if "/SMask" in state:
            masked = _resolved(state.get("/SMask")) != "/None"
        if "/BM" in state:
            blend = _resolved(state.get("/BM"))
            blend = blend[0] if isinstance(blend, list) and blend else blend
            masked = masked or blend not in ("/Normal", "/Compatible")
        return replace(g, alpha=alpha[0] if alpha else g.alpha, masked=masked)

    def _text(self, g: Graphics, placed: Matrix, at: int, moved: float, count: int) -> None:
        trm = multiply((g.size * g.scaling / 100, 0, 0, g.size, 0, g.rise), placed)
        centre = _point(trm, 0.5, 0.3)
        filled, stroked = g.mode in _FILLED, g.mode in _STROKED
        colours = [c for c, used in ((g.fill, filled), (g.stroke, stroked)) if used]
        white = all(c is not None and c >= WHITE for c in colours) and \
            not any(_inside(area, centre) for area in self.painted)
        if g.mode not in _DRAWING or white or (filled and not stroked and g.alpha < FAINT) or \
                min(math.hypot(trm[0], trm[1]), math.hypot(trm[2], trm[3])) < TINY or \
                not _inside(self.box, centre) or not _inside(g.clip, centre):
            self.undrawn.add(at)
            return
        # each glyph's centre, and a point higher in it, where its estimated advance puts it
        # (at most _SAMPLES of them): a cover must hold both points of one glyph
        step = max(1, math.ceil(count / _SAMPLES))
        low, high = 0.3 * g.size + g.rise, 0.6 * g.size + g.rise
        for i in range(0, count, step):
            x = (i + 0.5) * moved / count
            self.shown.append(Shown(at, _point(placed, x, low), _point(placed, x, high)))

    def _paint(self, area: Box, g: Graphics, at: int, light: float | None,
               covers: bool) -> None:
        if area[0] > area[2] or area[1] > area[3]:
            return  # clipped away
        if light is None or light < WHITE:
            self.painted.append(area)
        if covers and g.alpha >= 0.99 and not g.masked:
            for seen in self.shown:
                if seen.index != at and seen.index not in self.undrawn and \
                        _inside(area, seen.centre) and _inside(area, seen.top):
                    self.undrawn.add(seen.index)

    def _painted(self, xobject: object, resources: dict, g: Graphics, depth: int,
                 at: int) -> None:
        """A `Do`: an image paints its unit square; a form is walked in the painter's state,
        under its own matrix and inside its bounding box."""
        from pypdf.generic import ContentStream

        if not hasattr(xobject, "get_data"):
            return
        if xobject.get("/Subtype") == "/Image":
            stencil = _true(xobject.get("/ImageMask"))
            see_through = "/SMask" in xobject or "/Mask" in xobject
            self._paint(_meet(box_of(g.ctm, 0, 0, 1, 1), g.clip), g, at, None,
                        covers=not (stencil or see_through))
            return
        if xobject.get("/Subtype") != "/Form":
            return
        if depth >= MAX_NESTING:
            self.undrawn.add(at)  # nested past reason: taken as undrawn, never looped
            return
        if id(xobject) not in self._parsed:
            self._parsed[id(xobject)] = ContentStream(xobject, self.reader, "bytes").operations
        matrix = numbers(list(_resolved(xobject.get("/Matrix")) or IDENTITY), 6) or IDENTITY
        inner = replace(g, ctm=multiply(tuple(matrix), g.ctm))
        bbox = numbers(list(_resolved(xobject.get("/BBox")) or ()), 4)
        if bbox:
            inner = replace(inner, clip=_meet(g.clip, box_of(inner.ctm, *bbox)))
        self.stream(self._parsed[id(xobject)], xobject.get("/Resources", resources), inner,
                    depth + 1, at)
