"""Cold start: `review check` of a 5,000-character draft and `review --help` in fresh
processes, beside `python -c pass`. Targets (issue 19): ≤ 8× and ≤ 4× `python -c pass`."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from benchmarks.common import PYTHON, ROOT, draft_of, instructions, median_command, report


def run() -> dict:
    # as an installed package has it: bytecode written once (pip compiles at install; a
    # checkout run with PYTHONDONTWRITEBYTECODE would compile every module at every start)
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "review")], check=False,
                   stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as directory:
        draft = Path(directory) / "draft.txt"
        draft.write_text(draft_of(5000), encoding="utf-8")
        check = [PYTHON, "-m", "review", "check", str(draft), "--fail-on", "never"]
        median_command(check, repeat=1)  # fill the lexicon cache, as any earlier run has
        bare = median_command([PYTHON, "-c", "pass"], repeat=11)
        helped = median_command([PYTHON, "-m", "review", "--help"], repeat=11)
        checked = median_command(check, repeat=11)
        os.environ["REVIEW_NO_CACHE"] = "1"
        uncached = median_command(check, repeat=5)
        del os.environ["REVIEW_NO_CACHE"]
        # REVIEW_BENCH_CALLGRIND=1: instructions too, which a busy machine does not move
        counted = {name: instructions(args) for name, args in (
            ("python_pass", [PYTHON, "-c", "pass"]), ("check_5000", check))
        } if os.environ.get("REVIEW_BENCH_CALLGRIND") else {}
    data = {"python_pass_s": bare, "help_s": helped, "check_5000_s": checked,
            "check_5000_uncached_s": uncached,
            **{f"{name}_instructions": n for name, n in counted.items()}}
    rows = []
    if counted.get("python_pass") and counted.get("check_5000"):
        rows = [("  … in instructions (callgrind)",
                 f"{counted['check_5000'] / 1e6:.0f}M against {counted['python_pass'] / 1e6:.0f}M"
                 f", ×{counted['check_5000'] / counted['python_pass']:.1f}")]
    report("cold_start", [
        ("python -c pass", f"{bare * 1000:.0f} ms"),
        ("review --help", f"{helped * 1000:.0f} ms, ×{helped / bare:.1f} (target ≤ ×4)"),
        ("review check, 5,000 characters",
         f"{checked * 1000:.0f} ms, ×{checked / bare:.1f} (target ≤ ×8)"),
        *rows,
        ("  … without the lexicon cache", f"{uncached * 1000:.0f} ms"),
    ], data)
    return data
