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
from review.model.flag import flagged_class
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


def _layouts(scorer: Scorer) -> list[tuple[tuple, int]]:
    """The weights as the lean path reads them (the model's columns) and as the bulk path
    does (interleaved by `warm`)."""
    from review.model.scorer import _interleaved

    columns = (scorer.idf_squared, *scorer.rows)
    return [(columns, 1), _interleaved(columns, scorer.features)]


@needs_kernels
def test_the_compiled_sums_are_the_pythons_to_the_last_bit(scorer):
    table = scorer._table
    texts = _texts()
    python = [scorer._summed(table.find(text)) for text in texts]
    assert len(python) > 1000
    for columns, stride in _layouts(scorer):
        compiled = kernels.sums(texts, table.keys, table.values, columns, stride,
                                scorer.features, scorer.sublinear_tf)
        for text, got, expected in zip(texts, compiled, python, strict=True):
            assert got == expected, (stride, text[:40])  # floats compared exactly


def _wild(scorer: Scorer, seed: int) -> Scorer:
    """The model's vocabulary with random weights far larger than a trained model's: logits
    hundreds apart, so that the softmax's exponentials span every magnitude and its fsum
    keeps several partials."""
    from array import array

    rnd = random.Random(seed)
    n = scorer.features
    rows = [array("d", (rnd.uniform(-60, 60) for _ in range(n))) for _ in scorer.rows]
    idf = array("d", (rnd.uniform(0.01, 30) for _ in range(n)))
    wild = Scorer(scorer.classes, n, idf, rows, [rnd.uniform(-9, 9) for _ in scorer.rows],
                  scorer.sublinear_tf, scorer.vocabulary, table_file=scorer.table_file)
    assert wild._compiled()
    return wild


@needs_kernels
@pytest.mark.parametrize("model", ["trained", "wild"])
def test_the_compiled_probabilities_and_flags_are_the_pythons(scorer, model):
    scorer = scorer if model == "trained" else _wild(scorer, 7)
    texts = _texts()[:3000]
    python = [scorer._softmax(*scorer._summed(scorer._table.find(t))) for t in texts]
    settings = [{"ads": 0.5, "illegal": 0.6, "opinion": 0.7, "secrets": 0.5, "security": 0.5,
                 "consent": 0.5},
                {"ads": 0.2, "illegal": 1.5},  # one class not in use, the others unnamed
                {"neutral": 0.1, "opinion": 0.0}, {}]
    for columns in _layouts(scorer):
        scorer._columns = columns
        assert scorer.probabilities(texts) == python  # to the last bit
        for thresholds in settings:
            expected = [flagged_class(row, scorer.classes, thresholds) for row in python]
            assert scorer.flags(texts, thresholds) == expected, thresholds
    assert sum(label is not None for label in scorer.flags(texts, settings[0])) > 10


@needs_kernels
def test_a_model_without_a_neutral_class_flags_as_the_python_does(scorer):
    other = _wild(scorer, 8)
    other.classes = [f"k{c}" for c in range(len(scorer.classes))]
    texts = _texts()[:1500]
    thresholds = {"k1": 0.3, "k2": 0.9, "k4": 2.0, "k5": 0.5}
    python = [flagged_class(other._softmax(*other._summed(other._table.find(t))),
                            other.classes, thresholds) for t in texts]
    assert other.flags(texts, thresholds) == python
    assert 0 < sum(label is not None for label in python) < len(python)


@needs_kernels
def test_values_that_are_not_finite_are_left_to_the_python(scorer, monkeypatch):
    broken = Scorer(scorer.classes, scorer.features, scorer.idf_squared, scorer.rows,
                    [float("nan"), *scorer.offsets[1:]], scorer.sublinear_tf,
                    scorer.vocabulary, table_file=scorer.table_file)
    texts = _texts()[:200]
    with_them = broken.probabilities(texts)
    flags = broken.flags(texts, {"ads": 0.5})
    monkeypatch.setattr(compiled, "kernels", None)
    assert str(broken.probabilities(texts)) == str(with_them)  # nan is no float's equal
    assert broken.flags(texts, {"ads": 0.5}) == flags


@needs_kernels
def test_probabilities_are_the_same_with_and_without_them(scorer, monkeypatch):
    texts = _texts()[:800]
    with_them = scorer.probabilities(texts)
    monkeypatch.setattr(compiled, "kernels", None)
    assert Scorer.load().probabilities(texts) == with_them


@needs_kernels
def test_tables_that_do_not_fit_are_refused_not_read_past(scorer):
    table = scorer._table
    columns = (scorer.idf_squared, *scorer.rows)
    with pytest.raises(ValueError, match="differ in size"):
        kernels.sums(["区政府"], table.keys, bytes(8), columns, 1, scorer.features,
                     scorer.sublinear_tf)
    with pytest.raises(ValueError, match="shorter than the vocabulary"):
        kernels.sums(["区政府"], table.keys, table.values, (scorer.idf_squared, bytes(16)), 1,
                     scorer.features, scorer.sublinear_tf)
    with pytest.raises(ValueError, match="shorter than the vocabulary"):  # a stride too long
        kernels.sums(["区政府"], table.keys, table.values, columns, 2, scorer.features,
                     scorer.sublinear_tf)
    with pytest.raises(ValueError, match="no such feature"):  # a table of another model
        kernels.sums(["区政府"], table.keys, table.values,
                     tuple(column[:8] for column in columns), 1, 1, scorer.sublinear_tf)
    with pytest.raises(ValueError, match="between 1 and 16"):
        kernels.sums(["区政府"], table.keys, table.values, columns * 3, 1, scorer.features,
                     scorer.sublinear_tf)
    with pytest.raises(ValueError, match="one offset per class row"):
        kernels.sums(["区政府"], table.keys, table.values, columns, 1, scorer.features,
                     scorer.sublinear_tf, (0.0,))
    with pytest.raises(ValueError, match="role"):
        kernels.sums(["区政府"], table.keys, table.values, columns, 1, scorer.features,
                     scorer.sublinear_tf, tuple(scorer.offsets), (3,) * len(columns),
                     (0.5,) * len(columns))


def _windows(rnd: random.Random, count: int) -> list[str]:
    """Windows of real sentences, a quarter of their characters swapped for others; texts
    with characters past the BMP, not Chinese, one character, none."""
    texts = [t for t in _texts() if len(t) > 12]
    characters = [c for t in texts[:300] for c in t if "\u4e00" <= c <= "\u9fff"]
    windows = []
    for _ in range(count):
        text = rnd.choice(texts)
        at = rnd.randrange(len(text) - 12)
        window = text[at:at + rnd.randint(1, 12)]
        if rnd.random() < 0.5:
            window = "".join(rnd.choice(characters) if rnd.random() < 0.25 else c
                             for c in window)
        windows.append(window)
    return windows + ["\U00020000中国", "人民\U00020000", "a", "中", "ABC工作", "", "的" * 40]


@pytest.fixture(scope="module")
def typo_lexicon():
    from review.stages.expression import typos

    return typos.build().lexicon


@needs_kernels
def test_the_compiled_segmentation_scores_are_the_pythons_to_the_bit(typo_lexicon):
    windows = _windows(random.Random(7), 5000)
    assert typo_lexicon.best_many(windows) == [typo_lexicon._best(w) for w in windows]
    assert typo_lexicon.best_many([]) == []
    assert [typo_lexicon.best(w) for w in windows[:50]] == typo_lexicon.best_many(windows[:50])


@needs_kernels
def test_the_compiled_candidates_are_those_whose_exact_pair_gain_reaches_the_floor(
        typo_lexicon, monkeypatch):
    """EX9502's candidates: the slips and corrections the Python lists, kept where the pair
    gain `features` computes (in Python) reaches the floor — the same tuples in the same
    order, each with that very gain."""
    from review.stages.expression import context

    fast = context.ContextTypos(lambda: typo_lexicon)
    assert fast._compiled_tables is not None  # the bundled tables are sorted
    fast.warm()  # the bulk path's: the slips' pair bits too
    assert fast._slip_bits
    texts = [t for t in _texts() if len(t) > 20][:1500] + _windows(random.Random(9), 500)
    compiled_candidates = [fast._candidates(text) for text in texts]
    monkeypatch.setattr(compiled, "kernels", None)
    slow = context.ContextTypos(lambda: typo_lexicon)
    kept = total = 0
    for text, got in zip(texts, compiled_candidates, strict=True):
        every = slow._candidates(text)
        gains = [slow.features(text, at, fixed, floors=False)[1] for _, at, fixed, *_ in every]
        expected = [(*c[:4], gain) for c, gain in zip(every, gains, strict=True)
                    if gain >= context._MIN_PAIR_GAIN - context._SLACK]
        assert got == expected, text[:40]  # the gains compared exactly
        kept, total = kept + len(got), total + len(every)
    assert 100 < kept < total / 3  # it does filter


@needs_kernels
def test_unsorted_tables_are_left_to_the_python(typo_lexicon):
    from review.packed import CharStrings
    from review.stages.expression import context

    detector = context.ContextTypos(lambda: typo_lexicon)
    text = "全市各级工昨人员要坚守岗位。举办辛闻发布会。"
    sorted_ones = detector._candidates(text)
    assert {(4, 5, "作", "工作"), (16, 16, "新", "新闻")} <= {c[:4] for c in sorted_ones}
    tables = detector.tables  # its own (context_data.build decodes anew)
    shuffled = {k: v[::-1] for k, v in tables.sources.items()}
    tables.sources = CharStrings.unpack(CharStrings.pack(shuffled))
    unsorted = context.ContextTypos(lambda: typo_lexicon)
    unsorted.__dict__["tables"] = tables
    assert unsorted._compiled_tables is None
    every = unsorted._candidates(text)
    assert all(gain is None for *_, gain in every)
    assert {c[:4] for c in sorted_ones} <= {c[:4] for c in every}


@needs_kernels
def test_the_compiled_candidates_refuse_what_does_not_fit(typo_lexicon):
    from review.stages.expression import context

    detector = context.ContextTypos(lambda: typo_lexicon)
    slips, sources, before, after, follow = detector._compiled_tables
    assert detector._slip_bits == ()  # one draft's check does not make them
    detector.warm()
    (bits,) = detector._slip_bits
    text = "各级工昨人员"
    with pytest.raises(ValueError, match="pair_bits"):
        kernels.slip_candidates(text, 0.0, slips, sources, before, after, follow, bits[:-1])
    # the pairs' bits only refuse pairs that are no slip: the same without them
    for window in [text, *_windows(random.Random(3), 300)]:
        assert kernels.slip_candidates(window, -1e9, slips, sources, before, after, follow,
                                       bits) == \
            kernels.slip_candidates(window, -1e9, slips, sources, before, after, follow)
    with pytest.raises(TypeError, match="character table"):
        kernels.slip_candidates(text, 0.0, "slips", sources, before, after, follow)
    with pytest.raises(ValueError, match="starts and ends differ"):
        kernels.slip_candidates(text, 0.0, (slips[0], slips[1], slips[2], bytes(4)), sources,
                                before, after, follow)
    # a floor nothing reaches, and one everything does
    assert kernels.slip_candidates(text, 1e9, slips, sources, before, after, follow) == []
    assert (2, 3, "作", "工作") in [c[:4] for c in kernels.slip_candidates(
        text, -1e9, slips, sources, before, after, follow)]


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


def _awkward_texts() -> list[str]:
    """Prose, and every code point of the BMP but the surrogates in runs, characters past it,
    noise of every kind, NUL, the underscore, letters that lengthen when lowered."""
    texts = [t for t in _texts() if t][:2000]
    every = [chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF]
    texts += ["".join(every[i:i + 997]) for i in range(0, len(every), 997)]
    rnd = random.Random(23)
    pool = every[:0x3100] + ["\U0001D400", "\U0001F100", "\U00020000", "\U0002F800", "\x00",
                             "_", "İ", "ﬃ", "\n", "\ud800"]
    texts += ["".join(rnd.choice(pool) for _ in range(rnd.randint(0, 60))) for _ in range(500)]
    return texts + ["", "_", "\x00", "。!?;\n", "\U000E0041"]


@needs_kernels
def test_the_compiled_translate_is_str_translate():
    from review.normalize import _key_bits, _tables

    table = _tables()[0]
    bits = _key_bits(table)
    for text in _awkward_texts():
        assert kernels.translate(text, table, bits) == text.translate(table), text[:20]
    odd = {ord("a"): None, ord("b"): "xyz", ord("c"): 0x20000, 0x20001: "B", ord("d"): ""}
    odd_bits = kernels.key_bits(odd)
    for text in ["abcd\U00020001e", "", "aaaa", "\U00020001" * 3, "bcb"]:
        assert kernels.translate(text, odd, odd_bits) == text.translate(odd)
    with pytest.raises(TypeError, match="character mapping"):
        kernels.translate("a", {97: 1.5}, kernels.key_bits({97: 1.5}))
    with pytest.raises(ValueError, match="range"):
        kernels.translate("a", {97: -1}, kernels.key_bits({97: -1}))


@needs_kernels
def test_the_compiled_views_are_the_pythons(monkeypatch):
    from review.normalize import View, compact, fold

    texts = _awkward_texts()
    fast = [(v := fold(View.identity(t)), compact(v)) for t in texts]
    monkeypatch.setattr(compiled, "kernels", None)
    for text, (folded, compacted) in zip(texts, fast, strict=True):
        assert fold(View.identity(text)) == folded, text[:20]
        # lists or ranges alike: a view's offsets compared as the values they hold
        python = compact(folded)
        assert (python.text, list(python.starts), list(python.ends), list(python.source)) == \
            (compacted.text, list(compacted.starts), list(compacted.ends),
             list(compacted.source)), text[:20]


@needs_kernels
def test_the_compiled_compact_refuses_offsets_that_do_not_fit():
    with pytest.raises(ValueError, match="one per character"):
        kernels.compact("a b", [0, 1], [1, 2, 3])


@needs_kernels
def test_the_compiled_matcher_finds_what_pyahocorasick_finds_in_its_order():
    """Every occurrence, nested and overlapping, one-character keys, characters outside the
    BMP; by the last character, the longest first."""
    import ahocorasick

    rng = random.Random(20261207)
    alphabet = "政府工作报告𠀀a\x00"
    for _ in range(400):
        keys = list({"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 6)))
                     for _ in range(rng.randint(1, 60))})
        automaton = ahocorasick.Automaton()
        for number, key in enumerate(keys):
            automaton.add_word(key, (key, number))
        automaton.make_automaton()
        text = "".join(rng.choice(alphabet + "。") for _ in range(rng.randint(0, 300)))
        table = kernels.matcher(keys)
        expected = list(automaton.iter(text))
        assert kernels.matches(table, text, [(k, n) for n, k in enumerate(keys)]) == expected
        assert kernels.matches(table, text, None) == [(end, n) for end, (_, n) in expected]
        starts: dict[str, list[int]] = {}
        for end, (key, _) in expected:
            starts.setdefault(key, []).append(end + 1 - len(key))
        assert kernels.matches(table, text, keys, True) == starts
    assert kernels.matches(kernels.matcher([]), "政府", []) == []


@needs_kernels
def test_the_compiled_matcher_refuses_what_it_cannot_search():
    table = kernels.matcher(["政府", "报告"])
    with pytest.raises(ValueError):
        kernels.matcher(["政府", ""])
    with pytest.raises(TypeError):
        kernels.matcher(("政府",))
    for bad in (table[:-4], b"\0" * len(table), table + b"\0\0\0\0"):
        with pytest.raises(ValueError):
            kernels.matches(bad, "政府", ["a", "b"])
    with pytest.raises(ValueError):  # values that are not one a key
        kernels.matches(table, "政府", ["a"])
    with pytest.raises(ValueError):  # grouped by no values
        kernels.matches(table, "政府", None, True)


@needs_kernels
def test_the_compiled_misspelt_words_are_the_lean_loops(monkeypatch):
    """EX9501's candidates (kernels.halves) against Typos._candidates' Python loop: planted
    one-character slips in three- and four-character words, at the text's edges too."""
    from review.stages.expression import typos

    texts = [p.read_text(encoding="utf-8")
             for p in sorted((ROOT / "fixtures/prose").glob("*.txt"))]
    rng = random.Random(5)
    characters = [c for c in "".join(texts) if "\u4e00" <= c <= "\u9fff"]
    for _ in range(400):
        window = list(rng.choice(texts)[:2000])
        for _ in range(rng.randint(1, 30)):
            window[rng.randrange(len(window))] = rng.choice(characters)
        texts.append("".join(window[rng.randrange(100):]))
    texts += ["实事求事", "同舟共际", "事求是", "实", "", "𠀀实事求事𠀀"]
    lean, bulk = typos.build(), typos.build()
    bulk.warm()
    found = 0
    for text in texts:
        compiled_ones = list(bulk._candidates(text))
        assert compiled_ones == list(lean._candidates(text)), text[:40]
        found += len(compiled_ones)
    assert found > 20
    arrays = bulk._arrays
    with pytest.raises(ValueError):  # a half's number past the tables is refused
        kernels.halves("实事求事", [(1, len(arrays.first))], arrays.first, arrays.count,
                       arrays.offset, arrays.length, arrays.points, arrays.confusable)
    with pytest.raises(ValueError):
        kernels.halves("实事求事", [(1, 0)], arrays.first, arrays.count, arrays.offset[:-1],
                       arrays.length, arrays.points, arrays.confusable)


@needs_kernels
def test_words_are_found_where_str_find_finds_them(monkeypatch):
    from review.automaton import occurrences, present
    from review.stages.detectors import common

    rng = random.Random(7)
    anchors = ("住", "户主", "户籍", "家在", "家庭地址", "家:", "住", "户")
    for _ in range(200):
        text = "".join(rng.choice("住户主籍家在庭地址:。a𠀀") for _ in range(rng.randint(0, 80)))
        with_kernels = set(occurrences(text, anchors)), common.windows(text, anchors, 3, 2)
        found = present(text, anchors)
        monkeypatch.setattr(compiled, "kernels", None)
        assert (set(occurrences(text, anchors)),
                common.windows(text, anchors, 3, 2)) == with_kernels
        assert present(text, anchors) == found == {a for a in anchors if a in text}
        monkeypatch.setattr(compiled, "kernels", kernels)


@needs_kernels
def test_a_nested_table_finds_the_same_with_fewer_look_ups(scorer):
    """The trained vocabulary holds every n-gram's parts (a longer n-gram is in no more
    drafts than they are), so pairs are looked up only after their characters, triples after
    their pairs: the same features in the same order. A vocabulary that lacks a part is
    not nested, and is searched in full."""
    from review.model.lookup import NgramTable

    table = scorer._table
    assert kernels.nested(table.keys, table.values)
    for text in _texts():
        assert kernels.find(text, table.keys, table.values, nested=True) == \
            table.find(text), text[:40]
    terms = ["政", "府", "政府", "工", "作", "工作", "作报"]  # 报 alone is missing
    data = NgramTable.build(terms)
    small = NgramTable.of(data, len(terms))
    assert not kernels.nested(small.keys, small.values)
    whole = NgramTable.of(NgramTable.build([*terms, "报"]), len(terms) + 1)
    assert kernels.nested(whole.keys, whole.values)
    for text in ["政府工作报告", "工作报", "作报作报", ""]:
        assert kernels.find(text, whole.keys, whole.values, nested=True) == whole.find(text)
    texts = _texts()[:3000]
    columns, stride = scorer._columns
    args = (texts, table.keys, table.values, columns, stride, scorer.features,
            scorer.sublinear_tf, tuple(scorer.offsets))
    assert kernels.sums(*args, nested=True) == kernels.sums(*args)


@needs_kernels
def test_indexed_words_score_as_the_whole_lexicon(typo_lexicon):
    """`best` with each width's words indexed by their first character (Lexicon.warm) gives
    the same numbers as the search among all of them; an index that does not fit is refused,
    one of words not sorted by their first character is not made."""
    windows = _windows(random.Random(8), 3000) + ["𠀀政府", "政府𠀀", "\uffff\U00010000"]
    words, freqs = typo_lexicon._by_width
    indexes = tuple(None if w is None else kernels.word_index(w, width)
                    for width, w in enumerate(words, 1))
    assert all(index is not None for index in indexes)
    assert kernels.best(windows, words, freqs, typo_lexicon.log_total, indexes) == \
        kernels.best(windows, words, freqs, typo_lexicon.log_total)
    with pytest.raises(ValueError):
        kernels.best(windows, words, freqs, typo_lexicon.log_total, indexes[:3])
    with pytest.raises(ValueError):
        kernels.best(windows, words, freqs, typo_lexicon.log_total,
                     (indexes[0][:-4], *indexes[1:]))
    assert kernels.word_index("甲乙", 1) is None  # 甲 comes after 乙
    assert kernels.word_index("乙甲", 1) is not None
    assert kernels.word_index("乙甲\U00020001\U00020000", 1) is None
    # a damaged index reads no further than the words
    wild = (b"\xff" * len(indexes[0]), *indexes[1:])
    with pytest.raises(ValueError):
        kernels.best(windows, words, freqs, typo_lexicon.log_total, wild)


@needs_kernels
def test_the_compiled_sentences_are_the_pythons(monkeypatch):
    """Co-occurrence's walk over its matches: each sentence's classes, each match's
    sentence and the matches that hold a cue, as the Python gathers them, over the fixtures
    and the corpus (sentences of many classes, cues among them)."""
    from review.config import Config
    from review.pipeline import Pipeline
    from review.stages.stance import sentence_ends

    stage = next(s for s in Pipeline(Config()).stages if s.name == "cooccurrence")
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").rglob("*.txt"))]
    _, sentences = corpus.read(corpus.default_files())
    texts += ["。".join(sentences[k:k + 40]) for k in range(0, len(sentences), 40)]
    walked = 0
    for text in texts:
        found = list(stage.automaton.iter(text))
        ends = sentence_ends(text)
        got = stage._sentences(found, ends)
        monkeypatch.setattr(compiled, "kernels", None)
        assert stage._sentences(found, ends) == got, text[:40]
        monkeypatch.setattr(compiled, "kernels", kernels)
        walked += len(got[1]) + len(got[2])
    assert walked > 1000
    with pytest.raises(TypeError):
        kernels.sentences([(3, ())], [], stage._payloads)
