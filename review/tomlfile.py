"""Reading the project's TOML files (config, lexicons) with one-line errors naming the file."""

from __future__ import annotations

import tomllib
from pathlib import Path

from review.errors import ConfigError


def read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot read: {err}") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML: {err}") from None
