"""The records that flow out of the pipeline: rules, hits, findings and file results."""

from __future__ import annotations

import hashlib
from enum import StrEnum
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, model_serializer, model_validator

from review.location import Location


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
        return cls(fields[0], Category(fields[1]), Gate(fields[2]), Severity(fields[3]),
                   *fields[4:8])


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


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True)

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

    @model_serializer(mode="wrap")
    def _suppressed_only_when_set(self, handler: Any) -> dict[str, Any]:
        """Left out unless set: findings recorded and signed before directives existed keep
        their digest (an approval re-runs the check and compares it)."""
        data = handler(self)
        if data.get("suppressed", 0) is None:
            del data["suppressed"]
        return data

    @model_validator(mode="before")
    @classmethod
    def _recorded_without_location(cls, data: object) -> object:
        """Findings recorded before locations existed (a workspace's stored items) were all
        of text kinds: their line and column are their location."""
        if isinstance(data, dict) and "location" not in data and "line" in data:
            data = {**data, "location": Location(line=data["line"], column=data["column"])}
        return data

    @property
    def text_digest(self) -> str:
        """A short hash of the matched text (the words, for a finding that spans more): how a
        baseline names a finding without keeping its text (the same text anywhere in the file
        is the same accepted finding)."""
        return hashlib.sha256((self.words or self.text).encode()).hexdigest()[:16]


class FileResult(BaseModel):
    path: str
    decision: Decision | None = None
    findings: list[Finding] = []
    error: str | None = None
    # Findings a baseline accepted and the decision left out (the CI gate reports the count).
    baselined: int = Field(default=0, exclude=True)
    # Suppressed findings left out of the report (`review check` without --show-suppressed).
    hidden: int = Field(default=0, exclude=True)
    # The original lines the findings are on, for the text report (not part of JSON output).
    lines: dict[int, str] = Field(default_factory=dict, exclude=True)
