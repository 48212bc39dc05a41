"""Whether an SVG's text shows its pieces in another order than they are written.

An SVG `<text>` places its characters, or its `<tspan>`s, where their `x` and `dx` say:
`<text x="60 80 0 20">暴政推翻</text>` shows 推翻暴政, and so do two tspans whose `x` put the
second before the first on the same line. Like a flex layout in reverse (review.stylesheet),
such text cannot be checked as written: the page is refused. Text moving on to a new line
(`y` or `dy`, as multi-line SVG text does with `<tspan x="0" dy="1.2em">`) is read in order."""

from __future__ import annotations

import re

_LENGTH = re.compile(r"([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*(px|pt|pc|em|ex|mm|cm|in|%)?",
                     re.IGNORECASE)
# CSS pixels per unit (em and ex at a browser's default size): enough to order positions
_PIXELS = {"": 1.0, "px": 1.0, "pt": 4 / 3, "pc": 16.0, "em": 16.0, "ex": 8.0,
           "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96.0}


def _lengths(value: str | None) -> list[float] | None:
    """An SVG coordinate list in pixels; None when absent, or when a length is relative to
    the picture's size (%), which nothing here knows."""
    if not value or not value.strip():
        return None
    out = []
    for m in _LENGTH.finditer(value):
        unit = (m.group(2) or "").lower()
        if unit == "%":
            return None
        out.append(float(m.group(1)) * _PIXELS[unit])
    return out or None


class Placement:
    """The pieces of text of the SVG being read (its `<text>` elements and their tspans), in
    the order they are written: two `<text>` elements on one line show one line too."""

    def __init__(self) -> None:
        self.x: float | None = None  # where the last piece placed on this line starts
        self.y: float | None = None  # the line's

    def start(self, tag: str, values: dict[str, str | None]) -> str | None:
        """A start tag inside an SVG: what it places out of order (`x="60 80 0 20"`,
        `dx="-40"`, a piece's x before the last one's on its line), or None."""
        if tag == "svg":
            self.x = self.y = None
        if tag not in ("text", "tspan"):
            return None
        xs, dxs = _lengths(values.get("x")), _lengths(values.get("dx"))
        if dxs is not None and any(d < 0 for d in dxs):
            return f'<{tag} dx="{values.get("dx")}">'
        if xs is None:
            return None
        if any(b < a for a, b in zip(xs, xs[1:], strict=False)):
            return f'<{tag} x="{values.get("x")}">'
        ys = _lengths(values.get("y"))
        new_line = (ys is not None and ys[0] != self.y) or \
            any(d != 0 for d in _lengths(values.get("dy")) or [])
        if self.x is not None and not new_line and xs[0] < self.x:
            return f'<{tag} x="{values.get("x")}">'
        self.x = xs[-1]
        if ys is not None:
            self.y = ys[-1]
        return None
