"""The 文字关 data: wrong → right lexicons, canonical formulations and the leaders file.

All of it lives in `lexicons/expression/` as TOML that editors can read and extend; entries
carry dates because what is right changes (新冠肺炎 became 新型冠状病毒感染 on 2022-12-26)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from review.errors import ConfigError
from review.findings import Category, Rule
from review.normalize import View, fold
from review.record import NamedTuple
from review.rules.lexicons import bundled_dir

FORMULATIONS_FILE = "formulations.toml"
LEADERS_FILE = "leaders.toml"
SETS_FILE = "sets.toml"
OFFICES_FILE = "offices.toml"
CONFUSABLES_FILE = "confusables.toml"


def folded(text: str) -> str:
    """A phrase as it appears in a document's folded view (simplified, half-width, lower)."""
    return fold(View.identity(text)).text


class Dated(NamedTuple):
    """When an entry is in force (both ends inclusive, None open). Plain, not the schema's
    pydantic model: corrections come back from the cache on every check."""

    valid_from: date | None = None
    valid_to: date | None = None

    def applies(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and \
            (self.valid_to is None or day <= self.valid_to)


class Correction(NamedTuple):
    """A wrong → right entry, folded for matching; `right` is also the replacement text."""

    rule: Rule
    wrong: tuple[str, ...]
    right: str
    shields: tuple[str, ...]  # correct phrases inside which a wrong form is not an error
    dated: Dated
    hit: tuple[str, ...]
    miss: tuple[str, ...]
    source: str = ""


def load_corrections(path: Path) -> list[Correction]:
    from review.rules import schema  # lazily: only compiling needs it, not the cache

    parsed = schema.read(path, schema.CorrectionFile)
    meta = parsed.meta
    result = []
    for e in parsed.entry:
        for form in e.wrong:
            if len(folded(form)) < 2:
                raise ConfigError(f"{path}: entry {e.id}: wrong: {form!r} is shorter than two "
                                  "characters")
        right = e.right
        rule = Rule(e.id, Category.EXPRESSION, e.gate or meta.gate, e.severity or meta.severity,
                    e.reason, e.reason_en, f"改为“{right}”", f"write “{right}”")
        result.append(Correction(rule, tuple(folded(w) for w in e.wrong), right,
                                 tuple(folded(a) for a in [*e.allow, right]),
                                 Dated(valid_from=e.valid_from, valid_to=e.valid_to),
                                 tuple(e.hit), tuple(e.miss), str(path)))
    return result


def expression_dir() -> Path:
    return bundled_dir() / "expression"


def correction_files(directory: Path | None = None) -> list[Path]:
    directory = directory or expression_dir()
    special = {FORMULATIONS_FILE, LEADERS_FILE, SETS_FILE, OFFICES_FILE, CONFUSABLES_FILE}
    return [p for p in sorted(directory.glob("*.toml")) if p.name not in special]
