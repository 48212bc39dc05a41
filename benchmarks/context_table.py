"""Writes lexicons/expression/context.tsv, the character-pair counts EX9502 reads a draft's
context by: `python -m benchmarks.context_table`.

Source: the sentences of fixtures/corpus/*.tsv (government-style prose written for this
project, the project's own licence) — every label's, except the neutral sentences of the
tuning half (benchmarks/typo_tuning.py), so the tuning figures are measured on text the table
has not seen. Each line is two adjacent Chinese characters and how often they stand side by
side. Deterministic: the same corpus gives the same file."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from benchmarks.common import ROOT
from benchmarks.typo_tuning import CORPUS, learning_half

TABLE = ROOT / "lexicons" / "expression" / "context.tsv"
HEADER = ("# Adjacent Chinese character pairs and their counts, for EX9502 (typos in context).\n"
          "# Source: fixtures/corpus/*.tsv of this project (its own licence), without the\n"
          "# neutral sentences of the tuning half;\n"
          "# written by `python -m benchmarks.context_table`.\n")


def _cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def learning_sentences(corpus: Path = CORPUS) -> list[str]:
    out = []
    for path in sorted(corpus.glob("*.tsv")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                label, _, text = line.rstrip("\n").partition("\t")
                if text and (label != "neutral" or learning_half(text)):
                    out.append(text)
    return out


def pair_counts(sentences: list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in sentences:
        for a, b in zip(text, text[1:], strict=False):
            if _cjk(a) and _cjk(b):
                counts[a + b] += 1
    return counts


def write(path: Path = TABLE) -> int:
    counts = pair_counts(learning_sentences())
    lines = [f"{pair}\t{n}" for pair, n in sorted(counts.items())]
    path.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


if __name__ == "__main__":
    print(f"{write()} pairs written to {TABLE}")
