"""`review.toml` or `[tool.review]` in `pyproject.toml`, found by walking up from a directory.

The settings are plain records (review.record), not pydantic models: every `review check`
makes one, and importing pydantic and declaring models would cost more than a short draft's
whole check. A config file is validated by hand (`_validated`), each problem said in one
line naming the key: `fail-on: Input should be 'block', 'review' or 'never'`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date as Date
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from review.errors import ConfigError
from review.findings import GATE_NAMES, Category, Gate, Severity
from review.loading import DEFAULT_INCLUDE, DEFAULT_MAX_BYTES
from review.record import NamedTuple, Record
from review.rules.lexicons import LexiconOptions
from review.tomlfile import read_toml

Level = Literal["block", "review", "info", "off"]
LEVELS = ("block", "review", "info", "off")
FAIL_ON = ("block", "review", "never")
LANGS = ("zh", "en")
# Per class: how sure the sentence model must be that a sentence is not neutral to flag it as
# that class, its likeliest (review.model.flag). Chosen so that government prose stays under
# the false-alarm targets (`review model eval --shared`: reply sentences ≤ 0.5%, People's Daily
# paragraphs ≤ 5%, any class counted) with the most recall left on the corpus's held-out part;
# the classes rules cover well (illegal, security, secrets, consent) are set strictest. An
# organisation's `[classifier]` overrides some of them.
CLASSIFIER_THRESHOLDS = {"ads": 0.72, "opinion": 0.82, "illegal": 0.95, "security": 0.98,
                         "secrets": 0.99, "consent": 0.97}
DEFAULT_MAX_FILE_SIZE = DEFAULT_MAX_BYTES / 2**20  # MB
MAX_FILE_SIZE_LIMIT = 1024  # MB


class LexiconRef(NamedTuple):
    """`[[lexicon]]`: an extra lexicon file, and what it is when the file does not say."""

    path: Path
    category: Category | None = None  # never `release`: not a category of draft text
    severity: Severity | None = None
    gate: Gate | None = None


class CiSettings(NamedTuple):
    """`[ci]`: what `review ci` gates. (Named tuples, as LexiconRef: a dataclass's methods are
    compiled at every start.)"""

    paths: Sequence[str] = ()           # publishable files (globs); default: include
    require_approval: bool = False      # every changed publishable file needs an attestation
    baseline: Path = Path(".review/baseline.json")
    fail_on: Literal["block", "review", "never"] = "block"


class CalendarSettings(NamedTuple):
    """`[calendar]`: the organisation's holiday files (the State Council's notice of a year,
    review.accounts.calendar.read_holidays), over the bundled calendar for the years they
    cover; paths relative to the config file."""

    holidays: Sequence[Path] = ()


class Config(Record, frozen=True):
    """Settings; every key may be written kebab-case (`fail-on`) or snake_case (`fail_on`).
    A changed copy is `config.replace(…)` (a record, review.record)."""

    lang: Literal["zh", "en"] = "zh"
    fail_on: Literal["block", "review", "never"] = "block"
    stages: list[str] | None = None           # None: every registered stage
    paths: list[str] = []  # what `review check` checks given no paths
    include: list[str] = list(DEFAULT_INCLUDE)
    exclude: list[str] = []
    allow: list[str] = []  # phrases inside which nothing is reported
    lexicon: list[LexiconRef] = []  # extra lexicons, besides bundled
    bundled_lexicons: bool = True
    severity: dict[str, Level] = {}  # by rule id or category
    official_domains: list[str] = []  # more domains whose links aren't ads
    max_file_size: float = DEFAULT_MAX_FILE_SIZE  # MB, above 0 and at most 1024
    date: Date | None = None                   # the drafts' date for dated rules; default today
    expressions: list[Path] = []  # extra wrong → right files
    classes: list[Path] = []  # the organisation's word classes
    leaders: Path | None = None                # the organisation's leaders file
    model: Path | None = None                  # a classifier model directory (default models/)
    database_url: str | None = None            # the workflow store (default SQLite in .review/)
    trust_root: str | None = None              # SHA256:… of the first admin (`review verify`)
    ci: CiSettings = CiSettings()
    calendar: CalendarSettings = CalendarSettings()
    classifier: dict[str, float] = dict(CLASSIFIER_THRESHOLDS)  # per-class probabilities
    root: Path = Path(".")                     # directory of the config file (not a key of it)

    def _check(self) -> None:
        # ValueError for a table no config file may hold (a file's is said as a ConfigError by
        # load_config); both checks hold again for a copy made with replace.
        _consent_never_blocks(self.severity)
        object.__setattr__(self, "classifier", _thresholds_over_the_defaults(self.classifier))

    @property
    def max_bytes(self) -> int:
        return int(self.max_file_size * 2**20)

    def holiday_files(self) -> list[Path]:
        return [self.root / path for path in self.calendar.holidays]

    def lexicon_options(self) -> list[LexiconOptions]:
        return [LexiconOptions(self.root / ref.path, ref.category, ref.severity, ref.gate)
                for ref in self.lexicon]


def _thresholds_over_the_defaults(value: dict[str, float]) -> dict[str, float]:
    """`[classifier] ads = 0.8` changes that class only; above 1 turns a class off."""
    for label, threshold in value.items():
        if label not in CLASSIFIER_THRESHOLDS:
            raise ValueError(f"{label}: not a class the model flags "
                             f"({', '.join(CLASSIFIER_THRESHOLDS)})")
        if not threshold > 0:
            raise ValueError(f"{label}: a threshold is a probability above 0 "
                             "(above 1 turns the class off)")
    return {**CLASSIFIER_THRESHOLDS, **value}


def _consent_never_blocks(value: dict[str, str]) -> None:
    for key, level in value.items():
        if (key == "consent" or key.startswith("CN")) and level == "block":
            raise ValueError(f"{key}: consent topics are reviewed by the unit, never blocked")


# --- a config file's table → Config -----------------------------------------------------------
# The messages follow pydantic's, which validated config files before, and review.rules.schema's,
# which still validates rule files: `key.subkey: Input should be …`.


class _Invalid(Exception):
    """One problem of a config table: where (the keys as written, list indexes) and what."""

    def __init__(self, message: str, *where: str | int) -> None:
        super().__init__(message)
        self.message, self.where = message, list(where)

    def at(self, *where: str | int) -> _Invalid:
        self.where[:0] = where
        return self

    def __str__(self) -> str:
        where = ".".join(map(str, self.where))
        return f"{where}: {self.message}" if where else self.message


Check = Callable[[Any], Any]


def _said(values: tuple[str, ...]) -> str:
    quoted = [repr(str(v)) for v in values]
    return f"{', '.join(quoted[:-1])} or {quoted[-1]}" if len(quoted) > 1 else quoted[0]


def _one_of(*values: str) -> Check:
    def check(value: Any) -> str:
        if isinstance(value, str) and value in values:
            return value
        raise _Invalid(f"Input should be {_said(values)}")
    return check


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise _Invalid("Input should be a valid string")
    return value


def _path(value: Any) -> Path:
    if not isinstance(value, str):
        raise _Invalid("Input should be a valid path (a string)")
    return Path(value)


_TRUE = {"1", "on", "t", "true", "y", "yes"}
_FALSE = {"0", "off", "f", "false", "n", "no"}


def _boolean(value: Any) -> bool:
    """true or false (and, as pydantic accepted them, 1 or 0 and "yes" or "no")."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise _Invalid("Input should be a valid boolean, unable to interpret input")


def _number(value: Any) -> float:
    """A number (as pydantic accepted them, also one written as a string)."""
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            raise _Invalid("Input should be a valid number, unable to parse string as a number"
                           ) from None
    raise _Invalid("Input should be a valid number")


def _file_size(value: Any) -> float:
    number = _number(value)
    if not number > 0:
        raise _Invalid("Input should be greater than 0")
    if not number <= MAX_FILE_SIZE_LIMIT:
        raise _Invalid(f"Input should be less than or equal to {MAX_FILE_SIZE_LIMIT}")
    return number


def _date(value: Any) -> Date:
    """A TOML date (2026-11-25), or one written as a string; a datetime only at midnight."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            raise _Invalid("Input should be a valid date (YYYY-MM-DD)") from None
    if isinstance(value, datetime):
        if value.time() != datetime.min.time():
            raise _Invalid("Datetimes provided to dates should have zero time - e.g. be exact "
                           "dates")
        return value.date()
    if isinstance(value, Date):
        return value
    raise _Invalid("Input should be a valid date (YYYY-MM-DD)")


def _list_of(check: Check) -> Check:
    def checked(value: Any) -> list:
        if not isinstance(value, list):
            raise _Invalid("Input should be a valid list")
        out = []
        for i, item in enumerate(value):
            try:
                out.append(check(item))
            except _Invalid as err:
                raise err.at(i) from None
        return out
    return checked


def _table_of(check: Check) -> Check:
    def checked(value: Any) -> dict:
        if not isinstance(value, dict):
            raise _Invalid("Input should be a valid dictionary")
        out = {}
        for key, item in value.items():
            try:
                out[key] = check(item)
            except _Invalid as err:
                raise err.at(key) from None
        return out
    return checked


def _after(check: Check, then: Callable[[Any], Any]) -> Check:
    """`check`, then `then` on what it gave: its result, unless None; its ValueError a problem
    of the key."""
    def checked(value: Any) -> Any:
        value = check(value)
        try:
            result = then(value)
        except ValueError as err:
            raise _Invalid(str(err)) from None
        return value if result is None else result
    return checked


_DRAFT_CATEGORIES = tuple(c.value for c in Category if c is not Category.RELEASE)


def _draft_category(value: Any) -> Category:
    """A lexicon judges a draft's text: `release` (what went out against what was approved) is
    the release checks' own category, not one a list of terms can have."""
    if value == Category.RELEASE:
        raise _Invalid("release is not a category of draft text; use one of "
                       + ", ".join(_DRAFT_CATEGORIES))
    if isinstance(value, str) and value in _DRAFT_CATEGORIES:
        return Category(value)
    raise _Invalid(f"Input should be {_said(_DRAFT_CATEGORIES)}")


def _severity(value: Any) -> Severity:
    if isinstance(value, str) and value in tuple(Severity):
        return Severity(value)
    raise _Invalid(f"Input should be {_said(tuple(Severity))}")


def _gate(value: Any) -> Gate:
    """The code (`legal`) or the Chinese name users write (`法律关`)."""
    if isinstance(value, str) and (value in GATE_NAMES or value in tuple(Gate)):
        return Gate.parse(value)
    raise _Invalid(f"Input should be {_said(tuple(Gate))} (or {', '.join(GATE_NAMES)})")


def _fields(spec: dict[str, Check], *, kebab: bool, required: tuple[str, ...] = ()
            ) -> Callable[[Any], dict[str, Any]]:
    """A table of fields, each checked by its `spec`; with `kebab`, a key may be written
    `fail-on` or `fail_on` (not both). Unknown keys are errors."""
    def checked(value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise _Invalid("Input should be a valid dictionary")
        values, used = {}, set()
        for name, check in spec.items():
            spelt = name.replace("_", "-") if kebab else name
            key = spelt if spelt in value else name if name in value else None
            if key is None:
                if name in required:
                    raise _Invalid("Field required", spelt)
                continue
            used.add(key)
            try:
                values[name] = check(value[key])
            except _Invalid as err:
                raise err.at(key) from None
        for key in value:
            if key not in used:
                raise _Invalid("Extra inputs are not permitted", key)
        return values
    return checked


def _lexicon_ref(value: Any) -> LexiconRef:
    return LexiconRef(**_LEXICON_REF(value))


def _ci(value: Any) -> CiSettings:
    return CiSettings(**_CI(value))


def _paths(value: Any) -> list[Path]:
    """One path, or a list of them."""
    if isinstance(value, str):
        return [_path(value)]
    if not isinstance(value, list):
        raise _Invalid("Input should be a valid path (a string) or a list of them")
    return _list_of(_path)(value)


def _calendar(value: Any) -> CalendarSettings:
    return CalendarSettings(**_CALENDAR(value))


_LEXICON_REF = _fields({"path": _path, "category": _draft_category, "severity": _severity,
                        "gate": _gate}, kebab=False, required=("path",))
_CI = _fields({"paths": _list_of(_string), "require_approval": _boolean, "baseline": _path,
               "fail_on": _one_of(*FAIL_ON)}, kebab=True)
_CALENDAR = _fields({"holidays": _paths}, kebab=True)
_CONFIG = _fields({
    "lang": _one_of(*LANGS),
    "fail_on": _one_of(*FAIL_ON),
    "stages": _list_of(_string),
    "paths": _list_of(_string),
    "include": _list_of(_string),
    "exclude": _list_of(_string),
    "allow": _list_of(_string),
    "lexicon": _list_of(_lexicon_ref),
    "bundled_lexicons": _boolean,
    "severity": _after(_table_of(_one_of(*LEVELS)), _consent_never_blocks),
    "official_domains": _list_of(_string),
    "max_file_size": _file_size,
    "date": _date,
    "expressions": _list_of(_path),
    "classes": _list_of(_path),
    "leaders": _path,
    "model": _path,
    "database_url": _string,
    "trust_root": _string,
    "ci": _ci,
    "calendar": _calendar,
    "classifier": _after(_table_of(_number), _thresholds_over_the_defaults),
}, kebab=True)


def _validated(data: dict, root: Path, name: object) -> Config:
    """The config of a file's table, rooted at the file's directory (a `root` key in the file
    is passed over, as it always was); a ConfigError naming the file, the key and the
    problem."""
    try:
        return Config(**_CONFIG({k: v for k, v in data.items() if k != "root"}), root=root)
    except _Invalid as err:
        raise ConfigError(f"{name}: {err}") from None


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
    import tomllib  # not at import: a check reads its config through the cache (read_toml)

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{name}: not valid TOML: {err}") from None
    if name.endswith("pyproject.toml"):
        data = data.get("tool", {}).get("review", {})
    return _validated(data, root, name)


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
    return _validated(data, path.resolve().parent, path)
