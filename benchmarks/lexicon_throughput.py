"""Lexicon stage throughput (MB/s of UTF-8) against raw pyahocorasick `iter` over the same
automaton and text, a plain automaton (the terms added in their given order, not commonest
characters first), a naive `term in text` loop and a `re` alternation, at 1k/10k/50k/200k
terms sampled from jieba's dictionary. Target (issue 7): the stage ≥ 70% of raw."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import ahocorasick

from benchmarks.common import median_seconds, report
from benchmarks.corpus import jieba_terms, prose
from review.config import Config, LexiconRef
from review.document import Document
from review.findings import Category
from review.stages import lexicon
from review.stages.lexicon import LexiconStage

SIZES = [1_000, 10_000, 50_000, 200_000]
TEXT_CHARS = 300_000


def stage_for(terms: list[str], directory: Path) -> LexiconStage:
    path = directory / f"terms-{len(terms)}.txt"
    path.write_text("\n".join(terms) + "\n", encoding="utf-8")
    config = Config(bundled_lexicons=False,
                    lexicon=[LexiconRef(path=path, category=Category.ADS)])
    return lexicon.build(config)


def measure(size: int, text: str, doc: Document, views: float, directory: Path) -> dict:
    mb = len(text.encode()) / 1e6
    terms = jieba_terms(size)
    stage = stage_for(terms, directory)
    compact = doc.compact.text
    raw = median_seconds(lambda: sum(1 for _ in stage.automaton.iter(compact)), repeat=5)
    plain = ahocorasick.Automaton()
    for term in terms:
        plain.add_word(term, term)
    plain.make_automaton()
    given_order = median_seconds(lambda: sum(1 for _ in plain.iter(compact)), repeat=5)
    scan = median_seconds(lambda: sum(1 for _ in stage.scan(doc)), repeat=5)
    row = {"raw_mbps": mb / raw, "plain_mbps": mb / given_order, "stage_mbps": mb / scan,
           "ratio": raw / scan,
           "stage_with_views_mbps": mb / (scan + views)}
    if size <= 10_000:  # the naive ways are too slow for more
        sample = text[:30_000]
        sample_mb = len(sample.encode()) / 1e6
        naive = median_seconds(lambda: [t for t in terms if t in sample], repeat=3)
        pattern = re.compile("|".join(map(re.escape, sorted(terms, key=len, reverse=True))))
        alternation = median_seconds(lambda: sum(1 for _ in pattern.finditer(sample)), repeat=3)
        row.update(naive_mbps=sample_mb / naive, re_mbps=sample_mb / alternation)
    return row


def run() -> dict:
    text = prose(TEXT_CHARS)
    if text is None:
        print("lexicon_throughput: ../shared/datasets not found, skipped")
        return {}
    mb = len(text.encode()) / 1e6
    doc = Document("bench", text)
    _ = doc.compact  # the views every stage shares, computed once per document
    views = median_seconds(lambda: Document("bench", text).compact, repeat=5)
    data: dict = {"mb": mb, "views_mbps": mb / views}
    rows = [("text", f"{mb:.2f} MB of Chinese prose"),
            ("document views (normalise)", f"{mb / views:.1f} MB/s")]
    with tempfile.TemporaryDirectory() as directory:
        for size in SIZES:
            row = data[size] = measure(size, text, doc, views, Path(directory))
            extra = (f"; naive {row['naive_mbps']:.2f}, re {row['re_mbps']:.2f} MB/s"
                     if "naive_mbps" in row else "")
            rows.append((f"{size:>7,} terms",
                         f"plain {row['plain_mbps']:.1f}, raw {row['raw_mbps']:.1f} MB/s, "
                         f"stage {row['stage_mbps']:.1f} MB/s "
                         f"({row['ratio']:.0%} of raw), with views "
                         f"{row['stage_with_views_mbps']:.1f} MB/s{extra}"))
    report("lexicon_throughput", rows, data)
    return data
