"""The pre-commit hooks of .pre-commit-hooks.yaml, run by the pre-commit framework in a content
repository that takes them from this checkout.

pre-commit builds the hook's environment itself (a virtualenv, then pip installs review and its
dependencies from the package registry): about half a minute. The session fixture does that
once (`pre-commit install-hooks`) and the hook runs reuse it; `pre-commit try-repo` would
install afresh on every call. Skipped when pre-commit is not installed."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from workflow.team import CLEAN

ROOT = Path(__file__).resolve().parents[2]
BLOCK = CLEAN + "请加微信 abc_shop888 领取。\n"
pytestmark = pytest.mark.slow


def pre_commit() -> str:
    local = Path(os.sys.executable).parent / "pre-commit"
    return str(local) if local.exists() else "pre-commit"


def git(cwd: Path, *args: str) -> str:
    identity = ("-c", "user.name=review tests", "-c", "user.email=tests@example.invalid",
                "-c", "commit.gpgsign=false")
    done = subprocess.run(["git", *identity, *args], cwd=cwd, capture_output=True, text=True,
                          check=True)
    return done.stdout


def snapshot(into: Path) -> str:
    """This checkout's working tree as git sees it (tracked files as they are now, untracked
    ones unless ignored) committed to a new repository: pre-commit installs a hook from a
    commit, and the hooks under test are the ones in the working tree. Returns the commit."""
    listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is left out
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, into / name)
    git(into, "init", "-q", "-b", "main")
    git(into, "add", "-A")
    git(into, "commit", "-q", "-m", "the working tree under test")
    return git(into, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="session")
def content_repo(tmp_path_factory):
    """(a content repository using the review-check hook, a runner of commands in it), with
    the hook's environment installed once for the session."""
    if shutil.which("pre-commit") is None and not Path(pre_commit()).exists():
        pytest.skip("pre-commit is not installed")
    base = tmp_path_factory.mktemp("pre-commit")
    (base / "review").mkdir()
    rev = snapshot(base / "review")
    repo = base / "content"
    (repo / "posts").mkdir(parents=True)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {base / 'review'}\n    rev: {rev}\n    hooks:\n"
        f"      - id: review-check\n", encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    # PIP_COMPILE=false: pip skips compiling the installed packages to bytecode (a third of
    # the install's time); the hook compiles what it imports when it runs.
    env = {**os.environ, "PRE_COMMIT_HOME": str(base / "home"), "PIP_COMPILE": "false"}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(args, cwd=repo, capture_output=True, text=True, env=env)

    installed = run(pre_commit(), "install-hooks")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return repo, run


def check(content_repo, name: str, text: str) -> subprocess.CompletedProcess:
    repo, run = content_repo
    (repo / "posts" / name).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    return run(pre_commit(), "run", "review-check", "--files", f"posts/{name}")


# One test for both drafts: under pytest-xdist two tests could land on two workers, and each
# worker would install the hook's environment again.
def test_review_check_hook_passes_a_clean_draft_and_refuses_a_blocked_one(content_repo):
    good = check(content_repo, "good.md", CLEAN)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
    bad = check(content_repo, "bad.md", BLOCK)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "AD501" in bad.stdout
