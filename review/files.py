"""Writing a file in a folder others may write too (a shared workspace, a content repository):
never through a link someone planted at its name, and never half."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from review.errors import UsageError


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
        tmp.unlink(missing_ok=True)
