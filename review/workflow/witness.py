"""Witnesses: each person's signed log head, kept in the workspace where everyone sees it and
nobody else can change it (Certificate Transparency's heads anchored outside the log, gossiped
through the shared folder).

The log can be cut or rewritten by anyone who can write the database file — on a shared
folder, every member of the office. A record that only its author has seen (a rejection, a
raised policy) could be deleted before anyone else acts on the store. So every action also
writes its author's signed head to `.review/witness/<key fingerprint>-<random>.json` (staged
before its record commits, published after), and every action of anyone checks every witness
against the log before it decides anything: a witnessed record that is gone or different
stops the store (exit 3) at the very next action, whoever takes it. A signed head is also what
`review audit anchor` writes for the office to commit elsewhere.

What keeps a witness out of another member's reach is the operating system: in a workspace
made with `review init --group` the directory has the sticky bit, so only a file's owner can
replace or delete it, and a witness is written readable but not writable by the group. With
one shared OS account for everybody the witnesses protect nothing of the kind — use
PostgreSQL, where the log itself is append-only (review.workflow.store)."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import pwd
import re
import secrets
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from review import jsonfile
from review.errors import ReviewError, StoreError
from review.i18n import Msg
from review.workflow import chain
from review.workflow.keys import Identity, canonical, decode_public, fingerprint, verify

NAME = "witness"
# A witness staged this long ago and never published: its author's process died between the
# commit and the rename (or before the commit). It counts as a witness: what it vouches for
# must be in the log (a commit waits at most 30 s for the lock).
STALE_STAGED = 60
_STAGED = re.compile(r"\.[a-z0-9_]{8}\.tmp")  # tempfile.mkstemp(prefix=".", suffix=".tmp")
_MAX_SIZE = 4096  # a witness is a few hundred bytes


@dataclass(frozen=True)
class Witness:
    path: Path
    signer: str  # key fingerprint
    seq: int
    digest: str
    data: dict  # as signed: an anchor (review.workflow.audit.check_anchor)


def directory(review_dir: Path) -> Path:
    return review_dir / NAME


def file_name(signer: str) -> str:
    """A key's fingerprint (SHA256:base64) as a file name: no '/', nothing the shell quotes."""
    return signer.removeprefix("SHA256:").replace("/", "_").replace("+", "-") + ".json"


def prepare(review_dir: Path) -> None:
    """Made with the workspace: sticky (and set-group-ID when the workspace is shared with a
    group), so that members add their own witness and cannot touch anyone else's."""
    here = directory(review_dir)
    try:
        here.mkdir()
    except FileExistsError:
        return
    shared = review_dir.stat().st_mode & stat.S_ISGID
    here.chmod(stat.S_ISVTX | (stat.S_ISGID | 0o770 if shared else 0o755))


def missing(review_dir: Path) -> str:
    return Msg("witness_none", owner=_owner(review_dir), path=directory(review_dir))


def signed(seq: int, digest: str, identity: Identity, purpose: str | None = None) -> dict:
    """A signed head; `purpose` (a backup's signature) says what else the signer vouches for,
    so that a head signed as seen — a witness, an anchor — is never taken for it."""
    body = {"seq": seq, "hash": digest, **({"purpose": purpose} if purpose else {})}
    return {**body, "signer": identity.fingerprint,
            "public": "ed25519:" + base64.b64encode(identity.public).decode(),
            "signature": base64.b64encode(identity.sign(canonical(body))).decode()}


def opened(data: object, purpose: str | None = None) -> tuple[str, int, str]:
    """(signer, seq, hash) of a signed head — a witness or an anchor, or one signed for
    `purpose` — whose signature holds under the key it names. ValueError for anything else:
    these files anyone can write."""
    try:
        seq, digest = int(data["seq"]), str(data["hash"])
        public = decode_public(data["public"])
        signature = base64.b64decode(data["signature"])
    except (ValueError, KeyError, TypeError, AttributeError, OverflowError, ReviewError):
        raise ValueError("not a signed head") from None
    signer = fingerprint(public)
    if not 0 < seq < 2**63 or data.get("signer") != signer or \
            not verify(public, signature, canonical(
                {"seq": seq, "hash": digest, **({"purpose": purpose} if purpose else {})})):
        raise ValueError("not signed by its key")
    return signer, seq, digest


def stage(review_dir: Path, seq: int, digest: str, identity: Identity) -> Path | None:
    """Before an own record is committed: the signed head, written under a name nobody can
    guess or take first (mkstemp), ready to be published. An OSError here stops the action —
    a record nobody witnesses could be cut before anyone else saw it. None for a workspace
    without witnesses (made before them, and not upgraded by its owner yet)."""
    here = directory(review_dir)
    if not here.is_dir():
        if review_dir.stat().st_uid != os.getuid():
            return None  # only the workspace's owner makes the directory (see check)
        prepare(review_dir)
    handle, name = tempfile.mkstemp(dir=here, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as f:
            f.write(json.dumps(signed(seq, digest, identity)))
        os.chmod(name, 0o640)  # the group reads it; only its owner can change it
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return Path(name)


def publish(staged: Path, identity: Identity) -> str | None:
    """After the commit: the staged witness takes a name of its own that nobody can take
    first (the key's name and a random part: a name known in advance could be squatted
    while the commit waits for a lock), and the author's earlier witnesses go. A warning
    when it cannot (the action stands: it is in the log)."""
    stem = file_name(identity.fingerprint).removesuffix(".json")
    target = staged.parent / f"{stem}-{secrets.token_hex(8)}.json"
    try:
        os.replace(staged, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            staged.unlink()
        return Msg("witness_unwritten", path=target, reason=err.strerror or err)
    for earlier in [*staged.parent.glob(f"{stem}-*.json"), staged.parent / f"{stem}.json"]:
        if earlier != target:
            with contextlib.suppress(OSError):
                earlier.unlink()
    return None


def read(review_dir: Path) -> tuple[list[Witness], list[str]]:
    """The witnesses whose signature holds, and a sentence for every file that is not one."""
    here = directory(review_dir)
    good: list[Witness] = []
    bad: list[str] = []
    now = time.time()
    for path in sorted(here.iterdir()) if here.is_dir() else []:
        staged = _STAGED.fullmatch(path.name) is not None
        if path.name.startswith(".") and not staged:
            continue  # not ours (.DS_Store and the like)
        try:
            info = path.lstat()
            if staged and now - info.st_mtime < STALE_STAGED:
                continue  # staged: its owner's transaction is under way
        except OSError:
            continue
        try:
            # a link, a pipe or a device would make every reader follow, wait or read forever
            if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_SIZE:
                raise ValueError(path.name)
            data = jsonfile.loads(path.read_bytes())
            signer, seq, digest = opened(data)
        except (OSError, ValueError):
            bad.append(Msg("witness_bad", name=path.name, owner=_owner(path)))
            continue
        stem = file_name(signer).removesuffix(".json")
        if not (staged or re.fullmatch(re.escape(stem) + r"(?:-[0-9a-f]{16})?\.json",
                                       path.name)):
            bad.append(Msg("witness_misnamed", name=path.name, owner=_owner(path)))
            continue
        good.append(Witness(path, signer, seq, digest, data))
    return good, bad


def check(conn: Connection, review_dir: Path, keys: set[str] | None = None,
          owner: int | None = None) -> None:
    """Every witnessed record is still in the log, unchanged, and every file in the witness
    directory is a witness. Raises StoreError. A file that is not — junk put at another
    member's name before his first action, so that his witness could never be written there
    — stops everyone until the admin removes it: the message names the OS user who owns it."""
    if isinstance(owner, int) and review_dir.stat().st_uid != owner:
        # the folder replaced whole (renamed away, a new one made with a doctored copy): its
        # owner was signed into the workspace's first record
        raise StoreError("review_dir_replaced", path=review_dir, owner=_owner(review_dir))
    here = directory(review_dir)
    if here.is_dir() and here.stat().st_uid != review_dir.stat().st_uid:
        raise StoreError("witness_dir_owner", path=here, owner=_owner(here),
                         workspace_owner=_owner(review_dir))
    witnesses, bad = read(review_dir)
    if keys is not None:  # a key nobody on the roster ever held vouches for nothing
        bad += [Msg("witness_unknown_key", name=w.path.name, owner=_owner(w.path))
                for w in witnesses if w.signer not in keys]
    if bad:
        raise StoreError("witness_tampered", problem=bad[0])
    if not witnesses:
        return
    # the hash computed from what was signed, not the table's column, which anyone can set
    found = {r.seq: r.computed_hash()
             for r in chain.records(conn, seqs={w.seq for w in witnesses})}
    later = {w.seq for w in witnesses if w.seq not in found}
    if later and conn.dialect.name == "postgresql":
        # A reading is one snapshot (Store.reading, REPEATABLE READ), taken at its first
        # statement, before these files were read: a record another member committed and
        # witnessed in between is not in it, and read as removed ("records were removed",
        # exit 3, to a reader who had only read while a colleague submitted). The store as
        # committed now tells a record written after the snapshot from one taken away.
        with conn.engine.connect() as now:
            found.update({r.seq: r.computed_hash() for r in chain.records(now, seqs=later)})
    for w in witnesses:
        if w.seq not in found:
            raise StoreError("witnessed_gone", seq=w.seq, key=w.signer)
        if found[w.seq] != w.digest:
            raise StoreError("witnessed_differs", seq=w.seq, key=w.signer)


def _owner(path: Path) -> str:
    try:  # the link's own owner, not its target's: who put it there
        return pwd.getpwuid(path.lstat().st_uid).pw_name
    except (OSError, KeyError):
        return Msg("another_user")
