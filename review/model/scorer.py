"""Serving the classifier without scikit-learn: character n-gram TF-IDF and a multinomial
logistic regression, read from a JSON header (classes, settings, vocabulary) and a raw
little-endian float64 file (idf, coefficients, intercepts). Nothing in a model is unpickled,
so a model file can carry no code. A draft's few sentences are scored in plain Python, so an
editor's every `review check` imports nothing heavy; a long document or a corpus is scored
with NumPy arrays, whose import then pays for itself.

The vocabulary's n-grams are found by an Aho-Corasick automaton (cached like the lexicons'):
one C pass yields every occurrence of every known n-gram, so the n-grams that the model never
saw are neither built nor looked up."""

from __future__ import annotations

import hashlib
import json
import math
import sys
from array import array
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain, compress, repeat
from operator import gt, itemgetter, mul, sub
from pathlib import Path

import ahocorasick

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
        # Precomputed once so that a sentence is scored by C-level `map`/`sum` over its
        # distinct n-grams, with no Python loop per n-gram. Softmax does not change when one
        # logit is subtracted from all, so only the other classes are summed, against the
        # first: idf·(coef_k − coef_0); and idf² for the L2 norm.
        first = self.coef[0]
        self._rows = [list(map(mul, self.idf, map(sub, row, first))) for row in self.coef[1:]]
        self._offsets = [b - self.intercept[0] for b in self.intercept[1:]]
        self._idf_squared = list(map(mul, self.idf, self.idf))
        self._extra: list[float] = [0.0, 0.0]  # by count; see _grow
        self._extra_squared: list[float] = [0.0, 0.0]
        self._arrays: tuple | None = None  # the tables as NumPy arrays, for _together
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

    def _grow(self, count: int) -> None:
        """Extend the tables of what a count adds over counting once — factor − 1 and
        factor² − 1, where the factor is 1 + ln(count) when sublinear, else the count."""
        while len(self._extra) <= count:
            c = len(self._extra)
            factor = 1.0 + math.log(c) if self.sublinear_tf else float(c)
            self._extra.append(factor - 1.0)
            self._extra_squared.append(factor * factor - 1.0)

    def probabilities(self, texts: list[str]) -> list[list[float]]:
        """Class probabilities (in the order of `classes`) for each prepared text: TF-IDF of
        character n-grams as scikit-learn's TfidfVectorizer(analyzer="char", lowercase=False)
        computes it, L2-normalised, then softmax of the linear scores. Prepared texts have no
        runs of whitespace, which the vectorizer would first collapse."""
        if len(texts) >= BATCH:
            return self._together(texts)
        return self._one_by_one(texts)

    def _one_by_one(self, texts: list[str]) -> list[list[float]]:
        rows, idf_squared, find = self._rows, self._idf_squared, self._automaton.iter
        feature = itemgetter(1)
        out = []
        for text in texts:
            found = list(map(feature, find(text)))  # every known n-gram, each time it occurs
            counts = Counter(found)
            # Every distinct n-gram counted once (factor 1) …
            square = sum(map(idf_squared.__getitem__, counts))
            sums = [sum(map(row.__getitem__, counts)) for row in rows]
            if len(found) > len(counts):
                # … then the n-grams that occur more than once corrected to their factor.
                values = list(counts.values())
                repeated = list(map(gt, values, repeat(1)))
                index, count = list(compress(counts, repeated)), list(compress(values, repeated))
                self._grow(max(count))
                extra = list(map(self._extra.__getitem__, count))
                square += sum(map(mul, map(idf_squared.__getitem__, index),
                                  map(self._extra_squared.__getitem__, count)))
                sums = [s + sum(map(mul, map(row.__getitem__, index), extra))
                        for s, row in zip(sums, rows, strict=True)]
            norm = math.sqrt(square) or 1.0
            logits = [0.0, *(s / norm + b for s, b in zip(sums, self._offsets, strict=True))]
            top = max(logits)
            exp = [math.exp(z - top) for z in logits]
            total_exp = math.fsum(exp)
            out.append([e / total_exp for e in exp])
        return out

    def warm(self) -> None:
        """Load what scoring long documents needs (NumPy, the tables as arrays) now: before
        `review check --jobs N` forks its workers, so that they share it."""
        if self._arrays is None:
            import numpy as np

            self._arrays = (np.array(self._rows), np.array(self._offsets),
                            np.array(self._idf_squared))

    def _together(self, texts: list[str]) -> list[list[float]]:
        """The texts scored together: one automaton pass over them joined by a character no
        n-gram holds, then array sums per text, with no Python step per n-gram or per text."""
        import numpy as np

        self.warm()
        rows, offsets, idf_squared = self._arrays
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
        square = np.bincount(owner, idf_squared[features] * factor * factor, minlength=m)
        sums = np.stack([np.bincount(owner, row[features] * factor, minlength=m)
                         for row in rows]) if len(rows) else np.zeros((0, m))
        norm = np.sqrt(square)
        norm[norm == 0] = 1.0
        logits = np.vstack([np.zeros(m), sums / norm + offsets[:, None]])
        exp = np.exp(logits - logits.max(axis=0))
        return (exp / exp.sum(axis=0)).T.tolist()


# From this many sentences on, arrays are quicker than plain Python, import included.
BATCH = 64
# Joins the texts scored together: no vocabulary n-gram holds it (prepared texts never do).
_SEPARATOR = "\x00"
