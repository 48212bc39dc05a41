"""A content repository that is also a review workspace, and `review ci` run in it."""

import subprocess

import pytest
from click.testing import CliRunner
from workflow.team import CLEAN, Team

from review.cli import main


def git(root, *args):
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A content repository that is also a review workspace, on branch main, with a team."""
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "ci@example.gov.cn")
    git(tmp_path, "config", "user.name", "CI")
    team = Team.small(tmp_path)
    team.ok("admin", "roster", "export")
    (tmp_path / ".gitignore").write_text("keys/\n.review/review.db*\n", encoding="utf-8")
    (tmp_path / "review.toml").write_text('[ci]\npaths = ["posts/**/*.md"]\n', encoding="utf-8")
    team.write("old.md", CLEAN)
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "base")
    git(tmp_path, "checkout", "-q", "-b", "change")
    return team


def ci(team, *args):
    return CliRunner().invoke(main, ["ci", *args], env=team.env(None), catch_exceptions=False)


def commit(team, message="change"):
    git(team.root, "add", "-A")
    git(team.root, "commit", "-q", "-m", message)
