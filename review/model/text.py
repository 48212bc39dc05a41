"""What the classifier sees: the same folding as the lexicon stage, with every number and
masked number (13812345678, 138****5678, xxxx) folded to one placeholder, so the model learns
"a number is here", not which number — and not that the letter x means an ad."""

from __future__ import annotations

from review.normalize import View, fold
from review.regexcache import compile as re_compile

PLACEHOLDER = "#"
# A run of digits, x and * holding a digit, or of two x or * or more, not inside a word:
# (?<![a-wyz])(?:[0-9x*]*[0-9][0-9x*]*|[x*]{2,})(?![a-wyz]), written to open with its first
# character (the look-behind after it, the branch chosen by it) so that the engine skips to
# the next digit, x or * instead of trying the branches at every character (ten times
# quicker on prose).
_NUMBER = re_compile(r"[0-9x*](?<![a-wyz][0-9x*])(?:(?<=[0-9])[0-9x*]*"
                     r"|(?<=[x*])[0-9x*]*[0-9][0-9x*]*|(?<=[x*])[x*]+)(?![a-wyz])")
_SPACES = re_compile(r"\s+")
# Sentence ends and line breaks separate what is scored; a long sentence is still one unit.
SENTENCE = re_compile(r"[^。!?;\n]+[。!?;]*")


def prepare(text: str) -> str:
    """A raw text (training item or sentence) in the classifier's form."""
    return prepare_folded(fold(View.identity(text)).text)


def prepare_folded(folded: str) -> str:
    return _SPACES.sub(" ", _NUMBER.sub(PLACEHOLDER, folded)).strip()


def prepare_many(folded: list[str]) -> list[str]:
    """prepare_folded over many folded texts in one pass of each pattern, joined by a
    character that folding always drops (a control character), so none of them holds it."""
    return [t.strip() for t in prepare_folded(_JOIN.join(folded)).split(_JOIN)]


_JOIN = "\x00"
