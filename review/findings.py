"""The records that flow out of the pipeline: rules, hits, findings and file results."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from review.digest import sha256
from review.location import Location
from review.record import NamedTuple, Record


class Category(StrEnum):
    ILLEGAL = "illegal"
    SECURITY = "security"
    SECRETS = "secrets"
    ADS = "ads"
    OPINION = "opinion"
    CONSENT = "consent"
    EXPRESSION = "expression"
    RELEASE = "release"  # what went out differs from what was approved (review ci, published)


class Gate(StrEnum):
    """五关: every finding belongs to one gate."""

    POLITICAL = "political"
    LEGAL = "legal"
    POLICY = "policy"
    CONFIDENTIALITY = "confidentiality"
    TEXT = "text"

    @classmethod
    def parse(cls, value: str) -> Gate:
        """Accept the code (`legal`) or the Chinese name users write (`法律关`)."""
        return GATE_NAMES.get(value) or cls(value)


GATE_NAMES = {"政治关": Gate.POLITICAL, "法律关": Gate.LEGAL, "政策关": Gate.POLICY,
              "保密关": Gate.CONFIDENTIALITY, "文字关": Gate.TEXT}


class Severity(StrEnum):
    BLOCK = "block"
    REVIEW = "review"
    INFO = "info"

    @property
    def rank(self) -> int:
        return SEVERITY_RANK[self]


SEVERITY_RANK = {Severity.INFO: 0, Severity.REVIEW: 1, Severity.BLOCK: 2}

# What a category is by default, so a lexicon file or a plain term list need not repeat it.
CATEGORY_DEFAULTS: dict[Category, tuple[Severity, Gate]] = {
    Category.ILLEGAL: (Severity.BLOCK, Gate.LEGAL),
    Category.SECURITY: (Severity.BLOCK, Gate.POLITICAL),
    Category.SECRETS: (Severity.BLOCK, Gate.CONFIDENTIALITY),
    Category.ADS: (Severity.BLOCK, Gate.POLICY),
    Category.OPINION: (Severity.REVIEW, Gate.POLICY),
    Category.CONSENT: (Severity.REVIEW, Gate.POLICY),
    Category.EXPRESSION: (Severity.REVIEW, Gate.TEXT),
    Category.RELEASE: (Severity.BLOCK, Gate.POLITICAL),
}


class Decision(StrEnum):
    BLOCK = "block"
    REVIEW = "review"
    PASS = "pass"


class Rule(NamedTuple):
    """A stable rule: one lexicon entry or one detector. A named tuple, not a dataclass: a
    200,000-term list makes one per term, and a tuple is made four times quicker."""

    id: str
    category: Category
    gate: Gate
    severity: Severity
    message_zh: str
    message_en: str
    suggestion_zh: str | None = None
    suggestion_en: str | None = None

    def message(self, lang: str) -> str:
        return self.message_en if lang == "en" else self.message_zh

    def suggestion(self, lang: str) -> str | None:
        return self.suggestion_en if lang == "en" else self.suggestion_zh

    def to_list(self) -> list:
        """A plain, JSON-able form (for the lexicon cache)."""
        return [self.id, self.category.value, self.gate.value, self.severity.value,
                self.message_zh, self.message_en, self.suggestion_zh, self.suggestion_en]

    @classmethod
    def from_list(cls, fields: list) -> Rule:
        # the enums' own value → member maps: calling the enum is several times slower, and a
        # check decodes thousands of cached rules
        return cls(fields[0], _CATEGORIES[fields[1]], _GATES[fields[2]],
                   _SEVERITIES[fields[3]], *fields[4:8])


_CATEGORIES: dict[str, Category] = dict(Category._value2member_map_)  # type: ignore[arg-type]
_GATES: dict[str, Gate] = dict(Gate._value2member_map_)  # type: ignore[arg-type]
_SEVERITIES: dict[str, Severity] = dict(Severity._value2member_map_)  # type: ignore[arg-type]


RULE, MODEL = 1, 2  # Hit.broad


class Hit(NamedTuple):
    """What a stage reports: a rule and a span of the original text (end exclusive). A named
    tuple: stages make one per match, so it must be cheap."""

    rule: Rule
    start: int
    end: int
    severity: Severity | None = None  # a detector may lower or raise the rule's default
    replacement: str | None = None     # the exact text that should stand in [start, end)
    # How broad a judgement it is: 0 a term; RULE a rule over a sentence's words (co-occurrence,
    # sequence); MODEL the sentence model's. A finding gives way to a narrower one inside it.
    broad: int = 0


class Finding(Record, frozen=True):
    """One finding of a file. A plain frozen record (review.record), not a pydantic model nor
    a dataclass: `review check` must start quickly; `replace` makes a changed copy. Its JSON
    form (to_dict) is what reports print and what the workflow stores and signs: the keys and
    their order must never change, or findings recorded and signed earlier no longer match
    their digest."""

    rule: str
    category: Category
    gate: Gate
    severity: Severity
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    location: Location  # where it is, as a reader of this kind of file says it
    text: str
    message: str
    suggestion: str | None = None
    replacement: str | None = None  # what `review fix` may put in place of `text`
    # The words that gave a finding away when it spans more than them (a consent finding spans
    # its statement): what a baseline and `review published` recognise it by.
    words: str | None = None
    # The reason of the draft's `review-ignore` directive that lowered it to info
    # (review.suppress); a reviewer still sees it.
    suppressed: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form. `suppressed` is left out unless set: findings recorded and signed
        before directives existed keep their digest (an approval re-runs the check and
        compares it); the other optional fields are written even when null."""
        data: dict[str, Any] = {
            "rule": self.rule, "category": str(self.category), "gate": str(self.gate),
            "severity": str(self.severity), "start": self.start, "end": self.end,
            "line": self.line, "column": self.column, "end_line": self.end_line,
            "end_column": self.end_column, "location": self.location.to_dict(),
            "text": self.text, "message": self.message, "suggestion": self.suggestion,
            "replacement": self.replacement, "words": self.words}
        if self.suppressed is not None:
            data["suppressed"] = self.suppressed
        return data

    @classmethod
    def from_dict(cls, data: object) -> Finding:
        """A finding from its JSON form (a stored or signed record); keys it does not know (a
        stored record's `key`) are passed over. ValueError when it is not a valid finding.

        Findings recorded before locations existed (a workspace's stored items) were all of
        text kinds: their line and column are their location."""
        if not isinstance(data, dict):
            raise ValueError("a finding is a table of fields")
        values: dict[str, Any] = {}
        for name, kind in _RECORD_FIELDS.items():
            if name not in data:
                if name in _OPTIONAL:
                    continue
                if name == "location" and "line" in data:
                    values[name] = Location(line=_int(data, "line"), column=_int(data, "column"))
                    continue
                raise ValueError(f"{name}: field required")
            value = data[name]
            if name == "location":
                values[name] = Location.from_dict(value)
            elif kind is int:
                values[name] = _int(data, name)
            elif kind is str:
                if not isinstance(value, str) and not (value is None and name in _OPTIONAL):
                    raise ValueError(f"{name}: not a string")
                values[name] = value
            else:
                try:
                    values[name] = kind(value)
                except (ValueError, TypeError):
                    raise ValueError(f"{name}: {value!r} is not a {kind.__name__.lower()}"
                                     ) from None
        return cls(**values)

    @property
    def text_digest(self) -> str:
        """A short hash of the matched text (the words, for a finding that spans more): how a
        baseline names a finding without keeping its text (the same text anywhere in the file
        is the same accepted finding)."""
        return sha256((self.words or self.text).encode()).hexdigest()[:16]


# How a stored record's fields are read back (Finding.from_dict), in declaration order.
_RECORD_FIELDS: dict[str, type] = {
    "rule": str, "category": Category, "gate": Gate, "severity": Severity, "start": int,
    "end": int, "line": int, "column": int, "end_line": int, "end_column": int,
    "location": Location, "text": str, "message": str, "suggestion": str, "replacement": str,
    "words": str, "suppressed": str}
_OPTIONAL = frozenset({"suggestion", "replacement", "words", "suppressed"})


def _int(data: dict, name: str) -> int:
    if name not in data:
        raise ValueError(f"{name}: field required")
    value = data[name]
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"{name}: not an integer")
    return value


class FileResult(Record):
    """What checking one file gives: its decision and findings, or the error that kept it
    from being checked. JSON output writes `path`, `decision`, `findings` and `error`
    (review.report.json); the other fields are for the reports and the CI gate only."""

    path: str
    decision: Decision | None = None
    findings: list[Finding] = []  # noqa: RUF012 (a record copies a list default)
    error: str | None = None
    # Findings a baseline accepted and the decision left out (the CI gate reports the count).
    baselined: int = 0
    # Suppressed findings left out of the report (`review check` without --show-suppressed).
    hidden: int = 0
    # The original lines the findings are on, for the text report (not part of JSON output).
    lines: dict[int, str] = {}  # noqa: RUF012
