"""The workspace: the directory holding `.review/`, found by walking up like git, and the
store it uses (SQLite inside it, or a PostgreSQL URL from REVIEW_DATABASE_URL / the config)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from review.errors import UsageError
from review.workflow.store import Store, sqlite_url

if TYPE_CHECKING:
    from review.config import Config

DIR = ".review"


@dataclass(frozen=True)
class Workspace:
    root: Path

    @property
    def review_dir(self) -> Path:
        return self.root / DIR

    @property
    def attestations(self) -> Path:
        return self.review_dir / "attestations"

    def relative(self, path: Path) -> str:
        """A file's path inside the workspace, as recorded (POSIX, relative to the root)."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            raise UsageError("outside_workspace", path=path, root=self.root) from None

    def store(self, url: str | None = None) -> Store:
        """The store: the URL given (`init --database-url`) or REVIEW_DATABASE_URL — the
        person's own choice, remembered — else the config's, which sits where any member may
        write it: it must name the store this computer used before for this workspace, or a
        member could point everyone's next action at a doctored copy."""
        chosen = url or os.environ.get("REVIEW_DATABASE_URL")
        effective = chosen or _config_url(self.root) or sqlite_url(self.root)
        from review.workflow import remembered

        before = remembered.store_of(self.root)
        if chosen is None and before is not None and before != effective:
            raise UsageError("store_moved", root=self.root, now=_safe(effective),
                             before=_safe(before))
        if before != effective:
            remembered.remember_store(self.root, effective)
        return Store(effective, review_dir=self.review_dir)

    def names_store(self) -> bool:
        """Whether a store is named for this workspace: by the person (REVIEW_DATABASE_URL),
        by its config, or by the SQLite file in `.review/`."""
        return bool(os.environ.get("REVIEW_DATABASE_URL") or _config_url(self.root)
                    or (self.review_dir / "review.db").is_file())

    def config(self) -> Config:
        return _config(self.root)

    def gate_config(self) -> Config:
        """The workspace's config for the check that gates release (on submit, and against
        the published page). The content repository's config may add to the check — lexicons,
        expressions, its leaders file — but cannot weaken it: severities, allow-lists, the
        stages, the model and its thresholds stay the shipped ones, the bundled lexicons stay
        on, no domain is made official and no word class extended, and the drafts' date is
        today (a date in the past would bring back expired
        wording)."""
        from review.config import CLASSIFIER_THRESHOLDS, DEFAULT_MAX_FILE_SIZE, load_config

        return load_config(start=self.root).replace(
            severity={}, allow=[], stages=None, bundled_lexicons=True,
            classifier=dict(CLASSIFIER_THRESHOLDS), model=None, date=None,
            # the shipped limit: a content repository's own could refuse every draft or
            # make each read allocate gigabytes
            max_file_size=DEFAULT_MAX_FILE_SIZE,
            # both widen what passes: links of "official" domains, and word classes that can
            # add cues to the stances that excuse a finding as a quotation
            official_domains=[], classes=[])



def _safe(url: str) -> str:
    """A store's URL without its password, for a message."""
    import re

    return re.sub(r"//([^:/@]+):[^@/]*@", r"//\1:***@", url)


def _config_url(root: Path) -> str | None:
    return _config(root).database_url


def _config(root: Path) -> Config:
    from review.config import load_config

    return load_config(start=root)


def create(root: Path, group: str | None) -> Workspace:
    """A new workspace at `root` (`review init`, `review restore`): never inside another, its
    `.review/` shared with an OS group when asked, the witness directory made by its owner."""
    from review.workflow import witness

    refuse_nesting(root)
    try:
        (root / DIR).mkdir(exist_ok=True)
    except OSError as err:
        raise UsageError("cannot_create", path=root / DIR, reason=err.strerror or err) from None
    if group:
        share_with_group(root / DIR, group)
    witness.prepare(root / DIR)
    return Workspace(root)


def share_store_files(workspace: Workspace) -> None:
    """After a shared SQLite store is made: SQLite makes its file 0644 less the umask, and the
    WAL and shared-memory files with the database's own permissions — the group must be able
    to write all three."""
    for made in workspace.review_dir.glob("review.db*"):
        made.chmod(0o660)


def share_with_group(directory: Path, group: str) -> None:
    """`review init --group`: the members of an OS group share a SQLite workspace on a shared
    folder. The directory belongs to the group with the set-group-ID bit, so every file made
    in it (the database, its journal, attestations) does too; the store makes its files
    group-writable (see Store). Nobody outside the group can read it. It is sticky: a member
    can write the database but cannot delete, rename or replace a file he does not own — the
    database itself, or the witnesses that show what was cut from it (review.workflow.witness)."""
    import grp
    import shutil
    import stat

    try:
        grp.getgrnam(group)
    except KeyError:
        raise UsageError("no_os_group", group=group) from None
    try:
        shutil.chown(directory, group=group)
        directory.chmod(stat.S_ISGID | stat.S_ISVTX | 0o770)
    except OSError as err:
        raise UsageError("cannot_share", path=directory, group=group,
                         reason=err.strerror or err) from None


def find(start: Path | None = None) -> Workspace:
    """The workspace holding `start`. A `.review/` inside another workspace is refused, not
    used: anyone with the shared folder could make one in posts/, name himself its admin and
    release his own drafts there, and `review verify` would trust the nearest."""
    here = (start or Path.cwd()).resolve()
    found = [d for d in [here, *here.parents] if (d / DIR).is_dir()]
    if not found:
        raise UsageError("no_workspace")
    if len(found) > 1:
        raise UsageError("nested_workspace", inner=found[0] / DIR, outer=found[-1])
    return Workspace(found[0])


def refuse_nesting(root: Path) -> None:
    """`review init` never makes a workspace inside another."""
    outer = next((d for d in root.parents if (d / DIR).is_dir()), None)
    if outer is not None:
        raise UsageError("inside_workspace", root=root, outer=outer)
