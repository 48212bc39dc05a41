"""The typo tuning set (issue 17): the project's own correct sentences with one confusable
character put in, beside the same sentences untouched — where the unlisted-typo detectors
(EX9501, EX9502) are tuned, since SIGHAN and ../shared/datasets are for evaluation only.

The sentences are the `neutral` ones of fixtures/corpus/*.tsv (government-style prose written
for this project). They are split in two halves by a hash of the sentence: the *learning*
half is what the shipped context table (lexicons/expression/context.tsv, see
benchmarks/context_table.py) is counted from; the *tuning* half is what this set is made of,
so no figure here is measured on text the model has seen. Each tuning sentence gets one
substitution, seeded: a character that some common two-character word holds is replaced by
one read the same (pypinyin, tones ignored, any of its readings) — chosen in proportion to how
common it is, as an input method offers it — or, one time in four, by one of a similar shape
(`same_stroke.txt`). `python -m benchmarks typo_tuning` reports recall on the typo sentences
(a finding of EX95xx covers the changed character) and the share of untouched sentences given
any EX95xx finding."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from pathlib import Path

from benchmarks.common import ROOT, report

SEED = 17
SHAPE_SHARE = 0.25
CORPUS = ROOT / "fixtures" / "corpus"


def learning_half(sentence: str) -> bool:
    """Which half a sentence is in: fixed by its text, so both sides agree on it."""
    return hashlib.sha1(sentence.encode("utf-8")).digest()[0] % 2 == 0


def neutral_sentences(corpus: Path = CORPUS) -> Iterator[str]:
    for path in sorted(corpus.glob("*.tsv")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                label, _, text = line.rstrip("\n").partition("\t")
                if label == "neutral" and text:
                    yield text


def _cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


class Injector:
    """Confusable replacements weighted by how common a character is (jieba's dictionary)."""

    def __init__(self) -> None:
        from pypinyin import Style, pinyin

        from review.stages.expression import typos

        freq, _ = typos._read_dictionary(typos.jieba_dictionary())
        weight: dict[str, int] = {}
        for word, f in freq.items():
            for c in word:
                if _cjk(c):
                    weight[c] = weight.get(c, 0) + f
        self.weight = weight
        common = [c for c, w in weight.items() if w >= 500]
        by_sound: dict[str, set[str]] = {}
        self.sounds: dict[str, list[str]] = {}
        for c in common:
            readings = sorted(set(pinyin(c, style=Style.NORMAL, heteronym=True)[0]))
            self.sounds[c] = readings
            for reading in readings:
                by_sound.setdefault(reading, set()).add(c)
        self.by_sound = {k: sorted(v) for k, v in by_sound.items()}
        self.shape: dict[str, list[str]] = {}
        for line in typos.stroke_file().read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                group = line.split()
                for c in group:
                    self.shape[c] = sorted(set(group) - {c})
        self.word_chars = {c for word, f in freq.items() if len(word) == 2 and f >= 100
                           for c in word}

    def inject(self, sentence: str, rng: random.Random) -> tuple[str, int] | None:
        places = [i for i, c in enumerate(sentence) if c in self.sounds and c in self.word_chars]
        rng.shuffle(places)
        for i in places:
            c = sentence[i]
            if rng.random() < SHAPE_SHARE and self.shape.get(c):
                return sentence[:i] + rng.choice(self.shape[c]) + sentence[i + 1:], i
            pool = sorted({d for r in self.sounds[c] for d in self.by_sound[r]} - {c})
            if pool:
                weights = [self.weight[d] ** 0.75 for d in pool]
                wrong = rng.choices(pool, weights)[0]
                return sentence[:i] + wrong + sentence[i + 1:], i
        return None


def tuning_set(limit: int | None = None) -> tuple[list[tuple[str, int]], list[str]]:
    """(typo sentence, index of the changed character) pairs and the untouched sentences."""
    clean = [s for s in neutral_sentences() if not learning_half(s)][:limit]
    rng = random.Random(SEED)
    injector = Injector()
    typos = [made for s in clean if (made := injector.inject(s, rng)) is not None]
    return typos, clean


def run() -> dict:
    from review.config import Config
    from review.pipeline import Pipeline

    pipeline = Pipeline(Config())

    def spans(text: str) -> list[tuple[str, int, int]]:
        return [(f.rule, f.start, f.end) for f in pipeline.check_text(text).findings
                if f.rule.startswith("EX95")]

    typos, clean = tuning_set()
    by_rule = {"EX9501": 0, "EX9502": 0}
    found = 0
    for text, i in typos:
        rules = {rule for rule, a, b in spans(text) if a <= i < b}
        found += bool(rules)
        for rule in rules:
            by_rule[rule] = by_rule.get(rule, 0) + 1
    flagged = sum(bool(spans(text)) for text in clean)
    data = {"typo_sentences": len(typos), "detected": found, "clean_sentences": len(clean),
            "flagged": flagged, "detected_by_rule": by_rule}
    report("typo_tuning", [
        ("typo sentences detected (recall)", f"{found}/{len(typos)} = {found / len(typos):.3f}"),
        ("  … by rule", ", ".join(f"{rule} {n}" for rule, n in sorted(by_rule.items()))),
        ("clean sentences flagged", f"{flagged}/{len(clean)} = {flagged / len(clean):.4f}"),
        ("precision (one typo a sentence)",
         f"{found / max(1, found + flagged):.3f}"),
    ], data)
    return data


def slips(text: str) -> Iterator[tuple[int, list[float]]]:
    """(index of the character, the score's inputs) for each correction EX9502 weighs."""
    from review.stages.expression import context, typos

    detector = _detector(context, typos)
    seen = set()
    for start in detector.tables.slip_starts(text):
        for at, fixed, _ in detector.corrections(text, start):
            if (at, fixed) not in seen:
                seen.add((at, fixed))
                yield at, detector.features(text, at, fixed, floors=False)


_DETECTORS: list = []


def _detector(context, typos):
    if not _DETECTORS:
        found = typos.build()
        _DETECTORS.append(context.build(lambda: found.lexicon))
    return _DETECTORS[0]


def fit() -> None:
    """Fits EX9502's weights (logistic regression, scikit-learn) on the tuning set: the
    corrections of the changed character are the positives, every other correction weighed in a
    typo sentence or an untouched one a negative. Prints the weights and, by threshold, the
    share of typo sentences found and the untouched sentences flagged (before the guards)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    typo_set, clean = tuning_set()
    rows, labels, owner = [], [], []
    for n, (text, changed) in enumerate(typo_set):
        for at, values in slips(text):
            rows.append(values)
            labels.append(int(at == changed))
            owner.append(("typo", n))
    for n, text in enumerate(clean):
        for _, values in slips(text):
            rows.append(values)
            labels.append(0)
            owner.append(("clean", n))
    model = LogisticRegression(max_iter=5000).fit(np.array(rows), np.array(labels))
    print("WEIGHTS =", tuple(round(float(w), 4) for w in model.coef_[0]))
    print("INTERCEPT =", round(float(model.intercept_[0]), 4))
    scores = model.decision_function(np.array(rows))
    for threshold in (3.0, 3.5, 4.0, 4.5, 5.0):
        hit = {n for (kind, n), y, s in zip(owner, labels, scores, strict=True)
               if kind == "typo" and y and s >= threshold}
        flagged = {n for (kind, n), s in zip(owner, scores, strict=True)
                   if kind == "clean" and s >= threshold}
        print(f"threshold {threshold}: recall {len(hit) / len(typo_set):.3f}, "
              f"flagged {len(flagged)}/{len(clean)}")


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["fit"]:
        fit()
