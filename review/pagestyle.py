"""Which elements of a published page its own style sheets may hide or show, for `review
published` (pass 68, N3): a saved page could hide the approved post by a class rule
(`<style>.x{display:none}</style>`) or move it off screen, and show other words where its
reader looks, or show by a rule (`[hidden]{display:block}`) a passage its markup hides.

Only what a browser certainly does would need the cascade and layout; instead each question is
answered to the comparison's safe side. A rule's selector is matched loosely — its subject and
the ancestors its descendant and child combinators name, by tag, class, id and attribute name;
pseudo-classes, attribute values and what a sibling combinator names are taken as matching —
so a rule may match more elements than it does in a browser, never fewer. `hiding` (what the
approved passages are matched against) counts an element hidden when any rule that hides may
match it; `showing` (what is looked through for passages the page adds inside the post)
counts an element its markup hides shown when any rule that shows it may match it.

What hides, besides review.inlinestyle's: an element moved far off screen (a large negative
`left`, `top`, `right`, `bottom`, margin, `text-indent` or translation), clipped to nothing
(`clip: rect(…)` of no area, `clip-path` inset by half or a circle of no radius), a font size
under 4px, an opacity under .05, a scale under .05, a box under 4px wide or high that cuts
what overflows, text in its background's colour. Style sheets read: `<style>` elements and
`data:` style sheets; one the page loads from elsewhere is not read (see pass 68's open
items).

What the sheets draw (`::before`/`::after` `content`, a string marker, `quotes`, a counter
style's symbols, a custom property's strings a `var()` draws) is placed, in the SHOWING
reading, at every element a drawing rule's selector may match (red-team pass 78): words drawn
inside the post are a passage added there, as written ones are, while words drawn in the
site's navigation or footer stay its chrome."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from review.record import NamedTuple

HIDING, SHOWING = "hiding", "showing"
_MODE: ContextVar[str | None] = ContextVar("page_style", default=None)

_STYLE = re.compile(r"<style\b([^>]*)>(.*?)(?:</style\s*>|$)", re.IGNORECASE | re.DOTALL)
_MEDIA = re.compile(r"""\bmedia\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
# at-rules whose blocks hold rules for elements (others hold key frames, a font, a page box)
_GROUPING = {"media", "supports", "layer", "container", "scope", "document", "-moz-document",
             "starting-style"}
_LINK = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_GENERATED = {"before", "after", "marker", "placeholder", "selection", "backdrop",
              "file-selector-button", "spelling-error", "grammar-error", "target-text"}
_OFFSETS = ("left", "right", "top", "bottom", "margin-left", "margin-top", "margin-right",
            "margin-bottom", "margin", "text-indent", "inset", "inset-inline-start",
            "inset-block-start")
_FAR = {"px": 500, "pt": 375, "em": 30, "rem": 30, "ch": 30, "ex": 60, "vw": 100, "vh": 100,
        "vmin": 100, "vmax": 100, "cm": 13, "mm": 130, "in": 5.2, "pc": 31}
_TINY = {"px": 4, "pt": 3, "em": .25, "rem": .25, "ch": .25, "ex": .5, "%": 25, "vw": .25,
         "vh": .25, "mm": 1, "cm": .1, "in": .04}


@contextmanager
def reading(mode: str) -> Iterator[None]:
    """Views made inside weigh the page's style sheets (HIDING or SHOWING, above)."""
    token = _MODE.set(mode)
    try:
        yield
    finally:
        _MODE.reset(token)


def mode() -> str | None:
    return _MODE.get()


class Element(NamedTuple):
    tag: str
    classes: frozenset[str]
    id: str | None
    attributes: frozenset[str]

    @classmethod
    def of(cls, tag: str, values: dict[str, str | None]) -> Element:
        return cls(tag.lower(), frozenset((values.get("class") or "").split()),
                   values.get("id"), frozenset(k.lower() for k in values))


# a compound: (tag or None, classes, ids, attribute names); a selector: compounds from its
# subject leftwards, each with the combinator that joins it to the one on its left
Compound = tuple[str | None, frozenset[str], frozenset[str], frozenset[str]]


class Rule(NamedTuple):
    selectors: tuple[tuple[tuple[Compound, str], ...], ...]
    hides: bool
    shows: bool        # a `display` other than none
    important: bool    # … declared `!important` (it beats a style attribute's display: none)


class Facts(NamedTuple):
    """What a declaration's hiding may depend on beyond itself (red-team pass 76): the
    values the page gives each custom property anywhere (`var(--o)` may take any of them —
    the cascade is not followed), and for each `@keyframes` name whether its first and its
    last frame hide."""

    custom: dict[str, list[str]]
    frames: dict[str, tuple[bool, bool]]


_NO_FACTS = Facts({}, {})


class Drawing(NamedTuple):
    """A rule whose declarations draw words (red-team pass 78): the elements its selectors
    may match (a pseudo-element's selector matched as its element's), and the strings drawn
    there before the element's text and after it. `marker` and `quotes`: the strings of an
    inherited `list-style` or `quotes`, drawn at a list item's marker or where quotation
    marks are drawn, inside the element the rule matches too."""

    selectors: tuple[tuple[tuple[Compound, str], ...], ...]
    before: tuple[str, ...]
    after: tuple[str, ...]
    marker: tuple[str, ...]
    quotes: tuple[str, ...]
    quoting: bool  # its `content` draws `open-quote` or `close-quote`


class Sheets:
    def __init__(self, rules: list[Rule], facts: Facts = _NO_FACTS,
                 drawings: list[Drawing] | None = None) -> None:
        self.rules = rules
        self.facts = facts
        self.drawings = drawings or []

    @classmethod
    def of(cls, page: str) -> Sheets:
        css = [m.group(2) for m in _STYLE.finditer(page) if _on_screen(m.group(1))]
        for link in _LINK.findall(page):
            if "stylesheet" not in link.lower() or not _on_screen(link):
                continue
            href = _HREF.search(link)
            value = next((g for g in href.groups() if g is not None), "") if href else ""
            text = _data_css(value)
            if text is not None:
                css.append(text)
        facts = _facts(page, css)
        rules: list[Rule] = []
        for sheet in css:
            _rules(sheet, rules, facts)
        drawings: list[Drawing] = []
        if any(_WORDY.search(sheet) for sheet in css):
            styles = _counter_styles(css)
            customs = _custom_strings(page, css)
            for sheet in css:
                _drawings(sheet, drawings, customs, styles)
        sheets = cls(rules, facts, drawings)
        if (rules or drawings) and quirks(page):
            sheets.fold()
        return sheets

    quirks = False  # class and id selectors match in any letter case

    def fold(self) -> None:
        """A page in quirks mode (no `<!DOCTYPE html>`, or a legacy one): a browser matches
        its class and id selectors in any ASCII letter case — `.X{display:none}` hides
        `<p class="x">` (red-team pass 78). Both sides are matched lower-cased."""
        self.quirks = True
        self.rules = [r._replace(selectors=_folded(r.selectors)) for r in self.rules]
        self.drawings = [d._replace(selectors=_folded(d.selectors)) for d in self.drawings]

    def element(self, tag: str, values: dict[str, str | None]) -> Element:
        element = Element.of(tag, values)
        if not self.quirks:
            return element
        return element._replace(classes=frozenset(_ascii_lower(c) for c in element.classes),
                                id=None if element.id is None else _ascii_lower(element.id))

    def drawn(self, path: list[Element]) -> tuple[list[str], list[str]]:
        """The words the page's style sheets may draw at the element last of `path` (its
        ancestors before it): before its text (`::before`, a marker, a quotation mark) and
        after it (`::after`), each a string as the sheet spells it."""
        if not self.drawings:
            return [], []
        before: list[str] = []
        after: list[str] = []
        own = [d for d in self.drawings if _matches(d, path)]
        for d in own:
            before += d.before
            after += d.after
        element = path[-1]
        inherited = [d for d in self.drawings if (d.marker or d.quotes) and any(
            _matches(d, path[:k]) for k in range(1, len(path) + 1))]
        if element.tag == "li" or any(d.marker for d in own):
            before += [s for d in inherited for s in d.marker]
        if element.tag == "q" or any(d.quoting for d in own):
            before += [s for d in inherited for s in d.quotes]
        return before, after

    def verdict(self, path: list[Element], values: dict[str, str | None]) -> bool | None:
        """Whether the element (last of `path`, its ancestors before it) is hidden (True) or
        shown (False) by the page's rules as the reading weighs them, or None: as its own
        markup says."""
        from review.inlinestyle import declared, hides

        style = values.get("style") or ""
        if mode() == HIDING:
            hidden = style_hides(style, self.facts) or any(
                r.hides and _matches(r, path) for r in self.rules)
            return True if hidden else None
        showing = [r for r in self.rules if r.shows and _matches(r, path)]
        if not showing or tag_never_shown(path[-1].tag, values):
            return None
        # the markup hides it by its display alone (the hidden attribute, or a display: none
        # a rule's `!important` beats), and a rule may give it another
        kept = hides(style + ";display:block", False) if style.strip() else False
        inline = style.strip() and "display" in declared(style)
        return False if not kept and (not inline or any(r.important for r in showing)) \
            else None


_DOCTYPE = re.compile(r"(?:\ufeff)?(?:\s|<!--.*?-->)*<!doctype\s+([^>]*)>",
                      re.IGNORECASE | re.DOTALL)
_NO_QUIRKS_PUBLIC = ("-//w3c//dtd xhtml 1.0 transitional//", "-//w3c//dtd xhtml 1.0 frameset//",
                     "-//w3c//dtd xhtml 1.0 strict//", "-//w3c//dtd xhtml 1.1//",
                     "-//w3c//dtd html 4.01//", "-//w3c//dtd html 4.0//")
_LIMITED_WITH_SYSTEM = ("-//w3c//dtd html 4.01 transitional//", "-//w3c//dtd html 4.01 frameset//")


def quirks(page: str) -> bool:
    """Whether a browser may read the page in quirks mode: no doctype first (a BOM, white
    space and comments aside), or one other than HTML5's and the strict and XHTML ones.
    Loose: a legacy doctype this does not know counts as quirks (selectors then match in
    more letter cases, never fewer)."""
    m = _DOCTYPE.match(page)
    if m is None:
        return True
    body = " ".join(m.group(1).split()).lower()
    if not (body == "html" or body.startswith("html ")):
        return True
    rest = body[4:].strip()
    if not rest or rest in ('system "about:legacy-compat"', "system 'about:legacy-compat'"):
        return False
    ids = re.findall(r"\"([^\"]*)\"|'([^']*)'", rest)
    public = next((a or b for a, b in ids), "") if rest.startswith("public") else ""
    system = len(ids) > 1
    return not (public.startswith(_NO_QUIRKS_PUBLIC) or
                system and public.startswith(_LIMITED_WITH_SYSTEM))


def _ascii_lower(text: str) -> str:
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _folded(selectors: tuple) -> tuple:
    return tuple(tuple(((tag, frozenset(map(_ascii_lower, classes)),
                         frozenset(map(_ascii_lower, ids)), attrs), combinator)
                       for (tag, classes, ids, attrs), combinator in selector)
                 for selector in selectors)


def tag_never_shown(tag: str, values: dict[str, str | None]) -> bool:
    from review.parted import NEVER_SHOWN

    return tag in NEVER_SHOWN or (tag == "dialog" and "open" not in values)


def style_hides(style: str, facts: Facts = _NO_FACTS) -> bool:
    """What hides besides review.inlinestyle's (the module's docstring), in declarations;
    with the page's `facts`, also by a custom property any of whose values hides, or an
    animation that ends hidden and stays so, or starts hidden for long (red-team pass 76)."""
    if not style.strip():
        return False
    from review.inlinestyle import hides

    # one property's value at a time: a colour and a background taken from two definitions
    # (a dark theme's and a light one's) are no pair a reader is shown
    if facts.custom and "var(" in style.lower() and any(
            hides(other) or _hides(other, facts)
            for other in map(_without_background, _substituted(style, facts))):
        return True
    return _hides(style, facts)


def _hides(style: str, facts: Facts) -> bool:
    from review.inlinestyle import declared

    values = declared(style)
    if facts.frames and _animated_away(values, facts.frames):
        return True
    for name in ("-webkit-text-security", "text-security"):  # every character a bullet
        if any(t.type == "ident" and t.lower_value in ("disc", "circle", "square")
               for t in values.get(name) or ()):
            return True
    for name in _MASKS:
        if _clear_mask(values.get(name)):
            return True
    for name in _OFFSETS:
        if any(_far(t) for t in values.get(name) or ()):
            return True
    for name in ("transform", "translate"):
        for token in values.get(name) or ():
            args = token.arguments if token.type == "function" else [token]
            if token.type == "function" and token.lower_name.startswith("scale"):
                if any(t.type in ("number", "percentage") and abs(
                        t.value / (100 if t.type == "percentage" else 1)) < .05
                        for t in args):
                    return True
            elif any(_far(t) for t in args):
                return True
    size = values.get("font-size") or ()
    if len(size) == 1 and _tiny(size[0]):
        return True
    for name in ("opacity", "zoom"):  # zoom: the box and its text scaled (pass 71)
        value = values.get(name) or ()
        if len(value) == 1 and value[0].type in ("number", "percentage") and \
                value[0].value / (100 if value[0].type == "percentage" else 1) < .05:
            return True
    cut = {t.lower_value for name in ("overflow", "overflow-x", "overflow-y")
           for t in values.get(name) or () if t.type == "ident"}
    if cut & {"hidden", "clip"} and any(
            len(values.get(name) or ()) == 1 and _tiny(values[name][0], box=True)
            for name in ("width", "height", "max-width", "max-height")):
        return True
    color = _serialized(values.get("color"))
    if color and color in (_serialized(values.get("background-color")),
                           _serialized(values.get("background"))):
        return True  # text in its background's colour
    color = _colour(values.get("color"))
    if color is not None and color in (_colour(values.get("background-color")),
                                       _colour(values.get("background"))):
        return True  # the same colour written otherwise: hsl(0 0% 100%) on #fff (pass 71)
    for token in values.get("clip") or ():
        if token.type == "function" and token.lower_name == "rect":
            sides = [t.value for t in token.arguments if t.type in ("number", "dimension")]
            if len(sides) == 4 and (sides[0] >= sides[2] or sides[3] >= sides[1]):
                return True
    for token in values.get("clip-path") or ():
        if token.type == "function" and token.lower_name == "inset":
            if any(t.type == "percentage" and t.value >= 50 for t in token.arguments):
                return True
        elif token.type == "function" and token.lower_name in ("circle", "ellipse"):
            first = next((t for t in token.arguments if t.type not in ("whitespace",
                                                                       "comment")), None)
            if first is not None and first.type in ("number", "dimension", "percentage") \
                    and first.value == 0:
                return True
    return False


_MASKS = ("mask", "mask-image", "-webkit-mask", "-webkit-mask-image", "-webkit-mask-box-image",
          "mask-border", "mask-border-source")
_CUSTOM = re.compile(r"(--[A-Za-z0-9_-]+)\s*:\s*([^;{}<>\"']*)")
_VAR = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)\s*(?:,((?:[^()]|\([^()]*\))*))?\)",
                  re.IGNORECASE)
_MAX_VARIANTS = 64
_LONG = 30.0  # seconds a reader is taken to wait for text to come


def _facts(page: str, css: list[str]) -> Facts:
    """The page's custom property values (in its sheets and its style attributes alike: read
    loosely, wherever `--name: value` is written) and its key frames."""
    if "--" not in page and "keyframes" not in page.lower():
        return _NO_FACTS
    import html

    custom: dict[str, list[str]] = {}
    for text in (page, html.unescape(page), *css):
        for name, value in _CUSTOM.findall(text):
            if value.strip() and value.strip() not in custom.setdefault(name, []):
                custom[name].append(value.strip())
    frames: dict[str, tuple[bool, bool]] = {}
    for sheet in css:
        _keyframes(sheet, Facts(custom, {}), frames)
    return Facts(custom, frames)


def _keyframes(css: str, facts: Facts, out: dict[str, tuple[bool, bool]]) -> None:
    import tinycss2

    from review.inlinestyle import hides

    for item in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if item.type != "at-rule" or item.content is None:
            continue
        if item.lower_at_keyword in _GROUPING:
            _keyframes(tinycss2.serialize(item.content), facts, out)
            continue
        if not item.lower_at_keyword.endswith("keyframes"):  # -webkit-keyframes too
            continue
        name = tinycss2.serialize(item.prelude).strip().strip("\"'")
        first = last = False
        for frame in tinycss2.parse_rule_list(item.content, skip_comments=True,
                                              skip_whitespace=True):
            if frame.type != "qualified-rule":
                continue
            body = tinycss2.serialize(frame.content)
            if not (hides(body) or style_hides(body, facts)):
                continue
            at = {t.lower_value if t.type == "ident" else t.value
                  for t in frame.prelude if t.type in ("ident", "percentage")}
            first = first or bool(at & {"from", 0})
            last = last or bool(at & {"to", 100})
        previous = out.get(name, (False, False))
        out[name] = (previous[0] or first, previous[1] or last)


def _animated_away(values: dict[str, list], frames: dict[str, tuple[bool, bool]]) -> bool:
    """An animation whose last frame hides and whose fill keeps it (`forwards`, `both`), or
    whose first frame hides and which lasts (or waits, filling backwards) half a minute or
    more, or stays paused: the text goes, or never comes in a reader's time."""
    tokens = [*(values.get("animation") or ()), *(values.get("-webkit-animation") or ())]
    names = {t.value for t in tokens if t.type == "ident"} | {
        t.value for name in ("animation-name", "-webkit-animation-name")
        for t in (values.get(name) or ()) if t.type in ("ident", "string")}
    named = [frames[n] for n in names if n in frames]
    if not named:
        return False
    words = {t.lower_value for t in tokens if t.type == "ident"} | {
        t.lower_value for name in ("animation-fill-mode", "animation-play-state",
                                   "-webkit-animation-fill-mode")
        for t in values.get(name) or () if t.type == "ident"}
    times = [_seconds(t) for t in tokens if t.type in ("dimension", "number")] + [
        _seconds(t) for name in ("animation-duration", "animation-delay")
        for t in values.get(name) or () if t.type in ("dimension", "number")]
    lasting = sum(t for t in times if t > 0) >= _LONG
    return any(last and words & {"forwards", "both"} or
               first and (lasting or "paused" in words) for first, last in named)


def _seconds(token) -> float:
    if token.type != "dimension":
        return 0.0
    unit = token.lower_unit
    return token.value if unit == "s" else token.value / 1000 if unit == "ms" else 0.0


def _substituted(style: str, facts: Facts) -> list[str]:
    """`style` with each `var()` replaced by each value the page gives it (or its fallback),
    as many variants as there are ways, up to a bound."""
    out, done = [style], []
    for _ in range(16):
        more = []
        for text in out:
            m = _VAR.search(text)
            if m is None:
                done.append(text)
                continue
            values = facts.custom.get(m.group(1), []) + (
                [m.group(2)] if m.group(2) is not None else [])
            more += [text[:m.start()] + v + text[m.end():] for v in values or ["initial"]]
        out = more[:_MAX_VARIANTS]
        if not out:
            break
    return done[:_MAX_VARIANTS]


_BACKGROUND = re.compile(r"(^|[;{])\s*background(?:-color)?\s*:[^;}]*", re.IGNORECASE)


def _without_background(style: str) -> str:
    return _BACKGROUND.sub(r"\1", style)


def _clear_mask(tokens: list | None) -> bool:
    """A mask image that is a gradient of fully transparent colours alone: nothing shows
    through it."""
    gradients = [t for t in tokens or () if t.type == "function" and
                 t.lower_name.endswith("gradient")]
    if not gradients or len(gradients) != len([t for t in tokens if t.type == "function"
                                               and t.lower_name != "var"]):
        return False
    for gradient in gradients:
        colours = [c for c in (_colour([t]) for t in gradient.arguments
                               if t.type in ("ident", "hash", "function")) if c is not None]
        if not colours or any(c[-1] > 0 for c in colours):
            return False
    return True


def _far(token) -> bool:
    if token.type == "percentage":
        return token.value <= -100
    return token.type == "dimension" and token.value < 0 and \
        -token.value >= _FAR.get(token.lower_unit, float("inf"))


def _tiny(token, box: bool = False) -> bool:
    if token.type == "percentage":
        return token.value < (1 if box else _TINY["%"])
    return token.type == "dimension" and token.value < _TINY.get(token.lower_unit, 0)


def _colour(tokens: list | None) -> tuple[float, ...] | None:
    """A declaration's value as sRGB and alpha, rounded, when it is one colour alone."""
    from tinycss2 import color4

    tokens = [t for t in tokens or () if t.type not in ("whitespace", "comment")]
    colour = color4.parse_color(tokens[0]) if len(tokens) == 1 else None
    if colour is None or isinstance(colour, str):  # none, or currentcolor
        return None
    try:
        srgb = colour.to("srgb")
    except (ValueError, TypeError, ZeroDivisionError):
        return None
    return (*(round(v, 2) for v in srgb.coordinates), round(srgb.alpha, 2))


def _serialized(tokens: list | None) -> str | None:
    import tinycss2

    return tinycss2.serialize(tokens).strip().lower() or None if tokens else None


def _on_screen(tag: str) -> bool:
    """Whether a <style> or <link> tag's `media` leaves it applying on a screen."""
    m = _MEDIA.search(tag)
    return not m or not _print_only(next(g for g in m.groups() if g is not None))


def _print_only(media: str) -> bool:
    words = set(re.findall(r"[a-z-]+", media.lower()))
    return "print" in words and not words & {"screen", "all"}


def _data_css(url: str) -> str | None:
    url = url.strip()
    if not url.lower().startswith("data:") or "," not in url:
        return None
    head, body = url[5:].split(",", 1)
    if head.lower().endswith(";base64"):
        import base64
        import binascii

        try:
            return base64.b64decode(urllib.parse.unquote(body)).decode("utf-8", "replace")
        except (binascii.Error, ValueError):
            return None
    return urllib.parse.unquote(body)


def _imported(prelude: list) -> str | None:
    """The `data:` sheet an `@import` brings in on a screen (its address a string, `url(…)`
    or `url("…")`; a media list after it that leaves it to print: none)."""
    import tinycss2

    tokens = [t for t in prelude if t.type not in ("whitespace", "comment")]
    if not tokens or _print_only(tinycss2.serialize(tokens[1:])):
        return None
    first = tokens[0]
    if first.type in ("url", "string"):
        return _data_css(first.value)
    if first.type == "function" and first.lower_name == "url":
        return next((_data_css(t.value) for t in first.arguments if t.type == "string"), None)
    return None


def _rules(css: str, out: list[Rule], facts: Facts = _NO_FACTS) -> None:
    import tinycss2

    for item in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if item.type == "at-rule" and item.content is not None and \
                item.lower_at_keyword in _GROUPING and not (
                    item.lower_at_keyword == "media" and _print_only(
                        tinycss2.serialize(item.prelude))):
            _rules(tinycss2.serialize(item.content), out, facts)  # @media, @layer …
        elif item.type == "at-rule" and item.lower_at_keyword == "import":
            # a sheet the sheet imports, as a <link> brings one in (red-team pass 71)
            text = _imported(item.prelude)
            if text is not None:
                _rules(text, out, facts)
        elif item.type == "qualified-rule":
            _rule(item, out, facts)


def _rule(item, out: list[Rule], facts: Facts = _NO_FACTS) -> None:
    import tinycss2

    from review.inlinestyle import declared, hides

    body = tinycss2.serialize(item.content)
    if "{" in body:  # nested rules: each read as a rule of its own, loosely
        _rules(body, out, facts)
    values = declared(body)
    display = [t.lower_value for t in values.get("display") or [] if t.type == "ident"]
    shows = bool(display) and display != ["none"]
    important = shows and any(
        d.type == "declaration" and d.lower_name == "display" and d.important
        for d in tinycss2.parse_blocks_contents(body, skip_comments=True,
                                                skip_whitespace=True))
    hiding = hides(body) or style_hides(body, facts)
    if not (hiding or shows):
        return
    selectors = tuple(s for s in _selectors(item.prelude) if s is not None)
    if selectors:
        out.append(Rule(selectors, hiding, shows, important))


# a string or an escape in a sheet: it may draw words (the common sheet draws none)
_WORDY = re.compile(r"[\"'\\]")
_AFTER = {"after"}
_DRAWING_PSEUDO = {"before", "after", "marker"}


def _counter_styles(css: list[str]) -> dict[str, list[str]]:
    """Each `@counter-style` name's strings with words (its symbols, prefix, suffix …)."""
    import tinycss2

    out: dict[str, list[str]] = {}

    def walk(text: str) -> None:
        for item in tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True):
            if item.type != "at-rule" or item.content is None:
                continue
            if item.lower_at_keyword in _GROUPING:
                walk(tinycss2.serialize(item.content))
            elif item.lower_at_keyword == "counter-style":
                name = tinycss2.serialize(item.prelude).strip()
                out.setdefault(name, []).extend(
                    _worded(t.value for t in _strings(item.content)))

    for sheet in css:
        if "counter-style" in sheet.lower():
            walk(sheet)
    return out


def _strings(tokens) -> Iterator:
    """The string tokens of a value, inside functions too, but for resources' addresses."""
    from review.stylesheet import _ADDRESSES

    for t in tokens or ():
        if t.type == "string":
            yield t
        elif t.type == "function" and t.lower_name not in _ADDRESSES:
            yield from _strings(t.arguments)
        elif t.type in ("() block", "[] block", "{} block"):
            yield from _strings(t.content)


def _worded(strings) -> list[str]:
    return [s for s in strings if any(c.isalnum() for c in s)]


def _idents(tokens) -> set[str]:
    out: set[str] = set()
    for t in tokens or ():
        if t.type == "ident":
            out.add(t.value)
        elif t.type == "function":
            out |= _idents(t.arguments)
    return out


_CUSTOM_STRING = re.compile(r"(--[A-Za-z0-9_-]+)\s*:\s*([^;{}<>]*)")


def _custom_strings(page: str, css: list[str]) -> dict[str, list[tuple]]:
    """Each custom property's values wherever the page writes `--name: value` (its sheets
    and style attributes, loosely: the cascade is not followed), parsed."""
    import html

    import tinycss2

    out: dict[str, list[tuple]] = {}
    for text in (page, html.unescape(page), *css):
        if "--" not in text:
            continue
        for name, value in _CUSTOM_STRING.findall(text):
            parsed = tuple(tinycss2.parse_component_value_list(value, skip_comments=True))
            if parsed and parsed not in out.setdefault(name, []):
                out[name].append(parsed)
    return out


def _var_strings(tokens, customs: dict[str, list[tuple]], depth: int = 0) -> list[str]:
    """The worded strings each `var(--x)` of a value may stand for: any value the page gives
    --x anywhere (inherited from an ancestor, perhaps outside the post), and its fallback."""
    out: list[str] = []
    for t in tokens or ():
        if t.type != "function" or depth > 8:
            continue
        if t.lower_name == "var":
            name = next((a.value for a in t.arguments if a.type == "ident"), "")
            for parsed in customs.get(name, []):
                out += _worded(s.value for s in _strings(parsed))
                out += _var_strings(parsed, customs, depth + 1)
        out += _var_strings(t.arguments, customs, depth + 1)
    return out


def _drawings(css: str, out: list[Drawing], customs: dict[str, list[tuple]],
              styles: dict[str, list[str]]) -> None:
    import tinycss2

    for item in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if item.type == "at-rule" and item.content is not None and \
                item.lower_at_keyword in _GROUPING and not (
                    item.lower_at_keyword == "media" and _print_only(
                        tinycss2.serialize(item.prelude))):
            _drawings(tinycss2.serialize(item.content), out, customs, styles)
        elif item.type == "at-rule" and item.lower_at_keyword == "import":
            text = _imported(item.prelude)
            if text is not None:
                _drawings(text, out, customs, styles)
        elif item.type == "qualified-rule":
            _drawing(item, out, customs, styles)


def _drawing(item, out: list[Drawing], customs: dict[str, list[tuple]],
             styles: dict[str, list[str]]) -> None:
    """A rule's words drawn at the elements it matches: its own declarations' (a nested
    rule's are read as a rule of its own, loosely)."""
    import tinycss2

    body = tinycss2.serialize(item.content)
    if "{" in body:
        _drawings(body, out, customs, styles)
    content: list[str] = []
    marker: list[str] = []
    quotes: list[str] = []
    quoting = False
    for d in tinycss2.parse_blocks_contents(item.content, skip_comments=True,
                                            skip_whitespace=True):
        if d.type != "declaration":
            continue
        name, value = d.lower_name, d.value
        named = [w for n in _idents(value) for w in styles.get(n, [])]  # @counter-style
        drawn = _worded(t.value for t in _strings(value)) + _var_strings(value, customs)
        if name == "content":
            content += drawn + named
            quoting = quoting or bool({i.lower() for i in _idents(value)} & {
                "open-quote", "close-quote"})
        elif name in ("list-style", "list-style-type"):
            marker += drawn + named
        elif name == "quotes":
            quotes += drawn
        elif name in ("text-overflow", "hyphenate-character", "-webkit-hyphenate-character"):
            content += drawn
    if not (content or marker or quotes or quoting):
        return
    for side, selectors in _drawing_selectors(item.prelude).items():
        out.append(Drawing(selectors, tuple(content) if side == "before" else (),
                           tuple(content) if side == "after" else (), tuple(marker),
                           tuple(quotes), quoting))


def _drawing_selectors(prelude: list) -> dict[str, tuple]:
    """The rule's selectors, each matched as the element its pseudo-element (`::before`,
    `::after`, `::marker`) belongs to, by the side of the element's text it draws on."""
    out: dict[str, list] = {}
    part: list = []
    for token in prelude + [None]:
        if token is None or token.type == "literal" and token.value == ",":
            side, tokens = _pseudo_stripped(part)
            selector = _selector(tokens) if tokens is not None else None
            if tokens is not None and selector is None and not any(
                    t.type not in ("whitespace", "comment") for t in tokens):
                selector = (((None, frozenset(), frozenset(), frozenset()), ""),)
            if selector is not None:
                out.setdefault(side, []).append(selector)
            part = []
        else:
            part.append(token)
    return {side: tuple(s) for side, s in out.items()}


def _pseudo_stripped(tokens: list) -> tuple[str, list | None]:
    """A selector without its drawing pseudo-element, and the side it draws on; None for
    another pseudo-element's (`::placeholder`, `::selection`), which draws no `content`."""
    side, out, i = "before", [], 0
    while i < len(tokens):
        t = tokens[i]
        if t.type == "literal" and t.value == ":":
            j = i + 1
            if j < len(tokens) and tokens[j].type == "literal" and tokens[j].value == ":":
                j += 1
            name = tokens[j] if j < len(tokens) else None
            lowered = getattr(name, "lower_value", None) or \
                getattr(name, "lower_name", None) or ""
            if lowered in _DRAWING_PSEUDO:
                side = "after" if lowered in _AFTER else side
                i = j + 1
                continue
            if lowered in _GENERATED or (j > i + 1 and lowered.startswith("-")):
                return side, None
        out.append(t)
        i += 1
    return side, out


def _selectors(prelude: list) -> Iterator[tuple[tuple[Compound, str], ...] | None]:
    part: list = []
    for token in prelude + [None]:
        if token is None or token.type == "literal" and token.value == ",":
            yield _selector(part)
            part = []
        else:
            part.append(token)


def _selector(tokens: list) -> tuple[tuple[Compound, str], ...] | None:
    """Compounds from the subject leftwards, each with the combinator that joins it to the one
    on its left; None for a selector of generated content (`::before`), whose hiding hides
    none of the element's text."""
    compounds: list[Compound] = []
    combinators: list[str] = []  # between compounds, left to right
    tag, classes, ids, attrs = None, set(), set(), set()
    started, pending, i = False, "", 0
    while i <= len(tokens):
        t = tokens[i] if i < len(tokens) else None
        if t is not None and t.type == "whitespace":
            pending = pending or " "
        elif t is not None and t.type == "literal" and t.value in (">", "+", "~"):
            pending = t.value
        else:
            if started and (pending or t is None):
                compounds.append((tag, frozenset(classes), frozenset(ids), frozenset(attrs)))
                tag, classes, ids, attrs, started = None, set(), set(), set(), False
                if t is not None:
                    combinators.append(pending)
            pending = ""
            if t is None:
                break
            started = True
            if t.type == "ident":
                tag = t.lower_value
            elif t.type == "hash":
                ids.add(t.value)
            elif t.type == "literal" and t.value == "." and i + 1 < len(tokens) and \
                    tokens[i + 1].type == "ident":
                classes.add(tokens[i + 1].value)
                i += 1
            elif t.type == "[] block":
                name = next((a for a in t.content if a.type == "ident"), None)
                if name is not None:
                    attrs.add(name.lower_value)
            elif t.type == "literal" and t.value == ":":
                double = i + 1 < len(tokens) and tokens[i + 1].type == "literal" and \
                    tokens[i + 1].value == ":"
                i += 1 if double else 0
                name = tokens[i + 1] if i + 1 < len(tokens) else None
                lowered = getattr(name, "lower_value", None) or \
                    getattr(name, "lower_name", None) or ""
                if lowered in _GENERATED or (double and lowered.startswith("-")):
                    return None
                i += 1  # a pseudo-class (or ::first-letter, ::first-line): taken as matching
        i += 1
    if not compounds:
        return None
    lefts = [""] + combinators  # each compound's combinator to its left
    return tuple((compounds[n], lefts[n] if n else "") for n in range(len(compounds) - 1, -1, -1))


def _fits(element: Element, compound: Compound) -> bool:
    tag, classes, ids, attrs = compound
    return (tag is None or tag == element.tag) and classes <= element.classes and \
        all(i == element.id for i in ids) and attrs <= element.attributes


def _matches(rule: Rule, path: list[Element]) -> bool:
    return any(_chain(selector, 0, path, len(path) - 1) for selector in rule.selectors)


def _chain(selector: tuple[tuple[Compound, str], ...], n: int, path: list[Element],
           at: int) -> bool:
    compound, combinator = selector[n]
    if at < 0 or not _fits(path[at], compound):
        return False
    if n + 1 == len(selector):
        return True
    if combinator in ("+", "~"):
        return True  # a sibling's: taken as matching, and all it names further left
    if combinator == ">":
        return _chain(selector, n + 1, path, at - 1)
    return any(_chain(selector, n + 1, path, up) for up in range(at - 1, -1, -1))
