"""Timing helpers shared by the benchmarks."""

from __future__ import annotations

import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"


def median_seconds(run: Callable[[], object], repeat: int = 15, warmup: int = 2) -> float:
    for _ in range(warmup):
        run()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def median_command(args: list[str], repeat: int = 9, cwd: Path | None = None) -> float:
    """Median wall time of a fresh process (imports and loading included)."""
    def run() -> None:
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                       cwd=cwd)

    return median_seconds(run, repeat=repeat, warmup=1)


def instructions(args: list[str], cwd: Path | None = None) -> int | None:
    """Instructions a fresh process executes, counted by valgrind's callgrind: a figure that
    other work on a shared machine does not move, unlike wall or CPU time (valgrind runs
    about 50 times slower, and counts SHA-256 without the CPU's SHA instructions). None
    without valgrind."""
    if shutil.which("valgrind") is None:
        return None
    with tempfile.TemporaryDirectory() as directory:
        done = subprocess.run(["valgrind", "--tool=callgrind",
                               f"--callgrind-out-file={directory}/out", *args],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              check=False, cwd=cwd)
    found = re.search(r"Collected : (\d+)", done.stderr)
    return int(found.group(1)) if found else None


def draft_of(chars: int) -> str:
    """A draft of about `chars` characters from the bundled correct government prose."""
    prose = (ROOT / "fixtures" / "prose" / "correct_government.txt").read_text(encoding="utf-8")
    text = prose
    while len(text) < chars:
        text += "\n" + prose
    return text[:chars]


def report(name: str, rows: list[tuple[str, str]], data: dict) -> None:
    width = max(len(label) for label, _ in rows)
    print(f"\n## {name}")
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n",
                                          encoding="utf-8")


PYTHON = sys.executable
