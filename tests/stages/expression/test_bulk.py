"""The typo detectors' bulk path in NumPy (review/stages/expression/bulk.py) computes in arrays
what the lean path computes a value at a time: the same slips, the same segmentation scores to
the bit, a pair-gain floor that lets through every candidate the exact one does, and the same
findings with typos planted in real prose. These are the arrays of an install without the
compiled loops, which serve both paths where they are built (tests/test_kernels.py): here
they are taken away."""

import random
from pathlib import Path

import pytest

from review import compiled
from review.config import Config
from review.document import Document
from review.pipeline import Pipeline
from review.stages.expression import context, context_data, typos
from review.stages.expression.bulk import ContextArrays, Segmenter

ROOT = Path(__file__).resolve().parents[3]
PROSE = (ROOT / "fixtures" / "prose" / "correct_government.txt").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _without_the_compiled_loops(monkeypatch):
    monkeypatch.setattr(compiled, "kernels", None)


@pytest.fixture(scope="module")
def tables():
    return context_data.build()


@pytest.fixture(scope="module")
def lexicon():
    return typos.build().lexicon


def _varied(rng: random.Random, count: int) -> list[str]:
    """Windows of the prose, half of them with characters swapped for others of the prose,
    and some the lean path treats specially (outside the BMP, not Chinese, one character)."""
    characters = [c for c in PROSE if "\u4e00" <= c <= "\u9fff"]
    windows = []
    for _ in range(count):
        at = rng.randrange(len(PROSE) - 12)
        window = PROSE[at:at + rng.randint(1, 11)]
        if rng.random() < 0.5:
            window = "".join(rng.choice(characters) if rng.random() < 0.25 else c
                             for c in window)
        windows.append(window)
    return windows + ["𠀀中国", "人民𠀀", "a", "中", "ABC工作"]


def test_segmentation_scores_are_the_lean_paths_to_the_bit(lexicon):
    windows = _varied(random.Random(7), 3000)
    assert Segmenter(lexicon).best_many(windows) == [lexicon.best(w) for w in windows]
    assert Segmenter(lexicon).best_many([]) == []


def test_the_same_slips(tables):
    arrays = ContextArrays(tables)
    for text in [PROSE, "各级工昨人员", "工昨", "工", "", "𠀀工昨𠀀辛闻"]:
        assert arrays.slip_starts(text) == tables.slip_starts(text), text[:20]


def test_the_floor_lets_through_every_candidate_the_exact_floor_does(tables, lexicon):
    detector = context.ContextTypos(lambda: lexicon)
    arrays = ContextArrays(tables)
    text = PROSE + "各级工昨人员要坚守岗位。举办辛闻发布会。"
    candidates = [(at, fixed) for start in tables.slip_starts(text)
                  for at, fixed, _ in detector.corrections(text, start)]
    assert len(candidates) > 200
    kept = arrays.over_floor(text, [a for a, _ in candidates], [f for _, f in candidates],
                             context._MIN_PAIR_GAIN).tolist()
    passing = [detector.features(text, at, fixed) is not None for at, fixed in candidates]
    assert all(k for k, p in zip(kept, passing, strict=True) if p)
    assert sum(passing) >= 2 and sum(kept) < len(candidates) / 2  # it does filter


def test_the_bulk_candidates_are_the_lean_ones_the_floor_lets_through(tables, lexicon):
    """The bulk path keeps its candidates in arrays up to the floor: the same tuples, in the
    same order, as the lean path's list filtered by over_floor."""
    lean, bulk = context.ContextTypos(lambda: lexicon), context.ContextTypos(lambda: lexicon)
    bulk.warm()
    rng = random.Random(3)
    texts = [PROSE, "各级工昨人员要坚守岗位。举办辛闻发布会。", "工昨", "工", "", "𠀀工昨𠀀辛闻"]
    texts += _varied(rng, 300)
    for text in texts:
        every = lean._candidates(text)
        kept = bulk._arrays.over_floor(text, [c[1] for c in every], [c[2] for c in every],
                                       context._MIN_PAIR_GAIN).tolist()
        expected = [c for c, k in zip(every, kept, strict=True) if k]
        assert bulk._candidates(text) == expected, text[:20]


def test_planted_typos_are_found_alike_on_both_paths():
    """Confusable characters planted in correct prose: whatever either path reports, the other
    reports too, with the same spans and fixes."""
    lean, bulk = Pipeline(Config()), Pipeline(Config())
    bulk.warm()
    rng = random.Random(11)
    slips = {"作": "昨", "新": "辛", "众": "蹲", "产": "单", "展": "辗", "建": "健", "设": "没"}
    sentences = [s + "。" for s in PROSE.split("。") if len(s) > 12]
    found = 0
    for sentence in sentences:
        planted = "".join(slips[c] if c in slips and rng.random() < 0.5 else c
                          for c in sentence)
        said = [[(f.rule, f.start, f.end, f.replacement) for f in p.check_text(planted).findings
                 if f.rule in ("EX9501", "EX9502")] for p in (lean, bulk)]
        assert said[0] == said[1], planted
        found += len(said[0])
    assert found >= 5


def test_a_draft_on_the_bulk_path_reads_as_on_the_lean_path(lexicon):
    detector = context.ContextTypos(lambda: lexicon)
    text = "全市各级工昨人员要坚守岗位。本周六上午在市民广场举办辛闻发布会。"
    lean = list(detector.detect(Document("d", text)))
    detector.warm()
    assert list(detector.detect(Document("d", text))) == lean and len(lean) == 2


def test_the_same_misspelt_words_as_the_lean_paths_loop():
    """EX9501's candidates: planted one-character slips in three- and four-character words,
    at the text's edges too."""
    lean, bulk = typos.build(), typos.build()
    bulk.warm()
    rng = random.Random(5)
    characters = [c for c in PROSE if "\u4e00" <= c <= "\u9fff"]
    texts = [PROSE, "实事求事", "同舟共际", "事求是", "实"]
    for _ in range(300):
        at = rng.randrange(len(PROSE) - 30)
        window = list(PROSE[at:at + 30])
        window[rng.randrange(30)] = rng.choice(characters)
        texts.append("".join(window))
    for text in texts:
        assert list(bulk._candidates(text)) == list(lean._candidates(text)), text
    assert list(lean._candidates("我们要坚持实事求事。")) == [(5, 9, "实事求是")]
