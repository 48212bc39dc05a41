"""The organisation's term lists, pinned by the signed policy (`review policy lists`).

The check that gates release reads the content repository's review.toml for its lexicons,
expressions and leaders file — which any editor may edit: dropping the office's list of banned
terms from review.toml, or emptying the file, would let his draft through `submit` unseen.
An admin therefore signs each list's path and content digest into the policy; the gate uses
every pinned list at exactly that content, whatever the working tree's review.toml names, and
refuses to judge when one is missing or changed. Lists review.toml adds beyond them still
count: they can only add to the check."""

from __future__ import annotations

import atexit
import hashlib
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from review.errors import InputError, Refused, UsageError
from review.workflow.policy import PinnedList

if TYPE_CHECKING:
    from review.config import Config

MAX_LIST_BYTES = 64 * 2**20


def named_by(config: Config, root: Path) -> tuple[PinnedList, ...]:
    """The lists the admin's review.toml names, at their present content, to be signed."""
    def pin(kind: str, path: Path, **what: str | None) -> PinnedList:
        full = (config.root / path).resolve()
        try:
            rel = full.relative_to(root.resolve()).as_posix()
        except ValueError:
            raise UsageError("list_outside", path=path, root=root) from None
        try:
            data = _read(full, rel)
        except Refused:
            raise UsageError("list_unreadable", path=rel) from None
        return PinnedList(kind, rel, hashlib.sha256(data).hexdigest(), **what)

    lexicons = [pin("lexicon", ref.path, category=ref.category, severity=ref.severity,
                    gate=ref.gate) for ref in config.lexicon]
    expressions = [pin("expressions", path) for path in config.expressions]
    leaders = [pin("leaders", config.leaders)] if config.leaders else []
    return tuple(lexicons + expressions + leaders)


def applied(config: Config, lists: tuple[PinnedList, ...], root: Path) -> Config:
    """`config` with every pinned list in force at its signed content. Each is read once and
    checked, and the check reads that copy: the file can change after it was hashed."""
    if not lists:
        return config
    from review.config import LexiconRef
    from review.findings import Category, Gate, Severity

    copies = Path(tempfile.mkdtemp(prefix="review-pinned-"))
    atexit.register(shutil.rmtree, copies, True)
    pinned: dict[str, list] = {kind: [] for kind in ("lexicon", "expressions", "leaders")}
    for n, entry in enumerate(lists):
        data = _read(root / entry.path, entry.path)
        if hashlib.sha256(data).hexdigest() != entry.sha256:
            raise Refused("pinned_list_changed", path=entry.path)
        copy = copies / str(n) / entry.path  # its name says its format, and is the one said
        copy.parent.mkdir(parents=True)
        copy.write_bytes(data)
        if entry.kind == "lexicon":
            copy = LexiconRef(path=copy, category=entry.category and Category(entry.category),
                              severity=entry.severity and Severity(entry.severity),
                              gate=entry.gate and Gate(entry.gate))
        pinned[entry.kind].append(copy)
    taken = {(root / x.path).resolve() for x in lists}

    def added(path: Path) -> bool:  # a list review.toml names besides the pinned ones
        return (config.root / path).resolve() not in taken

    return replace(
        config,
        lexicon=pinned["lexicon"] + [ref for ref in config.lexicon if added(ref.path)],
        expressions=pinned["expressions"] + [p for p in config.expressions if added(p)],
        leaders=pinned["leaders"][0] if pinned["leaders"] else config.leaders)


def _read(path: Path, name: str) -> bytes:
    from review.files import regular_bytes

    try:
        return regular_bytes(path, MAX_LIST_BYTES)
    except (OSError, InputError):
        raise Refused("pinned_list_unreadable", path=name) from None
