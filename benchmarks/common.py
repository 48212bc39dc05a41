"""Timing helpers shared by the benchmarks."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
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
