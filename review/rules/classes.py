"""Word classes (lexicons/classes/*.toml): things, acts and stances, defined once and shared
by the co-occurrence rules and by the term entries' `excused_by`. An organisation adds terms
to a class, or classes of its own, in files named by the config's `classes`."""

from __future__ import annotations

import os
from pathlib import Path

from review import cache
from review.config import Config
from review.errors import ConfigError
from review.normalize import normalize_terms
from review.record import NamedTuple
from review.rules.lexicons import bundled_dir


class WordClass(NamedTuple):
    name: str                # what a finding says was recognised: 毒品
    name_en: str
    terms: tuple[str, ...]   # normalised as the compact view is
    stance: bool = False     # says how a sentence speaks (a warning, a debunk)
    scope: str = "sentence"  # a stance's reach: sentence, paragraph, document, or next to a term
    sound: bool = False      # terms also found by sound: qiang支, du场 (review/sound.py)

    @property
    def adjacent(self) -> bool:
        return self.scope in ("before", "after")


def bundled_class_files() -> list[Path]:
    return sorted((bundled_dir() / "classes").glob("*.toml"))


def class_files(config: Config) -> list[Path]:
    return bundled_class_files() + [config.root / p for p in config.classes]


def load_classes(paths: list[Path], bundled: int | None = None) -> dict[str, WordClass]:
    """Every class; a class is defined in one bundled file, and an organisation's file (after
    the first `bundled` paths) may add terms to it or define its own."""
    from review.rules import schema  # lazily: only compiling needs it, not the cache

    bundled = len(paths) if bundled is None else bundled
    classes: dict[str, WordClass] = {}
    for index, path in enumerate(paths):
        for key, c in schema.read(path, schema.ClassesFile).word_class.items():
            shortest = 1 if c.scope in ("before", "after") else 2
            terms = tuple(t for t in normalize_terms(c.terms) if len(t) >= shortest)
            if len(terms) < len(c.terms):
                raise ConfigError(f"{path}: class {key}: terms: a term shorter than two "
                                  "characters would match everywhere")
            known = classes.get(key)
            if known is not None and index < bundled:
                raise ConfigError(f"{path}: class {key} is defined twice")
            if known is not None:  # the organisation's terms for a bundled class
                terms = tuple(dict.fromkeys(known.terms + terms))
            sound = c.sound or (known is not None and known.sound)
            classes[key] = WordClass(c.name, c.name_en, terms, c.stance, c.scope, sound)
    return classes


# Two stages read the classes when a pipeline is built: read them once per version of the
# files in a process; compiled (validated, normalised) once per content in review.cache.
_loaded: dict[tuple, dict[str, WordClass]] = {}


def load(config: Config) -> dict[str, WordClass]:
    """The bundled classes with the organisation's terms (config `classes`)."""
    paths = class_files(config)
    try:
        key = tuple((str(p), os.stat(p).st_mtime_ns, os.stat(p).st_size) for p in paths)
    except OSError:
        key = None  # a file that cannot be read: load_classes says so
    if key is not None and key in _loaded:
        return _loaded[key]
    bundled = len(bundled_class_files())
    classes = cache.cached("classes", paths, lambda: load_classes(paths, bundled), _encode,
                           _decode, extra=f"{bundled}/{_FORMAT}")
    if key is not None:
        _loaded[key] = classes
    return classes


_FORMAT = 2  # of the cache: a class's terms joined


# A class's terms as one string: split in C at load, not 15,000 strings decoded one by one
# (as a list if a term holds the separator or is empty, which a split would not give back).
def _encode(classes: dict[str, WordClass]) -> list:
    return [[key, c.name, c.name_en, _joined(c.terms), c.stance, c.scope, c.sound]
            for key, c in classes.items()]


def _joined(terms: tuple[str, ...]) -> str | list[str]:
    if terms and all(term and "\n" not in term for term in terms):
        return "\n".join(terms)
    return list(terms)


def _decode(data: list) -> dict[str, WordClass]:
    return {key: WordClass(name, name_en, tuple(terms.split("\n") if isinstance(terms, str)
                                                else terms), stance, scope, sound)
            for key, name, name_en, terms, stance, scope, sound in data}
