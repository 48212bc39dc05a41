"""What a rule declaration is, and the one table of rule id ranges by kind.

A RuleSpec is a Rule (what a finding carries) plus what the registry needs to document and
test it: its kind, its `hit` and `miss` examples, where it is declared, the phrases it owns.
Rule kinds are an open set: a new kind adds a Kind member, a row of ID_RANGES and a provider
in review.rules.registry."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from review.errors import ConfigError
from review.findings import Category, Rule
from review.record import NamedTuple
from review.regexcache import compile as re_compile
from review.rules.kinds import Kind


class IdRange(NamedTuple):
    kind: Kind
    pattern: re.Pattern[str]
    written: str       # the range as people write it, for the documentation and errors


_CATEGORY = "(?P<prefix>IL|SE|SC|AD|OP|CN|EX)"
# The documented id range of every kind (README "Rules"). Category-prefixed kinds must also
# carry their category's prefix. xx8xx is free for the rule kinds to come
# (topic detectors).
ID_RANGES: tuple[IdRange, ...] = (
    IdRange(Kind.LEXICON, re_compile(rf"{_CATEGORY}(?!000)[0-4]\d\d"), "IL/SE/SC/AD/OP/CN 001–499"),
    IdRange(Kind.DETECTOR, re_compile(rf"{_CATEGORY}5\d\d"), "IL/SE/SC/AD/OP/CN 500–599"),
    IdRange(Kind.COOCCURRENCE, re_compile(rf"{_CATEGORY}6\d\d"), "IL/SE/SC/AD/OP/CN/EX 600–699"),
    IdRange(Kind.SEQUENCE, re_compile(rf"{_CATEGORY}7\d\d"), "IL/SE/SC/AD/OP/CN 700–799"),
    IdRange(Kind.CLASSIFIER, re_compile(rf"{_CATEGORY}9\d\d"), "IL/SE/SC/AD/OP/CN 900–999"),
    IdRange(Kind.CORRECTION, re_compile(r"EX(?!0000)[0-8]\d{3}"), "EX0001–EX8999"),
    # the formulations filled their first hundred: EX96xx continues them
    IdRange(Kind.FORMULATION, re_compile(r"EX9[06]\d\d"), "EX9000–EX9099 or EX9600–EX9699"),
    IdRange(Kind.LEADER, re_compile(r"EX91\d\d"), "EX9100–EX9199"),
    IdRange(Kind.REGION, re_compile(r"EX92\d\d"), "EX9200–EX9299"),
    IdRange(Kind.SET, re_compile(r"EX93\d\d"), "EX9300–EX9399"),
    IdRange(Kind.USAGE, re_compile(r"EX94\d\d"), "EX9400–EX9499"),
    IdRange(Kind.TYPO, re_compile(r"EX95\d\d"), "EX9500–EX9599"),
    IdRange(Kind.GATE, re_compile(r"RV0\d\d"), "RV001–RV099"),
    IdRange(Kind.PUBLISHED, re_compile(r"RV1\d\d"), "RV100–RV199"),
    IdRange(Kind.SUPPRESSION, re_compile(r"RV2\d\d"), "RV200–RV299"),
    IdRange(Kind.READING, re_compile(r"RV3\d\d"), "RV300–RV399"),
)
PREFIXES = {Category.ILLEGAL: "IL", Category.SECURITY: "SE", Category.SECRETS: "SC",
            Category.ADS: "AD", Category.OPINION: "OP", Category.CONSENT: "CN",
            Category.EXPRESSION: "EX"}


def require_unique_ids(declared: Iterable[tuple[str, str]]) -> None:
    """A ConfigError naming an id that two declarations (id, source) share: `[severity] ID`
    and `review rules --explain ID` must mean one rule."""
    sources: dict[str, list[str]] = {}
    for rule_id, source in declared:
        sources.setdefault(rule_id, []).append(source)
    twice = next((rule_id for rule_id, where in sources.items() if len(where) > 1), None)
    if twice is not None:
        raise ConfigError(f"rule id {twice} is declared twice "
                          f"({' and '.join(sorted(set(sources[twice])))})")


def range_problem(rule: Rule, kind: Kind) -> str | None:
    """Why a bundled rule's id is outside its kind's documented range, or None."""
    for r in ID_RANGES:
        if r.kind is not kind:
            continue
        m = r.pattern.fullmatch(rule.id)
        if m is None:
            return f"{rule.id}: a {kind} rule id must be {r.written}"
        prefix = m.groupdict().get("prefix")
        if prefix and prefix != PREFIXES[rule.category]:
            return f"{rule.id}: a {rule.category} rule's id starts with {PREFIXES[rule.category]}"
        return None
    return f"{rule.id}: no id range is documented for the kind {kind}"


class RuleSpec(NamedTuple):
    """One rule as the registry knows it."""

    rule: Rule
    kind: Kind
    hit: tuple[str, ...] = ()     # each must produce a finding of this rule through the pipeline
    miss: tuple[str, ...] = ()    # none may
    source: str = ""              # the file or module that declares it
    owns: tuple[str, ...] = ()    # the terms or wrong forms it matches, as it matches them
    day: date | None = None       # the date its examples are written for (dated rules)
    detail_zh: str = ""           # what it finds, beyond its one-line message
    detail_en: str = ""
    quoted: tuple[str, ...] = ()  # each must produce it at info: quoted under a stance

    @property
    def id(self) -> str:
        return self.rule.id

    def detail(self, lang: str) -> str:
        return self.detail_en if lang == "en" else self.detail_zh
