"""`review ci` on a repository of 2,000 drafts where 10 changed, against `review check` of just
those 10 files (issue 6: about as long)."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from benchmarks.common import PYTHON, draft_of, median_command, report

DRAFTS, CHANGED = 2000, 10


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def run() -> dict:
    text = draft_of(1500)
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        _git(root, "init", "-q", "-b", "main")
        _git(root, "config", "user.email", "bench@example.gov.cn")
        _git(root, "config", "user.name", "bench")
        (root / "review.toml").write_text('[ci]\npaths = ["posts/**/*.txt"]\n', encoding="utf-8")
        posts = root / "posts"
        posts.mkdir()
        for n in range(DRAFTS):
            (posts / f"{n:04d}.txt").write_text(f"第{n}号\n{text}", encoding="utf-8")
        _git(root, "add", "-A")
        _git(root, "commit", "-q", "-m", "base")
        _git(root, "checkout", "-q", "-b", "change")
        changed = [posts / f"{n:04d}.txt" for n in range(0, DRAFTS, DRAFTS // CHANGED)]
        for path in changed:
            path.write_text(path.read_text(encoding="utf-8") + "\n补充说明。", encoding="utf-8")
        _git(root, "commit", "-q", "-am", "change")
        t_ci = median_command([PYTHON, "-m", "review", "ci", "--format", "json"], cwd=root,
                              repeat=5)
        t_check = median_command([PYTHON, "-m", "review", "check", "--fail-on", "never",
                                  *map(str, changed)], cwd=root, repeat=5)
    data = {"drafts": DRAFTS, "changed": CHANGED, "ci_s": t_ci, "check_changed_s": t_check,
            "ratio": t_ci / t_check}
    report("ci_changed", [
        ("repository", f"{DRAFTS} drafts, {CHANGED} changed"),
        ("review check of the 10", f"{t_check * 1000:.0f} ms"),
        ("review ci", f"{t_ci * 1000:.0f} ms  (x{t_ci / t_check:.2f})"),
    ], data)
    return data
