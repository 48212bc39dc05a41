"""Lexicon files → entries the lexicon stage matches. The format is in lexicons/README.md."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from review.errors import ConfigError
from review.findings import CATEGORY_DEFAULTS, Category, Gate, Rule, Severity
from review.normalize import normalize_term, normalize_terms
from review.record import NamedTuple


class Entry(NamedTuple):
    """One lexicon rule with its terms, context words and allowed phrases, all normalised
    (a named tuple, like Rule, for the same reason)."""

    rule: Rule
    terms: tuple[str, ...]
    context: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    noise: bool = True
    hit: tuple[str, ...] = ()
    miss: tuple[str, ...] = ()
    source: str = ""
    excused_by: tuple[str, ...] = ()   # stances under which the term is a quotation
    quoted: tuple[str, ...] = ()
    sound: bool = False   # also found by sound (pinyin, mixed script, homophones)


def _terms(raw: list[str], where: str) -> tuple[str, ...]:
    terms = []
    for term in raw:
        norm = normalize_term(term)
        if len(norm) < 2:
            raise ConfigError(f"{where}: term {term!r} is shorter than two characters")
        if "\n" in norm:  # a line break is a boundary: such a term could never be found
            raise ConfigError(f"{where}: term {term!r} spans a line break")
        terms.append(norm)
    return tuple(dict.fromkeys(terms))


def load_toml(path: Path, override: LexiconOptions | None = None) -> list[Entry]:
    # Lazily: the schema (pydantic) is needed only to compile a file, not to read the cache.
    from review.rules import schema

    parsed = schema.read(path, schema.LexiconFile)
    meta = parsed.meta
    category = override.category if override and override.category else meta.category
    default_severity, default_gate = CATEGORY_DEFAULTS[category]
    entries = []
    for e in parsed.entry:
        where = f"{path}: entry {e.id}"
        severity = e.severity or (override and override.severity) or meta.severity \
            or default_severity
        gate = e.gate or (override and override.gate) or meta.gate or default_gate
        rule = Rule(e.id, category, gate, severity, e.reason, e.reason_en,
                    e.suggestion, e.suggestion_en or e.suggestion)
        entries.append(Entry(rule, _terms([e.term, *e.variants], where),
                             tuple(w for c in e.context if (w := normalize_term(c))),
                             tuple(normalize_term(a) for a in e.allow), e.noise,
                             tuple(e.hit), tuple(e.miss), str(path),
                             tuple(meta.excused_by if e.excused_by is None else e.excused_by),
                             tuple(e.quoted), meta.sound))
    return entries


class LexiconOptions(NamedTuple):
    """What the config says about a lexicon file; a plain list needs at least the category."""

    path: Path
    category: Category | None = None
    severity: Severity | None = None
    gate: Gate | None = None


def load_plain(options: LexiconOptions) -> list[Entry]:
    """One term a line, `#` starts a comment. Rule ids are `<file stem>:<term>`."""
    path = options.path
    if options.category is None:
        raise ConfigError(f"{path}: a plain term list needs a category in the config "
                          f"([[lexicon]] path = ..., category = ...)")
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot read lexicon: {err}") from None
    default_severity, default_gate = CATEGORY_DEFAULTS[options.category]
    severity = options.severity or default_severity
    gate = options.gate or default_gate
    terms = list(dict.fromkeys(t for t in (line.split("#", 1)[0].strip() for line in lines)
                               if t))
    message_zh, message_en = f"命中自定义词表 {path.name}", f"listed in {path.name}"
    entries, stem = [], path.stem
    for term, norm in zip(terms, normalize_terms(terms), strict=True):
        if len(norm) < 2:
            continue  # a single character (or only punctuation) would match everywhere
        rule = Rule(f"{stem}:{term}", options.category, gate, severity, message_zh, message_en)
        entries.append(Entry(rule, (norm,), source=str(path)))
    return entries


def load(options: LexiconOptions) -> list[Entry]:
    if not options.path.is_file():
        raise ConfigError(f"{options.path}: lexicon file not found")
    if options.path.suffix == ".toml":
        return load_toml(options.path, options)
    return load_plain(options)


@lru_cache(maxsize=1)
def bundled_dir() -> Path:
    """`lexicons/` beside the package in a checkout; installed as `review/lexicons` otherwise.
    Found once a process: resolving the path stats every directory above it, and a check asks
    a dozen times."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "lexicons"
    return installed if installed.is_dir() else package.parent / "lexicons"


def bundled() -> list[LexiconOptions]:
    return [LexiconOptions(p) for p in sorted(bundled_dir().glob("*.toml"))]
