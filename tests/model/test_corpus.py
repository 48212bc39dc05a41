import pytest

from review.errors import ConfigError
from review.model import corpus


def test_the_project_corpus_is_large_and_balanced_enough():
    labels, texts = corpus.read(corpus.default_files())
    for label in corpus.LABELS:
        assert labels.count(label) >= 1500, label
    assert len(labels) >= 20000
    assert len(set(texts)) == len(texts)


def test_half_of_the_neutral_class_are_hard_negatives():
    """Police and court reports, warnings that quote the criminals' words, debunks, official
    bulletins …: the files named neutral_hard_*.tsv (README "The classifier")."""
    hard = [p for p in corpus.default_files() if p.name.startswith("neutral_hard_")]
    hard_labels, _ = corpus.read(hard)
    labels, _ = corpus.read(corpus.default_files())
    assert set(hard_labels) == {"neutral"}
    assert len(hard_labels) >= labels.count("neutral") / 2


def test_a_bad_line_names_the_file_and_line(tmp_path):
    path = tmp_path / "ours.tsv"
    path.write_text("ads\t限时特价\nspam 没有制表符\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"ours.tsv:2"):
        corpus.read([path])
