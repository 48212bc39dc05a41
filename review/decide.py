"""Hits → findings → decision: severity overrides, allow-lists, merging, the file's verdict."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable

from review.config import Config
from review.document import Document
from review.findings import MODEL, Category, Decision, FileResult, Finding, Hit, Severity
from review.normalize import View, normalize_term
from review.stages.stance import sentence_ends

_DECISION = {Severity.BLOCK: Decision.BLOCK, Severity.REVIEW: Decision.REVIEW}


def severity_of(hit: Hit, config: Config) -> Severity | None:
    """The severity after the config's overrides; None when the rule is turned off."""
    rule = hit.rule
    level = config.severity.get(rule.id) or config.severity.get(rule.category.value)
    if level == "off":
        return None
    severity = Severity(level) if level else hit.severity or rule.severity
    if rule.category is Category.CONSENT and severity is Severity.BLOCK:
        severity = Severity.REVIEW  # consent topics are for the unit to decide, never blocked
    return severity


def allowed_spans(doc: Document, phrases: Iterable[str]) -> list[tuple[int, int]]:
    """Original spans of the config's allowed phrases (matched like lexicon terms). Only an
    occurrence that is all its span in the file holds allows anything: one with text hidden
    inside it (a tag, a link's target) or sharing its span with other text shown (a frame's
    data: page, whose characters all stand for the whole address) would let a finding there
    lie "inside" the phrase."""
    view = doc.compact
    spans = []
    for phrase in phrases:
        term = normalize_term(phrase)
        if not term:
            continue
        at = view.text.find(term)
        while at >= 0:
            end = at + len(term)
            if _alone(doc.visible, view.source[at], view.source[end - 1]):
                spans.append(view.span(at, end))
            at = view.text.find(term, at + 1)
    return spans


def _alone(visible: View, first: int, last: int) -> bool:
    """Whether the characters first…last of a view stand for the file's text there and for
    nothing else: each for its own span, one after the other (nothing hidden between), none
    shared with the characters beside them."""
    starts, ends = visible.starts, visible.ends
    if first > 0 and ends[first - 1] > starts[first]:
        return False
    if last + 1 < len(visible.text) and starts[last + 1] < ends[last]:
        return False
    return all(ends[k] == starts[k + 1] for k in range(first, last))


def _statement(doc: Document, finding: Finding, ends: list[int]) -> Finding:
    """What needs the unit's consent is a statement, not the word that gave it away
    (审委会讨论时多数意见认为应判处…): a consent finding spans its sentence as the reader sees
    it (`ends`: where the visible text's sentences end; markup left out at both ends) and
    keeps the words in `words`. Widened after merging, so rules keep their own ids and the
    model still gives way to them."""
    view = doc.visible
    first = bisect_left(view.starts, finding.start)
    last = bisect_right(view.ends, finding.end) - 1
    if finding.replacement is not None or first > last:
        return finding  # nothing of it is visible (a link target): leave it as found
    before = bisect_left(ends, first) - 1
    after = bisect_left(ends, last)
    first = ends[before] + 1 if before >= 0 else 0
    last = ends[after] if after < len(ends) else len(view.text) - 1
    text = view.text
    while text[first].isspace() and first < last:
        first += 1
    while text[last].isspace() and last > first:
        last -= 1
    start, end = view.span(first, last + 1)
    start, end = min(start, finding.start), max(end, finding.end)
    if (start, end) == (finding.start, finding.end):
        return finding
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    return finding.replace(start=start, end=end, line=line, column=column, end_line=end_line,
                   end_column=end_column, location=doc.locate(start),
                   text=doc.original[start:end], words=finding.text)


def _statements(doc: Document, findings: list[Finding], model: set[int], lang: str
                ) -> list[Finding]:
    """Consent findings widened to their statements (not the model's own: its sentence is
    already one); one finding per rule and statement, naming every word that gave it away in
    its message."""
    if not any(f.category is Category.CONSENT for f in findings):
        return findings
    ends = sentence_ends(doc.visible.text)
    out: dict[tuple[str, int, int], Finding] = {}
    words: dict[tuple[str, int, int], list[str]] = {}
    for f in findings:
        if f.category is Category.CONSENT and id(f) not in model:
            f = _statement(doc, f, ends)
        key = (f.rule, f.start, f.end)
        out.setdefault(key, f)
        if f.words and f.words not in words.setdefault(key, []):
            words[key].append(f.words)
    for key, named in words.items():
        if named:
            said = "、".join(named)
            quote = f' ("{said}")' if lang == "en" else f"（“{said}”）"
            f = out[key]
            out[key] = f.replace(words=said, message=f.message + quote)
    return sorted(out.values(), key=lambda f: (f.start, -f.end, -f.severity.rank, f.rule))


def to_finding(doc: Document, hit: Hit, severity: Severity, lang: str) -> Finding:
    line, column = doc.position(hit.start)
    end_line, end_column = doc.position(hit.end)
    rule = hit.rule
    suggestion = rule.suggestion(lang)
    if hit.replacement and f"“{hit.replacement}”" not in (suggestion or ""):
        # a rule that finds many words (EX9501) names this place's correction here
        suggestion = f"{suggestion}，如“{hit.replacement}”" if lang != "en" else \
            f"{suggestion}, e.g. “{hit.replacement}”"
    return Finding(rule=rule.id, category=rule.category, gate=rule.gate, severity=severity,
                   start=hit.start, end=hit.end, line=line, column=column, end_line=end_line,
                   end_column=end_column, location=doc.locate(hit.start),
                   text=doc.original[hit.start:hit.end],
                   message=rule.message(lang), suggestion=suggestion,
                   replacement=hit.replacement)


def merge(findings: list[Finding], broad: dict[int, int] | None = None) -> list[Finding]:
    """One finding per place. A sentence-level finding (`broad`: index → breadth, see Hit)
    gives way to a narrower judgement inside it (see _gives_way). Then a finding inside
    another of the same category that is at least as severe is dropped (two lexicon terms for
    one phrase, a term and its variant). Different categories of rules all stay."""
    broad = broad or {}
    findings = [f for i, f in enumerate(findings) if not broad.get(i) or not any(
        _gives_way(f, broad[i], o, broad.get(j, 0)) for j, o in enumerate(findings))]
    ordered = sorted(findings, key=lambda f: (f.start, -f.end, -f.severity.rank, f.rule))
    kept: list[Finding] = []
    for f in ordered:
        if any(k.category == f.category and k.start <= f.start and f.end <= k.end
               and k.severity.rank >= f.severity.rank for k in kept):
            continue
        kept.append(f)
    return kept


# A rule of these categories in the model's sentence says nothing about what the model read
# there (a typo, a consent topic beside a rumour): the model's finding stays.
_NOT_ITS_CLASS = frozenset({Category.EXPRESSION, Category.CONSENT, Category.RELEASE})


def _gives_way(f: Finding, f_broad: int, o: Finding, o_broad: int) -> bool:
    """Whether broad finding f gives way to o, a narrower judgement inside it. The model's
    sentence gives way to any rule that judged it: one of its category whatever the rule
    decided (a term excused as a quotation is mention), one of another content category that
    found a problem there as severe (the rule says precisely what is wrong; the model only
    guesses the class) — not a typo or a consent topic, which say nothing of what it read.
    A rule over a sentence's words gives way to a term of its category at least as severe."""
    if o_broad >= f_broad or not f.start <= o.start <= o.end <= f.end:
        return False
    if f_broad == MODEL:
        return o.category == f.category or (o.category not in _NOT_ITS_CLASS
                                            and o.severity.rank >= f.severity.rank)
    return o.category == f.category and o.severity.rank >= f.severity.rank


def _suppressed(doc: Document, findings: list[Finding], lang: str) -> list[Finding]:
    """The findings after the draft's `review-ignore` directives, with what the directives
    did reported at their place (review.suppress)."""
    from review import suppress

    meta: list = []
    findings = suppress.apply(findings, doc.directives, meta)
    for rule, d in meta:
        f = to_finding(doc, Hit(rule, d.start, d.end), rule.severity, lang)
        if d.rules:
            f = f.replace(message=f"{f.message}（{'、'.join(d.rules)}）"
                        if lang != "en" else f"{f.message} ({', '.join(d.rules)})")
        findings.append(f)
    return sorted(findings, key=lambda f: (f.start, -f.end, -f.severity.rank, f.rule))


def decision_of(findings: list[Finding]) -> Decision:
    worst = max((f.severity for f in findings), key=lambda s: s.rank, default=None)
    return _DECISION.get(worst, Decision.PASS) if worst else Decision.PASS


def unaccepted(findings: list[Finding], accepted: Counter[tuple[str, str]]
               ) -> list[Finding]:
    """The findings beyond those accepted, counted: a baseline that accepts one copy of a
    finding leaves a second copy reported."""
    left = accepted.copy()
    out = []
    for f in findings:
        key = (f.rule, f.text_digest)
        if left[key] > 0:
            left[key] -= 1
        else:
            out.append(f)
    return out


def decide(doc: Document, hits: Iterable[Hit], config: Config, lang: str,
           accepted: Counter[tuple[str, str]] | None = None) -> FileResult:
    """The file's findings and decision. `accepted`: findings accepted earlier, by rule id and
    text digest (a CI baseline); like `allow`, they are left out before the decision."""
    allowed = allowed_spans(doc, config.allow) if config.allow else []
    findings = []
    broad: dict[int, int] = {}
    for hit in hits:
        severity = severity_of(hit, config)
        if severity is None:
            continue
        if any(a <= hit.start and hit.end <= b for a, b in allowed):
            continue
        if hit.broad:
            broad[len(findings)] = hit.broad
        findings.append(to_finding(doc, hit, severity, lang))
    model = {id(findings[i]) for i, b in broad.items() if b == MODEL}
    merged = _statements(doc, merge(findings, broad), model, lang)
    if doc.directives:
        merged = _suppressed(doc, merged, lang)
    findings = unaccepted(merged, accepted) if accepted else merged
    lines = {n: doc.line_text(n) for f in findings for n in {f.line, f.end_line}}
    return FileResult(path=doc.path, decision=decision_of(findings), findings=findings,
                      lines=lines, baselined=len(merged) - len(findings))
