"""The exported model: same probabilities as scikit-learn, safe loading, reproducible."""

import json
import platform
from pathlib import Path

import numpy as np
import pytest

from review import compiled
from review.errors import ConfigError
from review.model import corpus
from review.model import scorer as scorer_module
from review.model.scorer import BATCH, Scorer, default_dir
from review.model.text import prepare

MODEL_FILES = ("classifier.json", "classifier.f64", "classifier.vocab")


def train():
    """review.model.train, imported by the tests that train: scikit-learn takes a second and a
    half to import, and every test process collects this file."""
    from review.model import train as training

    return training


@pytest.fixture
def python_sums(monkeypatch):
    """Without the compiled sums (review/_kernels.c), which would serve instead of what the
    test asks about (the automaton, the arrays)."""
    monkeypatch.setattr(compiled, "kernels", None)


@pytest.fixture(scope="module")
def trained(tmp_path_factory, full):
    """A pipeline fitted on a twentieth of the project's corpus (with --full, all of it but
    the held-out part), and its export."""
    labels, texts = corpus.read(corpus.default_files())
    holdout = texts[::10]
    keep = [i for i in range(len(texts)) if i % 10 and (full or i % 20 == 1)]
    pipeline = train().fit([labels[i] for i in keep], [texts[i] for i in keep])
    out = tmp_path_factory.mktemp("model")
    train().export(pipeline, out, {"test": True})
    return pipeline, Scorer.load(out), holdout, out


def test_exported_scorer_matches_scikit_learn(trained):
    pipeline, scorer, holdout, _ = trained
    prepared = [prepare(t) for t in holdout]
    expected = pipeline.predict_proba(prepared)
    assert list(pipeline.classes_) == scorer.classes
    assert np.abs(np.array(scorer.probabilities(prepared)) - expected).max() < 1e-6


def test_a_model_of_an_unknown_format_version_is_refused(trained, tmp_path):
    _, _, _, out = trained
    header = json.loads((out / "classifier.json").read_text(encoding="utf-8"))
    (tmp_path / "classifier.json").write_text(json.dumps({**header, "format_version": 99}),
                                              encoding="utf-8")
    (tmp_path / "classifier.f64").write_bytes((out / "classifier.f64").read_bytes())
    with pytest.raises(ConfigError, match="version 99"):
        Scorer.load(tmp_path)


def test_weights_that_do_not_match_the_header_are_refused(trained, tmp_path):
    _, _, _, out = trained
    (tmp_path / "classifier.json").write_bytes((out / "classifier.json").read_bytes())
    data = bytearray((out / "classifier.f64").read_bytes())
    data[100] ^= 1
    (tmp_path / "classifier.f64").write_bytes(bytes(data))
    with pytest.raises(ConfigError, match="checksum"):
        Scorer.load(tmp_path)


def test_a_vocabulary_that_does_not_match_the_header_is_refused(trained, tmp_path,
                                                               monkeypatch):
    """The n-grams are read only to build what finds them (the automaton for a draft, the
    array index for a long document); then they are checked too."""
    _, _, _, out = trained
    monkeypatch.setenv("REVIEW_NO_CACHE", "1")
    for name in MODEL_FILES:
        (tmp_path / name).write_bytes((out / name).read_bytes())
    vocabulary = (tmp_path / "classifier.vocab").read_bytes()
    (tmp_path / "classifier.vocab").write_bytes(vocabulary.replace(b"\n", b"\nx", 1))
    for texts in (["区政府发布通知"], ["区政府发布通知"] * BATCH):
        with pytest.raises(ConfigError, match="checksum"):
            scorer = Scorer.load(tmp_path)
            if len(texts) >= BATCH:
                scorer.warm()  # the bulk path's index
            scorer.probabilities(texts)


def test_the_weights_are_the_form_scoring_needs_and_nothing_is_computed_at_start(trained):
    """Only the classes after the first have rows (softmax is shift-invariant), so the file
    holds idf², k − 1 rows and k − 1 intercept differences."""
    _, scorer, _, out = trained
    k, n = len(scorer.classes), scorer.features
    assert (out / "classifier.f64").stat().st_size == 8 * (n * k + k - 1)
    assert len(scorer.rows) == k - 1 and len(scorer.offsets) == k - 1


def test_a_missing_model_says_how_to_make_one(tmp_path):
    with pytest.raises(ConfigError, match="review model train"):
        Scorer.load(tmp_path)


def test_the_shipped_model_loads_and_knows_every_class():
    scorer = Scorer.load()
    assert sorted(scorer.classes) == sorted(corpus.LABELS)


def corpus_sample(into: Path, step: int) -> list[Path]:
    """Every `step`-th line of each of the project's corpus files, under the same names."""
    into.mkdir()
    for source in corpus.default_files():
        lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
        (into / source.name).write_text("".join(lines[::step]), encoding="utf-8")
    return sorted(into.glob("*.tsv"))


def model_bytes(directory: Path) -> dict[str, bytes]:
    return {name: (directory / name).read_bytes() for name in MODEL_FILES}


@pytest.mark.slow
def test_training_is_reproducible(tmp_path, full):
    """Two trainings on the same data export the same bytes: on every 32nd line of the corpus
    by default (a model of some 1,800 n-grams, fitted in a fraction of a second), on all of it
    with --full."""
    files = corpus.default_files() if full else corpus_sample(tmp_path / "corpus", 32)
    labels, _ = corpus.read(files)
    train().train(files, tmp_path / "a")
    train().train(files, tmp_path / "b")
    assert model_bytes(tmp_path / "a") == model_bytes(tmp_path / "b")
    card = json.loads((tmp_path / "a" / "MODEL_CARD.json").read_text(encoding="utf-8"))
    assert card["data_sha256"] == corpus.digest(files)
    assert card["class_counts"] == {c: labels.count(c) for c in corpus.LABELS}


def test_the_shipped_model_card_describes_the_corpus_as_it_is():
    """A corpus edited without training the model again is caught here."""
    files = corpus.default_files()
    labels, _ = corpus.read(files)
    card = json.loads((default_dir() / "MODEL_CARD.json").read_text(encoding="utf-8"))
    assert card["data"] == [p.name for p in files]
    assert card["data_sha256"] == corpus.digest(files)
    assert card["class_counts"] == {c: labels.count(c) for c in corpus.LABELS}
    assert card["class_counts"]["neutral"] >= 1000


@pytest.mark.slow
def test_training_on_the_corpus_gives_the_shipped_model(tmp_path, full):
    """The shipped model is exactly what `review model train` makes of the corpus, with the
    versions of Python, scikit-learn and numpy its card names (other versions may round
    differently). Trains on the whole corpus, so only with --full."""
    if not full:
        pytest.skip("trains on the whole corpus: run with --full")
    card = json.loads((default_dir() / "MODEL_CARD.json").read_text(encoding="utf-8"))
    import sklearn

    here = {"python": platform.python_version(), "scikit-learn": sklearn.__version__,
            "numpy": np.__version__}
    if card["versions"] != here:
        pytest.skip(f"the model was trained with {card['versions']}, this is {here}")
    train().train(corpus.default_files(), tmp_path)
    assert model_bytes(tmp_path) == model_bytes(default_dir())


def test_numbers_and_masked_numbers_fold_to_one_placeholder():
    assert prepare("电话13812345678，138****5678，xxxx元") == "电话#,#,#元"
    assert prepare("Tel: 400-123") == "tel: #-#"
    assert "max" in prepare("max 价格")  # a word with an x stays a word


def test_the_cached_vocabulary_table_scores_as_a_fresh_one(trained, tmp_path, monkeypatch):
    _, fresh, holdout, out = trained
    prepared = [prepare(t) for t in holdout]
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path))
    prepared = prepared[:BATCH - 1]           # a draft's few sentences use the hash table
    first = Scorer.load(out)
    first.probabilities(prepared)             # builds and stores it
    (cached,) = tmp_path.glob("ngram_table-*")
    assert not list(tmp_path.glob("vocabulary-*"))  # the automaton is not even loaded
    assert Scorer.load(out).probabilities(prepared) == fresh.probabilities(prepared)
    # A damaged cache is built again, not trusted. Damaged as a new file: this process still
    # maps the old one, and cache files are only ever replaced (cache.store_file), never cut
    # short in place under a process that maps them (as the model's weights are not).
    cached.unlink()
    cached.write_bytes(b"damaged")
    assert Scorer.load(out).probabilities(prepared) == first.probabilities(prepared)
    assert cached.read_bytes() != b"damaged"


def test_a_table_that_cannot_be_stored_is_used_from_memory(trained, tmp_path, monkeypatch):
    from review import cache

    _, fresh, holdout, out = trained
    prepared = [prepare(t) for t in holdout][:BATCH - 1]
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(cache, "store_file", lambda path, write: None)  # a read-only cache
    scorer = Scorer.load(out)
    assert scorer.probabilities(prepared) == fresh.probabilities(prepared)
    assert scorer._table is not None and "_automaton" not in scorer.__dict__


def test_the_cached_vocabulary_automaton_scores_as_a_fresh_one(trained, tmp_path, monkeypatch,
                                                             python_sums):
    _, fresh, holdout, out = trained
    prepared = [prepare(t) for t in holdout]
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(scorer_module, "LEAN_CHARS", 0)  # past the table's few characters
    prepared = prepared[:BATCH - 1]
    first = Scorer.load(out)
    first.probabilities(prepared)             # builds and stores it
    (cached,) = tmp_path.glob("vocabulary-*")
    assert Scorer.load(out).probabilities(prepared) == fresh.probabilities(prepared)
    cached.write_bytes(b"damaged")            # a damaged cache is built again, not trusted
    assert Scorer.load(out).probabilities(prepared) == first.probabilities(prepared)
    assert cached.read_bytes() != b"damaged"


def test_the_hash_table_finds_exactly_what_the_automaton_finds(tmp_path, monkeypatch):
    """Every n-gram each time it occurs, in the automaton's order (by end, longest first):
    scores summed in that order are then the same to the last bit."""
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path))
    scorer = Scorer.load()
    _, texts = corpus.read(corpus.default_files())
    samples = ["", "a", "\U0001F600区政府😀发布", "\U0010ffff\x00\U0010ffff", *texts[::25]]
    table = scorer._table
    assert table is not None
    found = [table.find(text) for text in samples]
    expected = [[feature for _, feature in scorer._automaton.iter(text)] for text in samples]
    assert sum(map(len, expected)) > 10000
    assert found == expected


@pytest.mark.parametrize("pairs", ["bit table", "binary search"])
def test_the_array_index_finds_exactly_what_the_automaton_finds(pairs):
    """Every n-gram each time it occurs, at the same end: across the joining character, at a
    text's edges, beside characters no n-gram holds (emoji beyond the index's code points).
    Bigrams by either look-up: the bit table, or the binary search NumPy before 2.0 takes."""
    from review.model.ngrams import NgramIndex

    scorer = Scorer.load()
    index = NgramIndex.build(scorer.vocabulary())
    if pairs == "binary search":
        index._pairs = None
    _, texts = corpus.read(corpus.default_files())
    joined = "\x00".join(["", "a", "\U0001F600区政府😀发布", *map(prepare, texts[::50])])
    ends, features = index.find(joined)
    expected = sorted(scorer._automaton.iter(joined))
    assert len(expected) > 10000
    assert sorted(zip(ends.tolist(), features.tolist(), strict=True)) == expected
    for text in ("", "区", "\U0001F600"):
        ends, features = index.find(text)
        assert sorted(zip(ends.tolist(), features.tolist(), strict=True)) == sorted(
            scorer._automaton.iter(text))


def test_a_damaged_array_index_in_the_cache_is_built_again(tmp_path, monkeypatch, python_sums):
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path))
    batch = [prepare(t) for t in corpus.read(corpus.default_files())[1][:100]]
    def bulk() -> Scorer:
        scorer = Scorer.load()
        scorer.warm()
        return scorer

    expected = bulk().probabilities(batch)
    (cached,) = tmp_path.glob("ngram_index-*")
    data = bytearray(cached.read_bytes())
    data[len(data) // 2] ^= 0xFF              # one flipped byte inside an array
    cached.write_bytes(bytes(data))
    assert bulk().probabilities(batch) == expected
    assert cached.read_bytes() != bytes(data)


def test_a_long_batch_scored_with_arrays_matches_one_by_one_scoring(python_sums):
    """A draft is scored in plain Python, a batch on the bulk path with NumPy: the two must
    agree (an empty text and one with no known n-gram included)."""
    scorer = Scorer.load()
    labels, texts = corpus.read(corpus.default_files())
    prepared = ["", "qqqq", *(prepare(t) for t in texts[:300])]
    one_by_one = scorer._one_by_one(prepared)
    assert scorer.probabilities(prepared) == one_by_one  # the lean path, before `warm`
    together = scorer._together(prepared).tolist()
    assert np.abs(np.array(together) - np.array(one_by_one)).max() < 1e-9
    scorer.warm()
    assert scorer.probabilities(prepared) == together  # the bulk path


def test_warming_loads_the_arrays_that_long_documents_need(python_sums):
    from review.config import Config
    from review.pipeline import Pipeline

    pipeline = Pipeline(Config(stages=["classifier"]))
    scorer = pipeline.stages[0].scorer
    assert scorer._arrays is None  # an editor's check of a short draft never loads them
    pipeline.warm()
    assert scorer._arrays is not None


def test_weights_of_the_wrong_length_are_refused_in_one_line(trained, tmp_path):
    """A checksum that matches a truncated file (a hand-edited header) is still refused."""
    import hashlib

    _, _, _, out = trained
    for name in MODEL_FILES:
        (tmp_path / name).write_bytes((out / name).read_bytes())
    data = (out / "classifier.f64").read_bytes()[:-3]
    (tmp_path / "classifier.f64").write_bytes(data)
    header = json.loads((out / "classifier.json").read_text(encoding="utf-8"))
    header["weights_sha256"] = hashlib.sha256(data).hexdigest()
    (tmp_path / "classifier.json").write_text(json.dumps(header), encoding="utf-8")
    with pytest.raises(ConfigError, match="do not fit"):
        Scorer.load(tmp_path)


def test_sentences_prepared_together_are_prepared_as_one_by_one():
    """The stage prepares a document's sentences in one pass: numbers at a sentence's edge,
    spaces around it and an empty sentence come out as each would alone."""
    from review.model.text import prepare_folded, prepare_many
    from review.normalize import View, fold

    pieces = [fold(View.identity(t)).text for t in
              ("电话13812345678", " 价格 99元 ", "", "x", "第3条\t规定", "138****5678结束")]
    assert prepare_many(pieces) == [prepare_folded(p) for p in pieces]
