"""Markdown and HTML drafts as the reader sees them, as a View over the original file.

Hidden parts (tags, link targets, scripts) are left out; block elements become line breaks so
that no term runs from one paragraph into the next; entities are decoded. Every visible
character keeps its original span. Link targets are not lost: the URL detector scans the raw
text, markup included.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from review.normalize import View

_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul", "title",
})
_HIDDEN_TAGS = frozenset({"script", "style", "template", "noscript", "head"})


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

    def view(self) -> View:
        return View("".join(self.chars), self.starts, self.ends)


class _HtmlVisible(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.out = _Builder()
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.hidden = 0

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _tag_end(self, start: int) -> int:
        end = self.text.find(">", start)
        return len(self.text) if end < 0 else end + 1

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        elif tag in _BLOCK_TAGS:
            start = self._pos()
            self.out.put("\n", start, self._tag_end(start))
        elif tag == "img":
            alt = dict(attrs).get("alt")  # type: ignore[call-overload]
            if alt:  # the reader sees the alt text only when the image fails; keep it
                start = self._pos()
                self.out.put("\n" + alt + "\n", start, self._tag_end(start))

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK_TAGS:
            start = self._pos()
            self.out.put("\n", start, self._tag_end(start))

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        start = self._pos()
        # The parser hands data through unchanged, so it lies at start in the original.
        if self.text.startswith(data, start):
            self.out.copy(self.text, start, start + len(data))

    def _ref(self, raw: str) -> None:
        if self.hidden:
            return
        start = self._pos()
        end = start + len(raw)
        if self.text.startswith(raw, start):
            decoded = html.unescape(raw)
            self.out.put(decoded, start, end)

    def handle_entityref(self, name: str) -> None:
        raw = f"&{name};" if self.text.startswith(f"&{name};", self._pos()) else f"&{name}"
        self._ref(raw)

    def handle_charref(self, name: str) -> None:
        self._ref(f"&#{name};")


def html_view(text: str) -> View:
    parser = _HtmlVisible(text)
    parser.feed(text)
    parser.close()
    return parser.out.view()


# Markdown: everything is visible except link targets, reference definitions, HTML tags and
# comments. Emphasis marks and heading hashes are noise the matcher skips anyway.
_MD_HIDDEN = re.compile(
    r"(?<=\])\((?:[^()\n]|\([^()\n]*\))*\)"          # [text](target "title")
    r"|^[ ]{0,3}\[[^\]\n]+\]:[^\n]*$"                # [id]: https://… reference definition
    r"|<!--.*?-->"                                   # comment
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>",    # inline HTML tag
    re.MULTILINE | re.DOTALL,
)
_MD_BREAK_TAG = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|td|th)\b", re.IGNORECASE)


def markdown_view(text: str) -> View:
    out = _Builder()
    pos = 0
    for m in _MD_HIDDEN.finditer(text):
        out.copy(text, pos, m.start())
        if _MD_BREAK_TAG.match(m.group()):
            out.put("\n", m.start(), m.end())
        pos = m.end()
    out.copy(text, pos, len(text))
    return out.view()

