import pytest

from review.errors import ConfigError
from review.model import corpus


def test_the_project_corpus_is_large_and_balanced_enough():
    labels, texts = corpus.read(corpus.default_files())
    for label in corpus.LABELS:
        assert labels.count(label) >= 1000, label
    assert len(labels) >= 4000
    assert len(set(texts)) == len(texts)


def test_a_bad_line_names_the_file_and_line(tmp_path):
    path = tmp_path / "ours.tsv"
    path.write_text("ads\t限时特价\nspam 没有制表符\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"ours.tsv:2"):
        corpus.read([path])
