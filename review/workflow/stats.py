"""Rule health from reviewers' decisions (`review stats`): per rule and per category, how many
findings the signed submissions carried, how many were overridden, how many rejections cite
the rule or the category, and the override rate; the rules overridden too often, with the
phrases they were overridden on; and `--suggest`, allow phrases for the organisation to review.

A version counts in the period it was submitted in, with every decision on it: an override a
week later still belongs to the findings it overrode, so a rate never exceeds one. A
rejection cites a rule when its reason names the rule's id, and a category when a mark or
its reason names the category (by id or Chinese name) or one of its rules."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import Connection

from review.findings import Category
from review.i18n import CATEGORY_NAMES
from review.workflow import excerpt, marks
from review.workflow.judged import judged, log_days

# How far an allow phrase reaches past the overridden words on each side, and where it stops
# (a clause's punctuation): long enough to tell this use from the one the rule is for, short
# enough to recur in the next post.
REACH = 4
_CLAUSE = frozenset("，。！？；：、,.!?;:\"'“”‘’（）()《》<>【】[]{}… \t\u3000")


@dataclass
class Health:
    """One rule's or one category's counts."""

    name: str
    category: str = ""
    message: str = ""
    findings: int = 0
    overrides: int = 0
    rejections: int = 0
    phrases: Counter = field(default_factory=Counter)   # overridden words, masked
    allow: Counter = field(default_factory=Counter)     # proposed allow phrases
    reasons: list[str] = field(default_factory=list)    # the overrides' reasons

    @property
    def rate(self) -> float | None:
        return self.overrides / self.findings if self.findings else None

    def as_dict(self) -> dict:
        return {"name": self.name, "category": self.category, "message": self.message,
                "findings": self.findings, "overrides": self.overrides,
                "rejections": self.rejections, "rate": self.rate,
                "phrases": [{"text": t, "count": n} for t, n in self.phrases.most_common()],
                "allow": [{"text": t, "count": n} for t, n in self.allow.most_common()],
                "reasons": self.reasons}


@dataclass
class Report:
    rules: dict[str, Health]
    categories: dict[str, Health]

    def flagged(self, threshold: float, min_findings: int) -> list[Health]:
        """Rules overridden above `threshold` of their findings, with at least
        `min_findings` findings (one override of one finding says little)."""
        return sorted((h for h in self.rules.values()
                       if h.findings >= min_findings and (h.rate or 0) > threshold),
                      key=lambda h: (-(h.rate or 0), -h.findings, h.name))


def in_period(period: str, since: str):
    """Whether a record's date (YYYY-MM-DD, "" unknown) is in `--period YYYY-MM` and on or
    after `--since DATE`; without either, every record is, dated or not."""
    def inside(day: str) -> bool:
        return (not period or day.startswith(period + "-")) and (not since or day >= since)

    return inside


def gather(conn: Connection, state, period: str = "", since: str = "") -> Report:
    inside = in_period(period, since)
    rules: dict[str, Health] = {}
    categories = {c: Health(c, c) for c in marks.CATEGORIES}
    versions = list(judged(conn, state))
    days = log_days(conn) if period or since else {}
    known = {k.partition("@")[0]: f for v in versions for k, f in v.findings().items()}
    for version in versions:
        if not inside(days.get(version.version.record.seq, "")):
            continue
        found = version.findings()
        for f in found.values():
            health = _rule(rules, f.rule, known)
            health.findings += 1
            _category(categories, str(f.category)).findings += 1
        for record in version.overrides:
            key = record.statement.get("finding")
            f = found.get(key) if isinstance(key, str) else None
            if f is None:
                continue  # an override of no finding this version signed
            health = _rule(rules, f.rule, known)
            health.overrides += 1
            _category(categories, str(f.category)).overrides += 1
            health.phrases[excerpt.mask(f.text)] += 1
            reason = record.statement.get("reason")
            if isinstance(reason, str):
                health.reasons.append(reason)
            sentence = record.statement.get("sentence")
            phrase = allow_phrase(sentence, f.text) if isinstance(sentence, str) else None
            if phrase:
                health.allow[phrase] += 1
        if version.rejection is not None:
            _cite(version.rejection.statement, rules, categories, known)
    return Report(rules, categories)


def _rule(rules: dict[str, Health], rule: str, known: dict) -> Health:
    if rule not in rules:
        f = known.get(rule)
        rules[rule] = Health(rule, str(f.category) if f else "", f.message if f else "")
    return rules[rule]


def _category(categories: dict[str, Health], category: str) -> Health:
    return categories.setdefault(category, Health(category, category))


def _cite(statement: dict, rules: dict[str, Health], categories: dict[str, Health],
          known: dict) -> None:
    """Count a rejection once for each rule and each category it cites."""
    reason = statement.get("reason") if isinstance(statement.get("reason"), str) else ""
    cited_rules = {rule for rule in known if rule in reason}
    cited = {m["category"] for m in marks.of(statement)}
    cited |= {str(known[rule].category) for rule in cited_rules}
    cited |= {c.value for c in Category if re.search(rf"(?<![a-z]){c.value}(?![a-z])",
                                                     reason.lower())
              or CATEGORY_NAMES[c][0] in reason}
    for rule in cited_rules:
        _rule(rules, rule, known).rejections += 1
    for category in cited:
        _category(categories, category).rejections += 1


def allow_phrase(sentence: str, words: str, reach: int = REACH) -> str | None:
    """The overridden words with up to `reach` characters of their clause on each side: a
    phrase inside which the rule's finding would not have been reported (the config's
    `allow`). None when the words are not in the sentence as signed (masked personal data
    is never proposed) or the clause holds nothing more."""
    at = sentence.find(words) if words.strip() else -1
    if at < 0:
        return None
    start, end = at, at + len(words)
    while start > max(0, at - reach) and sentence[start - 1] not in _CLAUSE:
        start -= 1
    while end < min(len(sentence), at + len(words) + reach) and sentence[end] not in _CLAUSE:
        end += 1
    phrase = sentence[start:end]
    return phrase if phrase != words and excerpt.MASK not in phrase else None


def suggestion(flagged: list[Health], header: list[str]) -> str:
    """A file in the config's format (`allow = [...]`, as review.toml takes it) proposing
    the allow phrases of the flagged rules; `header` lines are written as comments. Nothing
    reads it until the organisation copies what it accepts into its review.toml."""
    lines = [f"# {line}" for line in header]
    entries = []
    for health in flagged:
        rate = f"{health.rate:.0%}" if health.rate is not None else "-"
        lines.append(f"# {health.name} {_flat(health.message)}: {health.overrides}/"
                     f"{health.findings} ({rate})")
        lines += [f"#   {_flat(reason)}" for reason in dict.fromkeys(health.reasons)]
        entries += [f"    {json.dumps(phrase, ensure_ascii=False)},  # {health.name} ×{n}"
                    for phrase, n in health.allow.most_common()]
    return "\n".join([*lines, "allow = [", *entries, "]", ""])


def _flat(text: str) -> str:
    return " ".join(text.split())
