"""Crash logs: an unexpected error's traceback goes to a file under the cache directory, and the
terminal gets one line naming it (see review.boundary)."""

from __future__ import annotations

import os
import platform
import tempfile
import time
import traceback
from pathlib import Path

from review import __version__

DIR = "crashes"


def write(err: BaseException, argv: list[str]) -> Path:
    """The log's path; the cache directory first, the system's temporary directory if that
    cannot be written. Raises OSError when neither can."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    text = "".join([
        f"review {__version__}, Python {platform.python_version()}, {platform.platform()}\n",
        f"command: {' '.join(['review', *argv])}\n",
        f"time: {time.strftime('%Y-%m-%d %H:%M:%S %z')}\n\n",
        *traceback.format_exception(err),
    ])
    problem: OSError | None = None
    for directory in _directories():
        try:
            directory.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=f"crash-{stamp}-", suffix=".log",
                                        dir=directory)
            with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as f:
                f.write(text)
            return Path(name)
        except OSError as exc:
            problem = exc
    assert problem is not None
    raise problem


def _directories() -> list[Path]:
    from review.cache import cache_dir

    return [cache_dir() / DIR, Path(tempfile.gettempdir()) / "review-crashes"]


def describe(err: BaseException) -> str:
    """The error's class and first line, for the one line on the terminal."""
    first = str(err).strip().splitlines()[0] if str(err).strip() else ""
    name = type(err).__name__
    return f"{name}: {first}"[:200] if first else name
