"""Serving the classifier without scikit-learn: character n-gram TF-IDF and a multinomial
logistic regression, exported in the form scoring needs. Three files in a model directory:

- `classifier.json`: a small header (format, classes, settings, the number of features and
  the checksums of the other two files);
- `classifier.f64`: raw little-endian float64 — idf² (for the L2 norm), then for every class
  after the first its row idf·(coef_k − coef_0), then those classes' intercepts minus the
  first's. Softmax does not change when one logit is subtracted from all, so the first class
  needs no row, and a loaded model is used as read, with no table computed at start;
- `classifier.vocab`: the n-grams by feature index, one per line, read only when what finds
  them is not in the cache: a hash table mapped from the file for a draft
  (review.model.lookup), an Aho-Corasick automaton for a few more sentences, an index of
  NumPy arrays for many (review.model.ngrams).

Nothing in a model is unpickled, so a model file can carry no code. A draft's sentences are
scored with the compiled sums (review/_kernels.c) over the mapped hash table, where the
install built them; otherwise in plain Python, so an editor's every `review check` imports
nothing heavy, and a very long document, or a batch once the bulk path is chosen (`warm`),
with NumPy arrays, whose import then pays for itself."""

from __future__ import annotations

import functools
import math
import mmap
import os
import sys
from array import array
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import compress, repeat
from operator import gt, itemgetter, mul
from pathlib import Path
from typing import TYPE_CHECKING

import ahocorasick

from review import cache, compiled
from review.automaton import build_automaton, cache_path, cached_automaton
from review.digest import sha256
from review.errors import ConfigError
from review.model.flag import NEUTRAL, flagged_class, flagged_classes
from review.model.lookup import NgramTable

if TYPE_CHECKING:  # NumPy only on the bulk path
    import numpy as np


MODEL_FORMAT = "review-char-tfidf-logreg"
FORMAT_VERSION = 3
MODEL_NAME = "classifier"
HEADER, WEIGHTS, VOCABULARY = (f"{MODEL_NAME}.json", f"{MODEL_NAME}.f64", f"{MODEL_NAME}.vocab")
MODEL_FILES = (HEADER, WEIGHTS, VOCABULARY)


@functools.lru_cache(maxsize=1)
def default_dir() -> Path:
    """`models/` beside the package in a checkout; installed as `review/models` otherwise."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "models"
    return installed if installed.is_dir() else package.parent / "models"


def _picker(keys: list[int]) -> Callable[[Sequence[float]], Sequence[float]]:
    """The values at `keys`, in their order, from any sequence (itemgetter gives a lone value
    for one key and refuses none)."""
    if len(keys) > 1:
        return itemgetter(*keys)
    if keys:
        key = keys[0]
        return lambda values: (values[key],)
    return lambda values: ()


def read_floats(data: bytes) -> Sequence[float]:
    """Little-endian float64s, without a copy where the machine is little-endian: a model's
    megabytes are used as read."""
    if sys.byteorder == "little":
        return memoryview(data).cast("d")
    values = array("d")
    values.frombytes(data)
    values.byteswap()
    return values


def _mapped(path: Path) -> bytes | mmap.mmap:
    """The file's bytes, mapped rather than read: a draft's scoring touches a few thousand of
    the weights' rows, and the pages it does not touch are never read."""
    with open(path, "rb") as f:
        try:
            return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        except (ValueError, OSError):  # an empty file cannot be mapped
            return f.read()


def _header(path: Path) -> object:
    """The model's header (JSON), kept parsed in the cache by the hash of its bytes: json's
    import is 5.6M instructions of every check's start."""
    def parse() -> object:
        import json

        return json.loads(path.read_text(encoding="utf-8"))

    return cache.cached("model_header", [path], parse, _same, _same, plain=True)


def _same(value: object) -> object:
    return value


def _verified(path: Path, header: Path, data: bytes | mmap.mmap, expected: str) -> bool:
    """Whether the weights hash to what the header says. Hashing 15 MB at every start costs
    more than a draft's check, so a file once verified is remembered in the cache by its
    size, modification time and inode (a checksum guards against a damaged or mismatched
    file, not against someone who can write the model directory)."""
    stamp_path = cache.path_for("verified_weights", [header])
    state = os.stat(path)
    stamp = [state.st_size, state.st_mtime_ns, state.st_ino, expected]
    if stamp_path is not None:
        try:
            if cache.read_value(stamp_path) == stamp:
                cache.used(stamp_path)
                return True
        except (OSError, ValueError, EOFError, TypeError):
            pass
    if sha256(data).hexdigest() != expected:
        return False
    if stamp_path is not None:
        cache.write_value(stamp_path, stamp)
    return True


def read_vocabulary(path: Path, expected: str, size: int) -> list[str]:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ConfigError(f"{path}: cannot read the model vocabulary: {err}") from None
    if sha256(data).hexdigest() != expected:
        raise ConfigError(f"{path}: does not match {HEADER} (checksum)")
    terms = data.decode("utf-8").split("\n")
    if len(terms) != size:
        raise ConfigError(f"{path}: {len(terms)} n-grams, the header says {size}")
    return terms


class Scorer:
    """The sentence model's weights as the check scores with them. (A plain class: a
    dataclass's methods are compiled at every start, and nothing compares scorers.)"""

    def __init__(self, classes: list[str], features: int, idf_squared: Sequence[float],
                 rows: list[Sequence[float]], offsets: list[float], sublinear_tf: bool,
                 vocabulary: Callable[[], list[str]], automaton_file: Path | None = None,
                 index_file: Path | None = None, table_file: Path | None = None) -> None:
        self.classes = classes
        self.features = features          # the vocabulary's size
        self.idf_squared = idf_squared    # (features,)
        self.rows = rows                  # per class after the first: idf·(coef_k − coef_0)
        self.offsets = offsets            # per class after the first: intercept_k − intercept_0
        self.sublinear_tf = sublinear_tf
        self.vocabulary = vocabulary      # the n-grams, by feature index
        self.automaton_file = automaton_file  # the cached automaton
        self.index_file = index_file      # the cached NgramIndex
        self.table_file = table_file      # the cached NgramTable
        self._extra: list[float] = [0.0, 0.0]  # by count; see _grow
        self._extra_squared: list[float] = [0.0, 0.0]
        self._arrays: tuple | None = None  # the tables as NumPy arrays, for _together
        self._index = None  # the NgramIndex, for _together
        self._table_chars = 0  # characters scanned with the NgramTable so far
        # the weights as the compiled sums read them: (idf², *rows) and the stride between
        # one feature's value and the next's (1: the model's columns; `warm` interleaves)
        self._columns: tuple[tuple, int] = ((idf_squared, *rows), 1)
        # whether `find` may look a pair up only where its characters are known, a triple
        # where its pairs are (kernels.nested; checked once by `warm`, the bulk path's)
        self._nested = False

    @functools.cached_property
    def _automaton(self) -> ahocorasick.Automaton:
        """For a few sentences (a draft): a scan without NumPy."""
        return cached_automaton(self.automaton_file, lambda: build_automaton(
            ((term, i) for i, term in enumerate(self.vocabulary())), ahocorasick.STORE_INTS))

    @functools.cached_property
    def _table(self) -> NgramTable | None:
        """For a short text: the vocabulary's hash table, mapped from the cache (built and
        stored there the first time); None when caching is off."""
        if self.table_file is None:
            return None
        table = NgramTable.open(self.table_file, self.features)
        if table is None:
            data = NgramTable.build(self.vocabulary())
            if data is None:
                return None
            cache.store_file(self.table_file, lambda tmp: tmp.write_bytes(data))
            table = NgramTable.of(data, self.features)  # stored or not (a read-only cache)
        return table

    def _finder(self, texts: list[str]) -> Callable[[str], list[int]]:
        """What finds a text's n-grams: the hash table while few characters have been scored
        (loading the automaton costs more than they do), the automaton after."""
        size = sum(map(len, texts))
        if self._table_chars + size <= LEAN_CHARS and "_automaton" not in self.__dict__ \
                and (table := self._table) is not None:
            self._table_chars += size
            return table.find
        find, feature = self._automaton.iter, itemgetter(1)
        return lambda text: list(map(feature, find(text)))

    @classmethod
    def load(cls, directory: Path | None = None) -> Scorer:
        directory = directory or default_dir()
        header_path, weights_path = directory / HEADER, directory / WEIGHTS
        try:
            header = _header(header_path)
        except FileNotFoundError:
            raise ConfigError(f"{header_path}: no model here; run `review model train`") from None
        except (OSError, ValueError) as err:
            raise ConfigError(f"{header_path}: cannot read the model: {err}") from None
        if not isinstance(header, dict) or header.get("format") != MODEL_FORMAT \
                or header.get("format_version") != FORMAT_VERSION:
            found = header if isinstance(header, dict) else {}
            raise ConfigError(
                f"{header_path}: unknown model format {found.get('format')!r} version "
                f"{found.get('format_version')!r}; this review reads {MODEL_FORMAT} version "
                f"{FORMAT_VERSION} — retrain with `review model train`")
        try:
            data = _mapped(weights_path)
            classes, n = list(header["classes"]), int(header["features"])
            expected, vocabulary_sha = header["weights_sha256"], header["vocabulary_sha256"]
            sublinear = bool(header["sublinear_tf"])
        except (OSError, KeyError, TypeError, ValueError) as err:
            raise ConfigError(f"{weights_path}: cannot read the model weights: {err}") from None
        if not _verified(weights_path, header_path, data, expected):
            raise ConfigError(f"{weights_path}: does not match {header_path.name} (checksum)")
        k = len(classes)
        if n <= 0 or k < 2:
            raise ConfigError(f"{header_path}: the model has no vocabulary or too few classes")
        if len(data) != 8 * (n * k + k - 1):
            raise ConfigError(f"{weights_path}: the weights do not fit the vocabulary")
        values = read_floats(data)
        rows = [values[n * c:n * (c + 1)] for c in range(1, k)]
        vocabulary_path = directory / VOCABULARY
        return cls(classes, n, values[:n], rows, list(values[n * k:]), sublinear,
                   lambda: read_vocabulary(vocabulary_path, vocabulary_sha, n),
                   cache_path("vocabulary", [header_path]),
                   cache.path_for("ngram_index", [header_path]),
                   cache.path_for("ngram_table", [header_path]))

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
        if self._in_arrays(texts):
            return self._together(texts).tolist()
        return self._one_by_one(texts)

    def flags(self, texts: list[str], thresholds: dict[str, float]) -> list[str | None]:
        """flagged_class of each prepared text's probabilities: where they are scored in
        arrays or compiled, taken there, with no Python step per text."""
        if self._in_arrays(texts):
            return flagged_classes(self._together(texts), self.classes, thresholds)
        if self._compiled():
            roles = tuple(0 if label == NEUTRAL else 1 if label not in thresholds
                          or thresholds[label] > 1.0 else 2 for label in self.classes)
            limits = tuple(float(thresholds.get(label, 0.0)) if role == 2 else 0.0
                           for label, role in zip(self.classes, roles, strict=True))
            found = self._compiled_sums(texts, tuple(self.offsets), roles, limits)
            return [flagged_class(self._scored(text), self.classes, thresholds) if k is None
                    else self.classes[k] if k >= 0 else None
                    for k, text in zip(found, texts, strict=True)]
        return [flagged_class(row, self.classes, thresholds)
                for row in self._one_by_one(texts)]

    def _in_arrays(self, texts: list[str]) -> bool:
        if self._compiled():
            return False  # the compiled sums are quicker than the arrays at any size
        return len(texts) >= (BATCH if self._arrays is not None else BULK)

    def _compiled(self) -> bool:
        """Whether the compiled sums serve (review/_kernels.c): built, and the n-gram table
        in the cache (they read it)."""
        return compiled.kernels is not None and self._table is not None

    def _one_by_one(self, texts: list[str]) -> list[list[float]]:
        if self._compiled():  # review/_kernels.c: the same doubles as _softmax's
            rows = self._compiled_sums(texts, tuple(self.offsets))
            return [row if row is not None else self._scored(text)
                    for row, text in zip(rows, texts, strict=True)]
        return [self._softmax(*self._summed(found))
                for found in map(self._finder(texts), texts)]

    def _compiled_sums(self, texts: list[str], *then: tuple) -> list:
        """The compiled `sums` over the weights as laid out (`warm` interleaves them), with
        `then` its optional arguments (offsets: probabilities; roles and thresholds too:
        flags). None for a text whose values are not finite (a damaged model): `_scored`
        then says what is wrong, as the Python always has."""
        table = self._table
        columns, stride = self._columns
        return compiled.kernels.sums(texts, table.keys, table.values, columns, stride,
                                     self.features, self.sublinear_tf, *then,
                                     nested=self._nested)

    def _scored(self, text: str) -> list[float]:
        """One text's probabilities in Python."""
        return self._softmax(*self._summed(self._finder([text])(text)))

    def _softmax(self, square: float, sums: list[float]) -> list[float]:
        """Class probabilities from a text's sums: the L2 norm, the logits (the first class
        the reference at 0), softmax. The reference of the compiled `softmax`."""
        norm = math.sqrt(square) or 1.0
        logits = [0.0, *(s / norm + b for s, b in zip(sums, self.offsets, strict=True))]
        top = max(logits)
        exp = [math.exp(z - top) for z in logits]
        total_exp = math.fsum(exp)
        return [e / total_exp for e in exp]

    def _summed(self, found: list[int]) -> tuple[float, list[float]]:
        """For a text's n-grams (every known one, each time it occurs): the sum of their
        idf² and, per class row, of their weights, each with its count's factor — what the
        L2 norm and the logits are made of. The reference of review/_kernels.c's `sums`,
        which must add the same doubles in the same order."""
        rows, idf_squared = self.rows, self.idf_squared
        counts = Counter(found)
        # Every distinct n-gram counted once (factor 1) … (values picked by one
        # itemgetter per text: a third of the time of a map over __getitem__)
        pick = _picker(list(counts))
        square = sum(pick(idf_squared))
        sums = [sum(pick(row)) for row in rows]
        if len(found) > len(counts):
            # … then the n-grams that occur more than once corrected to their factor.
            values = list(counts.values())
            repeated = list(map(gt, values, repeat(1)))
            pick = _picker(list(compress(counts, repeated)))
            count = list(compress(values, repeated))
            self._grow(max(count))
            extra = list(map(self._extra.__getitem__, count))
            square += sum(map(mul, pick(idf_squared),
                              map(self._extra_squared.__getitem__, count)))
            sums = [s + sum(map(mul, pick(row), extra))
                    for s, row in zip(sums, rows, strict=True)]
        return square, sums

    def warm(self) -> None:
        """Load what scoring long documents needs (NumPy, the tables as arrays) now: before
        `review check --jobs N` forks its workers, so that they share it. The compiled
        sums need only the n-gram table, mapped."""
        if self._compiled():
            if self._columns[1] == 1:
                self._columns = _interleaved(self._columns[0], self.features)
                table = self._table
                self._nested = compiled.kernels.nested(table.keys, table.values)
            return
        if self._arrays is None:
            import numpy as np

            from review.model.ngrams import NgramIndex

            self._index = NgramIndex.cached(self.index_file, self.vocabulary)

            # By feature, one row of every class's weight and idf² last: a text's n-grams
            # gather contiguous rows, summed per text in one pass.
            columns = [np.frombuffer(row) for row in self.rows]
            self._arrays = (np.ascontiguousarray(np.column_stack(
                [*columns, np.frombuffer(self.idf_squared)])), np.array(self.offsets))

    def _together(self, texts: list[str]) -> np.ndarray:
        """The texts scored together: their n-grams found in one pass over them joined by a
        character no n-gram holds (review.model.ngrams), then array sums per text, with no
        Python step per n-gram or per text."""
        import numpy as np

        self.warm()
        table, offsets = self._arrays
        joined = _SEPARATOR.join(texts)
        ends, features = self._index.find(joined)
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        last = np.cumsum(lengths + 1) - 2  # where each text's last character is in `joined`
        owner = np.searchsorted(last, ends)
        n = self.features
        keys, counts = np.unique(owner * n + features, return_counts=True)
        owner, features = keys // n, keys % n
        factor = 1.0 + np.log(counts) if self.sublinear_tf else counts.astype(np.float64)
        m = len(texts)
        weights = table[features]               # (pairs, classes − 1 + 1)
        weights[:, :-1] *= factor[:, None]
        weights[:, -1] *= factor * factor
        totals = np.zeros((m, table.shape[1]))
        if len(owner):  # keys are sorted, so each text's pairs are one run
            starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
            totals[owner[starts]] = np.add.reduceat(weights, starts, axis=0)
        norm = np.sqrt(totals[:, -1])
        norm[norm == 0] = 1.0
        logits = np.hstack([np.zeros((m, 1)), totals[:, :-1] / norm[:, None] + offsets])
        exp = np.exp(logits - logits.max(axis=1, keepdims=True))
        return exp / exp.sum(axis=1, keepdims=True)


def _interleaved(columns: tuple, features: int) -> tuple[tuple, int]:
    """The columns interleaved, a feature's values side by side in one 64-byte line (the
    memory's unit) instead of one line per column: the sums of many drafts read a few
    thousand scattered features each, and were waiting on memory. 16 MB, built in some
    milliseconds, for the bulk path only (a lone draft reads too few features to repay it)."""
    import numpy as np

    width = 8  # doubles in a cache line
    if len(columns) > width:
        return columns, 1
    room = np.zeros(features * width + width)
    skip = (-room.ctypes.data % 64) // 8  # the first row at a line's start
    packed = room[skip:skip + features * width].reshape(features, width)
    for c, column in enumerate(columns):
        packed[:, c] = np.frombuffer(column, dtype=np.float64, count=features)
    flat = memoryview(packed.reshape(-1))
    return tuple(flat[c:] for c in range(len(columns))), width


# Where the compiled sums are built (review/_kernels.c) they serve every batch, and what
# follows chooses only among the Python ways. The two paths give the same probabilities
# (to 1e-14; tests compare them). Once the arrays
# are loaded (`warm`: the bulk path, for many drafts), they are quicker from this many
# sentences on;
BATCH = 64
# before that (the lean path: one draft), NumPy's import and the index's load (about 150 ms)
# pay for themselves only from about this many sentences (some 300 KB of prose), measured
# with benchmarks/pipeline.py (`lean_bulk`): 116 µs a sentence in plain Python, 40 µs in arrays.
BULK = 2000
# Below this many characters scored in a process, n-grams are found with the NgramTable (1.4 µs
# a character, nothing to load) rather than the automaton (0.8 µs, but 35–40 ms to load):
# measured on this repository's drafts, the two break even near 60,000.
LEAN_CHARS = 30_000
# Joins the texts scored together: no vocabulary n-gram holds it (prepared texts never do).
_SEPARATOR = "\x00"
