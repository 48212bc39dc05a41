"""Training and evaluation with scikit-learn (imported here only), and the export that the
scorer reads. Deterministic: a fixed seed, a fixed split, sorted inputs."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import platform
import secrets
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import confusion_matrix, precision_recall_fscore_support
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline

from review.config import CLASSIFIER_THRESHOLDS
from review.errors import ConfigError
from review.model import corpus
from review.model.evaluate import at_thresholds
from review.model.scorer import (
    FORMAT_VERSION,
    HEADER,
    MODEL_FILES,
    MODEL_FORMAT,
    VOCABULARY,
    WEIGHTS,
)
from review.model.text import prepare

SEED = 20261125
NGRAMS = (1, 3)
HOLDOUT = 0.2


def make_pipeline() -> Pipeline:
    return Pipeline([
        ("tfidf", TfidfVectorizer(analyzer="char", ngram_range=NGRAMS, lowercase=False,
                                  sublinear_tf=True, min_df=2, dtype=np.float64)),
        ("model", LogisticRegression(C=16.0, max_iter=3000, class_weight="balanced",
                                     random_state=SEED)),
    ])


def fit(labels: list[str], texts: list[str]) -> Pipeline:
    pipeline = make_pipeline()
    pipeline.fit([prepare(t) for t in texts], labels)
    return pipeline


def metrics(pipeline: Pipeline, labels: list[str], texts: list[str]) -> dict:
    prepared = [prepare(t) for t in texts]
    predicted = pipeline.predict(prepared)
    probabilities = pipeline.predict_proba(prepared).tolist()
    classes = list(pipeline.classes_)
    p, r, f, n = precision_recall_fscore_support(labels, predicted, labels=classes,
                                                 zero_division=0)
    return {
        "classes": classes,
        "per_class": {c: {"precision": round(float(p[i]), 4), "recall": round(float(r[i]), 4),
                          "f1": round(float(f[i]), 4), "support": int(n[i])}
                      for i, c in enumerate(classes)},
        "accuracy": round(float(np.mean(np.array(predicted) == np.array(labels))), 4),
        "confusion": confusion_matrix(labels, predicted, labels=classes).tolist(),
        "at_thresholds": at_thresholds(labels, probabilities, classes, CLASSIFIER_THRESHOLDS),
    }


def export(pipeline: Pipeline, out: Path, card: dict) -> None:
    """The header, the weights in the form the scorer uses (see review.model.scorer) and the
    vocabulary; computed here once so that no start of `review check` computes them."""
    vectorizer: TfidfVectorizer = pipeline.named_steps["tfidf"]
    model: LogisticRegression = pipeline.named_steps["model"]
    terms = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
    idf, coef, intercept = vectorizer.idf_, model.coef_, model.intercept_
    if len(model.classes_) == 2:  # scikit-learn keeps one row for two classes: class 1's
        coef, intercept = np.vstack([np.zeros_like(coef), coef]), np.hstack([0.0, intercept])
    rows = idf * (coef[1:] - coef[0])
    weights = np.concatenate([idf * idf, rows.ravel(), intercept[1:] - intercept[0]])
    data = weights.astype("<f8").tobytes()
    vocabulary = "\n".join(terms).encode("utf-8")
    out.mkdir(parents=True, exist_ok=True)
    (out / WEIGHTS).write_bytes(data)
    (out / VOCABULARY).write_bytes(vocabulary)
    header = {"format": MODEL_FORMAT, "format_version": FORMAT_VERSION,
              "classes": [str(c) for c in model.classes_], "ngram_range": list(NGRAMS),
              "sublinear_tf": True, "features": len(terms),
              "weights_sha256": hashlib.sha256(data).hexdigest(),
              "vocabulary_sha256": hashlib.sha256(vocabulary).hexdigest()}
    (out / HEADER).write_text(json.dumps(header, ensure_ascii=False, indent=1) + "\n",
                              encoding="utf-8")
    write_card(out, card)


CARD = "MODEL_CARD.json"


def holdout_split(labels: list[str], texts: list[str]) -> tuple[list[str], list[str],
                                                                 list[str], list[str]]:
    """(train_labels, train_texts, test_labels, test_texts): the stratified 20% every held-out
    figure of the project is measured on. One function, so that the model card's figures and a
    retraining's gate are always on the same sentences."""
    train_x, test_x, train_y, test_y = train_test_split(
        texts, labels, test_size=HOLDOUT, random_state=SEED, stratify=labels)
    return train_y, train_x, test_y, test_x


def split_of(files: list[Path]) -> dict:
    """What identifies the held-out part of these files: equal for two models exactly when
    their held-out figures were measured on the same sentences."""
    return {"data_sha256": corpus.digest(files), "seed": SEED, "share": HOLDOUT}


def card_split(card: dict) -> dict | None:
    """The held-out part a model card's figures were measured on. A card written by a
    retraining says so; one written by a plain training split all the data it names."""
    holdout = card.get("holdout")
    if not isinstance(holdout, dict) or not holdout.get("per_class"):
        return None
    if isinstance(holdout.get("split"), dict):
        return holdout["split"]
    return {"data_sha256": card.get("data_sha256"), "seed": card.get("seed"),
            "share": holdout.get("share")}


def card_of(files: list[Path], labels: list[str], holdout: dict) -> dict:
    return {
        "model": "character 1–3-gram TF-IDF (sublinear) → multinomial logistic regression",
        "trained": date.today().isoformat(),
        "data": [p.name for p in files], "data_sha256": corpus.digest(files),
        "class_counts": {c: labels.count(c) for c in corpus.LABELS}, "seed": SEED,
        "versions": {"python": platform.python_version(), "scikit-learn": sklearn.__version__,
                     "numpy": np.__version__},
        "holdout": {"share": HOLDOUT, **holdout},
    }


def train(files: list[Path], out: Path,
          finish: Callable[[Path, dict], None] | None = None) -> dict:
    """Hold out a stratified 20% to measure, then fit the shipped model on everything.
    `finish(directory, card)` may add to the model before it replaces `out` (see `staged`)."""
    labels, texts = corpus.read(files)
    train_y, train_x, test_y, test_x = holdout_split(labels, texts)
    holdout = metrics(fit(train_y, train_x), test_y, test_x)
    pipeline = fit(labels, texts)
    card = card_of(files, labels, holdout)
    with staged(out) as directory:
        export(pipeline, directory, card)
        if finish is not None:
            finish(directory, card)
    return card


def write_card(directory: Path, card: dict) -> None:
    (directory / CARD).write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n",
                                  encoding="utf-8")


def replaceable(out: Path) -> Path:
    """`out` as the directory a new model will replace, or an error before any training: the
    whole directory is swapped, so one holding anything but a model (`--out .`) is refused
    rather than moved away."""
    out = out.resolve()  # a link to the model directory: replace what it points to
    if out.exists() and not out.is_dir():
        raise ConfigError("model_dir_not_dir", path=out)
    if out.is_dir():
        foreign = sorted(p.name for p in out.iterdir() if p.name not in (*MODEL_FILES, CARD))
        if foreign:
            raise ConfigError("model_dir_foreign", path=out, names=", ".join(foreign[:5]))
    return out


@contextlib.contextmanager
def staged(out: Path) -> Iterator[Path]:
    """A new directory beside `out` to write a model into; when the block ends without an
    error it replaces `out`, else it is removed and `out` is as it was. A crash while writing
    leaves a hidden `.NAME.new-*` directory, never a half-written model where `review check`
    reads one: the header names the other files' checksums, so files replaced one by one
    would be a broken model in between."""
    out = replaceable(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    new = out.with_name(f".{out.name}.new-{secrets.token_hex(4)}")
    new.mkdir()  # the umask's mode, not mkdtemp's 0700: others read the model too
    try:
        if out.is_dir():
            new.chmod(out.stat().st_mode & 0o7777)
        yield new
        for path in new.iterdir():
            with open(path, "rb") as f:
                os.fsync(f.fileno())
        _swap(new, out)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise


def _swap(new: Path, out: Path) -> None:
    """Two renames in one directory: `out` is the old model or the new one, except for the
    moment between them, when it is absent and the old one is still whole beside it."""
    if not out.exists():
        os.rename(new, out)
    else:
        old = out.with_name(f".{out.name}.old-{secrets.token_hex(4)}")
        os.rename(out, old)
        try:
            os.rename(new, out)
        except OSError:
            os.rename(old, out)
            raise
        shutil.rmtree(old, ignore_errors=True)
    with contextlib.suppress(OSError):  # the renames themselves durable, where it can be asked
        fd = os.open(out.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
