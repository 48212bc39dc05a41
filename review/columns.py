"""Text as a terminal shows it: display width (a Chinese character takes two columns), one-line
printable cells, and tables whose columns line up by that width. Every text table the command
line prints (review ci, queue, show, log, roster, accounts, alerts) is laid out here, so a
Chinese title or unit name never pushes the columns after it out of line."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from review.regexcache import compile as re_compile

GAP = "  "  # between columns

# Characters whose width wcwidth gives as one (_NARROW) or two (_WIDE) — ASCII, Latin-1,
# general punctuation, CJK symbols, ideographs, full-width forms: a report of a Chinese draft
# is measured without importing wcwidth (some 20 ms of a check). Anything else asks wcwidth.
# tests/test_columns.py checks every one of them against wcwidth.
_NARROW = "\x20-\x7e\xa0-\xff\u2010-\u2027"
_WIDE = "\u3000-\u3029\u3030-\u303e\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60\uffe0-\uffe6"
_KNOWN = re_compile(f"[{_NARROW}{_WIDE}]*")
_WIDE_CHARACTER = re_compile(f"[{_WIDE}]")


def width(text: str) -> int:
    """The columns `text` takes on a terminal: two for a wide (CJK) character, none for a
    combining mark; a control character, which has no width of its own, none."""
    if _KNOWN.fullmatch(text):
        return len(text) + len(_WIDE_CHARACTER.findall(text))
    from wcwidth import wcswidth, wcwidth

    total = wcswidth(text)
    return total if total >= 0 else sum(max(wcwidth(c), 0) for c in text)


def printable(text: str) -> str:
    """`text` as one line a terminal shows as it is: a tab is a space, every space character
    itself (the ideographic space that indents a Chinese paragraph), and any other control or
    format character — a line break, a zero-width space, a file name's undecodable byte —
    U+FFFD, so that nothing hidden moves what follows it."""
    return "".join(c if c.isprintable() or unicodedata.category(c) == "Zs"
                   else " " if c == "\t" else "\ufffd" for c in text)


# What would move a terminal's cursor or turn its text: every control character but the line
# end and the tab (ESC begins a sequence that erases or hides lines, a lone carriage return
# writes the next words over the ones before it), and the direction controls.
_MOVING = re_compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def named(char: str) -> str:
    """A character shown by its code point (⟦U+001B⟧), where showing it would mislead: how the
    desk, `review show` and roster messages name what must not be taken for something else."""
    return f"⟦U+{ord(char):04X}⟧"


def address_named(text: str) -> str:
    """An address or a file name a draft shows, on one line with every character that is not
    printable named (⟦U+200F⟧): controls, direction marks and overrides, zero-width and
    other format characters, line separators and spaces other than ASCII's (pass 58)."""
    return "".join(c if c.isprintable() else named(c) for c in text)


def spelt(name: str) -> str:
    """A name with every character a reader could take for another named (⟦U+0435⟧, a
    Cyrillic е): what is not printable ASCII (a space included) or a letter that folds to
    itself (review.normalize), so that two names drawn alike read apart in a message."""
    from review.normalize import normalize_term

    return "".join(c if (c.isascii() and c.isprintable() and c != " ") or (
        unicodedata.category(c).startswith("L") and normalize_term(c) == c) else named(c)
        for c in name)


def unmoving(text: str) -> str:
    """Text of many lines — a draft — as a terminal shows it as it is: its lines and tabs
    kept (a CRLF line end is a line end), and each character that would move the cursor or
    turn the text named in its place (⟦U+001B⟧), as the desk names them: a draft must not
    draw an innocent line over the sentence a reviewer is asked to approve, or erase the
    findings printed above it."""
    return _MOVING.sub(lambda m: named(m.group()), text.replace("\r\n", "\n"))


def table(rows: Iterable[Sequence[object]]) -> list[str]:
    """The rows as lines whose columns start at the same display column, GAP apart. Rows may
    have fewer cells than others; the last cell of a line is not padded."""
    cells = [[printable(str(cell)) for cell in row] for row in rows]
    columns = max((len(row) for row in cells), default=0)
    widths = [max((width(row[i]) for row in cells if i < len(row)), default=0)
              for i in range(columns)]
    return [GAP.join(cell + " " * (w - width(cell)) for cell, w in zip(row, widths, strict=False))
            .rstrip(" ") for row in cells]
