"""In-draft suppression: a reviewed false positive marked where it is, in the comment syntax of
its kind — `<!-- review-ignore AD009: 理由 -->` in Markdown and HTML, a Word comment (批注)
starting with `review-ignore AD009: 理由` in .docx (read by its reader). Plain text has no
comments: `allow` in the config or the CI baseline serve it.

A directive names one or more rule ids and a reason; without either it does nothing and is
reported (RV201). An HTML comment covers the line it is on when that line holds text besides
it, else the next line with text; a Word comment covers the text it is anchored to. A finding
of a named rule there is kept, at `info`, carrying the reason (`Finding.suppressed`), so a
reviewer still sees it. Never one at `block` or of a consent topic: those need a reviewer's
signed override or the unit's consent, and the directive is reported as not honoured
(RV202). A directive that suppresses nothing is reported (RV203), as linters report an unused
`noqa`: the text it excused has changed."""

from __future__ import annotations

import re

from review.findings import Category, FileResult, Finding, Rule, Severity
from review.record import NamedTuple
from review.regexcache import compile as re_compile
from review.rules.release import MALFORMED, NOT_HONOURED, UNUSED

_COMMENT = re_compile(r"<!--\s*review-ignore\b(?P<body>.*?)-->", re.DOTALL)
_BODY = re_compile(r"\s*(?P<rules>[^:：]*?)\s*[:：]\s*(?P<reason>.*?)\s*", re.DOTALL)
_ID = re_compile(r"[^\s,，、]+")
PREFIX = "review-ignore"


class Directive(NamedTuple):
    rules: tuple[str, ...]   # upper case; empty when the directive names none (malformed)
    reason: str              # empty when it gives none (malformed)
    start: int               # the comment (or a Word comment's anchor) in the document text
    end: int
    covers: tuple[int, int]  # the text whose findings it suppresses

    @property
    def valid(self) -> bool:
        return bool(self.rules) and bool(self.reason)


def parse(body: str, start: int, end: int, covers: tuple[int, int]) -> Directive:
    """A directive from what follows `review-ignore` ("AD009, AD010: 理由")."""
    m = _BODY.fullmatch(body)
    if m is None:
        return Directive((), "", start, end, covers)
    rules = tuple(r.upper() for r in _ID.findall(m.group("rules")))
    return Directive(rules, m.group("reason"), start, end, covers)


def in_comments(text: str) -> tuple[Directive, ...]:
    """The directives of a Markdown or HTML text's comments."""
    found = []
    for m in _COMMENT.finditer(text):
        found.append(parse(m.group("body"), m.start(), m.end(), _covered_line(text, m)))
    return tuple(found)


def _covered_line(text: str, comment: re.Match[str]) -> tuple[int, int]:
    """The comment's own line if it holds text besides comments, else the next line that
    holds text."""
    start = text.rfind("\n", 0, comment.start()) + 1
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if _COMMENT.sub("", text[start:end]).strip():
            return start, end
        start = end + 1
    return comment.start(), comment.end()


def apply(findings: list[Finding], directives: tuple[Directive, ...],
          meta: list[tuple[Rule, Directive]]) -> list[Finding]:
    """The findings with those the directives suppress lowered to `info`, carrying the reason.
    `meta` receives (rule, directive) for each directive to report: malformed, not honoured,
    unused."""
    used: set[int] = set()
    refused: set[int] = set()
    out = []
    for f in findings:
        match = next((i for i, d in enumerate(directives) if d.valid and f.rule in d.rules
                      and f.start < d.covers[1] and d.covers[0] < f.end), None)
        if match is None:
            out.append(f)
            continue
        used.add(match)
        if f.severity is Severity.BLOCK or f.category is Category.CONSENT:
            if match not in refused:
                refused.add(match)
                meta.append((NOT_HONOURED, directives[match]))
            out.append(f)
            continue
        out.append(f.replace(severity=Severity.INFO, suppressed=directives[match].reason))
    for i, d in enumerate(directives):
        if not d.valid:
            meta.append((MALFORMED, d))
        elif i not in used:
            meta.append((UNUSED, d))
    return out


def without_suppressed(result: FileResult) -> FileResult:
    """The result as `review check` shows it by default: suppressed findings counted, not
    listed (`--show-suppressed` lists them)."""
    kept = [f for f in result.findings if f.suppressed is None]
    if len(kept) == len(result.findings):
        return result
    return result.replace(findings=kept, hidden=len(result.findings) - len(kept))
