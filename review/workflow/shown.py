"""Which version of each item this user last read with `review show`, and which store each
workspace used, kept in the user's own state directory (beside the remembered log heads). An
approval, override or consent binds to what was read: a draft resubmitted between a
reviewer's `show` and his `approve` is not approved unread (Gerrit's rule that a vote belongs
to one patch set). An action refuses a store other than the one used before."""

from __future__ import annotations

import contextlib
import json
import os
import re
from pathlib import Path

from review import jsonfile
from review.workflow.heads import state_dir


def _path(workspace: str) -> Path | None:
    if not re.fullmatch(r"[0-9a-f]{16,64}", workspace):
        return None
    return state_dir() / f"{workspace}.shown.json"


def _read(path: Path) -> dict[str, str]:
    try:
        data = jsonfile.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) \
        else {}


def last(workspace: str, item_id: int) -> str | None:
    """The content hash of the version of the item this user last read, if any."""
    path = _path(workspace)
    return _read(path).get(str(item_id)) if path else None


def remember(workspace: str, item_id: int, content_sha256: str) -> None:
    """Best effort: nothing remembered binds nothing (an approval without `show` is allowed;
    its confirmation names the version it signed)."""
    path = _path(workspace)
    if path is None:
        return
    with contextlib.suppress(OSError):
        data = _read(path)
        data[str(item_id)] = content_sha256
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, path)


# --- which store each workspace used on this computer --------------------------------------

def _stores_path() -> Path:
    return state_dir() / "stores.json"


def store_of(root: Path) -> str | None:
    """The store this user last used for the workspace at `root`, if any."""
    return _read(_stores_path()).get(str(root.resolve()))


def remember_store(root: Path, url: str) -> None:
    """Best effort, as the shown versions are."""
    path = _stores_path()
    with contextlib.suppress(OSError):
        data = _read(path)
        data[str(root.resolve())] = url
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, path)
