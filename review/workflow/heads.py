"""The log's head as this user last saw it verified, kept outside the store (in the user's
state directory, where another user of a shared folder cannot write): a log rewritten before
that point — a record deleted and the rest renumbered and re-hashed — or cut short after it
no longer leads to the head remembered, and every action says so. Certificate Transparency's
idea of a head anchored outside the log, kept by every user for free; `review audit anchor`
makes one to commit where the whole office sees it."""

from __future__ import annotations

import contextlib
import json
import os
import re
from pathlib import Path

from review import jsonfile


def state_dir() -> Path:
    if os.environ.get("REVIEW_STATE_DIR"):
        return Path(os.environ["REVIEW_STATE_DIR"])
    base = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state")
    return base / "review" / "heads"


def _path(workspace: str) -> Path | None:
    if not re.fullmatch(r"[0-9a-f]{16,64}", workspace):
        return None
    return state_dir() / f"{workspace}.json"


def seen(workspace: str) -> tuple[int, str] | None:
    """(sequence number, hash) of the head last verified here, if any."""
    path = _path(workspace)
    if path is None:
        return None
    try:
        data = jsonfile.loads(path.read_text(encoding="utf-8"))
        return int(data["seq"]), str(data["hash"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def remember(workspace: str, seq: int, digest: str) -> None:
    """Best effort: a head that cannot be written is verified again from the start next time."""
    path = _path(workspace)
    if path is None:
        return
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"seq": seq, "hash": digest}), encoding="utf-8")
        os.replace(tmp, path)
