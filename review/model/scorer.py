"""Serving the classifier without scikit-learn: character n-gram TF-IDF and a multinomial
logistic regression, read from a JSON header (classes, settings, vocabulary) and a raw
little-endian float64 file (idf, coefficients, intercepts), scored with NumPy. Nothing in a
model is unpickled, so a model file can carry no code; scikit-learn is not imported, so an
editor's every `review check` stays quick.

The vocabulary's n-grams are found by an Aho-Corasick automaton (cached like the lexicons'):
one C pass yields every occurrence of every known n-gram, so the n-grams that the model never
saw are neither built nor looked up."""

from __future__ import annotations

import hashlib
import json
import sys
from array import array
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

import ahocorasick
import numpy as np

from review.automaton import build_automaton, cache_path, cached_automaton
from review.errors import ConfigError

MODEL_FORMAT = "review-char-tfidf-logreg"
FORMAT_VERSION = 2
MODEL_NAME = "classifier"


def default_dir() -> Path:
    """`models/` beside the package in a checkout; installed as `review/models` otherwise."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "models"
    return installed if installed.is_dir() else package.parent / "models"


def read_floats(data: bytes) -> array:
    values = array("d")
    values.frombytes(data)
    if sys.byteorder != "little":
        values.byteswap()
    return values


@dataclass
class Scorer:
    classes: list[str]
    terms: list[str]            # the vocabulary, by feature index
    idf: array                  # (features,)
    coef: list[array]           # one row of (features,) per class
    intercept: list[float]
    sublinear_tf: bool
    automaton_file: Path | None = field(default=None, repr=False)  # the cached automaton

    def __post_init__(self) -> None:
        # Softmax does not change when one logit is subtracted from all, so only the other
        # classes are scored, against the first: idf·(coef_k − coef_0); and idf² for the L2
        # norm.
        idf = np.frombuffer(self.idf, dtype=np.float64) if isinstance(self.idf, array) \
            else np.asarray(self.idf, dtype=np.float64)
        coef = np.array([np.asarray(row, dtype=np.float64) for row in self.coef])
        self._rows = (coef[1:] - coef[0]) * idf
        self._offsets = np.asarray(self.intercept[1:], dtype=np.float64) - self.intercept[0]
        self._idf_squared = idf * idf
        self._automaton = cached_automaton(self.automaton_file, lambda: build_automaton(
            ((term, i) for i, term in enumerate(self.terms)), ahocorasick.STORE_INTS))

    @classmethod
    def load(cls, directory: Path | None = None) -> Scorer:
        directory = directory or default_dir()
        header_path = directory / f"{MODEL_NAME}.json"
        weights_path = directory / f"{MODEL_NAME}.f64"
        try:
            header = json.loads(header_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{header_path}: no model here; run `review model train`") from None
        except (OSError, ValueError) as err:
            raise ConfigError(f"{header_path}: cannot read the model: {err}") from None
        if header.get("format") != MODEL_FORMAT or header.get("format_version") != FORMAT_VERSION:
            raise ConfigError(
                f"{header_path}: unknown model format {header.get('format')!r} version "
                f"{header.get('format_version')!r}; this review reads {MODEL_FORMAT} version "
                f"{FORMAT_VERSION} — retrain with `review model train`")
        try:
            data = weights_path.read_bytes()
            terms, classes = header["vocabulary"], header["classes"]
            expected = header["weights_sha256"]
        except (OSError, KeyError) as err:
            raise ConfigError(f"{weights_path}: cannot read the model weights: {err}") from None
        if hashlib.sha256(data).hexdigest() != expected:
            raise ConfigError(f"{weights_path}: does not match {header_path.name} (checksum)")
        n, k = len(terms), len(classes)
        values = read_floats(data)
        if not terms or not classes:
            raise ConfigError(f"{header_path}: the model has no vocabulary or no classes")
        if len(values) != n * (k + 1) + k:
            raise ConfigError(f"{weights_path}: the weights do not fit the vocabulary")
        idf = values[:n]
        coef = [values[n * (c + 1):n * (c + 2)] for c in range(k)]
        intercept = list(values[n * (k + 1):])
        return cls(classes, terms, idf, coef, intercept, bool(header["sublinear_tf"]),
                   cache_path("vocabulary", [header_path]))

    def probabilities(self, texts: list[str]) -> list[list[float]]:
        """Class probabilities (in the order of `classes`) for each prepared text: TF-IDF of
        character n-grams as scikit-learn's TfidfVectorizer(analyzer="char", lowercase=False)
        computes it, L2-normalised, then softmax of the linear scores. Prepared texts have no
        runs of whitespace, which the vectorizer would first collapse.

        The texts are scored together: one automaton pass over them joined by a character no
        n-gram holds, then array sums per text, with no Python step per n-gram or per text."""
        if not texts:
            return []
        joined = _SEPARATOR.join(texts)
        found = np.fromiter(chain.from_iterable(self._automaton.iter(joined)), dtype=np.int64)
        ends, features = found[0::2], found[1::2]
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        last = np.cumsum(lengths + 1) - 2  # where each text's last character is in `joined`
        owner = np.searchsorted(last, ends)
        n = len(self.terms)
        keys, counts = np.unique(owner * n + features, return_counts=True)
        owner, features = keys // n, keys % n
        factor = 1.0 + np.log(counts) if self.sublinear_tf else counts.astype(np.float64)
        m = len(texts)
        square = np.bincount(owner, self._idf_squared[features] * factor * factor, minlength=m)
        sums = np.stack([np.bincount(owner, row[features] * factor, minlength=m)
                         for row in self._rows]) if len(self._rows) else np.zeros((0, m))
        norm = np.sqrt(square)
        norm[norm == 0] = 1.0
        logits = np.vstack([np.zeros(m), sums / norm + self._offsets[:, None]])
        exp = np.exp(logits - logits.max(axis=0))
        return (exp / exp.sum(axis=0)).T.tolist()


# Joins the texts scored together: no vocabulary n-gram holds it (prepared texts never do).
_SEPARATOR = "\x00"
