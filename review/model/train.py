"""Training and evaluation with scikit-learn (imported here only), and the export that the
scorer reads. Deterministic: a fixed seed, a fixed split, sorted inputs."""

from __future__ import annotations

import hashlib
import json
import platform
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
from review.model import corpus
from review.model.evaluate import at_thresholds
from review.model.scorer import FORMAT_VERSION, HEADER, MODEL_FORMAT, VOCABULARY, WEIGHTS
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
    (out / "MODEL_CARD.json").write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n",
                                         encoding="utf-8")


def train(files: list[Path], out: Path) -> dict:
    """Hold out a stratified 20% to measure, then fit the shipped model on everything."""
    labels, texts = corpus.read(files)
    train_x, test_x, train_y, test_y = train_test_split(
        texts, labels, test_size=HOLDOUT, random_state=SEED, stratify=labels)
    holdout = metrics(fit(train_y, train_x), test_y, test_x)
    pipeline = fit(labels, texts)
    counts = {c: labels.count(c) for c in corpus.LABELS}
    card = {
        "model": "character 1–3-gram TF-IDF (sublinear) → multinomial logistic regression",
        "trained": date.today().isoformat(),
        "data": [p.name for p in files], "data_sha256": corpus.digest(files),
        "class_counts": counts, "seed": SEED,
        "versions": {"python": platform.python_version(), "scikit-learn": sklearn.__version__,
                     "numpy": np.__version__},
        "holdout": {"share": HOLDOUT, **holdout},
    }
    export(pipeline, out, card)
    return card
