"""The classifier stage: commercial ads and personal opinion/emotion that word lists miss.

Each sentence of the visible text is scored by the shipped model (`models/`, read by
review.model.scorer without scikit-learn); a sentence at or above its class's threshold
(config `[classifier]`) is a `review` finding spanning the sentence."""

from __future__ import annotations

from collections.abc import Iterator

from review.config import Config
from review.document import Document
from review.findings import MODEL, Category, Gate, Hit, Rule, Severity
from review.model.scorer import Scorer
from review.model.text import SENTENCE, prepare_folded
from review.rules.spec import Kind, RuleSpec

ADS = Rule("AD901", Category.ADS, Gate.POLICY, Severity.REVIEW,
           "这句话读起来像商业广告（模型判断）", "this sentence reads as advertising (model)",
           "删除推广内容，或改为客观的政务信息表述",
           "remove the promotion or state it as neutral public information")
OPINION = Rule("OP901", Category.OPINION, Gate.POLICY, Severity.REVIEW,
               "这句话带有个人观点或情绪（模型判断）",
               "this sentence voices a personal opinion or emotion (model)",
               "改用客观、规范的单位口吻", "rewrite it in the unit's neutral voice")
RULE_OF_LABEL = {"ads": ADS, "opinion": OPINION}
SPECS = [
    RuleSpec(ADS, Kind.CLASSIFIER, source=__name__,
             hit=("新款羽绒服到店啦，轻薄保暖颜色多，进店就送精美围巾一条。",
                  "周末来我们农庄摘草莓吧，大人二十元一位，小朋友免费，还能免费品尝农家菜。"),
             miss=("区气象台发布寒潮蓝色预警，请市民注意防寒保暖。",
                   "区市场监管局提醒消费者理性消费，警惕低价促销陷阱。"),
             detail_zh="模型逐句判断读起来像商业推广的句子（词表未收的说法）。",
             detail_en="a sentence the model reads as commercial promotion, in words no list "
                       "holds."),
    RuleSpec(OPINION, Kind.CLASSIFIER, source=__name__,
             hit=("这种破事年年都有，说了也没用，懒得再管了。",
                  "又是一年加班季，谁能告诉我这样的日子什么时候是个头？"),
             miss=("区人社局将于本周六举办专场招聘会，欢迎求职者参加。",
                   "记者看到，居民排队领取礼包。“太开心了，真是件大好事！”王阿姨说。"),
             detail_zh="模型逐句判断带有个人观点或情绪的句子；引号内的转述不算账号本身的观点。",
             detail_en="a sentence the model reads as personal opinion or emotion; quoted speech "
                       "is not the account's own voice."),
]
MIN_LETTERS = 4  # a heading number or a lone emoji is not a sentence worth scoring


class ClassifierStage:
    name = "classifier"

    def __init__(self, scorer: Scorer, thresholds: dict[str, float]) -> None:
        self.scorer = scorer
        self.thresholds = {label: t for label, t in thresholds.items() if label in RULE_OF_LABEL}

    def rule_ids(self) -> Iterator[str]:
        return (rule.id for rule in self.rules())

    def warm(self) -> None:
        self.scorer.warm()

    def rules(self) -> Iterator[Rule]:
        return (RULE_OF_LABEL[label] for label in self.thresholds)

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
                    yield Hit(RULE_OF_LABEL[label], *doc.visible.span(start, end), broad=MODEL)


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
