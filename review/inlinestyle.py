"""Whether an element's own `style` attribute leaves its text unseen, read as a browser reads
it: declarations parsed with tinycss2 (escapes and comments decoded), the last of a property
winning unless an earlier one is `!important`, numbers compared as numbers (`0`, `.0`, `0e0`,
`0px`). Used by review.parted, for the `hidden` attribute and the style attribute alike.

Hiding: `display: none`; `visibility: hidden | collapse`; `content-visibility: hidden`;
`opacity: 0` (or `filter: opacity(0)`); a font size of zero (`font-size`, or the `font`
shorthand); a transparent text colour (`color`, `-webkit-text-fill-color`: `transparent`, or
an alpha of zero); `transform: scale(0)`; a width or height of zero only where what overflows
is cut (`overflow: hidden | clip`) — without that, text overflows its box and is seen."""

from __future__ import annotations

import re

_SIZES = ("width", "height", "max-width", "max-height")
_CUT = {"hidden", "clip"}
_HEX_CLEAR = re.compile(r"^(?:[0-9a-f]{3}0|[0-9a-f]{6}00)$", re.IGNORECASE)


def declared(style: str) -> dict[str, list]:
    """The effective declarations of a style attribute: property → value tokens."""
    import tinycss2

    out: dict[str, tuple[bool, list]] = {}
    for item in tinycss2.parse_blocks_contents(style, skip_comments=True, skip_whitespace=True):
        if item.type != "declaration":
            continue
        name = item.lower_name
        if name in out and out[name][0] and not item.important:
            continue  # an earlier `!important` stands
        out[name] = (item.important, [t for t in item.value
                                      if t.type not in ("whitespace", "comment")])
    return {name: value for name, (_, value) in out.items()}


def hides(style: str, hidden_attribute: bool = False) -> bool:
    """Whether `style` (with the `hidden` attribute, which any `display` but none undoes)
    leaves the element's text unseen."""
    values = declared(style) if style.strip() else {}
    display = _ident(values.get("display"))
    if display == "none" or (hidden_attribute and display is None):
        return True
    if _ident(values.get("visibility")) in ("hidden", "collapse") or \
            _ident(values.get("content-visibility")) == "hidden":
        return True
    if _zero(values.get("opacity")) or _zero(values.get("font-size")) or \
            _font_zero(values.get("font")):
        return True
    if any(_clear(values.get(name)) for name in ("color", "-webkit-text-fill-color")):
        return True
    if _function_zero(values.get("filter"), "opacity") or \
            _function_zero(values.get("transform"), "scale"):
        return True
    cut = {_ident(values.get(name)) for name in ("overflow", "overflow-x", "overflow-y")}
    return bool(cut & _CUT) and any(_zero(values.get(name)) for name in _SIZES)


def _ident(tokens: list | None) -> str | None:
    if tokens and len(tokens) == 1 and tokens[0].type == "ident":
        return tokens[0].lower_value
    return None


def _zero(tokens: list | None) -> bool:
    return bool(tokens) and len(tokens) == 1 and _is_zero(tokens[0])


def _is_zero(token) -> bool:
    return token.type in ("number", "dimension", "percentage") and token.value == 0


def _font_zero(tokens: list | None) -> bool:
    """`font: 0/0 a` and the like: the size is the size before `/` or the family."""
    sizes = [t for t in tokens or () if t.type in ("number", "dimension", "percentage")]
    slash = next((n for n, t in enumerate(tokens or ()) if t.type == "literal"
                  and t.value == "/"), None)
    if slash is not None and slash > 0:
        return _is_zero(tokens[slash - 1])
    return bool(sizes) and _is_zero(sizes[-1]) and tokens[-1].type in ("ident", "string")


def _clear(tokens: list | None) -> bool:
    if not tokens or len(tokens) != 1:
        return False
    token = tokens[0]
    if token.type == "ident":
        return token.lower_value == "transparent"
    if token.type == "hash":
        return bool(_HEX_CLEAR.match(token.value))
    if token.type == "function" and token.lower_name in ("rgba", "hsla", "rgb", "hsl"):
        numbers = [t for t in token.arguments if t.type in ("number", "percentage",
                                                             "dimension")]
        return len(numbers) == 4 and numbers[3].value == 0
    return False


def _function_zero(tokens: list | None, name: str) -> bool:
    for token in tokens or ():
        if token.type == "function" and token.lower_name == name:
            numbers = [t for t in token.arguments if t.type in ("number", "percentage")]
            if numbers and all(t.value == 0 for t in numbers):
                return True
    return False
