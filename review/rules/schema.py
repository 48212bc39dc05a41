"""The one typed schema of every rule file: lexicons, wrong → right lists, formulations and
leaders — the bundled files and an organisation's own alike.

Unknown tables and keys are errors, not silently ignored; each problem is reported as one line
naming the file, the entry and the field. Files are validated when they are compiled; the
compiled forms are cached by file hash (review.cache), so an unchanged file is not validated
again."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Annotated, Literal, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from review.errors import ConfigError
from review.findings import Category, Gate, Severity
from review.tomlfile import read_toml

M = TypeVar("M", bound=BaseModel)


def _gate(value: object) -> object:
    """The code (`legal`) or the Chinese name users write (`法律关`)."""
    return Gate.parse(value) if isinstance(value, str) else value


def _draft_category(value: object) -> object:
    """A lexicon judges a draft's text: `release` (what went out against what was approved) is
    the release checks' own category, not one a list of terms can have."""
    if value == Category.RELEASE:
        raise ValueError("release is not a category of draft text; use one of "
                         + ", ".join(c for c in Category if c is not Category.RELEASE))
    return value


GateName = Annotated[Gate, BeforeValidator(_gate)]
DraftCategory = Annotated[Category, BeforeValidator(_draft_category)]
# Ids are stored newline-joined in the compiled cache and named in `[severity]`: one word.
RuleId = Annotated[str, StringConstraints(pattern=r"^\S+$")]
Text = Annotated[str, StringConstraints(min_length=1)]
Examples = list[Text]
CLASS_KEY = re.compile(r"[a-z][a-z0-9_]*")  # a word class's key; no rule id looks like one
ClassName = Annotated[str, StringConstraints(pattern=rf"^{CLASS_KEY.pattern}$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Dated(_Strict):
    valid_from: date | None = None
    valid_to: date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Dated:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError("valid_to is before valid_from")
        return self

    def applies(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and \
            (self.valid_to is None or day <= self.valid_to)


# --- lexicons/*.toml and the organisation's lexicons ----------------------------------------
class LexiconMeta(_Strict):
    category: DraftCategory
    severity: Severity | None = None
    gate: GateName | None = None
    excused_by: list[ClassName] = []   # stances under which an entry's term is a quotation
    sound: bool = False                # terms also found by sound (pinyin, mixed script)


class _Rule(_Strict):
    """What every rule entry of a term-like file says: its id, why (in both languages), the
    fix, an optional severity and gate over the file's, and its examples."""

    id: RuleId
    reason: Text
    reason_en: Text
    suggestion: str | None = None
    suggestion_en: str | None = None
    severity: Severity | None = None
    gate: GateName | None = None
    hit: Examples
    quoted: Examples = []   # quoted under an excusing stance: reported at info
    miss: Examples = []


class LexiconEntry(_Rule):
    term: Text
    variants: list[Text] = []
    context: list[str] = []
    allow: list[str] = []
    noise: bool = True
    excused_by: list[ClassName] | None = None   # default: the file's; [] never excused


class LexiconFile(_Strict):
    meta: LexiconMeta
    entry: list[LexiconEntry] = []


# --- lexicons/expression/*.toml: wrong → right ---------------------------------------------
class CorrectionMeta(_Strict):
    category: Literal["expression"] = "expression"
    severity: Severity = Severity.REVIEW
    gate: GateName = Gate.TEXT


class CorrectionEntry(Dated):
    id: RuleId
    wrong: list[Text] = Field(min_length=1)
    right: Text
    reason: Text
    reason_en: Text
    severity: Severity | None = None
    gate: GateName | None = None
    allow: list[str] = []
    hit: Examples
    miss: Examples = []


class CorrectionFile(_Strict):
    meta: CorrectionMeta = CorrectionMeta()
    entry: list[CorrectionEntry] = []


# --- lexicons/expression/formulations.toml ---------------------------------------------------
class FormulationEntry(_Strict):
    id: RuleId
    text: Annotated[str, StringConstraints(min_length=2)]
    max_distance: int | None = Field(default=None, ge=1, le=5)
    severity: Severity = Severity.BLOCK
    gate: GateName = Gate.POLITICAL
    allow: list[Text] = []
    # the formulation's last word, which its name (the text before it) is always followed by
    # (…社会主义 + 思想): the name written exactly and another word after it is a near miss too
    head: Annotated[str, StringConstraints(min_length=1)] | None = None
    hit: Examples
    miss: Examples = []


class FormulationFile(_Strict):
    formulation: list[FormulationEntry] = []


# --- lexicons/expression/leaders.toml and the organisation's leaders file --------------------
class SetEntry(_Strict):
    name: Text
    members: list[Text] = Field(min_length=3)
    also: list[Text] = []
    shape: Annotated[str, StringConstraints(pattern=r"^(suffix|prefix):\S+$")] | None = None
    cue: str | None = None
    # a list with a wrong member (EX9301), and right uses and nearby lists that must pass
    hit: list[Text] = []
    miss: list[Text] = []


class SetsFile(_Strict):
    set: list[SetEntry] = []


# --- lexicons/expression/confusables.toml: function characters confused in context ----------
Char = Annotated[str, StringConstraints(min_length=1, max_length=1)]


class ConfusableRule(_Strict):
    id: RuleId
    wrong: Annotated[str, StringConstraints(min_length=1)]  # the characters it corrects
    right: Char
    reason: Text
    reason_en: Text
    # regular expressions over the folded text, `{word_class}` for a class of [words]; the
    # group `w` is the wrong character, the match the span reported
    patterns: list[Text] = Field(min_length=1)
    fix: bool = True  # the correction is unambiguous: `review fix` may apply it
    hit: Examples = Field(min_length=1)
    miss: Examples = []


class ConfusablesFile(_Strict):
    words: dict[ClassName, list[Text]] = {}
    rule: list[ConfusableRule] = []


# --- lexicons/expression/offices.toml: which head titles each kind of body has ---------------
class OfficesMeta(_Strict):
    titles: list[Text] = Field(min_length=2)   # the head titles the check knows
    not_after: list[Text] = []                 # words that make a title another word (主任科员)


class OfficeBody(_Strict):
    names: list[Text] = Field(min_length=1)
    heads: list[Text] = Field(min_length=1)    # its head's titles
    also: list[Text] = []                      # other titles used right after its name
    not_before: str = ""                       # characters before a name that make it a word
    party: str = ""                            # the party organisation whose 书记 it names


class OfficesFile(_Strict):
    meta: OfficesMeta
    body: list[OfficeBody] = []


class LeaderEntry(Dated):
    name: Text
    title: Text
    short_titles: list[Text] = []
    misspellings: list[Text] = []


class LeadersFile(_Strict):
    leader: list[LeaderEntry] = []


# --- lexicons/classes/*.toml: word classes, and lexicons/cooccurrence/*.toml ----------------


class WordClass(_Strict):
    name: Text                   # what a reader is told was recognised: 毒品名称
    name_en: Text
    terms: list[Text] = Field(min_length=1)
    stance: bool = False         # a class that says how a sentence speaks (a warning, a debunk)
    # Where a stance's cue speaks: its sentence; its whole paragraph (网传“…”。经核实，系谣言。);
    # the whole post (a debunk's verdict); or only right before or right after a term
    # (打击出售枪支, 出售枪支案), where a cue may be one character since it is only looked for
    # next to a term.
    scope: Literal["sentence", "paragraph", "document", "before", "after"] = "sentence"

    sound: bool = False          # its terms are also found by sound (review/sound.py)

    @model_validator(mode="after")
    def _scope_of_a_stance(self) -> WordClass:
        if self.scope != "sentence" and not self.stance:
            raise ValueError("scope: only a stance class (stance = true) has a scope")
        return self


class ClassesFile(_Strict):
    word_class: dict[ClassName, WordClass] = Field(default={}, alias="class")


class CooccurrenceRule(_Rule):
    all: list[ClassName] = []        # every one of these classes in the sentence
    any: list[ClassName] = []        # and at least one of these
    none: list[ClassName] = []       # and none of these
    excused_by: list[ClassName] = []  # stances under which it is a quotation: reported as info

    @model_validator(mode="after")
    def _something_to_find(self) -> CooccurrenceRule:
        if len(self.all) + bool(self.any) < 2:
            raise ValueError("a co-occurrence rule needs at least two classes (all, or all + any)")
        return self


class CooccurrenceFile(_Strict):
    meta: LexiconMeta
    rule: list[CooccurrenceRule] = []


# An element of a sequence: "@class", "{slot}" or a literal word.
Element = Annotated[str, StringConstraints(pattern=r"^(@[a-z][a-z0-9_]*|\{[a-z]+\}|[^@{}\s]+)$")]


class SequenceRule(_Rule):
    pattern: list[Element] = Field(min_length=2)  # in this order, in one sentence
    within: int = Field(default=8, ge=0, le=30)   # at most this many characters between two
    all: list[ClassName] = []      # and these classes anywhere in the sentence
    none: list[ClassName] = []
    excused_by: list[ClassName] = []

    @model_validator(mode="after")
    def _anchored(self) -> SequenceRule:
        if all(e.startswith("{") for e in self.pattern):
            raise ValueError("pattern: a sequence needs a class or a word, not slots alone")
        return self


class SequenceFile(_Strict):
    meta: LexiconMeta
    rule: list[SequenceRule] = []


def read(path: Path, model: type[M]) -> M:
    """The file validated against its schema, or a ConfigError with one line per problem."""
    data = read_toml(path)
    try:
        return model.model_validate(data)
    except ValidationError as err:
        problems = [f"{path}: {_where(data, e['loc'])}{e['msg']}" for e in err.errors()]
        raise ConfigError("\n".join(dict.fromkeys(problems))) from None


def _where(data: dict, loc: tuple) -> str:
    """`entry EX0123 (#4): right: ` for a location inside the file's data."""
    parts = []
    if len(loc) >= 2 and isinstance(loc[1], int):
        table, index = loc[0], loc[1]
        rows = data.get(table)
        row = rows[index] if isinstance(rows, list) and index < len(rows) else {}
        name = row.get("id") or row.get("name") if isinstance(row, dict) else None
        parts.append(f"{table} {name} (#{index + 1})" if name else f"{table} #{index + 1}")
        loc = loc[2:]
    elif loc:
        parts.append(str(loc[0]))
        loc = loc[1:]
    fields = [str(p) for p in loc if not isinstance(p, int)]
    if fields:
        parts.append(".".join(fields))
    return "".join(f"{p}: " for p in parts)
