"""Retraining with an organisation's own examples (`review model train --data FILE`), and the
gate that keeps a worse model out.

Before and after are compared on the held-out part of the project's corpus — the same
stratified 20% as every model card's figures (train.holdout_split) — which none of the
organisation's examples ever joins, so what they do to the classes everyone relies on is
measured, not assumed:

- before: the model in use. It learnt from the whole corpus, held-out part included, so it is
  not scored on that part again (it would look perfect); its card's held-out figures are those
  of the same training without the held-out part, and are used when they were measured on
  this very split. Otherwise (no card, a card of another corpus) the corpus alone is fitted
  again without the held-out part, and the report says that "before" is that model.
- after: the corpus without the held-out part plus the organisation's examples, less a fifth
  of them held out for figures on the organisation's own decisions.

The new model is written only when no class's recall, and not the macro-F1, drops by more
than TOLERANCE; it is then fitted on everything (corpus and every example given) and replaces
the model directory in one rename (train.staged)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sklearn.model_selection import train_test_split

from review.errors import ReviewError
from review.model import corpus, train
from review.model.text import prepare

TOLERANCE = 0.01
# Fewer of the organisation's examples than this are all trained on: a fifth of a handful
# would give figures that say nothing and take examples the model needs.
LEAST_FOR_HOLDOUT = 10

Progress = Callable[..., None]  # progress(key, **values): a message of review.model.messages


@dataclass
class Outcome:
    """What a retraining found and did; `report()` is its JSON form, also kept in the card."""

    holdout: dict               # size, before_from ("card" or "refit"), before, after, delta
    organisation: dict          # size (0: none held out), before (None: no model in use), …
    extra_data: list[dict]      # per file given: name, sha256, examples, class counts
    left_out: int               # examples that repeat a held-out sentence with its label
    worse: list[dict] = field(default_factory=list)  # what dropped by more than TOLERANCE
    written: bool = False
    forced: bool = False
    model: str = ""             # the directory written (or that would have been)

    def report(self) -> dict:
        return {"holdout": self.holdout, "organisation": self.organisation,
                "extra_data": self.extra_data, "left_out": self.left_out,
                "gate": {"tolerance": TOLERANCE, "passed": not self.worse, "worse": self.worse},
                "written": self.written, "forced": self.forced, "model": self.model}


def summary(figures: dict) -> dict:
    """Per class precision, recall, F1 and support, with the macro-F1 over the classes the
    part holds (the organisation's part may lack some: a class it never names has no F1)."""
    per_class = {c: {k: figures["per_class"][c][k] for k in ("precision", "recall", "f1",
                                                               "support")}
                 for c in sorted(figures["per_class"])}
    present = [row["f1"] for row in per_class.values() if row["support"]]
    return {"per_class": per_class,
            "macro_f1": round(sum(present) / len(present), 4) if present else 0.0,
            "accuracy": figures.get("accuracy", 0.0)}


def delta(before: dict | None, after: dict) -> dict | None:
    if before is None:
        return None
    both = [c for c in after["per_class"] if c in before["per_class"]]
    return {"per_class": {c: {k: round(after["per_class"][c][k] - before["per_class"][c][k], 4)
                              for k in ("precision", "recall", "f1")} for c in both},
            "macro_f1": round(after["macro_f1"] - before["macro_f1"], 4)}


def worse(before: dict, after: dict, tolerance: float = TOLERANCE) -> list[dict]:
    """Every gated figure that dropped by more than `tolerance`, the largest drop first. A
    drop is compared after rounding to the card's four places, so 0.01 exactly passes."""
    found = []
    if round(before["macro_f1"] - after["macro_f1"], 4) > tolerance:
        found.append({"metric": "macro_f1", "class": None, "before": before["macro_f1"],
                      "after": after["macro_f1"],
                      "change": round(after["macro_f1"] - before["macro_f1"], 4)})
    for label, row in before["per_class"].items():
        new = after["per_class"].get(label)
        if new is None or not row["support"]:
            continue
        if round(row["recall"] - new["recall"], 4) > tolerance:
            found.append({"metric": "recall", "class": label, "before": row["recall"],
                          "after": new["recall"],
                          "change": round(new["recall"] - row["recall"], 4)})
    return sorted(found, key=lambda w: w["change"])


def read_card(directory: Path) -> dict:
    import json

    try:
        card = json.loads((directory / train.CARD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # no card, or one that cannot be read: "before" is then fitted again
    return card if isinstance(card, dict) else {}


def organisation_split(labels: list[str], texts: list[str]) -> tuple[list[str], list[str],
                                                                      list[str], list[str]]:
    """(train_labels, train_texts, test_labels, test_texts) of the organisation's examples,
    stratified like the corpus where every label has two examples, plainly shuffled (with
    the same seed) where not: a feedback export may name a class once."""
    if len(labels) < LEAST_FOR_HOLDOUT:
        return labels, texts, [], []
    try:
        train_x, test_x, train_y, test_y = train_test_split(
            texts, labels, test_size=train.HOLDOUT, random_state=train.SEED, stratify=labels)
    except ValueError:
        train_x, test_x, train_y, test_y = train_test_split(
            texts, labels, test_size=train.HOLDOUT, random_state=train.SEED)
    return train_y, train_x, test_y, test_x


def before_on_organisation(in_use: Path, labels: list[str], texts: list[str]) -> dict | None:
    """The model in use on the organisation's held-out examples, scored as `review check`
    scores (the exported weights); None when there is no model to load."""
    from review.model import evaluate
    from review.model.scorer import Scorer

    try:
        scorer = Scorer.load(in_use)
    except ReviewError:
        return None
    return summary(evaluate.metrics(scorer, labels, texts))


def run(project: list[Path], extra: list[Path], in_use: Path, out: Path, *, force: bool,
        progress: Progress = lambda key, **values: None,
        finish: Callable[[Path, dict], None] | None = None) -> Outcome:
    """Retrain on `project` (the corpus files, whose held-out part gates) plus `extra` (the
    organisation's files), compare with the model in `in_use`, and write to `out` unless the
    new model is worse there and not `force`. The files are parameters so that tests can give
    a slice of the corpus and a model trained on it, and so measure the real thing quickly."""
    extra_labels, extra_texts = corpus.read_extra(extra)
    out = train.replaceable(out)  # refused now, not after minutes of training
    labels, texts = corpus.read(project)
    train_y, train_x, test_y, test_x = train.holdout_split(labels, texts)
    split = train.split_of(project)

    # The organisation's examples, each once (an export repeats a sentence decided twice).
    pairs = list(dict.fromkeys(zip(extra_labels, extra_texts, strict=True)))
    org_labels, org_texts = [p[0] for p in pairs], [p[1] for p in pairs]
    org_train_y, org_train_x, org_test_y, org_test_x = organisation_split(org_labels, org_texts)
    # An example that is a held-out sentence with the same label would let the new model see
    # the test; with another label it contradicts the corpus, and the gate should feel that.
    held = set(zip(test_y, map(prepare, test_x), strict=True))
    kept = [(y, x) for y, x in zip(org_train_y, org_train_x, strict=True)
            if (y, prepare(x)) not in held]
    left_out = len(org_train_y) - len(kept)

    card = read_card(in_use)
    if train.card_split(card) == split:
        before, before_from = summary(card["holdout"]), "card"
    else:
        progress("retrain_baseline", model=in_use)
        before = summary(train.metrics(train.fit(train_y, train_x), test_y, test_x))
        before_from = "refit"

    progress("retrain_fitting", corpus=len(train_y), extra=len(kept), holdout=len(test_y))
    pipeline = train.fit(train_y + [y for y, _ in kept], train_x + [x for _, x in kept])
    after_full = train.metrics(pipeline, test_y, test_x)
    after = summary(after_full)
    org: dict = {"size": len(org_test_y), "examples": len(org_labels),
                 "least": LEAST_FOR_HOLDOUT, "before": None, "after": None, "delta": None}
    if org_test_y:
        org["before"] = before_on_organisation(in_use, org_test_y, org_test_x)
        org["after"] = summary(train.metrics(pipeline, org_test_y, org_test_x))
        org["delta"] = delta(org["before"], org["after"])

    outcome = Outcome(
        holdout={"share": train.HOLDOUT, "size": len(test_y), "before_from": before_from,
                 "before_model": str(in_use), "before": before, "after": after,
                 "delta": delta(before, after)},
        organisation=org,
        extra_data=[_described(p) for p in extra],
        left_out=left_out, worse=worse(before, after), model=str(out))
    if outcome.worse and not force:
        return outcome

    everything_y, everything_x = labels + org_labels, texts + org_texts
    progress("retrain_final", total=len(everything_y))
    final = train.fit(everything_y, everything_x)
    outcome.written, outcome.forced = True, bool(outcome.worse)
    files = [*project, *extra]
    model_card = train.card_of(files, everything_y, {"split": split, **after_full})
    model_card["extra_data"] = outcome.extra_data
    model_card["retraining"] = {k: v for k, v in outcome.report().items()
                                if k not in ("extra_data", "model")}
    with train.staged(out) as directory:
        train.export(final, directory, model_card)
        if finish is not None:
            finish(directory, model_card)
    return outcome


def _described(path: Path) -> dict:
    labels, _ = corpus.read([path])
    return {"file": path.name, "sha256": corpus.sha256(path), "examples": len(labels),
            "class_counts": {c: labels.count(c) for c in corpus.LABELS if c in labels}}


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.4f}"


def _change(value: float) -> str:
    return f"{value:+.4f}"


def _compared(before: dict | None, after: dict, lang: str) -> list[str]:
    """Per class precision, recall and F1 as `before → after (change)`, then the macro-F1; a
    class the part holds no example of is left out (an office's decisions name a few)."""
    from review.columns import table
    from review.i18n import Msg

    def cell(label: str | None, metric: str) -> str:
        new = after["per_class"][label][metric] if label else after[metric]
        old = None
        if before is not None:
            row = before["per_class"].get(label) if label else before
            old = row[metric] if row is not None else None
        text = f"{_figure(old)} → {_figure(new)}"
        return text if old is None else f"{text} ({_change(new - old)})"

    rows: list[list[str]] = [[Msg("retrain_class").say(lang), Msg("retrain_precision").say(lang),
                              Msg("retrain_recall").say(lang), "F1"]]
    for label, row in after["per_class"].items():
        if not row["support"]:
            continue
        rows.append([label, *(cell(label, m) for m in ("precision", "recall", "f1"))])
    rows.append([Msg("retrain_macro_f1").say(lang), "", "", cell(None, "macro_f1")])
    return ["  " + line for line in table(rows)]


def said_worse(found: list[dict], lang: str) -> str:
    """The figures that dropped, in one phrase: `ads recall 0.9333 → 0.8000 (-0.1333); …`."""
    from review.i18n import Msg

    parts = []
    for w in found:
        before, after, change = _figure(w["before"]), _figure(w["after"]), _change(w["change"])
        parts.append(Msg("retrain_worse_macro", before=before, after=after, change=change)
                     if w["class"] is None else
                     Msg("retrain_worse_class", label=w["class"], before=before, after=after,
                         change=change))
    text = parts[0].say(lang)
    for part in parts[1:]:
        text = Msg("retrain_list", first=text, rest=part).say(lang)
    return text


def lines(report: dict, lang: str) -> list[str]:
    """The text report: the corpus's held-out part, then the organisation's, before → after."""
    from review.i18n import Msg

    holdout, org = report["holdout"], report["organisation"]
    before = Msg("retrain_before_card", model=holdout["before_model"]) \
        if holdout["before_from"] == "card" else Msg("retrain_before_refit")
    out = [Msg("retrain_holdout_title", share=f"{holdout['share']:.0%}", size=holdout["size"],
               before=before).say(lang)]
    out += _compared(holdout["before"], holdout["after"], lang)
    if org["size"]:
        out.append(Msg("retrain_org_title", size=org["size"]).say(lang))
        if org["before"] is None:
            out.append("  " + Msg("retrain_not_used").say(lang))
        out += _compared(org["before"], org["after"], lang)
    else:
        out.append(Msg("retrain_org_none", size=org["examples"], least=org["least"]).say(lang))
    if report["left_out"]:
        out.append(Msg("retrain_left_out", count=report["left_out"]).say(lang))
    return out
