"""Bytes → Document: finding the files to check and reading them safely; each file's input
kind (review.inputs) turns its bytes into the Document, decoding text by review.decoding.

Every way a file can fail becomes an InputError with a one-line message; nothing here raises
anything else for a bad file.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from review import inputs
from review.errors import InputError
from review.record import NamedTuple

if TYPE_CHECKING:
    from review.document import Document

DEFAULT_INCLUDE = inputs.default_globs()
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


class Source(NamedTuple):
    """One thing to check. `path` is None for stdin; `error` is set when it cannot be."""

    display: str
    path: Path | None
    error: InputError | None = None


def display_path(path: str | os.PathLike[str]) -> str:
    """A path that can always be printed: undecodable file-name bytes become U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace")


def discover(paths: list[str], include: list[str] | None = None,
             exclude: list[str] | None = None,
             passed_over: list[str] | None = None) -> Iterator[Source]:
    """Named files always; directories recursively, filtered by include globs (in any letter
    case) and exclude globs (as spelt). Files of a directory that are no draft go to
    `passed_over`, so the report can say they were not checked rather than look as if they
    passed."""
    include = include or DEFAULT_INCLUDE
    exclude = exclude or []
    for arg in paths:
        if arg == "-":
            yield Source("-", None)
            continue
        path = Path(arg)
        if path.is_dir():
            yield from _walk(path, include, exclude,
                             passed_over if passed_over is not None else [])
        elif path.exists():
            yield Source(display_path(arg), path)
        else:
            yield Source(display_path(arg), path, InputError("not_found"))


def _walk(root: Path, include: list[str], exclude: list[str],
          passed_over: list[str]) -> Iterator[Source]:
    from wcmatch import glob  # only directories need globbing

    flags = glob.GLOBSTAR | glob.BRACE | glob.MATCHBASE | glob.DOTGLOB | glob.IGNORECASE
    # compiled once: globmatch compiles its patterns at every call (braces expanded anew),
    # which cost more than reading a small draft
    # `exclude` matches as it is spelt: `posts/ARCHIVE/` is another folder than the
    # `posts/archive/` it leaves out, on the file systems that keep them apart (red-team
    # pass 74, as `review ci` does since pass 73); `include` matches in any case
    excluded = glob.compile(exclude, flags=flags & ~glob.IGNORECASE | glob.CASE).match \
        if exclude else None
    included = glob.compile(include, flags=flags).match
    errors: list[OSError] = []
    seen: set[tuple[int, int]] = set()  # directories walked, by device and inode
    # Symbolic links to directories are followed (a shared folder often links its years in);
    # one that leads back to a directory already walked is not, or the walk would not end.
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append, followlinks=True):
        try:
            here = os.stat(dirpath)
        except OSError:
            continue
        if (here.st_dev, here.st_ino) in seen:
            dirnames[:] = []
            continue
        seen.add((here.st_dev, here.st_ino))
        # Hidden directories (.git, .review, editor caches) are never drafts.
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            full = Path(dirpath) / name
            rel = full.relative_to(root).as_posix()
            if excluded is not None and excluded(rel):
                continue
            if not included(rel):
                if not name.startswith("."):
                    passed_over.append(display_path(full))
                continue
            yield Source(display_path(full), full)
        while errors:  # a directory we may not list is reported, the rest goes on
            err = errors.pop(0)
            name = display_path(err.filename or root)
            yield Source(name, Path(err.filename or root),
                         InputError("unreadable", reason=err.strerror or str(err)))


def read_bytes(source: Source, limit: int = DEFAULT_MAX_BYTES) -> bytes:
    if source.error:
        raise source.error
    if source.path is None:
        data = sys.stdin.buffer.read(limit + 1)
    else:
        try:
            info = os.stat(source.path)
            if not stat.S_ISREG(info.st_mode):
                raise InputError("not_regular")
            if info.st_size > limit:  # refused by its size: nothing of it is read
                raise InputError("too_large", size=size_text(info.st_size),
                                 limit=size_text(limit))
            with open(source.path, "rb") as f:
                data = f.read(limit + 1)
        except FileNotFoundError:
            raise InputError("not_found") from None
        except OSError as err:
            raise InputError("unreadable", reason=err.strerror or type(err).__name__) from None
    if len(data) > limit:  # stdin, or a file that grew: only one byte past the limit was read
        raise InputError("too_large_read", limit=size_text(limit))
    return data


def size_text(size: int) -> str:
    """A size as a reader says it: 10 MB, 1.5 KB (a configured limit may be a few KB)."""
    for unit, scale in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} B"


def load(source: Source, limit: int = DEFAULT_MAX_BYTES) -> Document:
    """The file's Document, read as the kind its suffix (or, for an unknown suffix, its
    content) names; plain text for stdin (review.inputs.kind_of)."""
    data = read_bytes(source, limit)
    return inputs.kind_of(source.path, data).read(data, source.display)
