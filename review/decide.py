"""Hits → findings → decision: severity overrides, allow-lists, merging, the file's verdict."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from review.config import Config
from review.document import Document
from review.findings import Category, Decision, FileResult, Finding, Hit, Severity
from review.normalize import normalize_term

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
    """Original spans of the config's allowed phrases (matched like lexicon terms)."""
    view = doc.compact
    spans = []
    for phrase in phrases:
        term = normalize_term(phrase)
        if not term:
            continue
        at = view.text.find(term)
        while at >= 0:
            spans.append(view.span(at, at + len(term)))
            at = view.text.find(term, at + 1)
    return spans


def to_finding(doc: Document, hit: Hit, severity: Severity, lang: str) -> Finding:
    line, column = doc.position(hit.start)
    end_line, end_column = doc.position(hit.end)
    rule = hit.rule
    return Finding(rule=rule.id, category=rule.category, gate=rule.gate, severity=severity,
                   start=hit.start, end=hit.end, line=line, column=column, end_line=end_line,
                   end_column=end_column, location=doc.locate(hit.start),
                   text=doc.original[hit.start:hit.end],
                   message=rule.message(lang), suggestion=rule.suggestion(lang),
                   replacement=hit.replacement)


def merge(findings: list[Finding], broad: dict[int, int] | None = None) -> list[Finding]:
    """One finding per place. A sentence-level finding (`broad`: index → breadth, see Hit)
    gives way to a narrower one found inside it in the same category and at least as severe —
    a term inside a co-occurrence rule's span, a rule inside the model's sentence: the
    narrower says precisely what is wrong. Then a finding inside another of the same category
    that is at least as severe is dropped (two lexicon terms for one phrase, a term and its
    variant). Different categories all stay."""
    broad = broad or {}
    findings = [f for i, f in enumerate(findings) if not broad.get(i) or not any(
        broad.get(j, 0) < broad[i] and o.category == f.category and f.start <= o.start
        and o.end <= f.end and o.severity.rank >= f.severity.rank
        for j, o in enumerate(findings))]
    ordered = sorted(findings, key=lambda f: (f.start, -f.end, -f.severity.rank, f.rule))
    kept: list[Finding] = []
    for f in ordered:
        if any(k.category == f.category and k.start <= f.start and f.end <= k.end
               and k.severity.rank >= f.severity.rank for k in kept):
            continue
        kept.append(f)
    return kept


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
    merged = merge(findings, broad)
    findings = unaccepted(merged, accepted) if accepted else merged
    lines = {n: doc.line_text(n) for f in findings for n in {f.line, f.end_line}}
    return FileResult(path=doc.path, decision=decision_of(findings), findings=findings,
                      lines=lines, baselined=len(merged) - len(findings))
