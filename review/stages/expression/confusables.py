"""EX9511…: function characters confused where both forms are real words, so that no word list
can hold the slip — 的/地/得 above all (认真的学习 → 认真地学习, 完成的很出色 → 完成得很出色),
and 再/在, 哪/那, 已/以, 像/象, 既/即, 副/付 in contexts that decide which is meant.

The rules are data (`lexicons/expression/confusables.toml`): each is a few regular
expressions over the folded text, written from the grammar of the slip — 地 after a manner
adverbial directly before a verb that is the predicate, 得 after a verb before its degree or
state complement — with the word classes they share (`[words]`) named in them as `{class}`.
The span reported is the whole match (the cue with the character); its group `w` is the
character, which the rule's `right` replaces when the rule is `fix`: unambiguous."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from review import cache
from review.automaton import present
from review.document import Document
from review.errors import ConfigError
from review.findings import Category, Gate, Hit, Rule, Severity
from review.record import NamedTuple
from review.regexcache import compile as re_compile
from review.rules.spec import Kind, RuleSpec

# a class, with the negative lookbehinds written right before it: (?<!所){intransitive}
_CLASS = re.compile(r"((?:\(\?<![^()]+\))*)\{([a-z][a-z0-9_]*(?:\|[a-z][a-z0-9_]*)*)\}")
_BEHIND = re.compile(r"\(\?<!([^()]+)\)")
_LOOK = re.compile(r"\(\?<?[!=][^()]*\)")  # a lookaround: no characters of the word
_LITERAL = re.compile(r"[^\\()\[\]{}?*+|.^$]+")


class Confusable(NamedTuple):
    rule: Rule
    wrong: str                    # the characters it corrects: a draft without them is skipped
    right: str
    patterns: tuple[str, ...]     # expanded: the word classes written out
    fix: bool
    hit: tuple[str, ...] = ()
    miss: tuple[str, ...] = ()


def load_confusables(path: Path) -> list[Confusable]:
    """The rules file, compiled once per content (review.cache)."""
    return cache.cached("confusables", [path], lambda: _compiled(path), _encode, _decode)


def _encode(items: list[Confusable]) -> list:
    return [[*c.rule.to_list(), c.wrong, c.right, list(c.patterns), c.fix, list(c.hit),
             list(c.miss)] for c in items]


def _decode(data: list) -> list[Confusable]:
    return [Confusable(Rule.from_list(row[:8]), row[8], row[9], tuple(row[10]), row[11],
                       tuple(row[12]), tuple(row[13])) for row in data]


def expand(pattern: str, words: dict[str, list[str]]) -> str:
    """The pattern with each `{class}` written out as an alternation, longest words first (so
    认真细致 is tried before 认真); `{a|b}` is one alternation of both classes. A regex
    quantifier ({1,4}) has digits: never a class.

    A lookbehind before a word, the entry's own ((?<![改转]变)) or the pattern's before the
    class, is moved behind the word's literal characters (变(?<![改转]变)): then every
    alternative starts with a character, and the regex engine skips straight to the places
    where one of the first characters occurs instead of trying each lookbehind everywhere —
    the difference between 2 ms and 0.2 ms a pattern on a 5,000-character draft."""
    def alternation(m: re.Match[str]) -> str:
        outer, names = _BEHIND.findall(m.group(1)), m.group(2).split("|")
        if unknown := [name for name in names if name not in words]:
            raise ConfigError(f"unknown word class {{{unknown[0]}}} in pattern {pattern!r}")
        ordered = sorted({w for name in names for w in words[name]},
                         key=lambda w: (-len(_LOOK.sub("", w)), w))
        return "(?:" + "|".join(_behind_last(word, outer) for word in ordered) + ")"
    return _CLASS.sub(alternation, pattern)


def _behind_last(entry: str, outer: list[str]) -> str:
    """An entry `(?<!X)word…` as `word(?<!Xword)…`: the same words matched, the check made
    after the first character instead of before it."""
    behind = [*_BEHIND.findall(_lead(entry)), *outer]
    rest = entry[len(_lead(entry)):]
    literal = m.group() if (m := _LITERAL.match(rest)) else ""
    if rest[len(literal):len(literal) + 1] in ("?", "*", "+", "{") and literal:
        literal = literal[:-1]  # a quantifier belongs to the last character: keep them together
    if not behind or not literal:
        return entry if not outer else "".join(f"(?<!{b})" for b in outer) + entry
    return literal + "".join(f"(?<!{b}{literal})" for b in behind) + rest[len(literal):]


def _lead(entry: str) -> str:
    """The lookbehinds an entry starts with."""
    at = 0
    while m := _BEHIND.match(entry, at):
        at = m.end()
    return entry[:at]


def _compiled(path: Path) -> list[Confusable]:
    from review.rules import schema  # lazily: only compiling needs it, not the cache

    parsed = schema.read(path, schema.ConfusablesFile)
    result = []
    for e in parsed.rule:
        patterns = tuple(expand(p, parsed.words) for p in e.patterns)
        for p in patterns:
            try:
                compiled = re.compile(p)
            except re.error as err:
                raise ConfigError(f"{path}: rule {e.id}: {err}") from None
            if "w" not in compiled.groupindex:
                raise ConfigError(f"{path}: rule {e.id}: a pattern has no group (?P<w>…)")
        rule = Rule(e.id, Category.EXPRESSION, Gate.TEXT, Severity.REVIEW, e.reason,
                    e.reason_en, f"改为“{e.right}”", f"write “{e.right}”")
        result.append(Confusable(rule, e.wrong, e.right, patterns, e.fix, tuple(e.hit),
                                 tuple(e.miss)))
    return result


def specs(path: Path) -> list[RuleSpec]:
    return [RuleSpec(c.rule, Kind.TYPO, c.hit, c.miss, str(path), detail_zh=c.rule.message_zh,
                     detail_en=c.rule.message_en) for c in load_confusables(path)]


class Tail(NamedTuple):
    """A pattern's tail (`tails`) and the pairs of characters every match of it opens with
    (its one-character group `w` and a character that may follow), or None where that cannot
    be said for sure."""

    pattern: re.Pattern[str]
    pairs: tuple[str, ...] | None


class Tails(NamedTuple):
    by_pattern: dict[str, Tail]
    pairs: tuple[str, ...]  # every tail's pairs: looked for in one pass a draft


def tails(items: list[Confusable]) -> Tails:
    """The bulk path's quick refusals: for each pattern that opens with a word class before its
    group `w`, the pattern from `w` on (_tail). Every match of the whole pattern holds a match
    of its tail where `w` starts, so a draft the tail is not found in cannot match: the engine
    skips to the few places of 的 + a class instead of trying the opening class's hundred
    words at every character that starts one (0.8 ms a draft for all rules, 0.4 with these).
    Quicker still, a draft that holds none of a tail's pairs (的 followed by the first
    character of a word of the class) holds no match of it: that is asked of all the tails'
    pairs at once, and most tails are not searched at all."""
    found = {}
    for item in items:
        for pattern in item.patterns:
            if (tail := _tail(pattern)) is not None:
                found[pattern] = Tail(re_compile(tail), _pairs(tail))
    pairs = tuple(dict.fromkeys(p for tail in found.values() for p in tail.pairs or ()))
    return Tails(found, pairs)


def _pairs(tail: str) -> tuple[str, ...] | None:
    """The pairs every match of `tail` opens with: its group `w`, one character wide, then a
    character of what may follow it; None where either cannot be listed."""
    from re import _parser

    parsed = _parser.parse(tail)
    if _parser.SubPattern(parsed.state, [parsed[0]]).getwidth() != (1, 1):
        return None
    heads, nexts = _firsts(list(parsed[:1])), _firsts(list(parsed[1:]))
    if not heads or not nexts:
        return None
    return tuple(a + b for a in sorted(heads) for b in sorted(nexts))


def _firsts(items: list) -> set[str] | None:
    """The characters a match of the parsed `items` may start with, or None where they
    cannot be listed (a range, any character, an optional start, a look-behind's reach)."""
    from re import _parser

    for at, (op, value) in enumerate(items):
        rest = items[at + 1:]
        if op is _parser.LITERAL:
            return {chr(value)}
        if op is _parser.IN:
            if any(o is not _parser.LITERAL for o, _ in value):
                return None
            return {chr(v) for _, v in value}
        if op is _parser.SUBPATTERN:
            return _firsts([*value[3], *rest])
        if op is _parser.BRANCH:
            found: set[str] = set()
            for branch in value[1]:
                firsts = _firsts([*branch, *rest])
                if firsts is None:
                    return None
                found |= firsts
            return found
        if op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT):
            low, _, repeated = value
            firsts = _firsts(list(repeated))
            if firsts is None or low >= 1:
                return firsts
            after = _firsts(rest)
            return None if after is None else firsts | after
        if op is _parser.ASSERT and value[0] == 1:  # a look-ahead: what follows opens so
            ahead, after = _firsts(list(value[1])), _firsts(rest)
            return ahead if after is None else after if ahead is None else ahead & after
        if op in (_parser.ASSERT, _parser.ASSERT_NOT, _parser.AT):
            continue  # takes no character: the next item's open the match
        return None
    return None


def _tail(pattern: str) -> str | None:
    """The source of `pattern` from its group `w` on, when that group is one of the pattern's
    top-level items but not the first (so the rest is a plain sequence after it), and the
    rest refers to no earlier group; else None. Parsing a pattern takes milliseconds: done
    once, when the bulk path is taken."""
    from re import _parser  # the parser of re itself: its tree is what the engine runs

    parsed = _parser.parse(pattern)
    w = parsed.state.groupdict.get("w")
    at = next((i for i, (op, value) in enumerate(parsed)
               if op is _parser.SUBPATTERN and value[0] == w), 0)
    start = pattern.find("(?P<w>")
    tail = pattern[start:]
    if not at or parsed.state.flags & ~_parser.SRE_FLAG_UNICODE or _REFERS.search(tail):
        return None
    # the source found is the group itself: the tail parses as the same items from it on
    rest = _parser.parse(tail)
    if len(rest) != len(parsed) - at or rest[0][0] is not _parser.SUBPATTERN or \
            rest.state.groupdict.get("w") != rest[0][1][0]:
        return None
    return tail


# a back-reference or a conditional: what the tail cannot answer without the groups before it
_REFERS = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def detect(doc: Document, items: list[Confusable], tail_of: Tails | None = None
           ) -> Iterator[Hit]:
    """`tail_of`: on the bulk path, tails(items)."""
    view = doc.visible
    text = view.text
    opened = present(text, tail_of.pairs) if tail_of else set()
    for item in items:
        if not any(c in text for c in item.wrong):
            continue
        taken: list[tuple[int, int]] = []  # one finding a place, whichever pattern saw it
        for pattern in item.patterns:
            tail = tail_of.by_pattern.get(pattern) if tail_of else None
            if tail is not None and (tail.pairs is not None and opened.isdisjoint(tail.pairs)
                                     or tail.pattern.search(text) is None):
                continue
            for m in re_compile(pattern).finditer(text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append(m.span())
                start, end = view.span(*m.span())
                yield Hit(item.rule, start, end,
                          replacement=_corrected(doc, start, end, view.span(*m.span("w")),
                                                 item.right) if item.fix else None)


def _corrected(doc: Document, start: int, end: int, wrong: tuple[int, int], right: str) -> str:
    """The span as the draft writes it with only the wrong character replaced: the rest is
    the original's (its markup, its traditional characters) untouched."""
    text = doc.original
    return text[start:wrong[0]] + right + text[wrong[1]:end]
