"""The classifier stage: commercial ads and personal opinion/emotion that word lists miss.

Each sentence of the visible text is scored by the shipped model (`models/`, read by
review.model.scorer without scikit-learn); a sentence at or above its class's threshold
(config `[classifier]`) is a `review` finding spanning the sentence."""

from __future__ import annotations

from collections.abc import Iterator

from review.config import Config
from review.document import Document
from review.findings import Category, Gate, Hit, Rule, Severity
from review.model.scorer import Scorer
from review.model.text import SENTENCE, prepare_folded

ADS = Rule("AD901", Category.ADS, Gate.POLICY, Severity.REVIEW,
           "这句话读起来像商业广告（模型判断）", "this sentence reads as advertising (model)",
           "删除推广内容，或改为客观的政务信息表述",
           "remove the promotion or state it as neutral public information")
OPINION = Rule("OP901", Category.OPINION, Gate.POLICY, Severity.REVIEW,
               "这句话带有个人观点或情绪（模型判断）",
               "this sentence voices a personal opinion or emotion (model)",
               "改用客观、规范的单位口吻", "rewrite it in the unit's neutral voice")
RULES = {"ads": ADS, "opinion": OPINION}
MIN_LETTERS = 4  # a heading number or a lone emoji is not a sentence worth scoring


class ClassifierStage:
    name = "classifier"

    def __init__(self, scorer: Scorer, thresholds: dict[str, float]) -> None:
        self.scorer = scorer
        self.thresholds = {label: t for label, t in thresholds.items() if label in RULES}

    def rules(self) -> Iterator[Rule]:
        return (RULES[label] for label in self.thresholds)

    def scan(self, doc: Document) -> Iterator[Hit]:
        text = doc.visible.text
        spans, texts, quoted = [], [], []
        depth = _QuoteDepth(text)
        for m in SENTENCE.finditer(text):
            start, end = m.span()
            # A quotation's closing mark after its last 。 belongs to the sentence before.
            while start < end and (text[start].isspace() or text[start] in _CLOSING):
                start += 1
            # Words quoted inside a post (a resident's “…”) are reported speech, not the
            # account's own voice: they are still checked for ads, not for opinion.
            inside_quote = depth.at(start) > 0
            while end > start and text[end - 1].isspace():
                end -= 1
            prepared = prepare_folded(text[start:end])
            if sum(map(str.isalpha, prepared)) >= MIN_LETTERS:
                spans.append((start, end))
                texts.append(prepared)
                quoted.append(inside_quote or prepared.startswith(_OPENING))
        if not texts:
            return
        probabilities = self.scorer.probabilities(texts)
        for label, threshold in self.thresholds.items():
            column = self.scorer.classes.index(label)
            for (start, end), row, q in zip(spans, probabilities, quoted, strict=True):
                p = row[column]
                if p >= threshold and not (q and label == "opinion"):
                    yield Hit(RULES[label], *doc.visible.span(start, end), broad=True)


_OPENING = ("“", "「", "『", '"')
_CLOSING = ("”", "」", "』")


class _QuoteDepth:
    """Open Chinese quotation marks before a position in its paragraph, for positions asked
    in increasing order: each stretch of text is counted once."""

    def __init__(self, text: str) -> None:
        self.text, self.position, self.depth = text, 0, 0

    def at(self, position: int) -> int:
        before = self.text[self.position:position]
        paragraph = before.rfind("\n")
        if paragraph >= 0:
            before, self.depth = before[paragraph + 1:], 0
        self.depth += (sum(map(before.count, _OPENING[:3]))
                       - sum(map(before.count, _CLOSING)))
        self.position = position
        return self.depth


def build(config: Config) -> ClassifierStage:
    return ClassifierStage(Scorer.load(config.root / config.model if config.model else None),
                           config.classifier)
