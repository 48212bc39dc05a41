"""Unseen typos (issue 17): the SIGHAN 2015 spelling-check test set — 707 sentence pairs of
learners' essays, shipped as pycorrector/data/sighan2015_test.tsv in pycorrector's wheel on PyPI
(`pip download pycorrector==1.1.4 --no-deps`, then unzip that file; point REVIEW_SIGHAN at it).
Evaluation only, never training data. A typo sentence counts as detected when an expression
finding covers a wrong character; a correct sentence as flagged when it gets any expression
finding. Targets: ≥ 0.3 detected, ≤ 5% flagged. Learners' essays are not government prose:
the figure says how far the 文字关 generalises, not how it does on drafts."""

from __future__ import annotations

import os
from pathlib import Path

from benchmarks.common import report


def run() -> dict:
    from review.config import Config
    from review.pipeline import Pipeline

    path = Path(os.environ.get("REVIEW_SIGHAN", "sighan2015_test.tsv"))
    if not path.is_file():
        print(f"\n## sighan\n  skipped: {path} not found (set REVIEW_SIGHAN)")
        return {}
    pipeline = Pipeline(Config())
    typo = detected = correct = flagged = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        source, target = line.split("\t")[:2]
        wrong = {i for i, (a, b) in enumerate(zip(source, target, strict=False)) if a != b}
        spans = [(f.start, f.end) for f in pipeline.check_text(source).findings
                 if f.category == "expression"]
        if wrong:
            typo += 1
            detected += any(a <= i < b for a, b in spans for i in wrong)
        else:
            correct += 1
            flagged += bool(spans)
    data = {"typo_sentences": typo, "detected": detected, "correct_sentences": correct,
            "flagged": flagged}
    report("sighan", [
        ("typo sentences detected", f"{detected}/{typo} = {detected / typo:.3f} (target ≥ 0.3)"),
        ("correct sentences flagged",
         f"{flagged}/{correct} = {flagged / correct:.3f} (target ≤ 0.05)"),
    ], data)
    return data
