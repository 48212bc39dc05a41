"""The check's compiled loops (review/_kernels.c) against the Python they stand in for: the
classifier's n-grams in the same order and its sums the same doubles to the last bit; EX9502's
slips at the same places — over the bundled corpus, the fixtures and texts made to be awkward
(no known n-gram, characters past the BMP, repeats that take the count's factor, an empty
text)."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from review import compiled
from review.model import corpus
from review.model.scorer import Scorer
from review.model.text import prepare

ROOT = Path(__file__).resolve().parents[1]
kernels = compiled.kernels


def test_the_kernels_are_built_where_ci_requires_them():
    # .ci/run sets it: a compiler that stopped building them must not pass as a slow check
    if not os.environ.get("REVIEW_REQUIRE_KERNELS"):
        pytest.skip("only where REVIEW_REQUIRE_KERNELS is set (CI)")
    assert kernels is not None, "review._kernels did not build"


needs_kernels = pytest.mark.skipif(kernels is None, reason="review._kernels is not built here")


def _texts() -> list[str]:
    _, sentences = corpus.read(corpus.default_files())
    drafts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures/drafts").glob("*"))
              if p.suffix in (".txt", ".md")]
    rnd = random.Random(19)
    alphabet = "".join(map(chr, range(0x4E00, 0x4E00 + 400))) + "ab1，。、\U0001F600\U00020000"
    made = ["", "q", "qqqq", "\U0010ffff\x00\U0010ffff", "区" * 300, "政府" * 99]
    made += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 80)))
             for _ in range(300)]
    made += [rnd.choice(sentences) * rnd.randint(2, 5) for _ in range(100)]  # factors > 1
    return [prepare(t) for t in (*sentences, *drafts, *made)]


@pytest.fixture(scope="module")
def scorer():
    return Scorer.load()  # the session's cache (conftest): the table is built there once


@needs_kernels
def test_the_compiled_search_finds_what_the_table_finds(scorer):
    table = scorer._table
    for text in _texts():
        assert kernels.find(text, table.keys, table.values) == table.find(text), text[:40]


@needs_kernels
def test_the_compiled_sums_are_the_pythons_to_the_last_bit(scorer):
    table = scorer._table
    texts = _texts()
    compiled = kernels.sums(texts, table.keys, table.values, scorer.idf_squared,
                            tuple(scorer.rows), scorer.features, scorer.sublinear_tf)
    python = [scorer._summed(table.find(text)) for text in texts]
    assert len(compiled) == len(python) > 1000
    for text, got, expected in zip(texts, compiled, python, strict=True):
        assert got == expected, text[:40]  # floats compared exactly


@needs_kernels
def test_probabilities_are_the_same_with_and_without_them(scorer, monkeypatch):
    texts = _texts()[:800]
    with_them = scorer.probabilities(texts)
    monkeypatch.setattr(compiled, "kernels", None)
    assert Scorer.load().probabilities(texts) == with_them


@needs_kernels
def test_tables_that_do_not_fit_are_refused_not_read_past(scorer):
    table = scorer._table
    with pytest.raises(ValueError, match="differ in size"):
        kernels.sums(["区政府"], table.keys, bytes(8), scorer.idf_squared,
                     tuple(scorer.rows), scorer.features, scorer.sublinear_tf)
    with pytest.raises(ValueError, match="shorter than the vocabulary"):
        kernels.sums(["区政府"], table.keys, table.values, scorer.idf_squared,
                     (bytes(16),), scorer.features, scorer.sublinear_tf)
    with pytest.raises(ValueError, match="no such feature"):  # a table of another model
        kernels.sums(["区政府"], table.keys, table.values, scorer.idf_squared[:8],
                     tuple(row[:8] for row in scorer.rows), 1, scorer.sublinear_tf)


def test_the_version_says_whether_they_are_built():
    from click.testing import CliRunner

    from review.cli import main

    said = CliRunner().invoke(main, ["--version"]).output
    assert said.startswith("review, version ")
    assert ("compiled loops: 已启用 / built" in said) == (kernels is not None)


@needs_kernels
def test_the_compiled_slips_are_where_the_python_finds_them(monkeypatch):
    from review.packed import CharStrings
    from review.stages.expression.context_data import build

    tables = build()
    texts = _texts() + [p.read_text(encoding="utf-8") for p in
                        sorted((ROOT / "fixtures/prose").glob("*.txt"))]
    compiled_starts = [tables.slip_starts(text) for text in texts]
    assert sum(map(len, compiled_starts)) > 1000
    monkeypatch.setattr(compiled, "kernels", None)
    assert [tables.slip_starts(text) for text in texts] == compiled_starts
    # a table of characters past the BMP, and keys below and above its range
    table = CharStrings.unpack(CharStrings.pack({"\U00020000": "区\U0010ffff", "中": "国"}))
    samples = ["\U00020000区\U00020000\U0010ffff中国", "a中国\x00\U0010ffff", "", "中"]
    python = [table.pair_starts(text) for text in samples]
    monkeypatch.setattr(compiled, "kernels", kernels)
    assert [table.pair_starts(text) for text in samples] == python == [[0, 2, 4], [1], [], []]
