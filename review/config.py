"""`review.toml` or `[tool.review]` in `pyproject.toml`, found by walking up from a directory."""

from __future__ import annotations

import tomllib
from datetime import date as Date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from review.errors import ConfigError, first_problem
from review.findings import Gate, Severity
from review.loading import DEFAULT_INCLUDE, DEFAULT_MAX_BYTES
from review.rules.lexicons import LexiconOptions
from review.rules.schema import DraftCategory
from review.tomlfile import read_toml

Level = Literal["block", "review", "info", "off"]
# Per class: how sure the sentence model must be that a sentence is not neutral to flag it as
# that class, its likeliest (review.model.flag). Chosen so that government prose stays under
# the false-alarm targets (`review model eval --shared`: reply sentences ≤ 0.5%, People's Daily
# paragraphs ≤ 5%, any class counted) with the most recall left on the corpus's held-out part;
# the classes rules cover well (illegal, security, secrets, consent) are set strictest. An
# organisation's `[classifier]` overrides some of them.
CLASSIFIER_THRESHOLDS = {"ads": 0.72, "opinion": 0.82, "illegal": 0.95, "security": 0.98,
                         "secrets": 0.99, "consent": 0.97}


class LexiconRef(BaseModel):
    model_config = ConfigDict(extra="forbid")
    path: Path
    category: DraftCategory | None = None
    severity: Severity | None = None
    gate: Gate | None = None

    _gate = field_validator("gate", mode="before")(lambda v: v and Gate.parse(v))


class CiSettings(BaseModel):
    """`[ci]`: what `review ci` gates."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True,
                              alias_generator=lambda name: name.replace("_", "-"))
    paths: list[str] = []               # publishable files (globs); default: the include globs
    require_approval: bool = False      # every changed publishable file needs an attestation
    baseline: Path = Path(".review/baseline.json")
    fail_on: Literal["block", "review", "never"] = "block"


class Config(BaseModel):
    """Settings; every key may be written kebab-case (`fail-on`) or snake_case (`fail_on`)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True,
                              alias_generator=lambda name: name.replace("_", "-"))

    lang: Literal["zh", "en"] = "zh"
    fail_on: Literal["block", "review", "never"] = "block"
    stages: list[str] | None = None           # None: every registered stage
    paths: list[str] = []                      # what `review check` checks when given no paths
    include: list[str] = Field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = []
    allow: list[str] = []                      # phrases inside which nothing is reported
    lexicon: list[LexiconRef] = []             # extra lexicons, besides the bundled ones
    bundled_lexicons: bool = True
    severity: dict[str, Level] = {}            # by rule id or category: "AD503" = "review"
    official_domains: list[str] = []           # more domains whose links are not ads
    max_file_size: float = Field(default=DEFAULT_MAX_BYTES / 2**20, gt=0, le=1024)  # MB
    date: Date | None = None                   # the drafts' date for dated rules; default today
    expressions: list[Path] = []               # extra wrong → right files
    classes: list[Path] = []                   # the organisation's word classes (terms added)
    leaders: Path | None = None                # the organisation's leaders file
    model: Path | None = None                  # a classifier model directory (default models/)
    database_url: str | None = None            # the workflow store (default SQLite in .review/)
    trust_root: str | None = None              # SHA256:… of the first admin (`review verify`)
    ci: CiSettings = Field(default_factory=CiSettings)
    classifier: dict[str, float] = Field(      # per-class probability thresholds
        default_factory=lambda: dict(CLASSIFIER_THRESHOLDS))
    root: Path = Field(default=Path("."), exclude=True)  # directory of the config file

    @field_validator("classifier")
    @classmethod
    def _thresholds_over_the_defaults(cls, value: dict[str, float]) -> dict[str, float]:
        """`[classifier] ads = 0.8` changes that class only; above 1 turns a class off."""
        for label, threshold in value.items():
            if label not in CLASSIFIER_THRESHOLDS:
                raise ValueError(f"{label}: not a class the model flags "
                                 f"({', '.join(CLASSIFIER_THRESHOLDS)})")
            if not threshold > 0:
                raise ValueError(f"{label}: a threshold is a probability above 0 "
                                 "(above 1 turns the class off)")
        return {**CLASSIFIER_THRESHOLDS, **value}

    @field_validator("severity")
    @classmethod
    def _consent_never_blocks(cls, value: dict[str, Level]) -> dict[str, Level]:
        for key, level in value.items():
            if (key == "consent" or key.startswith("CN")) and level == "block":
                raise ValueError(f"{key}: consent topics are reviewed by the unit, never blocked")
        return value

    @property
    def max_bytes(self) -> int:
        return int(self.max_file_size * 2**20)

    def lexicon_options(self) -> list[LexiconOptions]:
        return [LexiconOptions(self.root / ref.path, ref.category, ref.severity, ref.gate)
                for ref in self.lexicon]


def find_config(start: Path) -> Path | None:
    for directory in [start, *start.parents]:
        candidate = directory / "review.toml"
        if candidate.is_file():
            return candidate
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and "review" in read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def parse_config(text: str, name: str, root: Path) -> Config:
    """A config from its text (e.g. as it was at a git revision), rooted at `root`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{name}: not valid TOML: {err}") from None
    if name.endswith("pyproject.toml"):
        data = data.get("tool", {}).get("review", {})
    try:
        return Config.model_validate({**data, "root": root})
    except ValidationError as err:
        raise ConfigError(f"{name}: {first_problem(err)}") from None


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    """The config at `path`, or the nearest one above `start` (default: the working directory)."""
    if path is None:
        path = find_config((start or Path.cwd()).resolve())
        if path is None:
            return Config()
    elif not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    data = read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("review", {})
    try:
        return Config.model_validate({**data, "root": path.resolve().parent})
    except ValidationError as err:
        raise ConfigError(f"{path}: {first_problem(err)}") from None
