"""The text a page's CSS draws, and the CSS that turns text around.

A style sheet is not only layout: `p::before { content: "…" }`, a string list marker
(`list-style-type: "…"`), the quotation marks `open-quote` draws (`quotes`) and a counter
style's symbols, prefix and suffix are text a reader sees, written where no tag is. They are
read here as CSS reads them — with tinycss2, escapes (`\\672C `, `\\"`) decoded — so that
review.markup can check them as it checks an attribute a reader is shown.

`direction: rtl` and `unicode-bidi: bidi-override` (or `isolate-override`) make a browser
show the characters of a text in another order than they are written, and a flex or grid
layout in reverse or an item placed (`order`, `grid-row` …) shows pieces of text in another
order: the checker, which reads them in file order, would match words no reader sees and miss
those a reader sees. They are found here, and refused by the reader (review.markup).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Properties whose string values a browser draws as text (`content` on ::before/::after and
# ::marker, a string marker, the marks `open-quote` and `close-quote` draw, the string a
# clipped line ends with (`text-overflow`, Firefox), the one drawn at each hyphenation break).
_DRAWN_BEFORE = frozenset({"content", "list-style-type", "list-style", "quotes"})
_DRAWN = _DRAWN_BEFORE | {"text-overflow", "hyphenate-character",
                          "-webkit-hyphenate-character"}
# An emphasis mark given as a string is drawn over every character of its element: one
# character per span spells a phrase above the text, in no order a line of ours can hold.
_EMPHASIS = frozenset({"text-emphasis", "text-emphasis-style", "-webkit-text-emphasis",
                       "-webkit-text-emphasis-style"})
# Inside these functions a string is a resource's address, not text shown.
_ADDRESSES = frozenset({"url", "src", "image", "image-set", "-webkit-image-set", "format",
                        "local"})
# At-rules whose every string is drawn: @counter-style's symbols, additive-symbols, prefix,
# suffix, pad and negative; @property's initial-value, which `content: var(--x)` draws when
# nothing sets --x (its `syntax` string is read too: "*" or "<length>" match no word).
_DRAWING_RULES_BEFORE = frozenset({"counter-style"})
_DRAWING_RULES = _DRAWING_RULES_BEFORE | {"property"}
# (property, value) pairs that reorder the characters a reader sees — or the pieces of text:
# a flex or grid container laid out in reverse shows its items last first.
_REORDERING = {("direction", "rtl"), ("unicode-bidi", "bidi-override"),
               ("unicode-bidi", "isolate-override"), ("flex-direction", "row-reverse"),
               ("flex-direction", "column-reverse"), ("flex-flow", "row-reverse"),
               ("flex-flow", "column-reverse"), ("-webkit-box-direction", "reverse"),
               ("box-direction", "reverse"), ("-webkit-flex-direction", "row-reverse"),
               ("-webkit-flex-direction", "column-reverse"), ("flex-wrap", "wrap-reverse"),
               ("flex-flow", "wrap-reverse"), ("grid-auto-flow", "column"),
               ("grid-auto-flow", "dense")}
# Properties with which an item takes another place than the file gives it (`order: -1`, a
# grid cell named): any value but the file's own order moves text.
# A column alone (`grid-column: 1 / -1`, `span 2`) keeps the file's order: auto-placement
# only moves forward to find it; a row or an area can put an item before earlier ones.
_PLACING = frozenset({"order", "-webkit-order", "-webkit-box-ordinal-group", "grid-area",
                      "grid-row", "grid-row-start", "grid-row-end"})
_IN_PLACE = frozenset({"auto", "initial", "inherit", "unset", "revert", "revert-layer",
                       "span"})
_MATTERS = re.compile(r"content|list-style|quotes|counter-style|direction|unicode-bidi|--|\\|"
                      r"@import|text-overflow|hyphenate|emphasis|@property|data:|reverse|"
                      r"\border\s*:|ordinal-group|grid-(?:area|row|auto-flow)", re.IGNORECASE)


@dataclass
class Drawn:
    """What a piece of CSS draws and reorders, as offsets into the CSS text given."""

    strings: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, value)
    reordering: tuple[int, str] | None = None  # the first: (offset, "direction: rtl")
    # style sheets a `data:` address of `@import` holds: (start, end, the address)
    imports: list[tuple[int, int, str]] = field(default_factory=list)
    # SVG images shown from a `data:` address (a background, a marker): (start, end, address)
    images: list[tuple[int, int, str]] = field(default_factory=list)
    font: int | None = None  # where the first @font-face with a data: source is
    # the first string drawn where no line of text can hold it: (offset, the declaration)
    unplaced: tuple[int, str] | None = None


@dataclass(frozen=True)
class _Reading:
    drawn: frozenset[str]
    rules: frozenset[str]


def drawn(css: str, latest: bool = True) -> Drawn:
    """The non-blank strings `css` (a style sheet or a style attribute's declarations) draws,
    each with the span of its literal in `css`, and the first declaration that reorders
    text. latest=False: the strings read before the twenty-second red-team pass (a rejection
    signed then names the text read so)."""
    out = Drawn()
    if not _may_matter(css):
        return out  # the common case (colours, sizes) costs no parse
    import tinycss2

    # tinycss2 reads \r\n, \r and \f as \n: its (line, column) index that text
    normal = css.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    lines = [0] + [i + 1 for i, c in enumerate(normal) if c == "\n"]
    to_original = _offset_map(css) if "\r\n" in css else None

    def offset(token: object) -> int:
        at = lines[token.source_line - 1] + token.source_column - 1  # type: ignore[attr-defined]
        return to_original[at] if to_original is not None else at

    tokens = tinycss2.parse_component_value_list(css, skip_comments=True)
    reading = _Reading(_DRAWN, _DRAWING_RULES) if latest else \
        _Reading(_DRAWN_BEFORE, _DRAWING_RULES_BEFORE)
    _walk(tokens, False, normal, offset, out, reading)
    if to_original is not None:  # ends were found in the normal text
        out.strings = [(start, _literal_end(css, start), value)
                       for start, _, value in out.strings]
    return out


def _may_matter(css: str) -> bool:
    return _MATTERS.search(css) is not None


def _walk(tokens: list, drawing: bool, css: str, offset, out: Drawn, reading: _Reading,
          font_face: bool = False) -> None:
    """Strings in a list of component values: drawn while `drawing` (inside a drawing rule or
    function), or when they follow `property:` of a drawn property up to the next `;`.
    font_face: inside an @font-face rule, where a data: address is a font the page brings."""
    from tinycss2 import ast

    declared: str | None = None  # the property whose value the tokens now are
    declared_at = 0
    at_rule: str | None = None
    for i, token in enumerate(tokens):
        if isinstance(token, ast.LiteralToken) and token.value == ";":
            declared, at_rule = None, None
        elif isinstance(token, ast.IdentToken):
            following = _next(tokens, i)
            if isinstance(following, ast.LiteralToken) and following.value == ":":
                declared, declared_at = token.lower_value, offset(token)
            elif declared is not None and out.reordering is None and (
                    (declared, token.lower_value) in _REORDERING
                    or (declared in _PLACING and token.lower_value not in _IN_PLACE)):
                out.reordering = (declared_at, f"{declared}: {token.lower_value}")
        elif isinstance(token, ast.NumberToken) and declared in _PLACING and \
                out.reordering is None and not (declared.endswith("ordinal-group")
                                                and token.value == 1) and \
                (token.value != 0 or not declared.endswith("order")):
            # `order: 0` and `box-ordinal-group: 1` are the file's own order; a number
            # elsewhere (`order: -1`, `grid-row: 1`) places the item
            out.reordering = (declared_at, f"{declared}: {token.representation}")
        elif isinstance(token, ast.AtKeywordToken):
            at_rule, declared = token.lower_value, None
        elif isinstance(token, ast.StringToken):
            if at_rule == "import" and token.value.strip().lower().startswith("data:"):
                start = offset(token)
                out.imports.append((start, _literal_end(css, start), token.value))
            elif font_face and _is_data(token.value):
                out.font = offset(token) if out.font is None else out.font
            elif declared in _EMPHASIS and any(c.isalnum() for c in token.value):
                if out.unplaced is None:  # a mark such as "﹅" or "●" spells nothing
                    out.unplaced = (declared_at, f'{declared}: "…"')
            elif (drawing or _draws(declared, reading)) and token.value.strip():
                start = offset(token)
                out.strings.append((start, _literal_end(css, start), token.value))
        elif isinstance(token, ast.URLToken):
            if at_rule == "import" and token.value.strip().lower().startswith("data:"):
                start = offset(token)
                out.imports.append((start, start + len(token.serialize()), token.value))
            else:
                _address(token, offset(token), offset(token) + len(token.serialize()),
                         font_face, out)
        elif isinstance(token, ast.FunctionBlock):
            if declared in _EMPHASIS and out.unplaced is None and \
                    token.lower_name in ("var", "env", "attr", "if"):
                out.unplaced = (declared_at, f"{declared}: {token.lower_name}(…)")
            if (declared in ("direction", "unicode-bidi", "flex-direction", "flex-flow")
                    or declared in _PLACING) and out.reordering is None and \
                    token.lower_name in ("var", "env", "attr", "if"):
                # a value given elsewhere (`direction: var(--d)`): it can reverse the text,
                # and nothing here says it does not
                out.reordering = (declared_at, f"{declared}: {token.lower_name}(…)")
            if at_rule == "import" and token.lower_name == "url":
                for t in token.arguments:  # `url("…")`: its string is the address
                    if isinstance(t, ast.StringToken) and \
                            t.value.strip().lower().startswith("data:"):
                        start = offset(t)
                        out.imports.append((start, _literal_end(css, start), t.value))
            elif token.lower_name not in _ADDRESSES:
                _walk(token.arguments, drawing or _draws(declared, reading), css, offset, out,
                      reading, font_face)
            else:  # url("…"), image-set("…" 1x), src(…): addresses, maybe of an SVG or font
                _addresses(token.arguments, css, offset, font_face, out)
        elif isinstance(token, ast.CurlyBracketsBlock):
            # a rule's declarations (or nested rules): a new list, drawn inside @counter-style
            _walk(token.content, drawing or at_rule in reading.rules, css, offset, out, reading,
                  font_face or at_rule == "font-face")
            declared, at_rule = None, None
        elif isinstance(token, ast.ParenthesesBlock):
            # (…) of @supports or @media holds declarations; [attr="x"] selects, draws nothing
            _walk(token.content, drawing, css, offset, out, reading, font_face)
        elif isinstance(token, ast.SquareBracketsBlock):
            # a selector's [attr="x"] draws nothing; but text a browser's CSS reads as rules
            # can come out here (an SVG style's `<![CDATA[ … ]]>` read as plain CSS)
            _walk(token.content, drawing, css, offset, out, reading, font_face)


def _is_data(value: str) -> bool:
    return value.strip().lower().startswith("data:")


def _address(token, start: int, end: int, font_face: bool, out: Drawn) -> None:
    """An address (a url token, or a string inside url() or image-set()) at [start, end): in
    @font-face a data: font, elsewhere maybe an SVG image whose text is shown."""
    if font_face and _is_data(token.value):
        out.font = start if out.font is None else out.font
    elif token.value.strip().lower().startswith("data:image/svg"):
        out.images.append((start, end, token.value))


def _addresses(tokens: list, css: str, offset, font_face: bool, out: Drawn) -> None:
    from tinycss2 import ast

    for token in tokens:
        if isinstance(token, ast.StringToken):
            start = offset(token)
            _address(token, start, _literal_end(css, start), font_face, out)
        elif isinstance(token, ast.URLToken):
            start = offset(token)
            _address(token, start, start + len(token.serialize()), font_face, out)
        elif isinstance(token, ast.FunctionBlock):
            _addresses(token.arguments, css, offset, font_face, out)


def _draws(declared: str | None, reading: _Reading) -> bool:
    """Whether a property's strings are drawn: a drawn property's, or a custom property's,
    which `content: var(--x)` draws."""
    return declared is not None and (declared in reading.drawn or declared.startswith("--"))


def _next(tokens: list, i: int) -> object | None:
    from tinycss2 import ast

    for token in tokens[i + 1:]:
        if not isinstance(token, ast.WhitespaceToken):
            return token
    return None


def _literal_end(css: str, start: int) -> int:
    """The end of the string literal opening at css[start] (its quote): past its closing
    quote, or where CSS ends an unclosed one (a line end, the end of the text)."""
    quote = css[start] if start < len(css) else '"'
    i = start + 1
    while i < len(css):
        c = css[i]
        if c == "\\":
            i += 2
            continue
        if c == quote:
            return i + 1
        if c in "\r\n\f":
            return i
        i += 1
    return len(css)


def _offset_map(css: str) -> list[int]:
    """Offsets in `css` of each character of the text tinycss2 reads (\\r\\n read as one)."""
    out: list[int] = []
    i = 0
    while i < len(css):
        out.append(i)
        i += 2 if css.startswith("\r\n", i) else 1
    out.append(len(css))
    return out


_MAY_ADDRESS = re.compile(r"url|image|src|@import|\\", re.IGNORECASE)


def addresses(css: str) -> list[str]:
    """The address of every resource `css` (a style sheet or a style attribute's
    declarations) loads — `url(…)`, the strings of `image-set()` and `src()`, `@import "…"` —
    as CSS reads them, escapes decoded, in the order of the text."""
    if not _MAY_ADDRESS.search(css):
        return []  # the common case (colours, sizes) costs no parse
    import tinycss2
    from tinycss2 import ast

    out: list[str] = []

    def walk(tokens: list, inside: bool, at_rule: str | None = None) -> None:
        for token in tokens:
            if isinstance(token, ast.AtKeywordToken):
                at_rule = token.lower_value
            elif isinstance(token, ast.LiteralToken) and token.value == ";":
                at_rule = None
            elif isinstance(token, ast.URLToken) or (
                    isinstance(token, ast.StringToken) and (inside or at_rule == "import")):
                out.append(token.value)
            elif isinstance(token, ast.FunctionBlock):
                walk(token.arguments, inside or token.lower_name in _ADDRESSES)
            elif isinstance(token, ast.CurlyBracketsBlock | ast.ParenthesesBlock |
                            ast.SquareBracketsBlock):
                walk(token.content, inside)
                at_rule = None

    walk(tinycss2.parse_component_value_list(css, skip_comments=True), False)
    return out
