"""Span-exact normalisation: every view keeps, per character, the original span it came from.

`fold` maps a text to its canonical form (traditional → simplified, full-width → half-width,
lower case, digit variants → 0-9, invisible characters dropped). `compact` then drops the
noise a writer inserts between characters to evade a filter, keeping sentence ends and line
breaks as hard boundaries. Matches found in any view map back to the original through
`View.span`, so a finding's text is always exactly `original[start:end]`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import opencc

_T2S = opencc.OpenCC("t2s")

# Kept by `compact`: they end a sentence or a line, so no term may run across them.
BOUNDARIES = frozenset("。!?;\n")

# Chinese numerals used to spell out phone numbers and the like: 一三八一二三四五六七八.
_CN_DIGITS = {**dict(zip("〇零一二三四五六七八九", "00123456789", strict=True)),
              **dict(zip("壹贰叁肆伍陆柒捌玖幺", "1234567891", strict=True))}
# Five or more in a row is a digit string, not prose (十一五, 一一 stay as they are).
_CN_DIGIT_RUN = re.compile(f"[{''.join(_CN_DIGITS)}0-9]{{5,}}")


@dataclass(frozen=True)
class View:
    """A derived text. Character i came from original[starts[i]:ends[i]]."""

    text: str
    starts: list[int]
    ends: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span covering view characters [start, end)."""
        return self.starts[start], self.ends[end - 1]

    @classmethod
    def identity(cls, text: str) -> View:
        positions = list(range(len(text)))
        return cls(text, positions, list(range(1, len(text) + 1)))


_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_SPLIT = re.compile("([\ud800-\udfff])")


@lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    """The canonical form of one (already simplified) character; '' drops it."""
    cat = unicodedata.category(ch)
    if cat in ("Cf", "Mn", "Me") or ch in "\ufffc\ufffd" or cat == "Cs":
        return ""  # zero-width, joiners, direction marks, variation selectors, lone surrogates
    if ch in "\r\u2028\u2029\x85":
        return "\n" if ch != "\r" else ""
    if cat == "Cc" and ch not in "\n\t":
        return ""
    folded = unicodedata.normalize("NFKC", ch) if not ch.isascii() else ch
    if "\n" in folded or len(folded) > 4:
        folded = ch  # NFKC expansions such as ㍿ are not worth it; keep the character
    return folded.lower()


def _simplify(text: str) -> str:
    """Traditional → simplified, character for character (OpenCC may convert whole phrases)."""
    if not text.isascii() and _SURROGATE.search(text):
        # OpenCC takes UTF-8; a lone surrogate (only from an API caller: files are decoded
        # strictly) stays as it is and is dropped by _fold_char.
        return "".join(_simplify(part) if part and not _SURROGATE.fullmatch(part) else part
                       for part in _SURROGATE_SPLIT.split(text))
    converted = _T2S.convert(text)
    if len(converted) == len(text):
        return converted
    # A phrase conversion changed the length somewhere: fall back to one character at a time.
    return "".join(c if len(c := _T2S.convert(ch)) == 1 else ch for ch in text)


def fold(source: View) -> View:
    simplified = _simplify(source.text)
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for ch, start, end in zip(simplified, source.starts, source.ends, strict=True):
        folded = _fold_char(ch)
        for out in folded:
            chars.append(out)
            starts.append(start)
            ends.append(end)
    text = "".join(chars)
    if any(c in text for c in _CN_DIGITS):
        text = _CN_DIGIT_RUN.sub(lambda m: m.group().translate(_CN_DIGIT_TABLE), text)
    return View(text, starts, ends)


_CN_DIGIT_TABLE = str.maketrans(_CN_DIGITS)


def _is_kept(ch: str) -> bool:
    return ch.isalnum() or ch in BOUNDARIES


@dataclass(frozen=True)
class CompactView(View):
    """A folded view without noise; `source[i]` is character i's index in the folded view."""

    source: list[int]


def compact(folded: View) -> CompactView:
    keep = [i for i, ch in enumerate(folded.text) if _is_kept(ch)]
    return CompactView(
        "".join(folded.text[i] for i in keep),
        [folded.starts[i] for i in keep],
        [folded.ends[i] for i in keep],
        keep,
    )


def normalize_term(term: str) -> str:
    """A lexicon term in the form it is matched in: folded, then compacted."""
    return compact(fold(View.identity(term))).text
