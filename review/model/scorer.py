"""Serving the classifier without scikit-learn or NumPy: character n-gram TF-IDF and a
multinomial logistic regression, read from a JSON header (classes, settings, vocabulary) and a
raw little-endian float64 file (idf, coefficients, intercepts). Nothing is unpickled, so a
model file can carry no code; and nothing heavy is imported, so an editor's every
`review check` stays quick."""

from __future__ import annotations

import hashlib
import json
import math
import sys
from array import array
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from review.errors import ConfigError

FORMAT = "review-char-tfidf-logreg"
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
    vocabulary: dict[str, int]
    idf: array                  # (features,)
    coef: list[array]           # one row of (features,) per class
    intercept: list[float]
    ngram_range: tuple[int, int]
    sublinear_tf: bool

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
        if header.get("format") != FORMAT or header.get("format_version") != FORMAT_VERSION:
            raise ConfigError(
                f"{header_path}: unknown model format {header.get('format')!r} version "
                f"{header.get('format_version')!r}; this review reads {FORMAT} version "
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
        if len(values) != n * (k + 1) + k:
            raise ConfigError(f"{weights_path}: the weights do not fit the vocabulary")
        idf = values[:n]
        coef = [values[n * (c + 1):n * (c + 2)] for c in range(k)]
        intercept = list(values[n * (k + 1):])
        return cls(classes, {t: i for i, t in enumerate(terms)}, idf, coef, intercept,
                   tuple(header["ngram_range"]), bool(header["sublinear_tf"]))

    def _ngrams(self, text: str) -> Counter:
        """Every character n-gram of the text with its count (zip/map/Counter run in C)."""
        low, high = self.ngram_range
        counts: Counter = Counter()
        for n in range(low, high + 1):
            if n == 1:
                counts.update(text)
            else:
                counts.update(map("".join, zip(*(text[k:] for k in range(n)), strict=False)))
        return counts

    def probabilities(self, texts: list[str]) -> list[list[float]]:
        """Class probabilities (in the order of `classes`) for each prepared text: TF-IDF of
        character n-grams as scikit-learn's TfidfVectorizer(analyzer="char", lowercase=False)
        computes it, L2-normalised, then softmax of the linear scores."""
        vocabulary, idf, coef, log = self.vocabulary, self.idf, self.coef, math.log
        classes = range(len(self.classes))
        out = []
        for text in texts:
            sums = [0.0] * len(classes)
            square = 0.0
            for gram, count in self._ngrams(text).items():
                index = vocabulary.get(gram)
                if index is None:
                    continue
                value = ((log(count) + 1.0) if self.sublinear_tf else count) * idf[index]
                square += value * value
                for k in classes:
                    sums[k] += value * coef[k][index]
            norm = math.sqrt(square) or 1.0
            logits = [total / norm + b for total, b in zip(sums, self.intercept, strict=True)]
            top = max(logits)
            exp = [math.exp(z - top) for z in logits]
            total = math.fsum(exp)
            out.append([e / total for e in exp])
        return out
