"""Markdown and HTML drafts as the reader sees them, as a View over the original file.

Hidden parts (tags, link targets, scripts, styles, comments) are left out; block elements
become line breaks so that no term runs from one paragraph into the next; character
references (`&#20912;`, `&#x4e2d;`, `&amp;`) are decoded. Every visible character keeps its
original span: a decoded reference's span is the whole reference.

What a reader is shown besides the text between tags is read too, each on a line of its own:
the attributes a browser shows — an image's alt text, a tooltip (`title`), an empty field's
hint (`placeholder`), a field's or button's text (`value`, but a hidden field's or a check
box's), an option group's name (`label`), the name a screen reader says (`aria-label`) — the
document an `<iframe srcdoc>` shows (HTML within the attribute, read as a page of its own),
and a frame's or object's `data:` page (SVG and XML as markup, other text as it is), an SVG
image's text in a `data:` address, a declarative shadow root (`<template shadowrootmode>`) and
a datalist's option values. A page's title (`<title>`, shown as its tab's name),
`<noscript>` content and CDATA sections are read, and a text area's or title's content is read
as the text it is, tags included, as browsers show it. In Markdown the same goes for inline
HTML tags, and a link's or image's title is read.

What a page's CSS draws is read too (review.stylesheet): the strings of `content`, string list
markers, `quotes`, `@counter-style`, `@property` initial values, `text-overflow` and
`hyphenate-character` in `<style>` elements and `style` attributes, each standing for its
string literal in the file, and the attributes `content: attr(…)` shows. A page's own font in
a `data:` address, and an emphasis mark spelt as a string, are refused: neither can be read
where a reader sees it.

Characters an element hides by its own markup are read where they stand, and the line again
without them after it (review.parted): they must not part the words a reader sees joined.

Text shown in another order than it is written cannot be checked as written: a page holding
direction controls (U+202A–U+202E, U+2066–U+2069, by reference too), a `<bdo>` element, a
`dir="rtl"` attribute or CSS that reverses text (`direction: rtl`, `unicode-bidi:
bidi-override`) is refused with a one-line error naming where.

Link targets are not lost: the URL detector scans the raw text, markup included.
"""

from __future__ import annotations

import bisect
import html
import html.entities
import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from html.parser import HTMLParser

from review import pagestyle
from review.errors import InputError
from review.location import Location
from review.normalize import BIDI_CONTROLS, View
from review.pagestyle import Element, Sheets
from review.parted import VOID, Line, removes
from review.regexcache import compile as re_compile
from review.svgplaced import Placement

_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul", "title", "textarea",
    "iframe", "option", "button", "select", "noscript", "xmp", "plaintext",
})
_HIDDEN_TAGS = frozenset({"script", "style", "template"})
_FOREIGN = frozenset({"svg", "math"})  # HTML's foreign content: a <style> there is markup
# Elements whose content a browser shows as text, tags and all, up to their end tag (or the
# file's, for plaintext).
_TEXT_CONTENT = frozenset({"textarea", "title", "xmp", "plaintext"})
# Attributes a reader is shown (alt text when the image fails, a tooltip, a field's hint, an
# option group's or track's name, what a screen reader says — its name, description, role
# name, a field's hint, a gauge's value, a braille display's label); `value` and `srcdoc`
# below.
_SHOWN = ("alt", "title", "placeholder", "label", "aria-label", "aria-description",
          "aria-roledescription", "aria-placeholder", "aria-valuetext", "aria-braillelabel")
_UNSHOWN_TAGS = frozenset({"link", "meta", "base", "script", "style", "template"})
_UNSHOWN_INPUTS = frozenset({"hidden", "checkbox", "radio", "file", "image", "range", "color",
                             "password"})
_FRAMED = {"iframe": "src", "frame": "src", "embed": "src", "object": "data"}  # a data: page
_MAX_DEPTH = 4  # an iframe's srcdoc inside another's …: deeper, read as text, tags and all

# A reference as html.unescape (and so a browser) decodes it in a page: the semicolon may be
# missing.
_HTML_REF = re_compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
# A reference as CommonMark decodes it in Markdown text: a known entity name or a number of
# at most 7 decimal or 6 hexadecimal digits, always with its semicolon.
_MD_REF = re_compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# The attributes `content: attr(name)` draws, wherever the style sheet is (it may follow the
# body): looked for in the whole page, at the cost of reading a few attributes too many.
_CSS_ATTR = re_compile(r"\battr\(\s*([A-Za-z_][\w-]*)", re.IGNORECASE)


# How much of a page is read, by the version of the reading: a rejection signed by an earlier
# version names the text that version read, and must still hold for the page saved again
# (review.workflow.service reads it each way). 0: the text between tags and the attributes
# shown; 1: also what CSS draws (twentieth and twenty-first red-team passes); 2: also a
# declarative shadow root, an SVG or other text in a data: address, a datalist's option
# values, and the strings CSS draws at line ends, hyphens and emphasis marks (twenty-second);
# 3: a Markdown image's `!` and alt text out of the words around it, and a line break whose
# box is taken away (`<br hidden>`, one inside a `display: none` element) ending no line
# (forty-fifth); 4: a line end inside a paragraph (white space to a browser, a soft break in
# Markdown) parting no words, a Markdown shortcut reference image (`![r]`) read as an image, and
# reference definitions inside block quotes and list items (forty-sixth); 5: a Markdown footnote
# (`[^1]: …`) read as the text the page's foot shows, and a line shaped as a definition right
# under a paragraph's line read as that paragraph's text, not as a hidden link definition
# (forty-eighth); 6: Markdown inside an HTML block shown as written (a link's target, a
# definition), a definition whose label CommonMark refuses read as text, a line of other white
# space than spaces and tabs no blank line, and a fence closed only at its own quotation depth
# by a fence as long (fiftieth); 7: in Markdown, a link's title and an inline tag's shown
# attribute read on lines of their own that part no words, a processing instruction, a
# declaration and a CDATA section hidden as a browser hides them (a bogus comment, to its first
# `>`), a definition with no destination read as text, a bracket inside a tag opening no link,
# and a `[label]` after a reference's label no label but a link of its own (fifty-second); 8: a
# Markdown destination ended only by ASCII white space and controls, as CommonMark ends it
# (`](图.png\u00a0)` is a picture, no text) (fifty-sixth).
READINGS = (0, 1, 2, 3, 4, 5, 6, 7, 8)
CSS_TEXT, DATA_TEXT, IMAGES_AND_BREAKS, SOFT_BREAKS, DEFINITIONS, RAW_BLOCKS = 1, 2, 3, 4, 5, 6
INLINE_HTML, DESTINATIONS = 7, 8
LATEST = READINGS[-1]
_READING: ContextVar[int] = ContextVar("reading", default=LATEST)

# The addresses of the resources a page loads (pictures, media, frames, scripts, style sheets),
# noted while a view is made inside `references()`: the parse the check reads is the parse that
# says which files a reader is shown with the draft (review.resources binds them to approval).
_NOTED: ContextVar[list[str] | None] = ContextVar("noted", default=None)
_BASES: ContextVar[list[str] | None] = ContextVar("bases", default=None)
# what runs a script on the page (`<script>`, `onload=`, a `javascript:` address), noted with
# the addresses: what a script writes on the page, no check reads and no reviewer is shown
_SCRIPTED: ContextVar[list[str] | None] = ContextVar("scripted", default=None)
# what shows another document within the page (`<iframe src>`, `<object data>` …), noted with
# the addresses as (what, address): a framed page's words no check reads and no reviewer is
# shown (red-team pass 70)
_FRAMING: ContextVar[list[tuple[str, str]] | None] = ContextVar("framing", default=None)
_FRAME_ADDRESSES = {"iframe": ("src",), "frame": ("src",), "embed": ("src",), "object": ("data",),
           "use": ("href", "xlink:href")}
# the attributes whose value is an address a browser follows or loads, SMIL's included
_ADDRESSES = frozenset({"href", "xlink:href", "src", "action", "formaction", "data", "poster",
                        "background", "to", "from", "by", "values"})
# a browser drops tabs and line ends anywhere in an address, and controls and spaces around it
_DROPPED_IN_ADDRESS = re_compile(r"[\t\n\r]")
_AROUND_ADDRESS = "".join(map(chr, range(33)))
# element → the attributes that name a resource it loads (`background` on any element: the
# old picture attribute of <body> and <td>)
_LOADS = {"img": ("src", "srcset", "lowsrc"), "source": ("src", "srcset"),
          "video": ("src", "poster"), "audio": ("src",), "track": ("src",),
          "iframe": ("src",), "frame": ("src",), "embed": ("src",), "object": ("data",),
          "script": ("src", "href", "xlink:href"), "input": ("src",),
          # outside SVG, <image> is <img> to HTML's tree builder
          "image": ("src", "srcset", "href", "xlink:href"), "feimage": ("href", "xlink:href"),
          "use": ("href", "xlink:href")}
_LOADING_LINKS = frozenset({"stylesheet", "icon", "preload", "prefetch", "manifest"})
# SVG's presentation attributes whose `url()` loads a file (a paint server, a mask, a filter,
# a clip path, a marker, a cursor): CSS as a style attribute's
_PAINTS = frozenset({"fill", "stroke", "mask", "filter", "clip-path", "marker", "marker-start",
                     "marker-mid", "marker-end", "cursor"})
# SMIL: what an animation sets the attribute it names to (`<set attributeName="href" to=…>`)
_ANIMATIONS = frozenset({"set", "animate"})
_ANIMATED_ADDRESSES = frozenset({"href", "xlink:href", "src"})
# `<meta http-equiv="refresh" content="0; url=next.html">`: the page put in the post's place,
# as HTML's declarative refresh reads it (a delay, `;` or `,`, `url=`, a quote ending it)
_REFRESH = re_compile(r"[ \t\n\f\r]*[0-9.]*[ \t\n\f\r]*[;,]?[ \t\n\f\r]*"
                      r"(?:url[ \t\n\f\r]*=[ \t\n\f\r]*)?(?:(['\"])(.*?)(?:\1|$)|(.*))",
                      re.IGNORECASE | re.DOTALL)


def _note_tag(tag: str, values: dict[str, str | None]) -> None:
    """The resources a start tag loads, when addresses are being noted."""
    noted = _NOTED.get()
    if noted is None:
        return
    _note_script(tag, values)
    _note_frame(tag, values)
    names = [*_LOADS.get(tag, ()), "background"]
    if tag == "link" and _LOADING_LINKS & set((values.get("rel") or "").lower().split()):
        names.append("href")
    if tag == "base" and values.get("href") is not None:
        _BASES.get().append(values.get("href") or "")  # every address is then another
    for name in names:
        value = values.get(name)
        if value is None:
            continue
        noted.extend(_srcset(value) if name == "srcset" else [value])
    if values.get("style"):
        _note_css(values["style"] or "")
    if tag == "meta" and (values.get("http-equiv") or "").strip().lower() == "refresh":
        refresh = _REFRESH.match(values.get("content") or "")
        if refresh is not None:
            noted.append(refresh.group(2) or refresh.group(3) or "")
    for name in _PAINTS.intersection(values):
        _note_css(values[name] or "")
    animated = (values.get("attributename") or "").strip().lower()
    if tag in _ANIMATIONS and (animated in _ANIMATED_ADDRESSES or animated in _PAINTS):
        for name in ("to", "from", "by", "values"):
            for value in (values.get(name) or "").split(";" if name == "values" else None):
                if animated in _PAINTS:
                    _note_css(value)
                elif value.strip():
                    noted.append(value)


def _note_script(tag: str, values: dict[str, str | None]) -> None:
    """What in a start tag runs a script, when scripts are being noted."""
    scripted = _SCRIPTED.get()
    if scripted is None:
        return
    if tag == "script":
        scripted.append("<script>")
    scripted.extend(f"{name}=" for name in values if name.startswith("on"))
    for name in sorted(_ADDRESSES.intersection(values)):
        value = _DROPPED_IN_ADDRESS.sub("", values[name] or "")
        if any(a.lstrip(_AROUND_ADDRESS).lower().startswith("javascript:")
               for a in (value.split(";") if name == "values" else [value])):
            scripted.append(f'{name}="javascript:…"')


def _note_frame(tag: str, values: dict[str, str | None]) -> None:
    """What in a start tag shows another document within the page, or in its place (a
    declarative refresh), when frames are being noted."""
    framed = _FRAMING.get()
    if framed is None:
        return
    for name in _FRAME_ADDRESSES.get(tag, ()):
        if (values.get(name) or "").strip(" \t\n\r\f"):
            framed.append((f"<{tag} {name}>", (values.get(name) or "").strip(" \t\n\r\f")))
    if tag == "meta" and (values.get("http-equiv") or "").strip().lower() == "refresh":
        refresh = _REFRESH.match(values.get("content") or "")
        if refresh is not None and (to := (refresh.group(2) or refresh.group(3) or "").strip(
                " \t\n\r\f")):
            framed.append(('<meta http-equiv="refresh">', to))


# a character reference in an attribute's value; a named one's name, and its `;`
_ATTRIBUTE_REF = re_compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|([A-Za-z][A-Za-z0-9]*)(;?))")


def _attribute_value(raw: str) -> str:
    """An attribute's value as written, its references decoded as a browser decodes them in
    an attribute: a named reference without `;` (`&not`, `&amp`) followed by a letter, a
    digit or `=` is none (`x&notit.png` names x&notit.png, where html.unescape reads
    x¬it.png)."""
    def decoded(m: re.Match) -> str:
        name = m.group(1)
        if name is None or (m.group(2) and name + ";" in html.entities.html5):
            return html.unescape(m.group())
        for n in range(len(name), 1, -1):
            if name[:n] in html.entities.html5:  # a name a browser knows without its `;`
                after = (name[n:] + m.group(2) + raw[m.end():m.end() + 1])[:1]
                if after == "=" or (after.isascii() and after.isalnum()):
                    return m.group()
                return html.entities.html5[name[:n]] + m.group()[1 + n:]
        return m.group()

    return _ATTRIBUTE_REF.sub(decoded, raw)


def _noted_values(tag_text: str, attrs: list[tuple[str, str | None]]) -> dict[str, str | None]:
    """A start tag's attributes as a browser takes them, to note what it loads: the first of
    two of one name (html.parser keeps the last), references decoded as in an attribute."""
    _, found = _attributes(tag_text, 0, len(tag_text))
    raw = [tag_text[a:b] for _, a, b in found] if len(found) == len(attrs) else None
    values: dict[str, str | None] = {}
    for i, (name, value) in enumerate(attrs):
        if value is not None and raw is not None:
            value = _attribute_value(raw[i])
        values.setdefault(name, value)
    return values


def _note_css(css: str) -> None:
    noted = _NOTED.get()
    if noted is not None:
        from review.stylesheet import addresses

        noted.extend(addresses(css))


def _srcset(value: str) -> list[str]:
    """The addresses of a srcset (`a.png 1x, b.png 2x`), as HTML's parsing of it finds them:
    an address runs to white space, a comma ending it is no part of it, and a candidate's
    descriptors run to the next comma."""
    out, i, n = [], 0, len(value)
    while i < n:
        while i < n and (value[i] in " \t\n\r\f,"):
            i += 1
        start = i
        while i < n and value[i] not in " \t\n\r\f":
            i += 1
        url = value[start:i]
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            depth = 0
            while i < n and (depth or value[i] != ","):
                depth += {"(": 1, ")": -1}.get(value[i], 0)
                i += 1
        if url:
            out.append(url)
    return out


def references(text: str, markdown: bool, scripts: list[str] | None = None,
               frames: list[tuple[str, str]] | None = None) -> tuple[list[str], list[str]]:
    """The addresses of every resource a page (or Markdown, `markdown`) loads, as written
    (references decoded), in the order of the file, each once; and the addresses of its
    `<base href>` elements, which make every relative address another. `scripts` given, what
    runs a script there is added to it (`<script>`, `onload=` …); `frames` given, what shows
    another document in a frame, as (what, address). The page is refused as the check
    refuses it (InputError)."""
    token, bases, scripted = _NOTED.set([]), _BASES.set([]), _SCRIPTED.set(scripts)
    framed = _FRAMING.set(frames)
    try:
        (markdown_view if markdown else html_view)(text)
        found, based = _NOTED.get() or [], _BASES.get() or []
    finally:
        _NOTED.reset(token)
        _BASES.reset(bases)
        _SCRIPTED.reset(scripted)
        _FRAMING.reset(framed)
    # only the white space a browser strips from an address: a no-break or an ideographic
    # space is part of it (review.resources refuses it: renderers read it differently)
    found = [a.strip(" \t\n\r\f") for a in found]
    return list(dict.fromkeys(a for a in found if a)), based


_ANY_TAG = re_compile(r"<[A-Za-z][^>]*>?")  # to its first `>`: `<img src=a <img src=b>` too


# A Markdown image as a CommonMark renderer may read it where the check's parse reads code or
# text: a line indented under a paragraph's (a lazy continuation, no code), alt text over two
# lines, a destination on a line of its own or with an escaped `)`
_LOOSE_MD_IMAGE = re_compile(r"!\[(?:[^\[\]]|\[[^\[\]]*\])*\]\([ \t]*\n?[ \t]*"
                       r"(<(?:[^<>\n\\]|\\.)*>|(?:[^\x00-\x20\x7f()\\]|\\.|"
                       r"\((?:[^\x00-\x20\x7f()\\]|\\.)*\))+)")
# a reference-style image's label, and a definition (its destination perhaps on the next line)
_LOOSE_MD_LABEL = re_compile(r"!\[((?:[^\[\]]|\[[^\[\]]*\])*)\](?:\[([^\[\]]*)\])?")
_LOOSE_MD_DEFINITION = re_compile(r"^[ \t>]*\[((?:[^\[\]\\]|\\.)+)\]:[ \t]*\n?[ \t]*"
                            r"(<(?:[^<>\n\\]|\\.)*>|[^\x00-\x20\x7f]+)", re.MULTILINE)


def loose_references(text: str, markdown: bool = False, scripts: list[str] | None = None,
                     frames: list[tuple[str, str]] | None = None) -> list[str]:
    """The addresses every start tag anywhere in the text loads — in a script, a style, a
    text area, a comment or code too — and in Markdown every image's. Where this parse reads
    text a browser may still find markup (inside <svg> or <math> a <style>'s, <script>'s or
    <xmp>'s content is markup, and an <img> there is HTML's again), and a CommonMark
    renderer an image: the files these name are bound when they are there
    (review.resources). `scripts` given, what runs a script in any such tag is added to it:
    which of them a browser runs cannot be told either; `frames` given, so is what shows
    another document in a frame."""
    token, scripted, framed = _NOTED.set([]), _SCRIPTED.set(scripts), _FRAMING.set(frames)
    try:
        for m in _ANY_TAG.finditer(text):
            name, found = _attributes(text, m.start(), m.end())
            values: dict[str, str | None] = {}
            for n, a, b in found:
                values.setdefault(n, _attribute_value(text[a:b]))
            if name != "base":
                _note_tag(name, values)
        found = [a.strip(" \t\n\r\f") for a in _NOTED.get() or []]
    finally:
        _NOTED.reset(token)
        _SCRIPTED.reset(scripted)
        _FRAMING.reset(framed)
    if markdown:
        found += [_md_destination(m.group(1)) for m in _LOOSE_MD_IMAGE.finditer(text)]
        labels = {" ".join((m.group(2) or m.group(1)).split()).casefold()
                  for m in _LOOSE_MD_LABEL.finditer(text)}
        found += [_md_destination(m.group(2)) for m in _LOOSE_MD_DEFINITION.finditer(text)
                  if " ".join(m.group(1).split()).casefold() in labels]
    return list(dict.fromkeys(a for a in found if a))


@contextmanager
def reading_as(version: int) -> Iterator[None]:
    """Views made inside read a page as reading `version` did."""
    token = _READING.set(version)
    try:
        yield
    finally:
        _READING.reset(token)


def _reads(version: int) -> bool:
    return _READING.get() >= version


# On only to tell whether a page is the same for its reader as a rejected one
# (review.workflow.service): what an element hides by its own markup is left out, so that a
# hidden character added does not make the rejected text another.
_SHOWN_ONLY: ContextVar[bool] = ContextVar("shown_only", default=False)


@contextmanager
def shown_only() -> Iterator[None]:
    """Views made inside leave out what elements hide by their own markup (review.parted)."""
    token = _SHOWN_ONLY.set(True)
    try:
        yield
    finally:
        _SHOWN_ONLY.reset(token)


def _unshown(line: Line) -> bool:
    return line.hiding and _SHOWN_ONLY.get()


def _css_attributes(text: str) -> frozenset[str]:
    if not _reads(CSS_TEXT) or "attr(" not in text.lower():
        return frozenset()
    return frozenset(name.lower() for name in _CSS_ATTR.findall(text))


class _Reordered(Exception):  # noqa: N818 — a signal inside this module, never shown
    """Markup that shows text in another order than it is written (or, `message`, other text
    than it holds: a font of the page's own), at `offset` of the text being read."""

    def __init__(self, offset: int, construct: str, message: str = "bidi_markup") -> None:
        super().__init__(construct)
        self.offset, self.construct, self.message = offset, construct, message


def _location(text: str, offset: int) -> Location:
    line = text.count("\n", 0, offset) + 1
    return Location(line=line, column=offset - (text.rfind("\n", 0, offset) + 1) + 1)


def _refusal(text: str, found: _Reordered) -> InputError:
    return InputError(found.message, construct=found.construct,
                      where=_location(text, found.offset))


def _refuse_controls(text: str, view: View) -> None:
    """A direction control the view shows (written as a reference, or inside CSS) refuses the
    draft, located at what stands for it in the file; one written as it is in the file is
    refused by every reader alike (review.inputs)."""
    found = BIDI_CONTROLS.search(view.text)
    if found is not None:
        raise InputError("bidi_controls", where=_location(text, view.starts[found.start()]))


class _Builder:
    def __init__(self) -> None:
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def copy(self, text: str, start: int, end: int) -> None:
        """Visible original text[start:end]."""
        self.chars.append(text[start:end])
        self.starts.extend(range(start, end))
        self.ends.extend(range(start + 1, end + 1))

    def put(self, chars: str, start: int, end: int) -> None:
        """Characters that stand for original text[start:end] (an entity, a tag's break)."""
        self.chars.append(chars)
        self.starts.extend([start] * len(chars))
        self.ends.extend([end] * len(chars))

    def decoded(self, text: str, start: int, end: int, refs: re.Pattern = _HTML_REF,
                soft: bool = False) -> None:
        """Visible original text[start:end] with its character references decoded, each
        reference's characters standing for the whole reference; `soft`: a line end so
        written (`&#10;`) is white space, as a browser shows it in a paragraph."""
        at = start
        for m in refs.finditer(text, start, end):
            value = html.unescape(m.group())
            if value == m.group():
                continue  # no reference after all (&foo; is no entity): text as it is
            if soft:
                value = value.replace("\r", " ").replace("\n", " ")
            self.copy(text, at, m.start())
            self.put(value, m.start(), m.end())
            at = m.end()
        self.copy(text, at, end)

    def extend(self, view: View, starts: list[int], ends: list[int], fallback: int) -> None:
        """A view of a text whose character j stands for original [starts[j], ends[j])."""
        size = len(starts)
        for i, ch in enumerate(view.text):
            first, stop = view.starts[i], view.ends[i]
            start = starts[first] if first < size else fallback
            end = ends[stop - 1] if first < stop <= size else start
            self.chars.append(ch)
            self.starts.append(start)
            self.ends.append(max(end, start))

    def view(self) -> View:
        return View("".join(self.chars), self.starts, self.ends)


def _attributes(text: str, start: int, end: int) -> tuple[str, list[tuple[str, int, int]]]:
    """The tag name and attributes of the start tag text[start:end], each as its lower-case
    name and the span of its value in text (empty for an attribute without one), found as
    html.parser finds them."""
    from html.parser import attrfind_tolerant, tagfind_tolerant  # type: ignore[attr-defined]

    match = tagfind_tolerant.match(text, start + 1, end)
    if not match:
        return "", []
    name = match.group(1).lower()
    out = []
    k = match.end()
    while k < end:
        m = attrfind_tolerant.match(text, k, end)
        if not m or m.end() == k:
            break
        value_start = value_end = m.end(1)
        if m.group(2):
            value_start, value_end = m.span(3)
            raw = m.group(3)
            if raw[:1] == "'" == raw[-1:] or raw[:1] == '"' == raw[-1:]:
                value_start, value_end = value_start + 1, value_end - 1
        out.append((m.group(1).lower(), value_start, max(value_end, value_start)))
        k = m.end()
    return name, out


def _shown_attributes(text: str, start: int, end: int, out: _Builder, depth: int,
                      block: bool, decoded: list[tuple[str, str | None]] | None = None,
                      drawn: frozenset[str] = frozenset()) -> None:
    """The start tag text[start:end]: a line break for a block element, and the attributes a
    reader is shown, each on a line of its own. decoded: the attributes as the HTML parser read
    them; where they disagree with what is found here, a value is read as the parser has it,
    standing for the whole tag. drawn: the attributes the page's CSS draws (`attr(name)`).
    Original offsets only grow along the view."""
    tag, found = _attributes(text, start, end)
    _refuse_reordering(tag, found, decoded, text, start)
    if decoded is not None and [(n, html.unescape(text[a:b]) or None) for n, a, b in found] != \
            [(n, v or None) for n, v in decoded]:
        shown = [(name, value) for name, value in decoded
                 if value and tag not in _UNSHOWN_TAGS and
                 _is_shown(tag, name, dict(decoded), drawn)]
        if block or shown:
            out.put("\n", start, end)
        for name, value in shown:
            _put_value(tag, name, value, start, end, out, depth, whole=True)
            out.put("\n", start, end)
        return
    values = {name: html.unescape(text[a:b]) for name, a, b in found}
    spans = [(name, a, b) for name, a, b in found
             if a < b and tag not in _UNSHOWN_TAGS and _is_shown(tag, name, values, drawn)]
    if not spans:
        if block:
            out.put("\n", start, end)
        return
    at = start
    for name, a, b in spans:
        out.put("\n", at, a)
        _put_value(tag, name, text, a, b, out, depth)
        at = b
    out.put("\n", at, end)


def _refuse_reordering(tag: str, found: list[tuple[str, int, int]],
                       decoded: list[tuple[str, str | None]] | None, text: str,
                       start: int) -> None:
    """A start tag that shows its text in another order than it is written: <bdo>, dir="rtl",
    or a style that reverses it (located at the declaration when the attribute holds no
    reference, else at the tag)."""
    from review.stylesheet import drawn as css_drawn

    if tag == "bdo":
        raise _Reordered(start, "<bdo>")
    if not any(name in ("dir", "style") for name, _, _ in found) and \
            not any(name in ("dir", "style") for name, _ in decoded or ()):
        return  # most tags: nothing to read
    values = {name: html.unescape(text[a:b]) for name, a, b in found}
    if decoded is not None:
        values.update((name, value or "") for name, value in decoded)
    if (values.get("dir") or "").strip().lower() == "rtl":
        raise _Reordered(start, 'dir="rtl"')
    style = values.get("style")
    if style:
        refused = _refused_by(css_drawn(style))
        if refused is not None:
            at = next((a + refused.offset for name, a, b in found
                       if name == "style" and text[a:b] == style), start)
            raise _Reordered(at, refused.construct, refused.message)


def _refused_by(found) -> _Reordered | None:
    """What refuses a piece of CSS (review.stylesheet.Drawn), at its offset in that CSS: text
    it reorders, a font of its own (which can draw 今天开会 as 出售冰毒: glyphs are not read),
    or text drawn where no line can hold it."""
    if found.reordering is not None:
        return _Reordered(*found.reordering)
    if found.font is not None:
        return _Reordered(found.font, "@font-face", "embedded_font")
    if found.unplaced is not None:
        return _Reordered(*found.unplaced, "markup_unplaced")
    return None


def _is_shown(tag: str, name: str, values: dict, drawn: frozenset[str] = frozenset()) -> bool:
    if name in _SHOWN or name in drawn:
        return True
    if name == "style":  # what its `content` or list marker draws
        from review.stylesheet import drawn as css_drawn

        found = css_drawn(values.get("style") or "", _reads(DATA_TEXT))
        return bool(_reads(CSS_TEXT) and found.strings or _reads(DATA_TEXT) and found.images)
    if name == "value":
        # an option's value is what a datalist offers under its field
        return tag == "input" and (values.get("type") or "").strip().lower() not in \
            _UNSHOWN_INPUTS or (tag == "option" and _reads(DATA_TEXT))
    if name == "srcdoc":
        return tag in ("iframe", "frame")
    if _FRAMED.get(tag) == name:
        return (values.get(name) or "").lstrip().lower().startswith("data:")
    return _reads(DATA_TEXT) and _is_svg_address(values.get(name) or "")


def _frame_shown(tag: str, values: dict, styled: bool | None) -> bool:
    """Whether an <iframe> hidden by its tag alone (its content is a fallback no browser
    shows) shows the page of its own attributes (`srcdoc`, a `data:` address, its tooltip):
    it does unless its own markup or the page's style sheets hide the element itself. A
    published page's words in a frame's `srcdoc`, between two approved passages, were no
    passage at all (red-team pass 76)."""
    return tag == "iframe" and styled is not True and not _hides_element(values)


def _hides_element(values: dict) -> bool:
    from review.parted import hides

    return hides("span", values)  # the element's own `hidden` or style, its tag aside


def _is_svg_address(value: str) -> bool:
    """An SVG image in a data: address (an <img>'s src, a srcset, an SVG <image>'s href, a
    poster, a background): an image whose <text> a reader reads."""
    return value.lstrip().lower().startswith("data:image/svg")


def _put_value(tag: str, name: str, text: str, start: int, end: int, out: _Builder, depth: int,
               whole: bool = False) -> None:
    """An attribute's value as a reader is shown it: text[start:end], references decoded (or,
    whole: `text` itself, already decoded, all of it standing for [start, end))."""
    frame = name == _FRAMED.get(tag)
    page = name == "srcdoc" or frame or (name != "style" and _reads(DATA_TEXT) and _is_svg_address(
        text if whole else html.unescape(text[start:end])))
    if name == "style":
        _put_css(text if whole else html.unescape(text[start:end]), out, start,
                 end if whole or html.unescape(text[start:end]) != text[start:end] else None,
                 page_depth=depth)
        return
    if not page:
        if whole:
            out.put(text, start, end)
        else:
            out.decoded(text, start, end)
        return
    inner = _Builder()
    if whole:
        inner.put(text, start, end)
    else:
        inner.decoded(text, start, end)
    source = "".join(inner.chars)
    try:
        if name != "srcdoc":  # a data: URL: its page, each character standing for all of it
            shown, is_html = _data_page(source, frame)
            if shown is None:
                return
            _refuse_too_deep(depth, start)
            view = _html(shown, depth + 1) if is_html else View.identity(shown)
            out.put(view.text, start, end)
            return
        out.extend(_html(source, depth + 1), inner.starts, inner.ends, end)
    except _Reordered as inside:  # said of the attribute: the page inside has no lines of ours
        raise _Reordered(start, inside.construct, inside.message) from None


def _put_css(css: str, out: _Builder, start: int, whole_end: int | None,
             depth: int = 0, page_depth: int = 0) -> None:
    """The strings CSS at `start` in the original draws, each on a line of its own, standing
    for its string literal (or, whole_end: the CSS is no longer as the file writes it — an
    attribute with references —, for all of [start, whole_end)); what a style sheet it
    imports from a `data:` address draws, standing for that address; and the text of an SVG
    image it shows from one (a background, a list marker), read as the page `page_depth` deep
    reads a frame. Refused when it reorders text, or brings a font of its own."""
    from review.stylesheet import drawn

    _note_css(css)
    found = drawn(css, _reads(DATA_TEXT))
    refused = _refused_by(found)
    if refused is not None:
        raise _Reordered(start if whole_end is not None else start + refused.offset,
                         refused.construct, refused.message)
    for a, b, url in found.imports:
        first, last = (start, whole_end) if whole_end is not None else (start + a, start + b)
        imported = _data_css(url)
        if imported is not None and depth < 4:
            _put_css(imported, out, first, last, depth + 1, page_depth)
    shown = [(a, b, _html(page, _refuse_too_deep(page_depth, start + a)).text)
             for a, b, url in found.images
             if _reads(DATA_TEXT) and (page := _data_page(url, False)[0]) is not None]
    if _reads(CSS_TEXT):
        shown += found.strings
    for a, b, value in sorted(shown):  # in the order of the file, as a view must be
        first, last = (start, whole_end) if whole_end is not None else (start + a, start + b)
        out.put("\n", first, first)
        out.put(value, first, last)
        out.put("\n", last, last)


def _put_strings(out: _Builder, strings: list[str], start: int, end: int) -> None:
    """Strings a style sheet draws at an element, each on a line of its own, standing for
    the tag at [start, end)."""
    for value in strings:
        out.put("\n", start, start)
        out.put(value, start, end)
        out.put("\n", end, end)


def _refuse_too_deep(depth: int, at: int) -> int:
    """The depth of a data: page inside one `depth` deep; refused past the deepest read as
    pages: read as text there, its words would still be percent-encoded, as no reader sees
    them."""
    if depth + 1 > _MAX_DEPTH and _reads(DATA_TEXT):
        raise _Reordered(at, f"data: pages {_MAX_DEPTH} deep", "markup_unplaced")
    return depth + 1


def _data_text(url: str) -> tuple[str, str] | None:
    """The media type and decoded text of a `data:` URL, or None when it is none."""
    import base64
    from urllib.parse import unquote_to_bytes

    head, comma, body = url.strip().partition(",")
    if not comma or not head.lower().startswith("data:"):
        return None
    params = [p.strip().lower() for p in head[len("data:"):].split(";")]
    media = params[0] or "text/plain"
    data = unquote_to_bytes(body)
    if "base64" in params[1:]:
        try:
            data = base64.b64decode(re.sub(rb"\s+", b"", data) + b"==", validate=False)
        except ValueError:
            return None
    charset = next((p.split("=", 1)[1].strip("'\"") for p in params[1:]
                    if p.startswith("charset=")), "utf-8")
    try:
        return media, data.decode(charset, "replace")
    except LookupError:
        return media, data.decode("utf-8", "replace")


def _data_page(url: str, frame: bool = True) -> tuple[str | None, bool]:
    """The text of a data: URL that a frame shows (`frame`) or an image draws, and whether it
    is markup; None for media that show no text (a PNG). A frame shows HTML, SVG and XML as
    markup, and any other text (text/*, JSON) as it is; an image, SVG only."""
    found = _data_text(url)
    if found is None:
        return None, False
    media = found[0]
    markup = media in ("text/html", "application/xhtml+xml", "image/svg+xml") or \
        media.endswith(("/xml", "+xml"))
    if not _reads(DATA_TEXT):  # as pages were read before: HTML and plain text in frames
        markup = media in ("text/html", "application/xhtml+xml")
        return (found[1], markup) if frame and (markup or media == "text/plain") else \
            (None, False)
    if media.startswith("image/") and not markup:
        return None, False
    shown = markup or media.startswith("text/") or media in ("application/json",
                                                               "application/javascript")
    return (found[1], markup) if shown and (frame or media.startswith("image/")) else \
        (None, False)


def _data_css(url: str) -> str | None:
    """The style sheet a `data:` address holds (`data:text/css;base64,…`), or None."""
    found = _data_text(url)
    return found[1] if found is not None and found[0] in ("text/css", "text/plain") else None


def _unparted(out: _Builder, line: Line, start: int, end: int) -> None:
    """At a line's end ([start, end): what ends it, a tag or a blank line): the line again
    without what its elements hide, when that parted it, standing for what ends it."""
    kept = line.flush()
    if kept is not None and _reads(DATA_TEXT):
        out.put("\n" + kept + "\n", start, max(end, start + 1))


class _HtmlVisible(HTMLParser):
    def __init__(self, text: str, depth: int) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.depth = depth
        self.out = _Builder()
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.hidden = 0
        self.templates: list[bool] = []  # for each open <template>: whether it hides
        self.in_style = False  # inside a <style> that applies (in no template, no script)
        self.foreign = 0  # inside <svg> or <math>, where a <style>'s content is markup
        self.drawn = _css_attributes(text)
        self.line = Line()  # the line without what its elements hide (review.parted)
        self.kept_breaks: list[str] = []  # open elements whose line ends are line ends
        self.placement = Placement()  # an SVG's text pieces (review.svgplaced)
        # `review published`: the page's style sheets, and the open elements they are matched
        # against (review.pagestyle)
        self.sheets = Sheets.of(text) if pagestyle.mode() else None
        self.path: list[Element] = []
        # for each element of `path`: the words the sheets draw after its text (`::after`),
        # put at its end tag (the SHOWING reading, red-team pass 78)
        self.after: list[list[str]] = []

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _tag_end(self, start: int) -> int:
        end = self.text.find(">", start)
        return len(self.text) if end < 0 else end + 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _FOREIGN:
            self.foreign += 1
        values = dict(attrs)
        if _NOTED.get() is not None:
            _note_tag(tag, _noted_values(self.get_starttag_text() or "", attrs))
        if tag == "template":
            # a declarative shadow root is shown in place of its host's content
            hides = self.hidden > 0 or not _shadow_root(values)
            self.templates.append(hides)
            if not hides:
                return
        if tag in _HIDDEN_TAGS:
            self.in_style = tag == "style" and not self.hidden
            self.hidden += 1
            return
        start = self._pos()
        if self.foreign and not self.hidden and (placed := self.placement.start(tag, values)):
            raise _Reordered(start, placed)  # pieces of SVG text placed out of their order
        if tag == "link" and "stylesheet" in (values.get("rel") or "").lower().split() and \
                not self.hidden and (values.get("href") or "").strip().lower().startswith(
                    "data:"):
            # a style sheet the page carries in its address: what it draws is shown
            end = self._tag_end(start)
            imported = _data_css(values["href"] or "")
            if imported is not None:
                _put_css(imported, self.out, start, end, 1, self.depth)
        raw = self.get_starttag_text() or ""
        end = start + len(raw) if raw and self.text.startswith(raw, start) else \
            self._tag_end(start)
        if tag in _TEXT_CONTENT and not self.cdata_elem:
            self.set_cdata_mode(tag)  # its content is text up to its end tag
        if tag not in VOID and _keeps_breaks(tag, values):
            self.kept_breaks.append(tag)
        if tag in _BLOCK_TAGS:
            if (self.line.unboxed or removes(values)) and _reads(IMAGES_AND_BREAKS):
                self.line.aside()  # a break no reader sees: the line goes on past it
            else:
                self.unparted(start, end)
        styled = None
        if self.sheets is not None and tag not in VOID:
            self.path.append(self.sheets.element(tag, values))
            styled = self.sheets.verdict(self.path, values)
        shown_before = not _unshown(self.line)
        self.line.start(tag, values, styled)
        if self.sheets is not None and tag not in VOID:
            self.drawn_at(start, end)
        if not self.hidden and (not _unshown(self.line) or shown_before and _frame_shown(
                tag, values, styled)):
            before = len(self.out.chars)
            _shown_attributes(self.text, start, end, self.out, self.depth, tag in _BLOCK_TAGS,
                              attrs, self.drawn)
            if tag not in _BLOCK_TAGS and "".join(self.out.chars[before:]).strip():
                self.line.aside()

    def handle_endtag(self, tag: str) -> None:
        if tag in _FOREIGN:
            self.foreign = max(0, self.foreign - 1)
        if tag == "template" and self.templates and not self.templates.pop():
            return  # a shadow root's end: nothing was hidden
        if tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
            self.in_style = False
        elif tag in _BLOCK_TAGS:
            start = self._pos()
            if not (self.line.unboxed and _reads(IMAGES_AND_BREAKS)):
                self.unparted(start, self._tag_end(start))
            self.out.put("\n", start, self._tag_end(start))
        if tag in self.kept_breaks:
            del self.kept_breaks[len(self.kept_breaks) - 1 - self.kept_breaks[::-1].index(tag):]
        tags = [e.tag for e in self.path]
        if tag in tags:
            at = len(tags) - 1 - tags[::-1].index(tag)
            drawn = [w for after in reversed(self.after[at:]) for w in after]
            if drawn:  # the element's, and those of elements its end tag closes
                start = self._pos()
                _put_strings(self.out, drawn, start, self._tag_end(start))
            del self.path[at:], self.after[at:]
        self.line.end(tag)

    def drawn_at(self, start: int, end: int) -> None:
        """In the SHOWING reading of a published page: the words its style sheets may draw
        at the element just opened — `::before`, a marker, quotation marks, at its start tag,
        `::after` at its end tag — where the reader sees them, not where the sheet is (in the
        page's head, read as its chrome): words drawn inside the post are a passage added
        there (red-team pass 78)."""
        if pagestyle.mode() != pagestyle.SHOWING or self.hidden or _unshown(self.line) or \
                not _reads(CSS_TEXT):
            self.after.append([])
            return
        before, after = self.sheets.drawn(self.path)
        if before:
            _put_strings(self.out, before, start, end)
        self.after.append(after)

    def unparted(self, start: int, end: int) -> None:
        _unparted(self.out, self.line, start, end)


    def handle_data(self, data: str) -> None:
        if self.hidden:
            if self.in_style:
                self.style_sheet(data, self._pos())
            return
        if _unshown(self.line):
            return
        start = self._pos()
        before = len(self.out.chars)
        # The parser hands data through unchanged, so it lies at start in the original.
        if self.text.startswith(data, start):
            self.out.decoded(self.text, start, start + len(data))
        else:  # never left out: located where the parser is
            self.out.put(html.unescape(data), start, min(start + len(data), len(self.text)))
        if not self.kept_breaks and not self.cdata_elem and _reads(SOFT_BREAKS):
            # a line end in the text is white space to a browser: 冰⏎毒 shows 冰 毒
            self.out.chars[before:] = [c.replace("\n", " ") for c in self.out.chars[before:]]
        self.line.read("".join(self.out.chars[before:]))

    def style_sheet(self, data: str, start: int) -> None:
        """A <style> element's content (which the parser hands through unchanged). Inside
        <svg> or <math> a browser parses it as markup: references are decoded and a CDATA
        section's brackets dropped before its CSS is read."""
        if self.foreign and ("&" in data or "<![CDATA[" in data):
            css = html.unescape(data.replace("<![CDATA[", "").replace("]]>", ""))
            _put_css(css, self.out, start, min(start + len(data), len(self.text)),
                     page_depth=self.depth)
        elif self.text.startswith(data, start):
            _put_css(data, self.out, start, None, page_depth=self.depth)
        else:  # never left out: standing for where the parser is
            _put_css(data, self.out, start, min(start + len(data), len(self.text)),
                     page_depth=self.depth)

    def unknown_decl(self, data: str) -> None:
        """<![CDATA[…]]>: text in SVG and MathML, read wherever it is."""
        if _NOTED.get() is not None and not self.foreign and ">" in data:
            # elsewhere a bogus comment, which a browser ends at its first `>`: what follows
            # is markup, whose pictures load
            with suppress(_Reordered):  # said by the check's own reading of the page
                _html(data[data.index(">") + 1:] + "]]>", self.depth + 1)
        if self.hidden or not data.startswith("CDATA["):
            return
        start = self._pos() + len("<![CDATA[")
        if self.text.startswith(data[6:], start):
            self.out.copy(self.text, start, start + len(data) - 6)

    def _ref(self, raw: str) -> None:
        if self.hidden or _unshown(self.line):
            return
        start = self._pos()
        end = start + len(raw)
        if self.text.startswith(raw, start):
            decoded = html.unescape(raw)
            if not self.kept_breaks and not self.cdata_elem and _reads(SOFT_BREAKS):
                decoded = decoded.replace("\r", " ").replace("\n", " ")  # &#10;: a space
            self.out.put(decoded, start, end)
            self.line.read(decoded)

    def handle_entityref(self, name: str) -> None:
        raw = f"&{name};" if self.text.startswith(f"&{name};", self._pos()) else f"&{name}"
        self._ref(raw)

    def handle_charref(self, name: str) -> None:
        self._ref(f"&#{name};")


_KEPT_BREAKS = frozenset({"pre", "listing", "textarea", "xmp", "plaintext"})


def _keeps_breaks(tag: str, values: dict[str, str | None]) -> bool:
    """Whether an element shows the line ends of its text as line ends: <pre> and its kin, or
    a style keeping them (`white-space: pre`, `pre-wrap`, `pre-line`, `break-spaces`)."""
    if tag in _KEPT_BREAKS:
        return True
    style = values.get("style") or ""
    if "white-space" not in style.lower():
        return False
    from review.inlinestyle import declared

    found = declared(style)
    kept = {"pre", "pre-wrap", "pre-line", "break-spaces", "preserve", "preserve-breaks"}
    return any(t.type == "ident" and t.lower_value in kept
               for name in ("white-space", "white-space-collapse")
               for t in found.get(name) or [])


def _shadow_root(values: dict) -> bool:
    """Whether a <template>'s attributes make it a declarative shadow root (shadowrootmode,
    or Chrome's earlier shadowroot, open or closed), which browsers show."""
    return _reads(DATA_TEXT) and any(
        (values.get(name) or "").strip().lower() in ("open", "closed")
        for name in ("shadowrootmode", "shadowroot"))


# Openings of markup that can never close: a tag (`<a`, `</a`, `<!x`, `<?x`) after the last
# `>`, a comment after the last `-->`, a marked section after the last `]]>`. This Python's
# parser looks for each one's end to the end of the text and then reads it as text, one at a
# time: 20,000 of them (`<a<a<a…`, 40 KB) took seconds, 400 KB minutes. No browser shows
# them (the end of the file inside a tag drops it); past this many, the page is refused.
_OPENING = re_compile(r"<[A-Za-z/!?]")
_MAX_UNCLOSED = 1000


def _refuse_unclosed(text: str, written: str) -> None:
    """`text`: the page as the parser is fed it (comments ended where a browser ends them),
    with the offsets of the page as `written`."""
    after_tags = text.rfind(">") + 1
    found = [(len(_OPENING.findall(text, after_tags)), _OPENING.search(text, after_tags))]
    for opening, closing in (("<!--", "-->"), ("<![", "]]>")):
        since = max(0, text.rfind(closing))
        found.append((text.count(opening, since, after_tags),
                      text.find(opening, since, after_tags)))
    count = sum(n for n, _ in found)
    if count > _MAX_UNCLOSED:
        first = min(at if isinstance(at, int) else at.start()
                    for n, at in found if n and at is not None)
        raise InputError("unclosed_markup", count=count, where=_location(written, first))


def _html(text: str, depth: int) -> View:
    if depth > _MAX_DEPTH:
        out = _Builder()
        out.decoded(text, 0, len(text))
        return out.view()
    fed = _html5_end_tags(_html5_comments(text))
    _refuse_unclosed(fed, text)
    parser = _HtmlVisible(text, depth)
    parser.feed(fed)
    parser.close()
    rest = parser.rawdata  # the content of a text area (or title…) never closed: to the end
    if rest and parser.cdata_elem in _TEXT_CONTENT and not parser.hidden:
        start = len(text) - len(rest)
        parser.out.decoded(text, start, len(text))
    elif rest and parser.in_style:  # a style sheet never closed applies to the end
        parser.style_sheet(rest, len(text) - len(rest))
    parser.unparted(max(0, len(text) - 1), len(text))
    return parser.out.view()


_COMMENT_START = re_compile(r"<!--")
_COMMENT_END = re_compile(r"--!?>")


def _html5_comments(text: str) -> str:
    """The text with its comments ended where a browser ends them (the HTML5 tokenizer):
    `<!-->` and `<!--->` are whole, empty comments, and `--!>` closes one as `-->` does —
    this Python's parser knows only `-->`, and would hide what follows. Rewritten in place
    with as many characters, so offsets still index the draft."""
    out = []
    pos = 0
    while (m := _COMMENT_START.search(text, pos)) is not None:
        after = m.end()
        if text.startswith(">", after) or text.startswith("->", after):
            end = after + (1 if text[after] == ">" else 2)
            out.append(text[pos:m.start()] + "<i" + " " * (end - m.start() - 3) + ">")
            pos = end
            continue
        close = _COMMENT_END.search(text, after)
        if close is None:
            break
        replaced = " -->" if close.group() == "--!>" else close.group()
        out.append(text[pos:close.start()] + replaced)
        pos = close.end()
    out.append(text[pos:])
    return "".join(out)


# An end tag of an element whose content is raw text, with something after its name (an
# attribute, a slash): a browser ends the element there; this Python's parser does not, and
# would hide the rest of the page.
_RAW_END = re_compile(r"</(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript"
                      r"|plaintext)([\s/][^>]*)>", re.IGNORECASE)


def _html5_end_tags(text: str) -> str:
    """Such end tags with their tail blanked (as many characters: offsets still hold)."""
    return _RAW_END.sub(lambda m: f"</{m.group(1)}{' ' * len(m.group(2))}>", text)


def html_view(text: str) -> View:
    """What a reader of the page is shown; an InputError when the page shows text in another
    order than it is written."""
    try:
        view = _html(text, 0)
    except _Reordered as found:
        raise _refusal(text, found) from None
    _refuse_controls(text, view)
    return view


# Markdown: everything is visible except link targets, reference definitions, HTML tags and
# comments. Emphasis marks and heading hashes are noise the matcher skips anyway.
# Only what CommonMark takes for a link or a definition is hidden: a destination without
# spaces (or in <>), then an optional title; a definition on a line of its own. Anything else
# in brackets and parentheses is text a reader sees (an escaped \[…\](…) included).
_MD_DESTINATION = r"(?:<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)"
# (reading 8) as CommonMark: only a space or an ASCII control ends it, not a no-break space,
# and in <> an escaped `\>` or `\<` is part of it
_MD_DESTINATION_8 = (r"(?:<(?:[^<>\n\\]|\\[^\n])*>|[^\x00-\x20\x7f()<>]*"
                     r"(?:\([^\x00-\x20\x7f()]*\)[^\x00-\x20\x7f()<>]*)*)")
# white space inside a tag: at most one line end (a blank line ends the paragraph, and the tag)
_MD_SPACE = r"(?:[ \t]+\n?[ \t]*|\n[ \t]*)"
_MD_SPACE0 = r"[ \t]*\n?[ \t]*"
_MD_ATTRIBUTE = (rf"""(?:{_MD_SPACE}[A-Za-z_:][A-Za-z0-9_.:-]*"""
                 rf"""(?:{_MD_SPACE0}={_MD_SPACE0}(?:[^"'=<>`\s]+|'[^'\n]*(?:\n[^'\n]+)*'"""
                 r"""|"[^"\n]*(?:\n[^"\n]+)*"))?)""")
_MD_TAG = (rf"<[A-Za-z][A-Za-z0-9-]*{_MD_ATTRIBUTE}*{_MD_SPACE0}/?>"
           rf"|</[A-Za-z][A-Za-z0-9-]*{_MD_SPACE0}>")
# elements whose content a browser never shows as text
_MD_RAW = re_compile(r"<(script|style|template)\b", re.IGNORECASE)
# Where Markdown shows everything as written: code blocks (fenced, or indented after a blank
# line) and code spans. A tag or a comment there is text a reader sees.
_MD_LITERAL = re_compile(
    # a fence (in a quotation too), to its closing fence or the end
    r"^(?:[ ]{0,3}>[ ]?)*[ ]{0,3}(?P<fence>`{3,}|~{3,})[^\n]*\n.*?"
    r"(?:^(?:[ ]{0,3}>[ ]?)*[ ]{0,3}(?P=fence)[ \t]*$|\Z)"
    # any line indented as code (in a list it may be a continuation: shown either way)
    r"|^(?:[ ]{4}|[ ]{0,3}\t)[^\n]*$"
    # a code span, opened by a backtick that is not escaped
    r"|(?<![`\\])(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)",
    re.MULTILINE | re.DOTALL)
# The same without fences (reading 6): `_md_fences` finds those line by line, as CommonMark
# does — a fence is closed only by one of its own character, at least as long, at the depth of
# quotation it opened at, and ends with its quotation; a fence the check takes for closed where
# a reader's goes on turns what follows from code into Markdown, whose links and definitions
# hide text the reader is shown.
_MD_UNFENCED = re_compile(
    r"^(?:[ ]{4}|[ ]{0,3}\t)[^\n]*$"
    r"|(?<![`\\])(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)",
    re.MULTILINE | re.DOTALL)
# a fence's opening line: quotation markers, list markers, at most three spaces, the fence
_MD_FENCE_OPEN = re_compile(
    r"(?P<quotes>(?:[ ]{0,3}>[ ]?)*)(?P<items>(?:[ ]{0,3}(?:[-+*]|[0-9]{1,9}[.)])[ ]{1,4})*)"
    r"[ ]{0,3}(?P<fence>`{3,}(?=[^`]*$)|~{3,})")
_MD_QUOTE_MARK = re_compile(r"[ ]{0,3}>[ ]?")


def _md_fences(text: str) -> list[tuple[int, int]]:
    """The spans of fenced code blocks, each from its opening line to its closing one (or to
    where its quotation or its list item ends, or the end)."""
    spans: list[tuple[int, int]] = []
    # start, quotation depth, fence char, length, the column of its list item's content
    opened: tuple[int, int, str, int, int] | None = None
    at = 0
    for line in text.split("\n"):
        depth = _MD_QUOTED.match(line).group().count(">")
        if opened is not None:
            start, at_depth, char, length, column = opened
            inner = line
            for _ in range(at_depth):
                inner = inner[m.end():] if (m := _MD_QUOTE_MARK.match(inner)) else inner
            blank = not inner.strip(" \t")
            if not blank and (depth < at_depth or len(inner) - len(inner.lstrip(" ")) < column):
                spans.append((start, max(start, at - 1)))  # its quotation or item ended: so did it
                opened = None
            else:
                if re.fullmatch(rf"[ ]{{0,3}}{re.escape(char)}{{{length},}}[ \t]*",
                                inner[column:]):
                    spans.append((start, at + len(line)))
                    opened = None
                at += len(line) + 1
                continue
        if (m := _MD_FENCE_OPEN.match(line)) is not None:
            fence = m.group("fence")
            opened = (at, m.group("quotes").count(">"), fence[0], len(fence), len(m.group("items")))
        at += len(line) + 1
    if opened is not None:
        spans.append((opened[0], len(text)))
    return spans


def _md_literal(text: str) -> list[tuple[int, int]]:
    """Where Markdown shows everything as written (code), sorted by start."""
    if not _reads(RAW_BLOCKS):
        return [m.span() for m in _MD_LITERAL.finditer(text)]
    fences = _md_fences(text)
    out = list(fences)
    for m in _MD_UNFENCED.finditer(text):
        if not any(a <= m.start() < b for a, b in fences):
            out.append(m.span())
    return sorted(out)


# HTML blocks (CommonMark 4.6): the lines of one are raw HTML, in which a browser shows
# Markdown's link syntax as written. Types 1-5 run to their end marker, blank lines and all;
# 6 (a block element's tag) and 7 (any tag alone on its line, not under a paragraph's line)
# to a blank line.
_MD_HTML_START = re_compile(
    r"(?:[ ]{0,3}>[ ]?)*(?:[ ]{0,3}(?:[-+*]|[0-9]{1,9}[.)])[ ]{1,4})*[ ]{0,3}(?:"
    r"(?P<t1><(?:pre|script|style|textarea)(?:[ \t>]|$))|(?P<t2><!--)|(?P<t3><\?)"
    r"|(?P<t5><!\[CDATA\[)|(?P<t4><![A-Za-z])"
    r"|(?P<t6></?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col"
    r"|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame"
    r"|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav"
    r"|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th"
    r"|thead|title|tr|track|ul)(?:[ \t]|/?>|$))"
    rf"|(?P<t7>(?:{_MD_TAG})[ \t]*$))",
    re.IGNORECASE)
_MD_HTML_END = {"t1": re_compile(r"</(?:pre|script|style|textarea)>", re.IGNORECASE),
                "t2": re_compile(r"-->"), "t3": re_compile(r"\?>"), "t4": re_compile(r">"),
                "t5": re_compile(r"\]\]>")}


def _md_html_blocks(text: str, literal: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of HTML blocks outside code. Generous where unsure (a block in a list or a
    quotation is taken to its blank line): what it holds is then shown, which only adds to
    what is checked."""
    spans: list[tuple[int, int]] = []
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    i = 0
    while i < len(lines):
        m = _MD_HTML_START.match(lines[i])
        if m is None or any(a <= starts[i] < b for a, b in literal) or (
                m.group("t7") and i > 0 and lines[i - 1].strip(" \t>")):
            i += 1  # type 7 cannot interrupt a paragraph
            continue
        kind = next(k for k in ("t1", "t2", "t3", "t5", "t4", "t6", "t7") if m.group(k))
        j = i
        if kind in _MD_HTML_END:
            while j < len(lines) and not _MD_HTML_END[kind].search(lines[j], m.start(kind)
                                                                   if j == i else 0):
                j += 1
        else:
            while j + 1 < len(lines) and lines[j + 1].strip(" \t>"):
                j += 1
        spans.append((starts[i], min(starts[min(j, len(lines) - 1) + 1] - 1, len(text))))
        i = j + 1
    return spans


_MD_LINK_TITLE = r"""(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\))"""
_MD_HIDDEN_TEXT = (
    r"(?P<shortcut>!\[[^\[\]\n]+\](?![\[(]))"                  # ![label], a shortcut image
    rf"|(?P<target>(?<=\])(?<!\\\])\([ \t]*{_MD_DESTINATION}(?:[ \t]+{_MD_LINK_TITLE})?"
    r"[ \t]*\))"                                                     # [text](target "title")
    r"|(?P<label>(?<=\])(?<!\\\])\[[^\[\]\n]*\])"                 # [text][label], [text][]
    rf"|(?P<definition>^[ ]{{0,3}}\[[^\]\n]+\]:[ \t]*{_MD_DESTINATION}"
    rf"(?:[ \t]+{_MD_LINK_TITLE})?[ \t]*$)"                          # [id]: https://… "title"
    r"|<!--(?:-?>|.*?--!?>)"       # a comment, ended where a browser ends it (HTML5)
    # (reading 7) a processing instruction, a declaration, a CDATA section: raw HTML to
    # CommonMark, a bogus comment to a browser, which ends it at its first `>`
    r"|(?P<bogus>(?=<\?.*?\?>)<\?[^>]*>|<![A-Za-z][^>]*>|(?=<!\[CDATA\[.*?\]\]>)<!\[CDATA\[[^>]*>)"
    rf"|(?P<tag>{_MD_TAG})"         # raw HTML as CommonMark takes it: else shown as text
)
_MD_HIDDEN = re_compile(_MD_HIDDEN_TEXT, re.MULTILINE | re.DOTALL)
_MD_HIDDEN_8 = re_compile(_MD_HIDDEN_TEXT.replace(_MD_DESTINATION, _MD_DESTINATION_8),
                          re.MULTILINE | re.DOTALL)
_MD_BREAK_TAG = re_compile(r"</?(?:p|div|br|li|h[1-6]|tr|td|th)\b", re.IGNORECASE)
# a link's title, shown as its tooltip: after the target, in quotes or parentheses
_MD_TITLE = re_compile(r"""\s(?:"([^"]*)"|'([^']*)'|\(([^()]*)\))\s*\)?\s*$""")


def _escaped(text: str, at: int) -> bool:
    """Whether the character at `at` follows an odd run of backslashes."""
    run = 0
    while at - run - 1 >= 0 and text[at - run - 1] == "\\":
        run += 1
    return run % 2 == 1


def _md_link_text_before(text: str, end: int, literal: list[tuple[int, int]],
                         tags: list[tuple[int, int]] = ()) -> bool:  # type: ignore[assignment]
    """Whether the `]` before `end` closes a link text: an unescaped `[` opens it on the
    same line, outside code, and what they hold is no link itself (links do not nest)."""
    return _md_link_open(text, end, literal, tags) is not None


_MD_DEFINED = re_compile(r"^[ ]{0,3}\[([^\]\n]+)\]:", re.MULTILINE)
# and (reading 4) inside block quotes and list items, where CommonMark defines them too
_MD_DEFINED_INSIDE = re_compile(
    r"^(?:[ ]{0,3}(?:>[ ]?|(?:[-+*]|[0-9]{1,9}[.)])[ \t]+))*[ ]{0,3}\[([^\]\n]+)\]:",
    re.MULTILINE)


def _md_destined(text: str, end: int) -> bool:
    """Whether a definition-shaped line, its label's `]:` ending at `end`, names a
    destination on its line (reading 7): `[r]:` with nothing after it is no definition to
    CommonMark but a paragraph a reader is shown. (A destination on the next line is taken
    for none: the line is then read, which only adds to what is checked.)"""
    if not _reads(INLINE_HTML):
        return True
    line_end = text.find("\n", end)
    return bool(text[end:len(text) if line_end < 0 else line_end].strip(" \t\r"))


# (reading 7) a line that ends the paragraph above it: blank, a heading, a fence, a
# quotation, a thematic break or a setext underline, a list item (an ordered one only from 1,
# unless the paragraph is a list item's), an HTML block of types 1-6, a table's delimiter row
_MD_INTERRUPTS = re_compile(
    r"[ \t]*$|[ ]{0,3}(?:#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|>|(?:[-*_][ \t]*){3,}$|=+[ \t]*$|-+[ \t]*$"
    r"|[-+*](?:[ \t]|$)|0*1[.)](?:[ \t]|$)|\|?[ \t]*:?-+:?[ \t]*\|)")
_MD_ORDERED_ITEM = re_compile(r"[ \t]*[0-9]{1,9}[.)](?:[ \t]|$)")
_MD_DELIMITER_ROW = re_compile(r"[ ]{0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-*:?[ \t]*)*\|?[ \t]*")


def _md_inline_spans(text: str, start: int, end: int) -> bool:
    """Whether inline raw HTML at [start, end) (a comment, a bogus comment) lies inside one
    paragraph, as CommonMark takes it (reading 7): every line end it crosses goes on the
    paragraph it opened in. Else CommonMark never saw it as HTML: its `<!--` is shown as text
    and what follows is Markdown a reader is shown — a comment opened in a paragraph and
    closed after a blank line, a heading or a list item hides nothing."""
    if not _reads(INLINE_HTML) or "\n" not in text[start:end]:
        return True
    first = text[text.rfind("\n", 0, start) + 1:start]
    quoted = _MD_QUOTED.match(first)
    depth, body = quoted.group().count(">"), first[quoted.end():]
    if re.match(r"[ ]{0,3}#{1,6}(?:[ \t]|$)", body):
        return False  # a heading is one line
    in_item = _MD_LIST_ITEM.match(body) is not None
    at = text.find("\n", start, end)
    while at >= 0:
        line_end = text.find("\n", at + 1)
        line = text[at + 1:len(text) if line_end < 0 else line_end]
        q = _MD_QUOTED.match(line)
        after = line_end + 1 if line_end >= 0 else len(text)
        following = text[after:text.find("\n", after) if text.find("\n", after) >= 0
                         else len(text)]
        rest = line[q.end():]
        if q.group().count(">") > depth or _MD_INTERRUPTS.match(rest) or (
                in_item and _MD_ORDERED_ITEM.match(rest)) or \
                ((m := _MD_HTML_START.match(rest)) and not m.group("t7")) or \
                ("|" in rest and "|" in following and _MD_DELIMITER_ROW.fullmatch(following)):
            return False
        at = text.find("\n", at + 1, end)
    return True


_MD_DEFINITION_LINE = re_compile(
    rf"[ ]{{0,3}}\[[^\]\n]+\]:[ \t]*{_MD_DESTINATION}(?:[ \t]+{_MD_LINK_TITLE})?[ \t]*")
_MD_DEFINITION_LINE_8 = re_compile(
    rf"[ ]{{0,3}}\[[^\]\n]+\]:[ \t]*{_MD_DESTINATION_8}(?:[ \t]+{_MD_LINK_TITLE})?[ \t]*")
# lines after which a new block begins: an ATX heading, a thematic break
_MD_BLOCK_ENDED = re_compile(r"[ ]{0,3}(?:#{1,6}(?:[ \t].*)?|(?:([-*_])[ \t]*)(?:\1[ \t]*){2,})")


def _md_continues(text: str, start: int) -> bool:
    """Whether the definition-shaped line starting at `start` goes on a paragraph (a list
    item's, a quotation's, lazily) instead of being a definition: CommonMark lets no definition
    interrupt a paragraph, so `正文⏎[r]: 出售…` is one paragraph a reader sees whole. Hidden only
    after a blank line, a heading or a thematic break, or under definitions that are hidden
    (the document's start too); any other line before it — code, a fence, HTML — keeps it
    shown, which only adds to what is checked."""
    while start > 0:
        begin = text.rfind("\n", 0, start - 1) + 1
        line = text[begin:start - 1]
        # a blank line holds spaces and tabs only: one of U+3000 or U+00A0 is a paragraph's
        if not line.strip(" \t\r" if _reads(RAW_BLOCKS) else None) or \
                _MD_BLOCK_ENDED.fullmatch(line):
            return False
        if not (_MD_DEFINITION_LINE_8 if _reads(DESTINATIONS) else
                _MD_DEFINITION_LINE).fullmatch(line) or line.lstrip(" ").startswith("[^") or \
                not _md_labelled(line) or not _md_destined(line, line.index("]:") + 2):
            return True  # text, or a footnote (shown: a paragraph of its own that goes on)
        start = begin
    return False


_MD_UNESCAPED_BRACKET = re_compile(r"(?<!\\)(?:\\\\)*\[")


def _md_labelled(definition: str) -> bool:
    """Whether a definition-shaped line's label is one CommonMark takes (reading 6): not
    spaces and tabs only, no bracket unescaped inside, its `]` not escaped, 999 characters at
    most. Else the line is no definition, but text a reader is shown."""
    if not _reads(RAW_BLOCKS):
        return True
    label = definition[definition.index("[") + 1:definition.index("]:")]
    trailing = len(label) - len(label.rstrip("\\"))
    return bool(label.strip(" \t")) and len(label) <= 999 and trailing % 2 == 0 and \
        _MD_UNESCAPED_BRACKET.search(label) is None


# what a reader is shown nothing of: a comment, a script's, style's or template's content
_MD_UNSHOWN = re_compile(r"<!--(?:-?>|.*?--!?>|.*\Z)|<(script|style|template)\b.*?(?:</\1|\Z)",
                         re.IGNORECASE | re.DOTALL)


def _md_elsewhere(text: str, literal: list[tuple[int, int]],
                  html_blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where a definition-shaped line defines nothing (reading 6): code, HTML blocks,
    comments and scripts (taken generously: a label then names nothing, and is read)."""
    if not _reads(RAW_BLOCKS):
        return []
    return literal + html_blocks + [m.span() for m in _MD_UNSHOWN.finditer(text)]


def _md_defines(text: str, d: re.Match, elsewhere: list[tuple[int, int]]) -> bool:
    """Whether a definition-shaped line `d` defines its label (reading 6): not inside code,
    an HTML block, a comment or a script (`[详见][出售…]` then names no definition and is shown
    whole), nor a paragraph's line. Where unsure, no: the reference is then read as text."""
    if not _reads(RAW_BLOCKS):
        return True
    at = d.start()
    if any(a <= at < b for a, b in elsewhere) or not _md_destined(text, d.end()):
        return False
    return not (text[at:at + 4].lstrip(" ").startswith("[") and _md_continues(text, at))


_MD_ESCAPED = re_compile(r"\\([!-/:-@\[-`{-~])")
# a reference CommonMark decodes in a destination: with its `;` (`&lt` is text)
_MD_DESTINATION_REF = re_compile(
    r"&(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")


def _md_destination(raw: str) -> str:
    """A link's or definition's destination as CommonMark reads it from what follows its
    `(` or `]:`: in <> or up to white space, escapes and references decoded."""
    raw = raw.lstrip(" \t\n")
    if raw.startswith("<"):  # to its first `>` not escaped
        found = re.match(r"<((?:[^<>\n\\]|\\[^\n])*)", raw).group(1)
    else:  # to a space or an ASCII control, not to a no-break space
        found = re.split(r"[\x00-\x20\x7f]", raw, maxsplit=1)[0]
    return _MD_DESTINATION_REF.sub(lambda m: html.unescape(m.group()),
                                   _MD_ESCAPED.sub(r"\1", found))


def _md_destinations(text: str, elsewhere: list[tuple[int, int]]) -> dict[str, str]:
    """label → destination of the document's definitions (the first of a label wins)."""
    out: dict[str, str] = {}
    for d in _MD_DEFINED_INSIDE.finditer(text):
        if _md_labelled(d.group()) and _md_defines(text, d, elsewhere):
            line_end = text.find("\n", d.end())
            out.setdefault(_md_label(d.group(1)), _md_destination(
                text[d.end():len(text) if line_end < 0 else line_end]))
    return out


def _md_label(label: str) -> str:
    """A reference's label as CommonMark matches it: case and runs of white space aside."""
    return " ".join(label.split()).casefold()


def _md_reference(text: str, m: re.Match, opened: int | None, defined: set[str]) -> bool:
    """Whether `[label]` (m) after a link text opened at `opened` makes a link or image of a
    definition the document holds (`[text][]` names its text): the label is then not shown."""
    if opened is None:
        return False
    label = m.group()[1:-1] or text[opened + 1:m.start() - 1]
    return bool(label.strip()) and _md_label(label) in defined


def _md_link_open(text: str, end: int, literal: list[tuple[int, int]],
                  tags: list[tuple[int, int]] = ()) -> int | None:  # type: ignore[assignment]
    """Where the `[` opening the link text whose `]` is before `end` stands, or None. A
    bracket inside a tag (`<a title="[">`, tags: reading 7) is no bracket: raw HTML is one
    piece to CommonMark."""
    line_start = text.rfind("\n", 0, end) + 1
    depth = 0
    for i in range(end - 1, line_start - 1, -1):
        if tags and text[i] in "[]" and any(a <= i < b for a, b in tags):
            continue
        escaped = _escaped(text, i)
        if text[i] == "]" and not escaped:
            depth += 1
        elif text[i] == "[" and not escaped:
            depth -= 1
            if depth == 0:
                inside = any(a <= i < b or a <= end - 1 < b for a, b in literal)
                return i if not inside and "](" not in text[i:end - 1] else None
    return None


def markdown_view(text: str) -> View:
    """What a reader of the rendered Markdown is shown; an InputError when it shows text in
    another order than it is written (inline HTML, references)."""
    try:
        view = _markdown(text)
    except _Reordered as found:
        raise _refusal(text, found) from None
    _refuse_controls(text, view)
    return view


_MD_BLANK = re.compile(r"\n[ \t]*\n")  # a paragraph's end
# Block quote markers before a line's text, and what a line of a paragraph may not be: a
# heading, a list item, a quotation, a fence, a table row, an HTML block, a setext underline or
# a thematic break (with those a line end ends the paragraph, or the line before is no text).
_MD_QUOTED = re_compile(r"(?:[ ]{0,3}>[ ]?)*")
_MD_NOT_TEXT = re_compile(
    r"[ \t]*(?:$|#{1,6}(?:[ \t]|$)|[-+*](?:[ \t]|$)|[0-9]{1,9}[.)](?:[ \t]|$)|>|`{3}|~{3}|<"
    r"|[|]|[=]+[ \t]*$|(?:[-*_][ \t]*){3,}$|\[[^\]\n]+\]:)")
_MD_LIST_ITEM = re_compile(r"[ ]{0,3}(?:[-+*]|[0-9]{1,9}[.)])[ \t]+(?=\S)")


def _md_soft_breaks(text: str, literal: list[tuple[int, int]]) -> list[int]:
    """The line ends inside a Markdown paragraph (soft breaks, which a reader sees as a space):
    both lines text of one paragraph, at the same quotation depth or the second lazily
    continuing it, the first ending in no hard break (two spaces, a backslash) and no line of
    a table. Conservative: a line end not surely soft is left a line end."""
    if not _reads(SOFT_BREAKS):
        return []
    out = []
    lines = text.split("\n")
    at = 0
    for this, following in zip(lines, lines[1:], strict=False):
        end = at + len(this)
        at = end + 1
        if any(a <= end + 1 and end - 1 < b for a, b in literal) or \
                this.endswith(("  ", "\\")):
            continue
        quoted, next_quoted = _MD_QUOTED.match(this), _MD_QUOTED.match(following)
        depth, next_depth = quoted.group().count(">"), next_quoted.group().count(">")
        if next_depth not in (0, depth):
            continue
        body = this[quoted.end():]
        body = body[m.end():] if (m := _MD_LIST_ITEM.match(body)) else body
        if _MD_NOT_TEXT.match(body) or "|" in body or \
                _MD_NOT_TEXT.match(following[next_quoted.end():]):
            continue
        out.append(end)
    return out


def _md_decoded(out: _Builder, text: str, start: int, end: int, soft: list[int]) -> None:
    """Markdown text [start, end), references decoded, each soft break read as a space."""
    breaks = _reads(SOFT_BREAKS)  # a line end written as a reference is white space
    for at in soft[bisect.bisect_left(soft, start):bisect.bisect_left(soft, end)]:
        out.decoded(text, start, at, _MD_REF, breaks)
        out.put(" ", at, at + 1)
        start = at + 1
    out.decoded(text, start, end, _MD_REF, breaks)


def _md_text(out: _Builder, line: Line, text: str, start: int, end: int,
             soft: list[int] = ()) -> None:  # type: ignore[assignment]
    """Markdown text [start, end) as shown, references decoded; at each paragraph's end, the
    paragraph again without what its inline elements hide (review.parted)."""
    if _unshown(line):
        return
    for blank in _MD_BLANK.finditer(text, start, end):
        before = len(out.chars)
        _md_decoded(out, text, start, blank.start(), soft)
        line.read("".join(out.chars[before:]))
        _unparted(out, line, blank.start(), blank.start() + 1)
        start = blank.start()
    before = len(out.chars)
    _md_decoded(out, text, start, end, soft)
    line.read("".join(out.chars[before:]))


def _markdown(text: str) -> View:
    out = _Builder()
    line = Line()
    placement = Placement()
    drawn = _css_attributes(text)
    pos = at = 0
    literal = _md_literal(text)
    html_blocks = _md_html_blocks(text, literal) if _reads(RAW_BLOCKS) else []
    elsewhere = _md_elsewhere(text, literal, html_blocks)
    defined = {_md_label(d.group(1)) for d in (
        _MD_DEFINED_INSIDE if _reads(SOFT_BREAKS) else _MD_DEFINED).finditer(text)
        if _md_labelled(d.group()) and _md_defines(text, d, elsewhere)}
    # the destinations of the definitions, when the resources a page loads are noted
    noting = _NOTED.get() is not None
    destinations = _md_destinations(text, elsewhere) if noting else {}
    soft = _md_soft_breaks(text, literal)
    # (reading 7) raw HTML, inside which a bracket opens or closes no link
    tags = [t.span() for t in re.finditer(_MD_TAG, text)] if _reads(INLINE_HTML) else []
    labels: set[int] = set()  # where each `[label]` hidden as a reference's label starts
    hidden = _MD_HIDDEN_8 if _reads(DESTINATIONS) else _MD_HIDDEN
    while (m := hidden.search(text, at)) is not None:
        at = m.end()
        commented = m.group().startswith("<!--") or m.group("bogus")
        if m.group("bogus") and not _reads(INLINE_HTML):
            at = m.start() + 1  # read as text, as reading 6 did
            continue
        if commented and not any(a <= m.start() < b for a, b in html_blocks) and \
                not _md_inline_spans(text, m.start(), m.end()):
            at = m.start() + 1  # `<!--` in one paragraph, `-->` in another: no comment
            continue
        if not (m.group("tag") or commented) and \
                any(a <= m.start() < b for a, b in html_blocks):
            # Markdown inside an HTML block: raw HTML, in which a browser shows the brackets,
            # a link's target and a definition as written
            at = m.start() + 1 if m.group("shortcut") else at
            continue
        if m.group("shortcut"):
            label = m.group()[2:-1]
            if not _reads(SOFT_BREAKS) or not label.strip() or \
                    _md_label(label) not in defined or _escaped(text, m.start()) or \
                    any(a <= m.start() < b for a, b in literal):
                at = m.start() + 1  # no image: `!` and brackets shown, what they hold read on
                continue
            # an image of a definition: its `!` and brackets are markup, its alt text read on
            # a line of its own (冰![r]毒 shows 冰, a picture, 毒)
            if noting and _md_label(label) in destinations:
                _NOTED.get().append(destinations[_md_label(label)])
            _md_text(out, line, text, pos, m.start(), soft)
            out.put("\n", m.start(), m.start() + 2)
            out.decoded(text, m.start() + 2, m.end() - 1, _MD_REF)
            out.put("\n", m.end() - 1, m.end())
            line.aside()
            pos = m.end()
            continue
        if m.group("target") and not _md_link_text_before(text, m.start(), literal, tags):
            continue  # (…) after brackets that are no link text: shown as written
        if m.group("definition") and _reads(DEFINITIONS) and (
                text[m.start():m.end()].lstrip(" ").startswith("[^")
                or _md_continues(text, m.start()) or not _md_labelled(m.group())
                or not _md_destined(text, text.index("]:", m.start()) + 2)):
            # a footnote, not a link's definition: GitHub, Hugo, Jekyll and Pandoc show its
            # text at the page's foot — and Chinese, written without spaces, is one run that
            # CommonMark alone would take for a link's target; or no definition at all, but
            # the text of the paragraph above it, which a definition cannot interrupt, or a
            # label CommonMark refuses (`[ ]`, `[a[b]`, `[a\\]`)
            continue
        if m.group("label"):
            opened = _md_link_open(text, m.start(), literal, tags)
            if not (_reads(IMAGES_AND_BREAKS) and _md_reference(text, m, opened, defined)) or \
                    (_reads(INLINE_HTML) and opened in labels):
                # [label] naming no definition: shown as written; or one after a reference's
                # label (`[详见][a][出售…]`), which is no link text but a link of its own
                continue
            labels.add(m.start())
        if any(a <= m.start() < b for a, b in literal) or \
                (text[m.start()] == "<" and _escaped(text, m.start())):
            continue  # in code, or an escaped \<: shown as written
        opened = _md_link_open(text, m.start(), literal, tags) \
            if m.group("target") or m.group("label") else None
        if opened is not None and opened > pos and text[opened - 1] == "!" and \
                not _escaped(text, opened - 1) and _reads(IMAGES_AND_BREAKS):
            # an image: a loaded one shows neither its `!` nor its alt text, which is read on
            # lines of its own, as an <img>'s is — 冰![](x.png)毒 shows 冰, a picture, 毒
            if noting:
                label = _md_label(m.group()[1:-1] or text[opened + 1:m.start() - 1])
                address = _md_destination(m.group()[1:-1]) if m.group("target") else \
                    destinations.get(label)
                if address is not None:
                    _NOTED.get().append(address)
            _md_text(out, line, text, pos, opened - 1, soft)
            if text[opened + 1:m.start() - 1].strip():
                out.put("\n", opened - 1, opened + 1)
                out.decoded(text, opened + 1, m.start() - 1, _MD_REF)
                out.put("\n", m.start() - 1, m.start())
            else:  # no alt text: nothing between the words around it
                out.put("", opened - 1, m.start())
            if text[opened + 1:m.start() - 1].strip() or \
                    _MD_TITLE.search(text, m.start(), m.end()):
                line.aside()  # its alt text and its title read on lines of their own
        else:
            _md_text(out, line, text, pos, m.start(), soft)
        if noting and m.group("tag") and not m.group().startswith("</"):
            name, found = _attributes(text, m.start(), m.end())
            noted: dict[str, str | None] = {}
            for n, a, b in found:  # the first of two of one name, as a browser
                noted.setdefault(n, _attribute_value(text[a:b]))
            _note_tag(name, noted)
        raw = _MD_RAW.match(m.group())
        if raw and raw.group(1).lower() == "template":
            _, found = _attributes(text, m.start(), m.end())
            if _shadow_root({name: html.unescape(text[a:b]) for name, a, b in found}):
                raw = None  # a declarative shadow root: shown, as the rest of the page
        if raw:  # a script's, style's or template's content is never shown: to its end tag
            end = re.compile(rf"</{raw.group(1)}[\s/>]", re.IGNORECASE).search(text, at)
            content_end = len(text) if end is None else end.start()
            at = len(text) if end is None else (text.find(">", end.start()) + 1 or len(text))
            out.put("\n", m.start(), m.end())
            if _reads(SOFT_BREAKS):  # 冰<script>…</script>毒 shows 冰毒: read again without it
                line.aside()
            if raw.group(1).lower() == "style":  # but what its CSS draws is shown
                _put_css(text[m.end():content_end], out, m.end(), None)
            out.put("\n", content_end, at)
            pos = at
            continue
        block = _MD_BREAK_TAG.match(m.group()) is not None
        if block:
            opening = m.group("tag") and not m.group().startswith("</")
            if _reads(IMAGES_AND_BREAKS) and (line.unboxed or (opening and removes(
                    {n: html.unescape(text[a:b])
                     for n, a, b in _attributes(text, m.start(), m.end())[1]}))):
                line.aside()  # a break no reader sees: the line goes on past it
            else:
                _unparted(out, line, m.start(), m.end())
        if m.group("tag"):
            name, found = _attributes(text, m.start(), m.end())
            if m.group().startswith("</"):
                line.end(m.group()[2:-1].strip().lower())
            else:
                values = {n: html.unescape(text[a:b]) for n, a, b in found}
                line.start(name, values)
                if placed := placement.start(name, values):
                    raise _Reordered(m.start(), placed)  # an inline SVG's text out of order
        if m.group("tag") and not m.group().startswith("</") and not _unshown(line):
            before = len(out.chars)
            _shown_attributes(text, m.start(), m.end(), out, 0, block, drawn=drawn)
            if not block and _reads(INLINE_HTML) and "".join(out.chars[before:]).strip():
                line.aside()  # 出<i title="x"></i>售 shows 出售: read again without it
        elif block:
            out.put("\n", m.start(), m.end())
        elif m.group("target") or m.group("definition"):
            title = _MD_TITLE.search(text, m.start(), m.end())
            if title:
                group = next(g for g in (1, 2, 3) if title.group(g) is not None)
                out.put("\n", m.start(), title.start(group))
                out.decoded(text, title.start(group), title.end(group), _MD_REF)
                out.put("\n", title.end(group), m.end())
                if m.group("target") and _reads(INLINE_HTML):
                    line.aside()  # a tooltip: 出[售](x "t") shows 出售, read again without it
        pos = m.end()
    _md_text(out, line, text, pos, len(text), soft)
    _unparted(out, line, max(0, len(text) - 1), len(text))
    return out.view()
