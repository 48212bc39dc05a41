"""Insider pass 29."""

from __future__ import annotations

import shutil

import pytest
from workflow.team import CLEAN, Team, carry, sandbox_release, store_url


@pytest.fixture(params=["sqlite", "postgresql"])
def office(request, tmp_path, monkeypatch) -> Team:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "review.toml").write_text("", encoding="utf-8")
    return Team.small(tmp_path, store_url(request))


def test_another_workspace_s_export_does_not_rebind_the_root(office: Team, tmp_path_factory,
                                                               monkeypatch) -> None:
    """The sandbox's roster export put where the office's goes: the root pinned alone took
    the export's workspace, and the sandbox's release of the rejected text verified."""
    path = office.write("a.md", CLEAN)
    office.ok("reviewer", "reject", str(office.submit("editor", path)), "--reason", "不发")
    sandbox = sandbox_release(office, CLEAN, tmp_path_factory, monkeypatch)
    carry(sandbox, office.root, "roster.json")
    office.refused("reviewer", "verify", path, match="workspace")


def test_a_root_without_its_workspace_and_no_store_is_refused(office: Team, tmp_path_factory,
                                                                monkeypatch) -> None:
    """A copy of the content repository (no store beside it): nothing says which of the
    admin's workspaces the root pinned alone stands for."""
    path = office.write("a.md", CLEAN)
    sandbox = sandbox_release(office, CLEAN, tmp_path_factory, monkeypatch)
    clone = tmp_path_factory.mktemp("clone")
    (clone / "posts").mkdir()
    shutil.copy(office.root / path, clone / path)
    carry(sandbox, clone)
    monkeypatch.chdir(clone)
    clone_team = Team(clone, None)
    (clone / "keys").symlink_to(office.root / "keys")
    clone_team.usage_error("reviewer", "verify", path, match="@<workspace>")


def test_ci_does_not_bind_the_root_to_the_change_s_own_export(office: Team, tmp_path_factory,
                                                              monkeypatch) -> None:
    """`review ci` with the root pinned alone and no export at the base revision yet: the
    change committed the sandbox's export and attestation, and the gate took the export's
    workspace as the office's — the rejected text passed as released."""
    import json
    import subprocess

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=office.root, check=True, capture_output=True)

    path = office.write("a.md", CLEAN)
    office.ok("reviewer", "reject", str(office.submit("editor", path)), "--reason", "不发")
    (office.root / "review.toml").write_text(
        '[ci]\npaths = ["posts/**/*.md"]\nrequire-approval = true\n', encoding="utf-8")
    (office.root / ".gitignore").write_text(".review/review.db*\n.review/witness/\nkeys/\n"
                                            "state/\nposts/\n", encoding="utf-8")
    git("init", "-q", "-b", "main")
    git("config", "user.email", "ci@example.gov.cn")
    git("config", "user.name", "CI")
    git("add", "-A")
    git("commit", "-q", "-m", "base")
    git("checkout", "-q", "-b", "change")
    sandbox = sandbox_release(office, CLEAN, tmp_path_factory, monkeypatch)
    carry(sandbox, office.root, "roster.json")
    git("add", "-f", "-A", ".review/attestations", ".review/roster.json", path)
    git("commit", "-q", "-m", "change")
    result = office.run("reviewer", "ci", "--base", "main", "--format", "json")
    draft = next(f for f in json.loads(result.stdout)["files"] if f["path"] == path)
    assert not draft["approved"] and draft["approval_rule"] == "RV001"
    assert result.exit_code == 1
