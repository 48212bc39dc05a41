"""Insider pass 42, in CI: what it got through, and what now stops it.

- Rollback of the roster export. The base revision's `.review/roster.json` is the gate's
  memory of every revocation (`roster revoke --since` included), policy and admins' threshold
  up to it. An older export is validly signed too: a change that only put it back (or deleted
  the export, or replaced it with one that cannot be read, then added the older one) got
  exit 0 with a notice ("used only once merged"); once merged, the next change's draft,
  approved with a reviewer's key the office had since revoked from before that approval,
  passed. A change whose export does not hold every record of the base's is now refused
  (RV002, exit 1).
- Worse, where CI pins no root (no `trust-root` in review.toml, no REVIEW_TRUST_ROOT: the
  base's export is then the pin itself), the editor's change put in the export of a sandbox
  workspace of his own (his key its admin, a second key of his its reviewer): exit 0, two
  notices; once merged, his sock puppet's approvals passed. Refused the same way now.
- The same rollback offline: in a clone without a store, `review verify` knows only the
  committed export. Checked out on the editor's branch with the older export put back, the
  revoked approval verified. `review verify` now keeps the newest export it trusted for the
  workspace (in the user's state directory) and never uses an older one in its place."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from ci.conftest import ci, commit, git
from click.testing import CliRunner
from workflow.team import CLEAN

from review.cli import main

ROSTER = ".review/roster.json"
DRAFT = CLEAN + "本通知由编辑自行发布。\n"


def _branch(repo, name: str) -> None:
    git(repo.root, "checkout", "-q", "main")
    git(repo.root, "checkout", "-q", "-b", name)


def _merged(repo, branch: str) -> None:
    git(repo.root, "checkout", "-q", "main")
    git(repo.root, "merge", "-q", branch)


def _revoked_after_export(repo, keep):
    """On main: require-approval; a draft approved with the reviewer's key (stolen by the
    editor) and released; export E1, kept with the attestation, committed without the draft;
    then the theft found, the key revoked from before the approval, and export E2 committed."""
    git(repo.root, "checkout", "-q", "main")
    (repo.root / "review.toml").write_text(
        '[ci]\npaths = ["posts/**/*.md"]\nrequire_approval = true\n', encoding="utf-8")
    commit(repo, "require approval")
    path = repo.write("bad.md", DRAFT)
    item = repo.submit("editor", path)
    repo.ok("reviewer", "approve", str(item))  # the editor, with the reviewer's stolen key
    repo.ok("editor", "release", str(item))
    repo.ok("admin", "roster", "export")
    shutil.copy(repo.root / ROSTER, keep / "e1.json")
    shutil.copytree(repo.root / ".review" / "attestations", keep / "att")
    (repo.root / path).unlink()
    shutil.rmtree(repo.root / ".review" / "attestations")
    commit(repo, "e1")
    history = json.loads(repo.ok("admin", "log", str(item), "--format", "json").stdout)
    approval = next(r["seq"] for r in history if r["kind"] == "approve")
    repo.ok("admin", "roster", "revoke", "reviewer", "--since", str(approval - 1))
    repo.ok("admin", "roster", "export")
    commit(repo, "e2: the reviewer's key revoked from before the approval")


def _publish(repo, keep):
    repo.write("bad.md", DRAFT)
    shutil.copytree(keep / "att", repo.root / ".review" / "attestations")
    commit(repo, "publish")
    return ci(repo, "--base", "main", "--format", "json", "--lang", "en")


@pytest.mark.parametrize("how", ["older", "deleted", "unreadable"])
def test_a_change_cannot_put_back_an_older_roster_export(repo, tmp_path, how):
    keep = tmp_path / "keep"
    keep.mkdir()
    _revoked_after_export(repo, keep)
    _branch(repo, "control")
    result = _publish(repo, keep)
    assert result.exit_code == 1
    assert "revokes from record" in json.loads(result.stdout)["files"][0]["approval_error"]
    # the editor's change: the export only
    _branch(repo, "rollback")
    if how == "older":
        shutil.copy(keep / "e1.json", repo.root / ROSTER)
    elif how == "deleted":
        (repo.root / ROSTER).unlink()
    else:
        (repo.root / ROSTER).write_text("{}", encoding="utf-8")
    commit(repo, "rollback")
    result = ci(repo, "--base", "main", "--format", "json", "--lang", "en")
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    problem = data["files"][-1]
    assert (problem["path"], problem["approval_rule"]) == (ROSTER, "RV002")
    assert "does not hold every record of the base revision's export" in \
        problem["approval_error"]
    assert ROSTER not in data["outside"]


def test_a_newer_export_of_the_same_log_is_still_taken(repo, tmp_path):
    keep = tmp_path / "keep"
    keep.mkdir()
    _revoked_after_export(repo, keep)
    _branch(repo, "fresh")
    path = repo.write("good.md", CLEAN)
    item = repo.submit("editor", path)
    repo.keygen("reviewer2")
    repo.add("reviewer2", "reviewer")
    repo.ok("reviewer2", "approve", str(item))
    repo.ok("editor", "release", str(item))
    repo.ok("admin", "roster", "export")
    commit(repo)
    result = ci(repo, "--base", "main", "--format", "json", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [path]


def clone_publishing_the_revoked_draft(repo, tmp_path, tmp_path_factory, monkeypatch
                                       ) -> tuple[Path, Path]:
    """A site's clone of a branch that publishes a draft approved by a reviewer revoked
    since, with its attestation, and no store: the committed export is what verify knows,
    and verify refuses the draft there. (The clone, the folder keeping the older export.)"""
    keep = tmp_path / "keep"
    keep.mkdir()
    _revoked_after_export(repo, keep)
    _branch(repo, "publish")
    repo.write("bad.md", DRAFT)
    shutil.copytree(keep / "att", repo.root / ".review" / "attestations")
    commit(repo)
    clone = tmp_path_factory.mktemp("clone") / "site"
    subprocess.run(["git", "clone", "-q", "-b", "publish", str(repo.root), str(clone)],
                   check=True)
    monkeypatch.chdir(clone)
    result = CliRunner().invoke(main, ["verify", "posts/bad.md"], env=repo.env(None))
    assert result.exit_code == 1 and "revokes from record" in result.stderr
    return clone, keep



def test_offline_verify_in_a_clone_never_goes_back_to_an_older_export(
        repo, tmp_path, tmp_path_factory, monkeypatch):
    clone, keep = clone_publishing_the_revoked_draft(repo, tmp_path, tmp_path_factory,
                                                     monkeypatch)
    env = repo.env(None)
    shutil.copy(keep / "e1.json", clone / ROSTER)  # the editor's branch, checked out
    result = CliRunner().invoke(main, ["verify", "posts/bad.md"], env=env)
    assert result.exit_code == 1, result.output
    assert "older than a roster export this computer verified" in result.stderr
    assert "revokes from record" in result.stderr
    (clone / ROSTER).unlink()
    result = CliRunner().invoke(main, ["verify", "posts/bad.md"], env=env)
    assert result.exit_code == 1 and "revokes from record" in result.stderr


def test_a_branch_that_only_lags_behind_a_newer_export_is_not_refused(repo, tmp_path):
    """The fix refuses an export the change wrote; a branch made before the default branch got
    a newer export, which never touched it, merges into the newer one."""
    keep = tmp_path / "keep"
    keep.mkdir()
    git(repo.root, "checkout", "-q", "main")
    (repo.root / "review.toml").write_text(
        '[ci]\npaths = ["posts/**/*.md"]\nrequire_approval = true\n', encoding="utf-8")
    commit(repo, "require approval")
    _branch(repo, "lagging")
    repo.write("notes.txt", "not a draft\n")
    commit(repo, "lagging")
    git(repo.root, "checkout", "-q", "main")
    repo.keygen("reviewer2")
    repo.add("reviewer2", "reviewer")
    repo.ok("admin", "roster", "export")
    commit(repo, "a newer export")
    git(repo.root, "checkout", "-q", "lagging")
    result = ci(repo, "--base", "main", "--format", "json", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert ROSTER not in [f["path"] for f in json.loads(result.stdout)["files"]]


def _ci_unpinned(team, *args):
    """`review ci` as the README's workflows run it: no REVIEW_TRUST_ROOT, no trust-root file;
    the base revision's export is the pin."""
    env = team.env(None)
    env["REVIEW_TRUST_ROOT"] = ""
    env["XDG_CONFIG_HOME"] = str(team.root / "no-config")
    return CliRunner().invoke(main, ["ci", *args], env=env, catch_exceptions=False)


def test_a_change_cannot_swap_in_the_export_of_a_workspace_of_the_editors_own(
        repo, tmp_path_factory, monkeypatch):
    from workflow.test_trust_root import rogue_workspace

    git(repo.root, "checkout", "-q", "main")
    (repo.root / "review.toml").write_text(
        '[ci]\npaths = ["posts/**/*.md"]\nrequire_approval = true\n', encoding="utf-8")
    commit(repo, "require approval")
    _branch(repo, "swap")
    rogue = rogue_workspace(repo, tmp_path_factory.mktemp("elsewhere") / "x", monkeypatch)
    path = rogue.write("evil.md", DRAFT)
    item = rogue.submit("editor", path)
    rogue.ok("sock", "approve", str(item))
    rogue.ok("editor", "release", str(item))
    rogue.ok("admin", "roster", "export")
    monkeypatch.chdir(repo.root)
    shutil.copy(rogue.root / ROSTER, repo.root / ROSTER)
    commit(repo, "the export only")
    result = _ci_unpinned(repo, "--base", "main", "--format", "json", "--lang", "en")
    assert result.exit_code == 1, result.output
    problem = json.loads(result.stdout)["files"][-1]
    assert (problem["path"], problem["approval_rule"]) == (ROSTER, "RV002")


def _rogue_export(repo, tmp_path_factory, monkeypatch):
    """The editor's sandbox workspace, a draft released there by his sock puppet, exported."""
    from workflow.test_trust_root import rogue_workspace

    rogue = rogue_workspace(repo, tmp_path_factory.mktemp("elsewhere") / "x", monkeypatch)
    path = rogue.write("evil.md", DRAFT)
    item = rogue.submit("editor", path)
    rogue.ok("sock", "approve", str(item))
    rogue.ok("editor", "release", str(item))
    rogue.ok("admin", "roster", "export")
    monkeypatch.chdir(repo.root)
    return rogue


@pytest.mark.parametrize("base", ["no export", "trust-root changed"])
def test_a_change_cannot_write_the_export_where_the_base_trusts_none(
        repo, tmp_path_factory, monkeypatch, base):
    """No export at the base and no pinned root (an office that has not committed its first
    export), or an export the base no longer trusts (a change to review.toml's trust-root,
    merged: pass 36 D5's class): a change that writes the export could not be checked against
    anything, and merged it would be its own root."""
    from review.workflow.keys import decode_public, fingerprint

    git(repo.root, "checkout", "-q", "main")
    rogue = _rogue_export(repo, tmp_path_factory, monkeypatch)
    toml = '[ci]\npaths = ["posts/**/*.md"]\nrequire_approval = true\n'
    if base == "no export":
        (repo.root / ROSTER).unlink()
    else:
        admin = fingerprint(decode_public((rogue.root / "keys" / "admin.pem.pub").read_text()))
        toml = f'trust-root = "{admin}@{rogue.identity}"\n' + toml
    (repo.root / "review.toml").write_text(toml, encoding="utf-8")
    commit(repo, "the base")
    _branch(repo, "write")
    shutil.copy(rogue.root / ROSTER, repo.root / ROSTER)
    commit(repo, "the export only")
    result = _ci_unpinned(repo, "--base", "main", "--format", "json", "--lang", "en")
    assert result.exit_code == 1, result.output
    problem = json.loads(result.stdout)["files"][-1]
    assert (problem["path"], problem["approval_rule"]) == (ROSTER, "RV002")
    assert "neither a trusted roster export nor a pinned root" in problem["approval_error"]
