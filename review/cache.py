"""A cache of compiled lexicons, keyed by the hash of the files they come from (and review's
version), so an editor's every `review check` skips parsing and normalising thousands of
entries. Plain JSON in the user's cache directory; a missing, stale, unreadable or
unwritable cache only means compiling again."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from review import __version__

T = TypeVar("T")
# Part of every key: bump it whenever the form of a cached value changes, so a cache written
# by an earlier version is never read as the current form.
FORMAT = 3


def cache_dir() -> Path:
    if os.environ.get("REVIEW_CACHE_DIR"):
        return Path(os.environ["REVIEW_CACHE_DIR"])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "review"


def key(kind: str, paths: list[Path], extra: str = "") -> str:
    h = hashlib.sha256(f"{kind}\0{__version__}\0{FORMAT}\0{extra}".encode())
    for path in paths:
        h.update(str(path).encode() + b"\0")
        h.update(path.read_bytes())
    return h.hexdigest()


def cached(kind: str, paths: list[Path], build: Callable[[], T],
           encode: Callable[[T], object], decode: Callable[[object], T], extra: str = "") -> T:
    if os.environ.get("REVIEW_NO_CACHE"):
        return build()
    try:
        digest = key(kind, paths, extra)
    except OSError:
        return build()  # a file cannot be read: let build() say so
    path = cache_dir() / f"{kind}-{digest[:32]}.json"
    try:
        return decode(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False,
                                         suffix=".tmp") as tmp:
            # dumps, not dump: only dumps uses the C encoder (ten times quicker on 8 MB).
            tmp.write(json.dumps(encode(value), ensure_ascii=False, separators=(",", ":")))
        os.replace(tmp.name, path)
    except OSError:
        pass
    return value


def path_for(kind: str, paths: list[Path], extra: str = "", suffix: str = ".bin") -> Path | None:
    """Where a derived file for these inputs is cached (None when caching is off)."""
    if os.environ.get("REVIEW_NO_CACHE"):
        return None
    return cache_dir() / f"{kind}-{key(kind, paths, extra)[:32]}{suffix}"


def store_file(path: Path, write: Callable[[Path], None]) -> None:
    """Write a cache file atomically; a cache that cannot be written is simply skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        write(tmp)
        os.replace(tmp, path)
    except (OSError, ValueError):
        pass
