"""Reading the project's TOML files (config, lexicons, classes, rules) with one-line errors
naming the file. A parsed file is kept in the cache as JSON, by the hash of its bytes: the
rule files are read on every `review check`, and json's C parser is many times quicker than
tomllib's Python one."""

from __future__ import annotations

import json
from pathlib import Path

from review import cache
from review.errors import ConfigError


def read_toml(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot read: {err}") from None
    target = cache.path_for("toml", [path], suffix=".json")
    if target is not None:
        try:
            data = json.loads(target.read_text(encoding="utf-8"))
            cache.used(target)
            return data
        except (OSError, ValueError):
            pass
    data = _parse(path, text)
    if target is not None:
        try:  # dates and times are not JSON: such a file is simply parsed each time
            encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        except TypeError:
            return data
        cache.store_file(target, lambda tmp: tmp.write_text(encoded, encoding="utf-8"))
    return data


def _parse(path: Path, text: str) -> dict:
    import tomllib  # only when the cache has no parse of these bytes (9M instructions)

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML: {err}") from None
