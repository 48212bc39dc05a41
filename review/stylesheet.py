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
# ::marker, a string marker, the marks `open-quote` and `close-quote` draw).
_DRAWN = frozenset({"content", "list-style-type", "list-style", "quotes"})
# Inside these functions a string is a resource's address, not text shown.
_ADDRESSES = frozenset({"url", "src", "image", "image-set", "-webkit-image-set", "format",
                        "local"})
# At-rules whose every string is drawn: @counter-style's symbols, additive-symbols, prefix,
# suffix, pad and negative.
_DRAWING_RULES = frozenset({"counter-style"})
# (property, value) pairs that reorder the characters a reader sees — or the pieces of text:
# a flex or grid container laid out in reverse shows its items last first.
_REORDERING = {("direction", "rtl"), ("unicode-bidi", "bidi-override"),
               ("unicode-bidi", "isolate-override"), ("flex-direction", "row-reverse"),
               ("flex-direction", "column-reverse"), ("flex-flow", "row-reverse"),
               ("flex-flow", "column-reverse"), ("-webkit-box-direction", "reverse"),
               ("box-direction", "reverse"), ("-webkit-flex-direction", "row-reverse"),
               ("-webkit-flex-direction", "column-reverse")}
# Properties with which an item takes another place than the file gives it (`order: -1`, a
# grid cell named): any value but the file's own order moves text.
_PLACING = frozenset({"order", "-webkit-order", "-webkit-box-ordinal-group", "grid-area",
                      "grid-row", "grid-column", "grid-row-start", "grid-row-end",
                      "grid-column-start", "grid-column-end"})
_IN_PLACE = frozenset({"auto", "initial", "inherit", "unset", "revert", "revert-layer"})
_MATTERS = re.compile(r"content|list-style|quotes|counter-style|direction|unicode-bidi|--|\\|"
                      r"@import|reverse|\border\s*:|ordinal-group|grid-(?:area|row|column)",
                      re.IGNORECASE)


@dataclass
class Drawn:
    """What a piece of CSS draws and reorders, as offsets into the CSS text given."""

    strings: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, value)
    reordering: tuple[int, str] | None = None  # the first: (offset, "direction: rtl")
    # style sheets a `data:` address of `@import` holds: (start, end, the address)
    imports: list[tuple[int, int, str]] = field(default_factory=list)


def drawn(css: str) -> Drawn:
    """The non-blank strings `css` (a style sheet or a style attribute's declarations) draws,
    each with the span of its literal in `css`, and the first declaration that reorders
    text."""
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
    _walk(tokens, False, normal, offset, out)
    if to_original is not None:  # ends were found in the normal text
        out.strings = [(start, _literal_end(css, start), value)
                       for start, _, value in out.strings]
    return out


def _may_matter(css: str) -> bool:
    return _MATTERS.search(css) is not None


def _walk(tokens: list, drawing: bool, css: str, offset, out: Drawn) -> None:
    """Strings in a list of component values: drawn while `drawing` (inside a drawing rule or
    function), or when they follow `property:` of a drawn property up to the next `;`."""
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
            elif (drawing or _draws(declared)) and token.value.strip():
                start = offset(token)
                out.strings.append((start, _literal_end(css, start), token.value))
        elif isinstance(token, ast.URLToken):
            if at_rule == "import" and token.value.strip().lower().startswith("data:"):
                start = offset(token)
                out.imports.append((start, start + len(token.serialize()), token.value))
        elif isinstance(token, ast.FunctionBlock):
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
                _walk(token.arguments, drawing or _draws(declared), css, offset, out)
        elif isinstance(token, ast.CurlyBracketsBlock):
            # a rule's declarations (or nested rules): a new list, drawn inside @counter-style
            _walk(token.content, drawing or at_rule in _DRAWING_RULES, css, offset, out)
            declared, at_rule = None, None
        elif isinstance(token, ast.ParenthesesBlock):
            # (…) of @supports or @media holds declarations; [attr="x"] selects, draws nothing
            _walk(token.content, drawing, css, offset, out)
        elif isinstance(token, ast.SquareBracketsBlock):
            # a selector's [attr="x"] draws nothing; but text a browser's CSS reads as rules
            # can come out here (an SVG style's `<![CDATA[ … ]]>` read as plain CSS)
            _walk(token.content, drawing, css, offset, out)


def _draws(declared: str | None) -> bool:
    """Whether a property's strings are drawn: a drawn property's, or a custom property's,
    which `content: var(--x)` draws."""
    return declared is not None and (declared in _DRAWN or declared.startswith("--"))


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
