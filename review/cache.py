"""A cache of compiled lexicons and automata, keyed by the hash of the files they come from
(and review's version), so an editor's every `review check` skips parsing and normalising
thousands of entries. Values in the form JSON gives them, stored with `marshal` (read two to
five times as fast as JSON, and without decoding text), and automata (see review.automaton),
in the user's cache directory; a missing, stale, unreadable or unwritable cache only means
compiling again. Files nobody has read for MAX_AGE_DAYS are removed whenever a new one is
written."""

from __future__ import annotations

import contextlib
import marshal
import os
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from review import __version__
from review.digest import sha256

T = TypeVar("T")
# Part of every key: bump it whenever the form of a cached value changes, so a cache written
# by an earlier version is never read as the current form — and whenever what the fold makes
# of a character changes (compiled lists hold their terms folded: 8, pass 45's ideographs;
# 9, pass 46's box-drawing lines; 10, pass 47's conjoining Hangul vowels; 11, pass 49's
# letters drawn as a mark).
CACHE_FORMAT = 11
# Heads a value file, before the length of the rest. No checksum (it cost more than the
# read): the directory is the user's own, as trusted as the bytecode Python itself keeps in
# marshal form; a file cut short or of another form is rebuilt.
_MAGIC = b"review-cache-1\0"
# Files unread for this long are removed when a new file is written.
MAX_AGE_DAYS = 30
_OURS = re.compile(r"[a-z_]+-[0-9a-f]{32}\.(?:json|bin)|\.[a-z_]+-[0-9a-f]{32}\.\w+\.\w+\.tmp")


def cache_dir() -> Path:
    if os.environ.get("REVIEW_CACHE_DIR"):
        return Path(os.environ["REVIEW_CACHE_DIR"])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "review"


def key(kind: str, paths: list[Path], extra: str = "") -> str:
    h = sha256(f"{kind}\0{__version__}\0{CACHE_FORMAT}\0{extra}".encode())
    for path in paths:
        h.update(str(path).encode() + b"\0")
        h.update(_DIGESTS.of(path))
    return h.hexdigest()


class _Digests:
    """Input files' SHA-256, remembered by their stat as git's index remembers a file's
    blob, so that a start does not read and hash a megabyte of unchanged lexicons again.
    The stat holds the change time and inode, which no user can set (`touch` sets only the
    modification time): a file rewritten at its old size with its old mtime restored is
    hashed again. A digest is remembered only once the file is older than STABLE_SECONDS,
    so that a write in the same clock tick as the hash (git's "racily clean" case) cannot
    leave a stale digest behind."""

    STABLE_SECONDS = 2
    FILE = "digests.bin"

    def __init__(self) -> None:
        self._known: dict[str, list] | None = None

    def of(self, path: Path) -> bytes:
        st = path.stat()
        stamp = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]
        known = self._table().get(str(path))
        if known is not None and known[:5] == stamp:
            return known[5]
        digest = sha256(path.read_bytes()).digest()
        if max(st.st_mtime_ns, st.st_ctime_ns) < time.time_ns() - self.STABLE_SECONDS * 10**9:
            self._table()[str(path)] = [*stamp, digest]
            self._save()
        return digest

    def _table(self) -> dict[str, list]:
        if self._known is None:
            self._known = {}
            if not os.environ.get("REVIEW_NO_CACHE"):
                with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
                    table = read_value(cache_dir() / self.FILE)
                    if isinstance(table, dict):
                        self._known = table
        return self._known

    def _save(self) -> None:
        if os.environ.get("REVIEW_NO_CACHE"):
            return
        # Files since removed are forgotten, so the table does not grow with every
        # checkout and temporary directory a cache has seen.
        table = {name: row for name, row in self._table().items() if os.path.exists(name)}
        write_value(cache_dir() / self.FILE, table)


_DIGESTS = _Digests()


def cached(kind: str, paths: list[Path], build: Callable[[], T],
           encode: Callable[[T], object], decode: Callable[[object], T], extra: str = "",
           plain: bool = False) -> T:
    """`build()`'s value, or `decode` of what `encode` made of it at an earlier call with the
    same files, extra and Python. `plain`: `encode` gives marshal's own types already (bytes
    among them), and they go to the file as they are."""
    if os.environ.get("REVIEW_NO_CACHE"):
        return build()
    try:
        # marshal's format changes with Python's: part of the key
        digest = key(kind, paths, f"{extra}\0{marshal.version}")
    except OSError:
        return build()  # a file cannot be read: let build() say so
    path = cache_dir() / f"{kind}-{digest[:32]}.bin"
    try:
        value = decode(read_value(path))
        used(path)
        return value
    except (OSError, ValueError, KeyError, TypeError, IndexError, EOFError):
        pass
    value = build()
    # Through JSON and back, so that `decode` is given what it always was (lists for tuples,
    # string keys), whichever way the value comes. dumps, not dump: only dumps uses the C
    # encoder (ten times quicker on 8 MB).
    encoded = encode(value)
    if not plain:
        import json  # only when a value is built, not on the path of every check

        encoded = json.loads(json.dumps(encoded, ensure_ascii=False, separators=(",", ":")))
    write_value(path, encoded)
    return value


def write_value(path: Path, value: object) -> None:
    """Store a value of marshal's types as a cache file (atomically; ValueError when marshal
    cannot hold it)."""
    body = marshal.dumps(value)
    head = _MAGIC + len(body).to_bytes(8, "little")
    store_file(path, lambda tmp: tmp.write_bytes(head + body))


def read_value(path: Path) -> object:
    """A value `write_value` stored (OSError, ValueError, EOFError or TypeError when the file
    is missing, cut short or of another form)."""
    data = path.read_bytes()
    body = memoryview(data)[len(_MAGIC) + 8:]
    if data[:len(_MAGIC) + 8] != _MAGIC + len(body).to_bytes(8, "little"):
        raise ValueError(f"{path}: not a cache file of this form")
    return marshal.loads(body)


def path_for(kind: str, paths: list[Path], extra: str = "", suffix: str = ".bin") -> Path | None:
    """Where a derived file for these inputs is cached (None when caching is off)."""
    if os.environ.get("REVIEW_NO_CACHE"):
        return None
    return cache_dir() / f"{kind}-{key(kind, paths, extra)[:32]}{suffix}"


def used(path: Path) -> None:
    """Mark a cache file as read just now, so that pruning keeps it."""
    with contextlib.suppress(OSError):
        os.utime(path)


def store_file(path: Path, write: Callable[[Path], None]) -> None:
    """Write a cache file atomically; a cache that cannot be written is simply skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # pid and a random part: two containers sharing a cache can both be pid 1.
        # (os.urandom, not secrets: that imports random and base64, 5 ms of every start)
        tmp = path.with_name(f".{path.name}.{os.getpid()}{os.urandom(4).hex()}.tmp")
        write(tmp)
        os.replace(tmp, path)
    except (OSError, ValueError):
        return
    prune(path.parent)


def prune(directory: Path, max_age_days: float = MAX_AGE_DAYS) -> None:
    """Remove this cache's files that nobody has read for `max_age_days`: every edit of a
    large lexicon leaves behind an automaton of megabytes that no key will find again. Only
    files named as this module names them are touched; still, point REVIEW_CACHE_DIR at a
    directory of review's own."""
    cutoff = time.time() - max_age_days * 86400
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        with contextlib.suppress(OSError):
            if _OURS.fullmatch(entry.name) and entry.stat().st_mtime < cutoff:
                os.unlink(entry.path)
