"""Cold start of the classifier: a fresh process that imports the scorer, loads the shipped
model and scores a 5,000-character draft sentence by sentence (issue 4 target: < 150 ms).

Measured beside `python -c pass` in the same run, so the interpreter's own start is visible."""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.common import PYTHON, draft_of, median_command, report

SCRIPT = """
import sys
from review.model.scorer import Scorer
from review.model.text import SENTENCE, prepare
text = open(sys.argv[1], encoding="utf-8").read()
sentences = [s for s in (prepare(x) for x in SENTENCE.findall(text)) if s]
Scorer.load().probabilities(sentences)
"""


def run() -> dict:
    with tempfile.TemporaryDirectory() as directory:
        draft = Path(directory) / "draft.txt"
        draft.write_text(draft_of(5000), encoding="utf-8")
        bare = median_command([PYTHON, "-c", "pass"], repeat=15)
        numpy_only = median_command([PYTHON, "-c", "import numpy"], repeat=15)
        cold = median_command([PYTHON, "-c", SCRIPT, str(draft)], repeat=15)
    data = {"python_pass_s": bare, "import_numpy_s": numpy_only, "load_and_score_5000_s": cold}
    report("classifier_cold", [
        ("python -c pass", f"{bare * 1000:.0f} ms"),
        ("python -c 'import numpy'", f"{numpy_only * 1000:.0f} ms"),
        ("import + load model + score 5,000 chars", f"{cold * 1000:.0f} ms (target < 150 ms)"),
    ], data)
    return data
