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


# --- the newest roster export this user's `review verify` trusted -------------------------
# TUF's rule against rollback: metadata once trusted is never replaced by an older version.
# A workspace's committed export is anyone's to put back to an older one — validly signed,
# from before a revocation (`--since`), a void release or a raised threshold — and in a clone
# without a store it is all `review verify` knows. So the newest export verified here is kept
# (its signed bytes: read again, it is checked again from the pinned root) and what it knows
# is required whatever the folder holds.

MAX_EXPORT = 64 * 1024 * 1024


def _export_path(workspace: str) -> Path | None:
    if not re.fullmatch(r"[0-9a-f]{16,64}", workspace):
        return None
    return state_dir() / f"{workspace}.export.json"


def export_seen(workspace: str) -> dict | None:
    """The newest roster export verified here for this workspace (unchecked), if any."""
    path = _export_path(workspace)
    if path is None:
        return None
    try:
        if path.stat().st_size > MAX_EXPORT:
            return None
        data = jsonfile.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def remember_export(workspace: str, env: dict, keyids: set[str] | None = None) -> None:
    """Best effort, as `remember`: an export not kept is simply not required next time. Kept
    as the admins signed it — the payload, its type and the signatures of `keyids` (the
    admins' that verify) — never as the folder gave it: a field the signatures do not cover,
    added to the office's own export, would be kept too, written larger than it was read
    (Chinese escaped six bytes a character, a compact list spaced out), past MAX_EXPORT, and
    so never read back: the memory erased, and an older export put back next time taken."""
    path = _export_path(workspace)
    if path is None:
        return
    signatures = env.get("signatures")
    kept = {"payloadType": env.get("payloadType"), "payload": env.get("payload"),
            "signatures": [{"keyid": s.get("keyid"), "sig": s.get("sig")}
                           for s in signatures if isinstance(s, dict) and (
                               keyids is None or s.get("keyid") in keyids)]
            if isinstance(signatures, list) else []}
    text = json.dumps(kept, ensure_ascii=False, separators=(",", ":"))
    if len(text.encode("utf-8")) > MAX_EXPORT:
        return  # the one kept before stays
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
