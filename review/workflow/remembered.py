"""What this user's computer remembers of a workspace, in the user's own state directory
(beside the remembered log heads, where another user of a shared folder cannot write):

- which version of each item he last read with `review show`: an approval, override or
  consent binds to it, so a draft resubmitted between a reviewer's `show` and his `approve`
  is not approved unread (Gerrit's rule that a vote belongs to one patch set);
- which store the workspace used: an action refuses another one that the workspace's config
  (which any member may write) names later.

Best effort both: nothing remembered binds nothing."""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path

from review import jsonfile
from review.errors import UsageError
from review.files import write_replacing
from review.workflow.heads import state_dir


def _read(path: Path) -> dict[str, str]:
    try:
        data = jsonfile.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) \
        else {}


def _set(path: Path, key: str, value: str) -> None:
    with contextlib.suppress(UsageError):  # cannot be written: remembered next time
        write_replacing(path, json.dumps({**_read(path), key: value}))


def _shown_path(workspace: str) -> Path | None:
    if not re.fullmatch(r"[0-9a-f]{16,64}", workspace):
        return None
    return state_dir() / f"{workspace}.shown.json"


def last_shown(workspace: str, item_id: int) -> str | None:
    """The content hash of the version of the item this user last read, if any."""
    path = _shown_path(workspace)
    return _read(path).get(str(item_id)) if path else None


def remember_shown(workspace: str, item_id: int, content_sha256: str) -> None:
    path = _shown_path(workspace)
    if path is not None:
        _set(path, str(item_id), content_sha256)


def _stores_path() -> Path:
    return state_dir() / "stores.json"


def store_of(root: Path) -> str | None:
    """The store this user last used for the workspace at `root`, if any."""
    return _read(_stores_path()).get(str(root.resolve()))


def remember_store(root: Path, url: str) -> None:
    _set(_stores_path(), str(root.resolve()), url)
