"""Serving the classifier without scikit-learn: character n-gram TF-IDF and a multinomial
logistic regression, read from a JSON header and an .npz of arrays. Nothing is unpickled
(`allow_pickle=False`), so a model file can carry no code."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from review.errors import ConfigError

FORMAT = "review-char-tfidf-logreg"
FORMAT_VERSION = 1
MODEL_NAME = "classifier"


def default_dir() -> Path:
    """`models/` beside the package in a checkout; installed as `review/models` otherwise."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "models"
    return installed if installed.is_dir() else package.parent / "models"


@dataclass
class Scorer:
    classes: list[str]
    vocabulary: dict[str, int]
    idf: np.ndarray          # (features,)
    coef: np.ndarray         # (classes, features)
    intercept: np.ndarray    # (classes,)
    ngram_range: tuple[int, int]
    sublinear_tf: bool

    @classmethod
    def load(cls, directory: Path | None = None) -> Scorer:
        directory = directory or default_dir()
        header_path = directory / f"{MODEL_NAME}.json"
        arrays_path = directory / f"{MODEL_NAME}.npz"
        try:
            header = json.loads(header_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{header_path}: no model here; run `review model train`") from None
        except (OSError, ValueError) as err:
            raise ConfigError(f"{header_path}: cannot read the model: {err}") from None
        if header.get("format") != FORMAT or header.get("format_version") != FORMAT_VERSION:
            raise ConfigError(
                f"{header_path}: unknown model format {header.get('format')!r} version "
                f"{header.get('format_version')!r}; this review reads {FORMAT} version "
                f"{FORMAT_VERSION} — retrain with `review model train`")
        try:
            with np.load(arrays_path, allow_pickle=False) as arrays:
                idf, coef, intercept = arrays["idf"], arrays["coef"], arrays["intercept"]
                vocabulary_text = str(arrays["vocabulary"])
        except (OSError, KeyError, ValueError) as err:
            raise ConfigError(f"{arrays_path}: cannot read the model arrays: {err}") from None
        terms = vocabulary_text.split("\n")
        if not (len(terms) == len(idf) == coef.shape[1]) or coef.shape[0] != len(header["classes"]):
            raise ConfigError(f"{arrays_path}: the arrays do not fit together")
        return cls(header["classes"], {t: i for i, t in enumerate(terms)}, idf, coef, intercept,
                   tuple(header["ngram_range"]), bool(header["sublinear_tf"]))

    def _features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Indices and L2-normalised TF-IDF values of a prepared text (as scikit-learn's
        TfidfVectorizer(analyzer="char") computes them)."""
        counts: dict[int, int] = {}
        low, high = self.ngram_range
        vocabulary = self.vocabulary
        for n in range(low, high + 1):
            for i in range(len(text) - n + 1):
                index = vocabulary.get(text[i:i + n])
                if index is not None:
                    counts[index] = counts.get(index, 0) + 1
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        indices = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        if self.sublinear_tf:
            tf = np.log(tf) + 1.0
        values = tf * self.idf[indices]
        norm = math.sqrt(float(values @ values))
        return indices, values / norm if norm else values

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """(len(texts), classes) class probabilities for prepared texts."""
        out = np.empty((len(texts), len(self.classes)))
        for row, text in enumerate(texts):
            indices, values = self._features(text)
            logits = self.coef[:, indices] @ values + self.intercept
            logits -= logits.max()
            exp = np.exp(logits)
            out[row] = exp / exp.sum()
        return out
