"""The few git facts the gate needs, from the git command line."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from review.errors import UsageError


class GitError(UsageError):
    """No git, not a repository, an unknown revision (exit 2)."""


# `refs/replace/` would let anyone who can push a ref swap the commit a revision names for
# another (the base's review.toml, say): the gate reads commits as they are.
_ENV = {**os.environ, "GIT_NO_REPLACE_OBJECTS": "1"}


def run(args: list[str], cwd: Path, check: bool = True) -> str:
    return run_bytes(args, cwd, check).decode("utf-8", "surrogateescape")


def run_bytes(args: list[str], cwd: Path, check: bool = True,
              stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False,
                              env=_ENV, input=stdin)
    except FileNotFoundError:
        raise GitError("git_missing") from None
    if check and done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        if message:
            raise GitError("git_failed", command=" ".join(args), detail=message[-1])
        raise GitError("git_failed_silently", command=" ".join(args))
    return done.stdout


def ok(args: list[str], cwd: Path) -> bool:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True,
                          env=_ENV).returncode == 0


def root(cwd: Path) -> Path:
    return Path(run(["rev-parse", "--show-toplevel"], cwd).strip())


def _default_refs(cwd: Path) -> list[str]:
    """The default branch, by its full ref name (a tag anyone can push named `origin/main`
    must not stand in for it): the remote's own HEAD; else whichever of origin/main and
    origin/master exists (both is an error); else a local main or master. At most one."""
    remote_head = run(["symbolic-ref", "-q", "refs/remotes/origin/HEAD"], cwd,
                      check=False).strip()
    if remote_head.startswith("refs/remotes/"):
        return [remote_head]
    # Without the remote's own HEAD, a name is only a guess: anyone who may push a branch
    # can push one called `main` beside a default branch called `master`. Two guesses that
    # both exist are no answer.
    remote = [ref for ref in ("refs/remotes/origin/main", "refs/remotes/origin/master")
              if ok(["rev-parse", "--verify", "-q", f"{ref}^{{commit}}"], cwd)]
    if len(remote) > 1:
        raise GitError("git_default_unknown")
    local = [ref for ref in ("refs/heads/main", "refs/heads/master")
             if ok(["rev-parse", "--verify", "-q", f"{ref}^{{commit}}"], cwd)]
    return remote or local[:1]


def resolve(rev: str, cwd: Path) -> str:
    """The commit a `--base` names, refusing a short name that names two refs (a tag pushed
    as `origin/main` beside the remote branch): git would take the tag."""
    if not rev.startswith("refs/"):
        named = [full for full in (f"refs/{rev}", f"refs/tags/{rev}", f"refs/heads/{rev}",
                                   f"refs/remotes/{rev}", f"refs/remotes/{rev}/HEAD")
                 if ok(["show-ref", "--verify", "-q", full], cwd)]
        if len(named) > 1:
            raise GitError("git_ambiguous", rev=rev, refs=", ".join(named))
    if not ok(["rev-parse", "--verify", "-q", f"{rev}^{{commit}}"], cwd):
        raise GitError("git_no_commit", rev=rev)
    return run(["rev-parse", f"{rev}^{{commit}}"], cwd).strip()


def _before(cwd: Path) -> str | None:
    return run(["rev-parse", "HEAD~1"], cwd).strip() \
        if ok(["rev-parse", "--verify", "-q", "HEAD~1"], cwd) else None


def default_base(cwd: Path) -> str:
    """The merge base with the default branch; on the default branch itself, the commit before."""
    head = run(["rev-parse", "HEAD"], cwd).strip()
    for ref in _default_refs(cwd):
        base = run(["merge-base", "HEAD", ref], cwd).strip()
        if base != head:
            return base
        if before := _before(cwd):
            return before
    raise GitError("no_base")


def settings_base(cwd: Path) -> str:
    """The revision whose settings, baseline and roster judge the change: the default branch's
    tip, which the change cannot move — not the merge base, which is whatever old commit its
    author branched from (before `require-approval`, say); on the default branch itself, the
    commit before."""
    head = run(["rev-parse", "HEAD"], cwd).strip()
    for ref in _default_refs(cwd):
        tip = run(["rev-parse", f"{ref}^{{commit}}"], cwd).strip()
        if tip != head:
            return tip
        if before := _before(cwd):
            return before
    raise GitError("no_base")


@dataclass(frozen=True)
class Change:
    status: str        # A added, M modified, R renamed, C copied, T type change, D deleted
    path: str
    old_path: str | None = None


def changes(base: str, cwd: Path) -> list[Change]:
    """Files that differ between `base` and the working tree (renames detected)."""
    # `ignore = all` for a submodule in `.gitmodules` — a file of the change — would have git
    # leave the submodule out of the diff altogether (added, or moved to another commit): the
    # site checked out with its submodules publishes what it holds, and the gate never saw
    # it. `dirty` overrides that, and shows every commit a gitlink records, whatever the
    # submodule's own working tree holds (the commit is what goes out).
    fields = run(["diff", "--name-status", "-z", "-M", "--ignore-submodules=dirty", base,
                  "--"], cwd).split("\0")
    out, i = [], 0
    while i < len(fields) and fields[i]:
        status = fields[i][0]
        if status in "RC":
            out.append(Change(status, fields[i + 2], fields[i + 1]))
            i += 3
        else:
            out.append(Change(status, fields[i + 1]))
            i += 2
    return out


def tracked(cwd: Path) -> list[str]:
    """Files git knows or would add: tracked, plus untracked files that are not ignored."""
    listed = run(["ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd)
    return sorted({p for p in listed.split("\0") if p})


# Attributes under which what goes out is not the blob that was checked and approved:
# `git archive` fills $Format:…$ in (export-subst); checkout expands $Id$ (ident), runs a
# smudge filter, or re-encodes (working-tree-encoding).
TRANSFORMING = ("export-subst", "ident", "filter", "working-tree-encoding")


def transformed(paths: list[str], cwd: Path) -> dict[str, list[str]]:
    """Of `paths`, those a TRANSFORMING attribute applies to, with the attributes (as the
    working tree's .gitattributes give them: the change's own). Matched both with and without
    case: a clone on Windows or macOS (core.ignorecase) applies `POSTS/*.md export-subst` to
    posts/a.md, which this Linux clone would not; and a later line in another case may unset
    there what is set here."""
    if not paths:
        return {}
    out: dict[str, list[str]] = {}
    listed = b"".join(p.encode("utf-8", "surrogateescape") + b"\0" for p in paths)
    for ignore_case in ("false", "true"):
        fields = run_bytes(["-c", f"core.ignorecase={ignore_case}", "check-attr", "-z",
                            "--stdin", *TRANSFORMING], cwd, stdin=listed
                           ).decode("utf-8", "surrogateescape").split("\0")
        for path, name, value in zip(fields[0::3], fields[1::3], fields[2::3], strict=False):
            if value not in ("unspecified", "unset") and not (
                    name == "working-tree-encoding" and value.upper() in ("UTF-8", "UTF8")):
                said = name if value == "set" else f"{name}={value}"
                if said not in out.setdefault(path, []):
                    out[path].append(said)
    return out


def show(rev: str, path: str, cwd: Path) -> str | None:
    """A file's text at a revision, or None when it did not exist there."""
    if not ok(["cat-file", "-e", f"{rev}:{path}"], cwd):
        return None
    return run(["show", f"{rev}:{path}"], cwd)


def changed_since_fork(rev: str, path: str, now: str | None, cwd: Path) -> bool:
    """Whether `now` (a file's text in the working tree, None when absent) differs from the
    file where HEAD's history left `rev`'s — at any of their merge bases, what a merge takes
    as the change's starting point: whether the change itself wrote it. Histories that share
    no commit: yes. With two merge bases (a criss-cross: a branch merged into `rev` after a
    commit the change merged in on its own), a merge starts from the bases merged together:
    a file equal to one base's and not the other's may be the change's own, and the merge
    takes it (`git merge-base` without --all names either)."""
    forks = run(["merge-base", "--all", "HEAD", rev], cwd, check=False).split()
    if not forks:
        return True
    for fork in forks:
        if not ok(["cat-file", "-e", f"{fork}:{path}"], cwd):
            if now is not None:
                return True
            continue
        # decoded as the working tree's text is read (undecodable bytes replaced)
        if run_bytes(["cat-file", "blob", f"{fork}:{path}"], cwd).decode(
                "utf-8", "replace") != now:
            return True
    return False


def tree(rev: str, path: str, cwd: Path) -> dict[str, bytes]:
    """Every file under directory `path` at a revision, by its path below it, with its bytes
    (a link's are its target, as git keeps it); {} when there is none."""
    listed = run(["ls-tree", "-r", "-z", "--full-tree", "--name-only", rev, "--", f"{path}/"],
                 cwd, check=False)
    return {name[len(path) + 1:]: run_bytes(["cat-file", "blob", f"{rev}:{name}"], cwd)
            for name in listed.split("\0") if name.startswith(f"{path}/")}
