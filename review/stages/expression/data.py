"""The 文字关 data: wrong → right lexicons, canonical formulations and the leaders file.

All of it lives in `lexicons/expression/` as TOML that editors can read and extend; entries
carry dates because what is right changes (新冠肺炎 became 新型冠状病毒感染 on 2022-12-26)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from review.errors import ConfigError, first_problem
from review.findings import Category, Gate, Rule, Severity
from review.lexicon import bundled_dir
from review.normalize import View, fold
from review.tomlfile import read_toml

FORMULATIONS_FILE = "formulations.toml"
LEADERS_FILE = "leaders.toml"


def folded(text: str) -> str:
    """A phrase as it appears in a document's folded view (simplified, half-width, lower)."""
    return fold(View.identity(text)).text


class Dated(BaseModel):
    model_config = ConfigDict(extra="forbid")
    valid_from: date | None = None
    valid_to: date | None = None

    def applies(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and \
            (self.valid_to is None or day <= self.valid_to)


class _Meta(BaseModel):
    model_config = ConfigDict(extra="forbid")
    category: str = "expression"
    severity: Severity = Severity.REVIEW
    gate: Gate = Gate.TEXT

    _gate = field_validator("gate", mode="before")(lambda v: v and Gate.parse(v))


class _Entry(Dated):
    id: str
    wrong: list[str]
    right: str
    reason: str
    reason_en: str
    severity: Severity | None = None
    gate: Gate | None = None
    allow: list[str] = []
    hit: list[str]
    miss: list[str] = []

    _gate = field_validator("gate", mode="before")(lambda v: v and Gate.parse(v))


@dataclass(frozen=True)
class Correction:
    """A wrong → right entry, folded for matching; `right` is also the replacement text."""

    rule: Rule
    wrong: tuple[str, ...]
    right: str
    shields: tuple[str, ...]  # correct phrases inside which a wrong form is not an error
    dated: Dated
    hit: tuple[str, ...]
    miss: tuple[str, ...]


def _validated(path: Path, model: type[BaseModel], data: object) -> BaseModel:
    try:
        return model.model_validate(data)
    except ValidationError as err:
        raise ConfigError(f"{path}: {first_problem(err)}") from None


def load_corrections(path: Path) -> list[Correction]:
    data = read_toml(path)
    meta = _validated(path, _Meta, data.get("meta", {}))
    result = []
    for raw in data.get("entry", []):
        e = _validated(path, _Entry, {**raw, "id": raw.get("id", "?")})
        for form in e.wrong:
            if len(folded(form)) < 2:
                raise ConfigError(f"{path}: {e.id}: wrong form {form!r} is too short")
        right = e.right
        rule = Rule(e.id, Category.EXPRESSION, e.gate or meta.gate, e.severity or meta.severity,
                    e.reason, e.reason_en, f"改为“{right}”", f"write “{right}”")
        result.append(Correction(rule, tuple(folded(w) for w in e.wrong), right,
                                 tuple(folded(a) for a in [*e.allow, right]),
                                 Dated(valid_from=e.valid_from, valid_to=e.valid_to),
                                 tuple(e.hit), tuple(e.miss)))
    return result


def expression_dir() -> Path:
    return bundled_dir() / "expression"


def correction_files(directory: Path | None = None) -> list[Path]:
    directory = directory or expression_dir()
    special = {FORMULATIONS_FILE, LEADERS_FILE}
    return [p for p in sorted(directory.glob("*.toml")) if p.name not in special]
