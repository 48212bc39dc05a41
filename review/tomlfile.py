"""Reading the project's TOML files (config, lexicons, classes, rules) with one-line errors
naming the file. A parsed file is kept in the cache in marshal's form, by the hash of its
bytes: the rule files are read on every `review check`, and marshal reads many times quicker
than tomllib's Python parser (and needs no json import)."""

from __future__ import annotations

import contextlib
from pathlib import Path

from review import cache
from review.errors import ConfigError


def read_toml(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot read: {err}") from None
    target = cache.path_for("toml", [path])
    if target is not None:
        try:
            data = cache.read_value(target)
            if isinstance(data, dict):
                cache.used(target)
                return data
        except (OSError, ValueError, EOFError, TypeError):
            pass
    data = _parse(path, text)
    if target is not None:
        # marshal holds no dates and times: such a file is simply parsed each time
        with contextlib.suppress(ValueError):
            cache.write_value(target, data)
    return data


def _parse(path: Path, text: str) -> dict:
    import tomllib  # only when the cache has no parse of these bytes (9M instructions)

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML: {err}") from None
