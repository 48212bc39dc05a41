"""200,000 extra lexicon terms: first compile, cached load and peak memory, each in a fresh
process. Targets (issue 7): ≤ 3 s, ≤ 0.3 s, ≤ 300 MB."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from benchmarks.common import PYTHON, report
from benchmarks.corpus import jieba_terms

TERMS = 200_000
SCRIPT = """
import json, resource, sys, time
start = time.perf_counter()
from pathlib import Path
from review.config import Config, LexiconRef
from review.findings import Category
from review.stages import lexicon
imported = time.perf_counter()
config = Config(bundled_lexicons=False,
                lexicon=[LexiconRef(path=Path(sys.argv[1]), category=Category.ADS)])
stage = lexicon.build(config)
done = time.perf_counter()
try:  # this process's own peak: ru_maxrss would include the parent's, from before exec
    with open("/proc/self/status") as f:
        peak_kb = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
except OSError:
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"load_s": done - imported, "imports_s": imported - start,
                  "peak_mb": peak_kb / 1024}))
"""


def measure(path: Path, cache: Path) -> dict:
    env = {**os.environ, "REVIEW_CACHE_DIR": str(cache)}
    out = subprocess.run([PYTHON, "-c", SCRIPT, str(path)], env=env, capture_output=True,
                         text=True, check=True).stdout
    return json.loads(out)


def run() -> dict:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "terms.txt"
        path.write_text("\n".join(jieba_terms(TERMS)) + "\n", encoding="utf-8")
        cache = Path(directory) / "cache"
        first = measure(path, cache)
        cached = min((measure(path, cache) for _ in range(3)), key=lambda r: r["load_s"])
    data = {"terms": TERMS, "first": first, "cached": cached}
    report("lexicon_scale", [
        ("terms", f"{TERMS:,}"),
        ("first compile", f"{first['load_s']:.2f} s (target ≤ 3 s)"),
        ("cached load", f"{cached['load_s']:.2f} s (target ≤ 0.3 s)"),
        ("peak memory (first / cached)",
         f"{first['peak_mb']:.0f} / {cached['peak_mb']:.0f} MB (target ≤ 300 MB)"),
    ], data)
    return data
