"""Which of a content stream's text-showing operators draw nothing a reader sees: text in a
rendering mode that paints nothing (3, 7: a scan's recognised text), white or near-white text
on nothing but the white page, text whose fill and stroke are all fully transparent, text under
2 points high or wide, text off the page or outside its clipping path, text in an optional
content layer the document turns off, and the glyphs that a later opaque image or filled shape
covers (the redaction box over a name that the text layer still holds).

A reader judges what the page shows; a check that reads all the text layer the same would see
出甲售冰毒 where a white 甲 parts the words a reader sees. Each operator's place is judged at the
first glyph's centre, as a rendering matrix puts it: the walk keeps the transformation, text
and colour state that `q`/`Q` save, the painted paths (each as the region its fill rule fills:
two rectangles that cancel, or a line, fill nothing) and the clipping paths the same way. A
cover must hold points all over a glyph's cell (its width from the font where the code says
which glyph, with Tc and Tw), so a hairline or a box beside the text covers nothing; a cover
over some glyphs of a line takes those glyphs only (red-team pass 43). A form XObject is
walked in its painter's state; any undrawn text in it makes its painting (the `Do`) undrawn,
and the whole form is then read as undrawn (its text is checked all the same, only said)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

Matrix = tuple[float, float, float, float, float, float]
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in device space
RGB = tuple[float, float, float]  # red, green, blue, 0 to 1

IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
EVERYWHERE: Box = (-math.inf, -math.inf, math.inf, math.inf)
SHOWING = frozenset({b"Tj", b"TJ", b"'", b'"'})  # PDF's text-showing operators
MAX_NESTING = 8  # form XObjects inside a page or an appearance

# The rendering modes that draw: 0-2 fill, stroke or both, 4-6 the same and clip. Any other
# draws nothing (3: neither; 7: only clips; one out of range, which pdf.js reads by its low
# bits: 11 and -1 as 3).
_DRAWING = (0, 1, 2, 4, 5, 6)
_FILLED, _STROKED = (0, 2, 4, 6), (1, 2, 5, 6)
_BLACK = ([0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 1.0])  # by how many components a space has
ALIKE = 1 / 16  # two colours each channel of which is this close are one to a reader
WHITE = 0.94  # lightness at and above which text on the white page is not seen (#F0F0F0)
TINY = 2.0  # a glyph under 2 points high or wide is a speck
FAINT = 0.1  # an opacity under which nothing is seen
_SAMPLES = 64  # the most glyphs of one operator whose place a later cover is tested at
_PAINTS = frozenset({b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"})  # fill a path
_STROKES = frozenset({b"S", b"s", b"B", b"B*", b"b", b"b*"})  # stroke a path
_CLOSING = frozenset({b"s", b"b", b"b*"})  # close the last subpath first
_PATH_ENDS = _PAINTS | _STROKES | {b"n"}
_CURVE_STEPS = 16  # the straight pieces a stroked curve is taken as
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
    fill_rgb: RGB | None = (0.0, 0.0, 0.0)  # the colour itself, where a device space says it
    stroke_rgb: RGB | None = (0.0, 0.0, 0.0)
    alpha: float = 1.0  # /ca: the opacity of what is filled
    stroke_alpha: float = 1.0  # /CA: the opacity of what is stroked
    clips: tuple = ()  # the clipping paths' regions (see `Region`): a point is in all of them
    masked: bool = False  # a soft mask: what is painted may let the page through
    size: float = 0.0  # Tf
    scaling: float = 100.0  # Tz
    leading: float = 0.0  # TL
    rise: float = 0.0  # Ts
    spacing: float = 0.0  # Tc
    words: float = 0.0  # Tw
    line_width: float = 1.0  # w
    dashes: tuple[float, ...] = ()  # d: the dash array (none: solid) and its phase
    phase: float = 0.0
    miter: float = 10.0  # M: how far a join may reach, in half line widths


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


# A path as it fills: its subpaths (polygons through every point a segment names, a curve's
# control points included) in device space, and whether the even-odd rule fills it.
Region = tuple[tuple[tuple[tuple[float, float], ...], ...], bool]


def within(region: Region, point: tuple[float, float]) -> bool:
    """Whether a path fills `point`: by its winding number, or its crossings for even-odd; a
    path that fills nothing (a line, two rectangles that cancel) holds no point."""
    polygons, even_odd = region
    x, y = point
    winding = crossings = 0
    for polygon in polygons:
        for (x0, y0), (x1, y1) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
            if (y0 <= y) != (y1 <= y):
                at = x0 + (y - y0) * (x1 - x0) / (y1 - y0)
                if at > x:
                    crossings += 1
                    winding += 1 if y1 > y0 else -1
    return crossings % 2 == 1 if even_odd else winding != 0


def numbers(operands: list, count: int | None = None) -> list[float] | None:
    """The operands as numbers (a bool is none), or None; `count` of them when given."""
    if count is not None and len(operands) != count:
        return None
    if not all(isinstance(o, int | float) and not isinstance(o, bool) for o in operands):
        return None
    values = [float(o) for o in operands]
    return values if all(math.isfinite(v) for v in values) else None


def lightness(space: object, operands: list) -> float | None:
    """How light a colour is (1 white), or None for one not judged: a pattern, a space the
    resources do not say."""
    values = numbers(operands)
    if not values:
        return None
    kind, components = space, None
    if isinstance(space, list) and space:  # [/ICCBased stream], [/Separation …], …
        kind = space[0]
        if kind == "/Indexed":
            return _indexed(space, values)
        if kind in _CONVERTED:  # its colour where it can be worked out (red-team pass 55)
            colour = rgb(space, values, first=True)
            if colour is not None:
                return min(colour)
        if kind == "/ICCBased":
            stream = space[1].get_object() if len(space) > 1 else None
            components = stream.get("/N") if hasattr(stream, "get") else None
    components = components or _DEVICE.get(kind)
    if kind in ("/Separation", "/DeviceN"):  # tints of ink: none of any is the paper
        return 1.0 - max(values)
    if not isinstance(components, int) or components not in (1, 3, 4):
        return None
    if components > len(values):
        return None
    # too many operands: viewers differ in which they take (pdfium the first ones for sc, the
    # last for g); the colour is white when either reading makes it white (RV301 says so)
    readings = [values[:components], values[-components:]]
    return max(1.0 - max(v) if components == 4 else min(v) for v in readings)


def rgb(space: object, operands: list, first: bool = False) -> RGB | None:
    """A colour as red, green and blue: of a device space (gray, RGB, CMYK, or an ICC-based
    or calibrated one of as many components), or of an Indexed, Lab, Separation or DeviceN
    space worked out as `_CONVERTED` says (red-team pass 55); None for any other, or
    operands that do not fit. A calibrated space (`[/CalRGB <<…>>]`, always an array) is
    read as its device space, as `lightness` reads it: black and white are the same in both,
    and red text on a red box drawn in CalRGB was not judged (red-team pass 50 P1). first:
    operands of `sc`, of which viewers (pdfium, pdf.js) take the first ones when there are
    too many — `1 0 0 0 sc` in an RGB space is red (red-team pass 52 P2)."""
    values = numbers(operands)
    kind, components = space, _components(space)
    if isinstance(space, list) and space:
        kind = space[0]
        if kind not in _CONVERTED and kind not in ("/ICCBased", "/CalGray", "/CalRGB"):
            return None
    if first and values and components and len(values) > components:
        values = values[:components]
    if not values or len(values) != components:
        return None
    if kind in _CONVERTED:
        return _CONVERTED[kind](space, values)
    if components == 1:
        return (values[0],) * 3
    if components == 3:
        return values[0], values[1], values[2]
    if components != 4:
        return None
    c, m, y, k = values
    return (1 - min(1.0, c + k), 1 - min(1.0, m + k), 1 - min(1.0, y + k))


def _components(space: object) -> int | None:
    """How many operands a colour of a space takes (None: not known)."""
    if not isinstance(space, list) or not space:
        return _DEVICE.get(space) if isinstance(space, str) else None
    kind = space[0]
    if kind == "/ICCBased":
        stream = _resolved(space[1]) if len(space) > 1 else None
        n = stream.get("/N") if hasattr(stream, "get") else None
        return n if isinstance(n, int) and n in (1, 3, 4) else None
    if kind in ("/Indexed", "/Separation"):
        return 1
    if kind == "/Lab":
        return 3
    if kind == "/DeviceN":
        names = _resolved(space[1]) if len(space) > 1 else None
        return len(names) if isinstance(names, list) and names else None
    return _DEVICE.get(kind)


def initial(space: object) -> list[float]:
    """The colour `cs` sets: black in a device space, index 0, L*a*b* 0 0 0, or full tint in
    a Separation or DeviceN space (each component 1)."""
    kind = space[0] if isinstance(space, list) and space else space
    n = _components(space) or 1
    if kind in ("/Separation", "/DeviceN"):
        return [1.0] * n
    if kind in ("/Indexed", "/Lab"):
        return [0.0] * n
    return next((list(black) for black in _BLACK if len(black) == n), [0.0])


def _indexed(space: list, values: list[float]) -> float | None:
    """An indexed colour's lightness: its palette entry's, in the base space."""
    entry = _entry(space, values)
    return lightness(_resolved(space[1]), entry) if entry is not None else None


def _indexed_rgb(space: list, values: list[float]) -> RGB | None:
    """An indexed colour: its palette entry's, in the base space."""
    entry = _entry(space, values)
    return rgb(_resolved(space[1]), entry) if entry is not None else None


def _entry(space: list, values: list[float]) -> list[float] | None:
    """An indexed colour's palette entry (each component 0 to 1, as the base space takes
    it); None where the palette or the base space cannot be read."""
    if len(space) < 4 or len(values) != 1:
        return None
    base, table = _resolved(space[1]), _resolved(space[3])
    table = table.get_data() if hasattr(table, "get_data") else table
    if not isinstance(table, bytes | str):
        return None
    table = table.encode("latin-1") if isinstance(table, str) else table
    n = _components(base)
    if not isinstance(n, int) or n < 1 or \
            isinstance(base, list) and base and base[0] in ("/Indexed", "/Pattern"):
        return None
    index = max(0, min(int(values[0]), 255))
    entry = table[index * n:(index + 1) * n]
    return [b / 255 for b in entry] if len(entry) == n else None


def _lab(space: list, values: list[float]) -> RGB | None:
    """A CIE L*a*b* colour as sRGB under the space's white point: near enough to tell two
    colours apart, and exact at black and white (L* 0 and 100, a* b* 0)."""
    white = _resolved(_dict(space[1] if len(space) > 1 else None).get("/WhitePoint"))
    white = numbers([_resolved(w) for w in white], 3) if isinstance(white, list) else None
    if not white or min(white) <= 0:
        return None
    light, a, b = values
    fy = (light + 16) / 116

    def inverse(f: float) -> float:
        return f ** 3 if f > 6 / 29 else 3 * (6 / 29) ** 2 * (f - 4 / 29)

    # relative to the white point, taken to sRGB's (D65) by scaling: the white point white
    x, y, z = inverse(fy + a / 500) * 0.9505, inverse(fy), inverse(fy - b / 200) * 1.089
    linear = (3.2406 * x - 1.5372 * y - 0.4986 * z, -0.9689 * x + 1.8758 * y + 0.0415 * z,
              0.0557 * x - 0.2040 * y + 1.0570 * z)
    out = [min(1.0, max(0.0, c)) for c in linear]
    out = [12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055 for c in out]
    return out[0], out[1], out[2]


def _tinted(space: list, values: list[float]) -> RGB | None:
    """A Separation or DeviceN colour: its tints through the tint transform into the
    alternate space, where the transform is a function of type 2 (exponential) or 4
    (PostScript calculator); None for another (a sampled one), or for the colorant /None."""
    if len(space) < 4 or (space[0] == "/Separation" and space[1] == "/None"):
        return None
    alternate, transform = _resolved(space[2]), _resolved(space[3])
    if isinstance(alternate, list) and alternate and alternate[0] not in (
            "/ICCBased", "/CalGray", "/CalRGB", "/Lab"):
        return None  # the alternate must be a device-like space: no loop through others
    out = _function(transform, values)
    return rgb(alternate, out) if out is not None else None


def _no_ink(space: object) -> bool:
    """Whether a space's colours never mark the page: a Separation of the colorant /None, a
    DeviceN of /None colorants only (red-team pass 55)."""
    if not isinstance(space, list) or len(space) < 2:
        return False
    names = _resolved(space[1])
    return space[0] == "/Separation" and names == "/None" or space[0] == "/DeviceN" and \
        isinstance(names, list) and bool(names) and all(_resolved(n) == "/None" for n in names)


_CONVERTED: dict[str, Callable[[list, list[float]], RGB | None]] = {
    "/Indexed": _indexed_rgb, "/Lab": _lab, "/Separation": _tinted, "/DeviceN": _tinted}


def _limits(info: dict, key: str) -> list[float]:
    value = _resolved(info.get(key))
    return (numbers([_resolved(v) for v in value]) or []) if isinstance(value, list) else []


def _function(function: object, inputs: list[float]) -> list[float] | None:
    """A PDF function's outputs for `inputs` (clipped to its /Domain; the outputs to its
    /Range), for types 2 and 4; None for another type or anything unreadable."""
    info = _dict(function)
    domain = _limits(info, "/Domain")
    if len(domain) < 2 * len(inputs):
        return None
    inputs = [min(max(v, domain[2 * i]), domain[2 * i + 1]) for i, v in enumerate(inputs)]
    kind, limits = _resolved(info.get("/FunctionType")), _limits(info, "/Range")
    if kind == 2 and len(inputs) == 1:
        c0, c1 = _limits(info, "/C0") or [0.0], _limits(info, "/C1") or [1.0]
        n = numbers([_resolved(info.get("/N"))], 1)
        if len(c0) != len(c1) or not n or (inputs[0] == 0 and n[0] <= 0):
            return None
        scale = inputs[0] ** n[0]
        if isinstance(scale, complex) or not math.isfinite(scale):
            return None
        out = [a + scale * (b - a) for a, b in zip(c0, c1, strict=True)]
    elif kind == 4 and hasattr(function, "get_data") and limits:
        out = _calculator(function.get_data(), inputs)
    else:
        return None
    if out is None or limits and len(limits) < 2 * len(out):
        return None
    if limits:
        out = [min(max(v, limits[2 * i]), limits[2 * i + 1]) for i, v in enumerate(out)]
    return out


_CALCULATOR_STEPS = 10_000  # a type 4 function has no loops; this bounds a hostile one


def _calculator(program: bytes, inputs: list[float]) -> list[float] | None:
    """A type 4 (PostScript calculator) function's outputs: its program run on a stack
    holding the inputs; None for an operator it does not know or a program that fails."""
    import re

    tokens = re.findall(rb"[{}]|[^\s{}]+", program)
    if not tokens or tokens[0] != b"{":
        return None
    try:
        body, _ = _block(tokens, 1, 0)
        stack: list = list(inputs)
        _run(body, stack, [_CALCULATOR_STEPS])
    except (IndexError, ValueError, TypeError, ZeroDivisionError, OverflowError):
        return None
    if not stack or not all(isinstance(v, int | float) and not isinstance(v, bool) and
                            math.isfinite(v) for v in stack):
        return None
    return [float(v) for v in stack]


def _block(tokens: list[bytes], at: int, depth: int) -> tuple[list, int]:
    """The procedure from `at` (after its `{`) to its `}`, nested ones as lists."""
    if depth > MAX_NESTING:
        raise ValueError("nested too deep")
    body: list = []
    while tokens[at] != b"}":
        if tokens[at] == b"{":
            inner, at = _block(tokens, at + 1, depth + 1)
            body.append(inner)
        else:
            body.append(tokens[at])
            at += 1
    return body, at + 1


_BINARY: dict[bytes, Callable] = {
    b"add": lambda a, b: a + b, b"sub": lambda a, b: a - b, b"mul": lambda a, b: a * b,
    b"div": lambda a, b: a / b, b"idiv": lambda a, b: int(a / b),
    b"mod": lambda a, b: int(math.fmod(a, b)), b"exp": lambda a, b: float(a ** b),
    b"atan": lambda a, b: math.degrees(math.atan2(a, b)) % 360,
    b"eq": lambda a, b: a == b, b"ne": lambda a, b: a != b, b"gt": lambda a, b: a > b,
    b"ge": lambda a, b: a >= b, b"lt": lambda a, b: a < b, b"le": lambda a, b: a <= b,
    b"and": lambda a, b: a and b if isinstance(a, bool) else int(a) & int(b),
    b"or": lambda a, b: a or b if isinstance(a, bool) else int(a) | int(b),
    b"xor": lambda a, b: a != b if isinstance(a, bool) else int(a) ^ int(b)}
_UNARY: dict[bytes, Callable] = {
    b"abs": abs, b"neg": lambda a: -a, b"ceiling": math.ceil, b"floor": math.floor,
    b"round": lambda a: math.floor(a + 0.5), b"truncate": math.trunc, b"sqrt": math.sqrt,
    b"sin": lambda a: math.sin(math.radians(a)), b"cos": lambda a: math.cos(math.radians(a)),
    b"ln": math.log, b"log": math.log10, b"cvi": int, b"cvr": float,
    b"not": lambda a: not a if isinstance(a, bool) else ~int(a)}


def _run(body: list, stack: list, budget: list[int]) -> None:
    """Run a calculator procedure on `stack` (ValueError for an operator not known)."""
    for token in body:
        budget[0] -= 1
        if budget[0] < 0 or len(stack) > 100:
            raise ValueError("too long")
        if isinstance(token, list):
            stack.append(token)
        elif token in _BINARY:
            b, a = stack.pop(), stack.pop()
            stack.append(_BINARY[token](a, b))
        elif token in _UNARY:
            stack.append(_UNARY[token](stack.pop()))
        elif token in (b"true", b"false"):
            stack.append(token == b"true")
        elif token in (b"dup", b"pop", b"exch", b"copy", b"index", b"roll"):
            _shuffle(token, stack)
        elif token in (b"if", b"ifelse"):
            otherwise = stack.pop() if token == b"ifelse" else []
            procedure, condition = stack.pop(), stack.pop()
            if not isinstance(procedure, list) or not isinstance(otherwise, list) or \
                    not isinstance(condition, bool):
                raise ValueError(token)
            _run(procedure if condition else otherwise, stack, budget)
        else:
            stack.append(float(token))  # a number; ValueError for an operator not known


def _shuffle(token: bytes, stack: list) -> None:
    """The calculator's stack operators."""
    if token == b"dup":
        stack.append(stack[-1])
    elif token == b"pop":
        stack.pop()
    elif token == b"exch":
        stack[-1], stack[-2] = stack[-2], stack[-1]
    elif token == b"copy":
        n = int(stack.pop())
        if not 0 <= n <= len(stack):
            raise ValueError("copy")
        stack.extend(stack[len(stack) - n:] if n else [])
    elif token == b"index":
        n = int(stack.pop())
        if not 0 <= n < len(stack):
            raise ValueError("index")
        stack.append(stack[-1 - n])
    else:  # roll
        j, n = int(stack.pop()), int(stack.pop())
        if not 0 <= n <= len(stack):
            raise ValueError("roll")
        if n:
            part, j = stack[len(stack) - n:], j % n
            stack[len(stack) - n:] = part[n - j:] + part[:n - j]


@dataclass
class Shown:
    """A glyph of a text-showing operator (or of a form's painting) where the walk met it."""
    index: int
    glyph: int  # its number in the operator; -1 for a form's or a sampled long operator's
    points: tuple[tuple[float, float], ...]  # over its cell: a cover must hold them all


def _alike(one: RGB, other: RGB) -> bool:
    """Two colours a reader cannot tell apart, text on ground."""
    return all(abs(a - b) <= ALIKE for a, b in zip(one, other, strict=True))


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


def glyph_bytes(operand: object, wide: bool) -> list[tuple[int, int]]:
    """Where each glyph of a shown string lies in it, as the walk counts glyphs: two bytes a
    glyph in a two-byte (CID) font, one in any other (a last odd byte goes with the glyph
    before it; a string too short for one glyph is one)."""
    per = 2 if wide else 1
    count = max(1, len(operand) // per)
    return [(i * per, len(operand) if i == count - 1 else (i + 1) * per) for i in range(count)]


def _widths(font: dict) -> Callable[[bytes], float]:
    """A glyph's width in ems, from the font's own widths where the code says which glyph:
    a simple font's /Widths, a CID font's /W under an Identity encoding (the code is the CID);
    under a Unicode CMap (UniGB-UCS2-H, …) a code below U+1100 is taken as half an em and any
    other as a full em; elsewhere a full em in a two-byte font and half one in any other."""
    wide = font.get("/Subtype") == "/Type0"
    if not wide:
        first, table = font.get("/FirstChar"), _resolved(font.get("/Widths"))
        if isinstance(first, int) and isinstance(table, list):
            widths = [w / 1000 if isinstance(w, int | float) else 0.5 for w in
                      (_resolved(w) for w in table)]
            return lambda raw: widths[raw[0] - first] if raw and \
                0 <= raw[0] - first < len(widths) else 0.5
        return lambda raw: 0.5
    encoding = font.get("/Encoding")
    descendants = _resolved(font.get("/DescendantFonts"))
    cid = _dict(descendants[0]) if isinstance(descendants, list) and descendants else {}
    if encoding in ("/Identity-H", "/Identity-V"):
        default = cid.get("/DW", 1000)
        default = default / 1000 if isinstance(default, int | float) else 1.0
        widths: dict[int, float] = {}
        table = _resolved(cid.get("/W"))
        table = [_resolved(o) for o in table] if isinstance(table, list) else []
        i = 0
        while i + 1 < len(table) and len(widths) < 65536:
            start, then = table[i], table[i + 1]
            if isinstance(start, int) and isinstance(then, list):
                for k, w in enumerate(_resolved(o) for o in then):
                    if isinstance(w, int | float):
                        widths[start + k] = w / 1000
                i += 2
            elif i + 2 < len(table) and isinstance(start, int) and isinstance(then, int) \
                    and isinstance(table[i + 2], int | float) and then - start < 65536:
                for code in range(start, then + 1):
                    widths[code] = table[i + 2] / 1000
                i += 3
            else:
                break
        return lambda raw: widths.get(int.from_bytes(raw[:2], "big"), default)
    if isinstance(encoding, str) and ("UCS2" in encoding or "UTF16" in encoding):
        return lambda raw: 0.5 if int.from_bytes(raw[:2], "big") < 0x1100 else 1.0
    return lambda raw: 1.0


def _glyphs(operands: list, g: Graphics, wide: bool,
            width: Callable[[bytes], float]) -> list[tuple[float, float]]:
    """Where, in text space, each glyph of a showing operator starts and ends (`width` gives
    a glyph's width in ems); the character spacing (Tc) follows each, the word spacing (Tw)
    each one-byte space, and a TJ's numbers move by thousandths of an em."""
    scale = g.scaling / 100
    at, cells = 0.0, []
    for operand in operands[-1] if isinstance(operands[-1], list) else operands[-1:]:
        if isinstance(operand, bytes | str):
            raw = operand.encode("latin-1", "replace") if isinstance(operand, str) else operand
            for start, end in glyph_bytes(raw, wide):
                advance = width(raw[start:end]) * g.size * scale
                space = g.words if not wide and raw[start:end] == b" " else 0.0
                cells.append((at, at + advance))
                at += advance + (g.spacing + space) * scale
        elif isinstance(operand, int | float) and not isinstance(operand, bool):
            at -= float(operand) / 1000 * g.size * scale
    return cells


def _extend(lines: list[list[tuple[float, float]]], op: bytes,
            points: list[tuple[float, float]]) -> None:
    """A path's segment as stroked: a line's end, or a curve as _CURVE_STEPS straight
    pieces (a Bézier curve through its control points; `v` and `y` repeat an end)."""
    if not lines or not lines[-1]:
        lines.append(list(points[:1]))  # no current point: taken from the segment's first
        points = points[1:] if op == b"l" else points
    start = lines[-1][-1]
    if op == b"l" or len(points) < 2:
        lines[-1] += points
        return
    if op == b"v":
        points = [start, *points[:2]]
    elif op == b"y":
        points = [points[0], points[1], points[1]]
    if len(points) < 3:
        return
    (x1, y1), (x2, y2), (x3, y3) = points[:3]
    x0, y0 = start
    for step in range(1, _CURVE_STEPS + 1):
        t = step / _CURVE_STEPS
        u = 1 - t
        lines[-1].append((u ** 3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t ** 3 * x3,
                          u ** 3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t ** 3 * y3))


def _band(a: tuple[float, float], b: tuple[float, float],
          half: float) -> tuple[tuple[float, float], ...]:
    """The rectangle a stroke of half-width `half` paints along a segment (caps aside)."""
    length = math.hypot(b[0] - a[0], b[1] - a[1])
    nx, ny = -(b[1] - a[1]) / length * half, (b[0] - a[0]) / length * half
    return ((a[0] + nx, a[1] + ny), (b[0] + nx, b[1] + ny), (b[0] - nx, b[1] - ny),
            (a[0] - nx, a[1] - ny))


def _dash_holds(dashes: tuple[float, ...], phase: float, length: float) -> bool:
    """Whether a stroke dashed so (d's array and phase) paints all of a subpath this long
    from its start: no dashes (or only zeros: viewers draw it solid), gaps of nothing, or
    the dash the phase falls in, with those after it across gaps of nothing, as long as it."""
    pattern = dashes * 2 if len(dashes) % 2 else dashes
    if not pattern or all(v <= 0 for v in dashes):
        return True
    if any(v < 0 for v in pattern) or not all(math.isfinite(v) for v in (*pattern, phase)):
        return False  # no dash array a viewer agrees on
    if all(v == 0 for v in pattern[1::2]):
        return True
    at, k = phase % sum(pattern), 0
    while at >= pattern[k]:  # the phase's place in the pattern
        at, k = at - pattern[k], (k + 1) % len(pattern)
    if k % 2:
        return False  # it starts in a gap
    reach = pattern[k] - at
    for step in range(1, len(pattern)):
        if reach >= length:
            break
        n = (k + step) % len(pattern)
        if n % 2 and pattern[n] > 0:
            break  # a gap
        reach += pattern[n]
    return reach >= length


def _join(point: tuple[float, float], before: tuple[float, float] | None,
          after: tuple[float, float] | None, limit: float) -> float:
    """How far, in half line widths, a stroke may paint from a vertex: a cap's or a round
    join's one; a miter's 1/sin(θ/2) at an angle θ, up to its limit."""
    if before is None or after is None:
        return 1.0
    ax, ay, bx, by = before[0] - point[0], before[1] - point[1], \
        after[0] - point[0], after[1] - point[1]
    norms = math.hypot(ax, ay) * math.hypot(bx, by)
    if norms == 0:
        return limit
    sine = math.sqrt(max(0.0, (1 - (ax * bx + ay * by) / norms) / 2))
    return min(limit, 1 / sine) if sine > 0 else limit


def _clockwise(polygon: tuple[tuple[float, float], ...]) -> tuple[tuple[float, float], ...]:
    """A polygon turned one way (by its signed area), so that a union of them fills every
    point any holds under the nonzero rule."""
    area = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1)
               in zip(polygon, polygon[1:] + polygon[:1], strict=True))
    return polygon[::-1] if area > 0 else polygon


class Walk:
    """One page's (or one appearance's) walk: the indexes of its operators that show text a
    reader does not see, in `undrawn` once `stream` has run; and, in `partly`, for an operator
    of the page's own of which a cover hides some glyphs only, those glyphs' numbers."""

    def __init__(self, reader, box: Box = EVERYWHERE) -> None:
        self.reader, self.box = reader, box
        # areas painted in a colour not white, white text's ground: (box, regions in which)
        self.painted: list[tuple[Box, tuple]] = []
        # every opaque paint in order, with its colour (None: not known, an image, a
        # shading): the last under a glyph is its ground, on which text alike it is not seen
        self.grounds: list[tuple[Box, tuple, RGB | None]] = []
        self.shown: list[Shown] = []  # glyphs seen so far, which a later opaque paint may cover
        self.undrawn: set[int] = set()
        self.covered: dict[int, set[int]] = {}  # glyphs covered, by operator
        self.glyphs: dict[int, int] = {}  # how many glyphs each operator of the page's shows
        # where each of those glyphs lies in the operator: (string's place, start, end)
        self.slices: dict[int, list[tuple[int, int, int]]] = {}
        # the text and line matrices each of them is shown at (a `'` or `"` after its move)
        # and where each glyph starts along the line
        self.placed: dict[int, tuple[Matrix, Matrix, list[float]]] = {}
        # whether the page's text is drawn in the order a reader reads it (each piece right
        # of the one before on its line, or on a line below): then a reading by place gives
        # nothing a reading in the stream's order does not (review.inputs.pdfcontent)
        self.in_order = True
        self._last: tuple[float, float, float] | None = None  # y, right end, height
        self._parsed: dict[int, list] = {}  # each form's operations, parsed once
        self._widths: dict[int, tuple[dict, Callable[[bytes], float]]] = {}  # by font, once
        self._off = _hidden_layers(reader)

    @property
    def partly(self) -> dict[int, set[int]]:
        return {i: glyphs for i, glyphs in self.covered.items() if i not in self.undrawn}

    def stream(self, operations: list, resources: object, g: Graphics, depth: int = 0,
               painting: int | None = None, off: bool = False) -> None:
        resources = _dict(resources)
        xobjects, states = _dict(resources.get("/XObject")), _dict(resources.get("/ExtGState"))
        spaces, fonts = _dict(resources.get("/ColorSpace")), _dict(resources.get("/Font"))
        properties = _dict(resources.get("/Properties"))
        saved: list[Graphics] = []
        marked: list[bool] = []  # marked content open: whether each is in a layer turned off
        tm = tlm = IDENTITY
        subpaths: list[list[tuple[float, float]]] = []
        lines: list[list[tuple[float, float]]] = []  # the subpaths as stroked, curves flattened
        closed: set[int] = set()  # the numbers of those closed (h, re, s, b)
        clipping, wide, width = None, False, _widths({})
        for index, (operands, op) in enumerate(operations):
            at = index if painting is None else painting
            hidden = off or any(marked)
            if op == b"q":
                saved.append(g)
            elif op == b"Q":
                g = saved.pop() if saved else g
            elif op in (b"BDC", b"BMC"):
                marked.append(op == b"BDC" and len(operands) == 2 and operands[0] == "/OC" and
                              self._layer_off(properties.get(operands[1], operands[1])))
            elif op == b"EMC":
                marked = marked[:-1]
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
            elif op == b"T*":
                tm = tlm = multiply((1, 0, 0, 1, 0, -g.leading), tlm)
            elif op == b"TL" and (m := numbers(operands, 1)):
                g = replace(g, leading=m[0])
            elif op == b"Tz" and (m := numbers(operands, 1)):
                g = replace(g, scaling=m[0])
            elif op == b"Ts" and (m := numbers(operands, 1)):
                g = replace(g, rise=m[0])
            elif op == b"Tc" and (m := numbers(operands, 1)):
                g = replace(g, spacing=m[0])
            elif op == b"Tw" and (m := numbers(operands, 1)):
                g = replace(g, words=m[0])
            elif op == b"Tf" and len(operands) == 2 and (m := numbers(operands[1:])):
                font = _dict(fonts.get(operands[0]))
                g, wide = replace(g, size=m[0]), font.get("/Subtype") == "/Type0"
                if id(font) not in self._widths:  # the font kept: its id is not reused
                    self._widths[id(font)] = (font, _widths(font))
                width = self._widths[id(font)][1]
            elif op == b"Tr" and (m := numbers(operands[:1], 1)):
                g = replace(g, mode=int(m[0]))
            elif op in (b"g", b"rg", b"k", b"G", b"RG", b"K"):
                space = {b"g": "/DeviceGray", b"rg": "/DeviceRGB",
                         b"k": "/DeviceCMYK"}[op.lower()]
                # too many operands: viewers (pdfium, pdf.js) take the last ones, as these
                # operators take a fixed number (red-team pass 55)
                operands = operands[-_DEVICE[space]:]
                g = self._colour(g, op.islower(), space, lightness(space, operands),
                                 rgb(space, operands))
            elif op in (b"cs", b"CS") and operands:
                space = _resolved(spaces.get(operands[0], operands[0]))
                kind = space[0] if isinstance(space, list) and space else space
                start = initial(space)  # black, index 0, or full tint
                g = self._colour(g, op == b"cs", space,
                                 None if kind == "/Pattern" else lightness(space, start) or 0.0,
                                 rgb(space, start))
            elif op in (b"sc", b"scn", b"SC", b"SCN"):
                filled = op.islower()
                space = g.fill_space if filled else g.stroke_space
                g = self._colour(g, filled, space, lightness(space, operands),
                                 rgb(space, operands, first=True))
            elif op == b"gs" and operands:
                g = self._state(g, _dict(states.get(operands[0])))
            elif op == b"w" and (m := numbers(operands, 1)):
                g = replace(g, line_width=m[0])
            elif op == b"M" and (m := numbers(operands, 1)):
                g = replace(g, miter=max(1.0, m[0]))
            elif op == b"d" and operands and isinstance(operands[0], list):
                dashes = numbers([_resolved(o) for o in operands[0]]) or []
                phase = numbers(operands[1:2], 1) if len(operands) > 1 else None
                g = replace(g, dashes=tuple(dashes), phase=phase[0] if phase else 0.0)
            elif op == b"m" and (m := numbers(operands, 2)):
                subpaths.append([(m[0], m[1])])
                lines.append([(m[0], m[1])])
            elif op in (b"l", b"c", b"v", b"y") and (m := numbers(operands)):
                if not subpaths:
                    subpaths.append([])
                subpaths[-1] += list(zip(m[::2], m[1::2], strict=False))
                _extend(lines, op, list(zip(m[::2], m[1::2], strict=False)))
            elif op == b"h" and lines and lines[-1]:
                closed.add(len(lines) - 1)
                lines.append([lines[-1][0]])  # a segment after it starts a new subpath there
            elif op == b"re" and (m := numbers(operands, 4)):
                x, y, w, h = m
                subpaths += [[(x, y), (x + w, y), (x + w, y + h), (x, y + h)], [(x, y)]]
                closed.add(len(lines))
                lines += [[(x, y), (x + w, y), (x + w, y + h), (x, y + h)], [(x, y)]]
            elif op in (b"W", b"W*"):
                clipping = op == b"W*"
            elif op in _PATH_ENDS:
                points = [point for subpath in subpaths for point in subpath]
                if points:
                    xs, ys = [x for x, _ in points], [y for _, y in points]
                    area = box_of(g.ctm, min(xs), min(ys), max(xs), max(ys))
                    region: Region = (tuple(tuple(_point(g.ctm, x, y) for x, y in subpath)
                                            for subpath in subpaths if len(subpath) > 2),
                                      op.endswith(b"*"))
                    if op in _PAINTS and not hidden and not _no_ink(g.fill_space):
                        self._paint(_meet(area, g.clip), g, at, g.fill, covers=True,
                                    region=region, colour=g.fill_rgb)
                    if op in _STROKES and not hidden:  # painted over the fill
                        if op in _CLOSING and lines:
                            closed.add(len(lines) - 1)
                        self._stroke(lines, closed, g, at)
                    if clipping is not None:
                        g = replace(g, clip=_meet(g.clip, area),
                                    clips=(*g.clips, (region[0], clipping)))
                subpaths, lines, closed, clipping = [], [], set(), None
            elif op == b"sh" and not hidden:  # a shading fills the clip: a ground, no colour
                self._paint(g.clip, g, at, None, covers=False)
            elif op == b"INLINE IMAGE" and not hidden:
                settings = _dict(operands.get("settings") if isinstance(operands, dict) else {})
                stencil = _true(settings.get("/IM", settings.get("/ImageMask")))
                self._paint(_meet(box_of(g.ctm, 0, 0, 1, 1), g.clip), g, at, None,
                            covers=not stencil)
            elif op == b"Do" and operands:
                self._painted(_resolved(xobjects.get(operands[0])), resources, g, depth, at,
                              hidden)
            elif op in SHOWING and operands:
                if op in (b"'", b'"'):  # to the next line, then shown as Tj shows
                    if op == b'"' and (m := numbers(operands[:2], 2)):
                        g = replace(g, words=m[0], spacing=m[1])
                    tm = tlm = multiply((1, 0, 0, 1, 0, -g.leading), tlm)
                if not shows(operands[-1]):
                    continue
                cells = _glyphs(operands, g, wide, width)
                if painting is None:
                    self.placed[at] = (tm, tlm, [start for start, _ in cells])
                    self._follow(multiply(tm, g.ctm), cells, g)
                    strings = operands[-1] if isinstance(operands[-1], list) else [operands[-1]]
                    self.slices[at] = [(k, start, end) for k, o in enumerate(strings)
                                       if isinstance(o, bytes | str)
                                       for start, end in glyph_bytes(o, wide)]
                if hidden:
                    self.undrawn.add(at)
                else:
                    self._text(g, multiply(tm, g.ctm), at, cells, whole=painting is not None)
                tm = multiply((1, 0, 0, 1, cells[-1][1] if cells else 0.0, 0), tm)

    def _layer_off(self, group: object) -> bool:
        """Whether an optional content group (a layer) or membership dictionary is hidden in
        the document's default configuration."""
        group = _resolved(group)
        if not isinstance(group, dict):
            return False
        if group.get("/Type") == "/OCMD":
            members = _resolved(group.get("/OCGs"))
            members = members if isinstance(members, list) else [members]
            offs = [id(_resolved(m)) in self._off for m in members if m is not None]
            policy = group.get("/P", "/AnyOn")
            if not offs:
                return False
            return {"/AllOn": any(offs), "/AnyOff": not any(offs),
                    "/AllOff": not all(offs)}.get(policy, all(offs))
        return id(group) in self._off

    @staticmethod
    def _colour(g: Graphics, filled: bool, space: object, light: float | None,
                colour: RGB | None) -> Graphics:
        if filled:
            return replace(g, fill=light, fill_space=space or g.fill_space, fill_rgb=colour)
        return replace(g, stroke=light, stroke_space=space or g.stroke_space,
                       stroke_rgb=colour)

    @staticmethod
    def _state(g: Graphics, state: dict) -> Graphics:
        """An ExtGState's opacities, and whether what is painted may let the page through: a
        soft mask, or a blend mode (a seal's image multiplied over the text it stamps)."""
        alpha = numbers([_resolved(state.get("/ca"))], 1) if "/ca" in state else None
        stroke = numbers([_resolved(state.get("/CA"))], 1) if "/CA" in state else None
        masked = g.masked
        if "/SMask" in state:
            masked = _resolved(state.get("/SMask")) != "/None"
        if "/BM" in state:
            blend = _resolved(state.get("/BM"))
            blend = blend[0] if isinstance(blend, list) and blend else blend
            masked = masked or blend not in ("/Normal", "/Compatible")
        return replace(g, alpha=alpha[0] if alpha else g.alpha,
                       stroke_alpha=stroke[0] if stroke else g.stroke_alpha, masked=masked)

    def _in_clip(self, g: Graphics, point: tuple[float, float]) -> bool:
        return _inside(g.clip, point) and all(within(r, point) for r in g.clips)

    def _follow(self, placed: Matrix, cells: list[tuple[float, float]], g: Graphics) -> None:
        if not self.in_order:
            return
        a, b, c, d = placed[:4]
        if abs(b) > 1e-6 or abs(c) > 1e-6 or a <= 0 or d <= 0 or not cells:
            self.in_order = False  # turned or mirrored: left to the reading by place
            return
        y, height = _point(placed, 0, g.rise)[1], max(abs(g.size * d), 1.0)
        for start, end in cells:  # a TJ's numbers may move a glyph back before another
            left, right = _point(placed, start, 0)[0], _point(placed, end, 0)[0]
            if self._last is not None:
                last_y, last_right, last_height = self._last
                same_line = abs(y - last_y) <= max(height, last_height) / 2
                if same_line and left < last_right - height / 2 or \
                        not same_line and y > last_y:
                    self.in_order = False
                    return
            self._last = (y, right, height)

    def _text(self, g: Graphics, placed: Matrix, at: int, cells: list[tuple[float, float]],
              whole: bool) -> None:
        trm = multiply((g.size * g.scaling / 100, 0, 0, g.size, 0, g.rise), placed)
        filled, stroked = g.mode in _FILLED, g.mode in _STROKED
        colours = [c for c, used in ((g.fill, filled), (g.stroke, stroked)) if used]
        white = all(c is not None and c >= WHITE for c in colours)
        inks = [c for c, used in ((g.fill_rgb, filled), (g.stroke_rgb, stroked)) if used]
        faint = (not filled or g.alpha < FAINT or _no_ink(g.fill_space)) and \
            (not stroked or g.stroke_alpha < FAINT or _no_ink(g.stroke_space))
        if g.mode not in _DRAWING or faint or \
                min(math.hypot(trm[0], trm[1]), math.hypot(trm[2], trm[3])) < TINY:
            self.undrawn.add(at)
            return

        def unseen(point: tuple[float, float], cell: tuple = ()) -> bool:
            # off the page, clipped, white, or on a ground of its colour at its centre and
            # over most of its cell: a line of its colour through its middle (three of the
            # nine points) hides nothing, while a box of its colour leaving a sliver of the
            # glyph out (an edge column) hides it as a whole one does — a reader makes out no
            # character there, and the check must not read one (出售甲冰毒 for 出售■冰毒)
            return not _inside(self.box, point) or not self._in_clip(g, point) or white and \
                not any(_inside(area, point) and all(within(r, point) for r in regions)
                        for area, regions in self.painted) or \
                on_its_colour(point) and \
                2 * sum(map(on_its_colour, cell or (point,))) > len(cell or (point,))

        def on_its_colour(point: tuple[float, float]) -> bool:
            # drawn on a ground of its own colour, black on a black box painted before it
            # (red-team pass 49 P1): the last opaque paint under it says — at points all
            # over the glyph's cell, as a cover must hold them: a line of its colour through
            # its middle (a strikethrough drawn first, a wide stroke) hides no glyph
            ground = next((colour for area, regions, colour in reversed(self.grounds)
                           if _inside(area, point) and all(within(r, point) for r in regions)),
                          None)
            return ground is not None and bool(inks) and \
                all(ink is not None and _alike(ink, ground) for ink in inks)

        def cell_of(x0: float, x1: float) -> tuple[tuple[float, float], ...]:
            return tuple(_point(placed, x0 + (x1 - x0) * fx, g.rise + g.size * fy)
                         for fx in (0.1, 0.5, 0.9) for fy in (0.0, 0.35, 0.7))

        # each glyph's cell where its estimated advance puts it (at most _SAMPLES of them,
        # spread over the operator): a glyph whose centre is unseen is hidden, and a cover
        # must hold points all over one glyph's cell
        step = max(1, math.ceil(len(cells) / _SAMPLES))
        whole = whole or step > 1
        # a form's, or a long one's: judged by its first glyph's centre
        if whole and unseen(_point(trm, 0.5, 0.3),
                            tuple(_point(trm, fx, fy) for fx in (0.1, 0.5, 0.9)
                                  for fy in (0.0, 0.35, 0.7))):
            self.undrawn.add(at)
            return
        hidden = set() if whole else \
            {i for i, (x0, x1) in enumerate(cells)
             if unseen(_point(placed, (x0 + x1) / 2, g.rise + 0.3 * g.size), cell_of(x0, x1))}
        if cells and len(hidden) == len(cells):
            self.undrawn.add(at)
            return
        if not whole:
            self.glyphs[at] = len(cells)
            if hidden:
                self.covered.setdefault(at, set()).update(hidden)
        for i in range(0, len(cells), step):
            if i in hidden:
                continue
            self.shown.append(Shown(at, -1 if whole else i, cell_of(*cells[i])))

    def _paint(self, area: Box, g: Graphics, at: int, light: float | None,
               covers: bool, region: Region | None = None, colour: RGB | None = None) -> None:
        if area[0] > area[2] or area[1] > area[3] or g.alpha < FAINT:
            return  # clipped away, or not seen
        regions = (*g.clips, region) if region else g.clips
        if light is None or light < WHITE:
            self.painted.append((area, regions))
        if g.alpha >= 0.99 and not g.masked:
            self.grounds.append((area, regions, colour))
        if covers and g.alpha >= 0.99 and not g.masked:
            for seen in self.shown:
                if seen.index != at and seen.index not in self.undrawn and \
                        all(_inside(area, p) and all(within(r, p) for r in regions)
                            for p in seen.points):
                    if seen.glyph < 0:
                        self.undrawn.add(seen.index)
                        continue
                    covered = self.covered.setdefault(seen.index, set())
                    covered.add(seen.glyph)
                    if len(covered) >= self.glyphs.get(seen.index, 0):
                        self.undrawn.add(seen.index)

    def _stroke(self, lines: list[list[tuple[float, float]]], closed: set[int], g: Graphics,
                at: int) -> None:
        """A stroked path as a ground (red-team pass 55: text on a wide line of its colour):
        the band along each segment, as wide as the line, in the stroke's colour (not known
        where dashed), which covers what it holds; around each vertex, where a cap or a
        join may paint (a miter as far as its limit lets it), a ground not known."""
        half = g.line_width / 2
        if _no_ink(g.stroke_space):
            return
        a, b, c, d = g.ctm[:4]
        total, determinant = a * a + b * b + c * c + d * d, a * d - b * c
        narrowest = math.sqrt(max(0.0, (total - math.sqrt(max(0.0, total * total - 4 *
                                                                 determinant ** 2))) / 2))
        if 2 * half * narrowest < TINY:
            return  # a line too thin to hold a glyph's cell (a border, a rule): no ground
        bands, dashed, corners = [], [], []
        for number, line in enumerate(lines):
            points = [p for k, p in enumerate(line) if k == 0 or p != line[k - 1]]
            shut = number in closed and len(points) > 2
            if shut and points[-1] == points[0]:
                points = points[:-1]
            ends = list(zip(points, points[1:], strict=False)) + (
                [(points[-1], points[0])] if shut else [])
            # a dash as long as the subpath (or gaps of nothing) paints it whole (red-team
            # pass 57 P1: `[1000 1] 0 d`, `[5 0] 0 d`); other dashes: which parts, not known
            length = sum(math.hypot(b[0] - a[0], b[1] - a[1]) for a, b in ends)
            (bands if _dash_holds(g.dashes, g.phase, length) else dashed).extend(
                _band(a, b, half) for a, b in ends)
            for k, point in enumerate(points):
                before = points[k - 1] if k or shut else None
                after = points[(k + 1) % len(points)] if k + 1 < len(points) or shut else None
                reach = half * _join(point, before, after, g.miter)
                x, y = point
                corners.append(((x - reach, y - reach), (x + reach, y - reach),
                                (x + reach, y + reach), (x - reach, y + reach)))
        stroked = replace(g, alpha=g.stroke_alpha)
        for polygons, colour, covers in ((corners, None, False), (dashed, None, False),
                                         (bands, g.stroke_rgb, True)):
            placed = tuple(_clockwise(tuple(_point(g.ctm, x, y) for x, y in polygon))
                           for polygon in polygons)
            if not placed:
                continue
            xs = [x for polygon in placed for x, _ in polygon]
            ys = [y for polygon in placed for _, y in polygon]
            self._paint(_meet((min(xs), min(ys), max(xs), max(ys)), g.clip), stroked, at,
                        g.stroke, covers=covers, region=(placed, False), colour=colour)

    def _painted(self, xobject: object, resources: dict, g: Graphics, depth: int,
                 at: int, hidden: bool) -> None:
        """A `Do`: an image paints its unit square; a form is walked in the painter's state,
        under its own matrix and inside its bounding box. One in a layer turned off paints
        nothing, and its text is undrawn."""
        from pypdf.generic import ContentStream

        if not hasattr(xobject, "get_data"):
            return
        hidden = hidden or ("/OC" in xobject and self._layer_off(xobject.get("/OC")))
        if xobject.get("/Subtype") == "/Image":
            stencil = _true(xobject.get("/ImageMask"))
            see_through = "/SMask" in xobject or "/Mask" in xobject
            if not hidden:
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
                    depth + 1, at, hidden)


def _hidden_layers(reader) -> set[int]:
    """The optional content groups (layers) the document's default configuration turns off,
    by id: those its /OFF names, or all but its /ON with /BaseState /OFF."""
    try:
        properties = _dict(_dict(reader.trailer["/Root"]).get("/OCProperties"))
    except (KeyError, TypeError, AttributeError):
        return set()
    config = _dict(properties.get("/D"))
    groups = _resolved(properties.get("/OCGs"))
    groups = [_resolved(o) for o in groups] if isinstance(groups, list) else []

    def named(key: str) -> list:
        value = _resolved(config.get(key))
        return [_resolved(o) for o in value] if isinstance(value, list) else []

    if config.get("/BaseState") == "/OFF":
        on = {id(o) for o in named("/ON")}
        return {id(o) for o in groups if id(o) not in on}
    return {id(o) for o in named("/OFF")}
