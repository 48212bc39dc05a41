"""The exported model: same probabilities as scikit-learn, safe loading, reproducible."""

import json

import numpy as np
import pytest

from review.errors import ConfigError
from review.model import corpus, train
from review.model.scorer import Scorer
from review.model.text import prepare


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A pipeline fitted on the project's corpus minus a held-out part, and its export."""
    labels, texts = corpus.read(corpus.default_files())
    holdout = texts[::10]
    keep = [i for i in range(len(texts)) if i % 10]
    pipeline = train.fit([labels[i] for i in keep], [texts[i] for i in keep])
    out = tmp_path_factory.mktemp("model")
    train.export(pipeline, out, {"test": True})
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


def test_a_missing_model_says_how_to_make_one(tmp_path):
    with pytest.raises(ConfigError, match="review model train"):
        Scorer.load(tmp_path)


def test_the_shipped_model_loads_and_knows_the_three_classes():
    scorer = Scorer.load()
    assert sorted(scorer.classes) == ["ads", "neutral", "opinion"]


def test_training_is_reproducible(tmp_path):
    files = corpus.default_files()
    train.train(files, tmp_path / "a")
    train.train(files, tmp_path / "b")
    for name in ("classifier.json", "classifier.f64"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    card = json.loads((tmp_path / "a" / "MODEL_CARD.json").read_text(encoding="utf-8"))
    assert card["data_sha256"] == corpus.digest(files)
    assert card["class_counts"]["neutral"] >= 1000


def test_numbers_and_masked_numbers_fold_to_one_placeholder():
    assert prepare("电话13812345678，138****5678，xxxx元") == "电话#,#,#元"
    assert prepare("Tel: 400-123") == "tel: #-#"
    assert "max" in prepare("max 价格")  # a word with an x stays a word


def test_the_cached_vocabulary_automaton_scores_as_a_fresh_one(trained, tmp_path, monkeypatch):
    _, fresh, holdout, out = trained
    prepared = [prepare(t) for t in holdout]
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path))
    first = Scorer.load(out)                  # builds and stores the automaton
    (cached,) = tmp_path.glob("vocabulary-*")
    assert Scorer.load(out).probabilities(prepared) == fresh.probabilities(prepared)
    cached.write_bytes(b"damaged")            # a damaged cache is built again, not trusted
    assert Scorer.load(out).probabilities(prepared) == first.probabilities(prepared)
    assert cached.read_bytes() != b"damaged"
