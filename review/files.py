"""Writing a file in a folder others may write too (a shared workspace, a content repository):
never through a link someone planted at its name, and never half; and reading one there
without end never (a pipe or a device put at its name, a link to /dev/zero)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import stat
from pathlib import Path

from review.errors import InputError, UsageError


def write_replacing(path: Path, text: str) -> None:
    """Write `text` to a new file beside `path`, then rename it over `path`. A rename
    replaces a link itself, never what it points to (a member's link from
    `.review/roster.json` to the admin's private key), and in a sticky shared folder it
    fails on another member's file rather than writing through it. One-line error (exit 2)
    when it cannot be written."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "x", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as err:
        raise UsageError("cannot_write", path=path, reason=err.strerror or err) from None
    finally:
        discard(tmp)


def discard(tmp: Path) -> None:
    """Remove a temporary file if it is there. One that was never made because its folder is
    no folder (a file at that name: `--out notes.txt/x`) is no second error to report."""
    with contextlib.suppress(OSError):
        tmp.unlink(missing_ok=True)


def _opened_regular(path: Path) -> int:
    """A descriptor of the regular file at `path`. Opened without waiting (a pipe would wait
    for a writer forever) and judged by what was opened, not by a look before: a FIFO, a
    device or a link to one (/dev/zero, read without end) is no file of a draft or record.
    Raises InputError (not_regular) or OSError."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # (Windows: no pipes)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise InputError("not_regular")
    return fd


def sha256_of(path: Path) -> str:
    """The SHA-256 of the regular file at `path`, read in pieces (any size, bounded memory)."""
    digest = hashlib.sha256()
    with os.fdopen(_opened_regular(path), "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def regular_bytes(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path`; InputError (too_large_read) past `limit`."""
    with os.fdopen(_opened_regular(path), "rb") as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        from review.loading import size_text

        raise InputError("too_large_read", limit=size_text(limit))
    return data
