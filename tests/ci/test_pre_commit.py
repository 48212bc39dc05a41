"""The pre-commit hooks, run by the pre-commit framework against a temporary repository.

pre-commit builds its own environment from this checkout (pip install from the package
registry), so the first run takes a minute; skipped when pre-commit is not installed."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from workflow.team import CLEAN

ROOT = Path(__file__).resolve().parents[2]
BLOCK = CLEAN + "请加微信 abc_shop888 领取。\n"


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory):
    if shutil.which("pre-commit") is None and not (Path(os.sys.executable).parent /
                                                   "pre-commit").exists():
        pytest.skip("pre-commit is not installed")
    return tmp_path_factory.mktemp("pre-commit-home")


def pre_commit() -> str:
    local = Path(os.sys.executable).parent / "pre-commit"
    return str(local) if local.exists() else "pre-commit"


def test_review_check_hook_refuses_a_blocked_draft(tmp_path, pre_commit_home):
    repo = tmp_path / "content"
    repo.mkdir()
    run = lambda *a: subprocess.run(a, cwd=repo, capture_output=True, text=True,  # noqa: E731
                                    env={**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home)})
    run("git", "init", "-q", "-b", "main")
    (repo / "posts").mkdir()
    (repo / "posts" / "good.md").write_text(CLEAN, encoding="utf-8")
    (repo / "posts" / "bad.md").write_text(BLOCK, encoding="utf-8")
    run("git", "add", "-A")
    good = run(pre_commit(), "try-repo", str(ROOT), "review-check", "--files", "posts/good.md")
    assert good.returncode == 0, good.stdout + good.stderr
    bad = run(pre_commit(), "try-repo", str(ROOT), "review-check", "--files", "posts/bad.md")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "AD501" in bad.stdout
