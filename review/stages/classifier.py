"""The classifier stage: what word rules miss in every category — the sentence model reads a
solicitation, a rumour, a disclosure or a topic that needs the unit's consent in words no list
holds.

Each sentence of the visible text is scored by the shipped model (`models/`, read by
review.model.scorer without scikit-learn); a sentence the model is sure enough is not neutral
(review.model.flag, thresholds per class in config `[classifier]`) is a `review` finding
spanning the sentence that names its likeliest class. A rule that judged the sentence wins
(review.decide._gives_way): one of the same category whatever it decided (it says precisely
what is wrong, or that the sentence quotes it), one of another content category that found a
problem there."""

from __future__ import annotations

from collections.abc import Iterator

from review.config import Config
from review.document import Document
from review.findings import MODEL, Category, Gate, Hit, Rule, Severity
from review.model.scorer import Scorer
from review.model.text import SENTENCE, prepare_many
from review.rules.spec import Kind, RuleSpec


def _rule(rule_id: str, category: Category, gate: Gate, what: tuple[str, str],
          fix: tuple[str, str]) -> Rule:
    return Rule(rule_id, category, gate, Severity.REVIEW, f"{what[0]}（模型判断）",
                f"{what[1]} (model)", *fix)


ADS = _rule("AD901", Category.ADS, Gate.POLICY,
            ("这句话读起来像商业广告", "this sentence reads as advertising"),
            ("删除推广内容，或改为客观的政务信息表述",
             "remove the promotion or state it as neutral public information"))
OPINION = _rule("OP901", Category.OPINION, Gate.POLICY,
                ("这句话带有个人观点或情绪", "this sentence voices a personal opinion or emotion"),
                ("改用客观、规范的单位口吻", "rewrite it in the unit's neutral voice"))
ILLEGAL = _rule("IL901", Category.ILLEGAL, Gate.LEGAL,
                ("这句话读起来像在兜售、招揽或宣扬违法活动",
                 "this sentence reads as offering, soliciting or promoting something illegal"),
                ("删除；如是警示宣传，请写明提醒口吻（谨防、切勿、系诈骗话术）",
                 "remove it; if it warns, say so (谨防, 切勿, 系诈骗话术)"))
SECURITY = _rule("SE901", Category.SECURITY, Gate.POLITICAL,
                 ("这句话读起来像谣言、煽动或危害安全稳定的言论",
                  "this sentence reads as a rumour, incitement or a threat to security and "
                  "stability"),
                 ("删除；如是辟谣，请写明权威来源和核实结论",
                  "remove it; if it debunks, name the authority and its finding"))
SECRETS = _rule("SC901", Category.SECRETS, Gate.CONFIDENTIALITY,
                ("这句话读起来像泄露秘密、内部信息或个人隐私",
                 "this sentence reads as disclosing a secret, internal matters or personal "
                 "data"),
                ("删除涉密、内部或个人信息，个人信息须脱敏",
                 "remove the secret, internal or personal information; mask personal data"))
CONSENT = _rule("CN901", Category.CONSENT, Gate.POLICY,
                ("这句话涉及须经本单位同意方可发布的信息（案件、审判、灾情疫情、统计、环评）",
                 "this sentence touches information the unit must consent to publish "
                 "(cases, trials, disasters and epidemics, statistics, environmental assessments)"),
                ("经本单位同意后发布（review consent 记录），或引用已正式发布的来源",
                 "publish with the unit's consent (recorded by review consent), or cite the "
                 "official release"))
RULE_OF_LABEL = {"ads": ADS, "opinion": OPINION, "illegal": ILLEGAL, "security": SECURITY,
                 "secrets": SECRETS, "consent": CONSENT}
# Words quoted inside a post (a resident's “…”, the criminals' script a warning cites) are
# reported speech, not the account's own voice: an ad, a secret or a consent topic in them is
# still published, an opinion, a solicitation or a rumour is mention.
QUOTED_IS_MENTION = frozenset({"opinion", "illegal", "security"})
_DETAIL = ("模型逐句判断{what}的句子（词表未收的说法）；同一句中规则的判断优先。",
           "a sentence the model reads as {what}, in words no list holds; a rule's finding in "
           "the same sentence wins.")


def _spec(rule: Rule, what: tuple[str, str], hit: tuple[str, ...], miss: tuple[str, ...]
          ) -> RuleSpec:
    return RuleSpec(rule, Kind.CLASSIFIER, source=__name__, hit=hit, miss=miss,
                    detail_zh=_DETAIL[0].format(what=what[0]),
                    detail_en=_DETAIL[1].format(what=what[1]))


SPECS = [
    _spec(ADS, ("读起来像商业推广", "commercial promotion"),
          ("新款羽绒服到店啦，轻薄保暖颜色多，进店就送精美围巾一条。",
           "周末来我们农庄摘草莓吧，大人二十元一位，小朋友免费，还能免费品尝农家菜。"),
          ("区气象台发布寒潮蓝色预警，请市民注意防寒保暖。",
           "区市场监管局提醒消费者理性消费，警惕低价促销陷阱。")),
    _spec(OPINION, ("带有个人观点或情绪（引号内的转述不算账号本身的观点）",
                    "personal opinion or emotion (quoted speech is not the account's voice)"),
          ("这种破事年年都有，说了也没用，懒得再管了。",
           "又是一年加班季，谁能告诉我这样的日子什么时候是个头？"),
          ("区人社局将于本周六举办专场招聘会，欢迎求职者参加。",
           "记者看到，居民排队领取礼包。“太开心了，真是件大好事！”王阿姨说。")),
    _spec(ILLEGAL, ("在兜售、招揽或宣扬违法活动", "offering or soliciting something illegal"),
          ("有需要过户不看车的找我，手续我来办，保证查不出来。",
           "想进事业单位的家长私下找我，名额有限，先到先得。"),
          ("县公安局提醒：凡是声称“不用考试也能拿证”的，都是诈骗。",
           "经审理，法院以非法持有枪支罪判处被告人张某有期徒刑一年。")),
    _spec(SECURITY, ("是谣言、煽动或危害安全稳定的言论",
                     "a rumour, incitement or a threat to security and stability"),
          ("镇上好几家都说银行卡被冻结了，赶紧去把钱转出来。",
           "大家转给身边人：这两天别去菜市场，猪肉全都有问题。"),
          ("县水务局：网传“自来水被污染”系谣言，全县供水水质检测全部达标。",
           "县防指发布防汛四级应急响应，请沿河群众注意安全。")),
    _spec(SECRETS, ("泄露秘密、内部信息或个人隐私", "disclosing secrets or personal data"),
          ("举报人是厂里管仓库的老周，住在厂区后面的平房。",
           "这次提拔的人选会上已经定了，是办公室的老王，下周才公示。"),
          ("县保密局提醒：涉密文件严禁通过微信、QQ等互联网工具传递。",
           "公示名单中的身份证号已作脱敏处理，如有异议请在公示期内反映。")),
    _spec(CONSENT, ("涉及须经本单位同意方可发布的信息", "a topic the unit must consent to publish"),
          ("县医院这周收治的食物中毒病人已经有三十多个了，还在往上涨。",
           "这次中考的录取线教育局还没定，估计比去年低十分左右。"),
          ("据县应急管理局通报，事故已造成2人死亡，救援工作正在进行。",
           "县统计局发布，前三季度全县地区生产总值同比增长5.1%。")),
]

MIN_LETTERS = 4  # a heading number or a lone emoji is not a sentence worth scoring


class ClassifierStage:
    name = "classifier"

    def __init__(self, scorer: Scorer, thresholds: dict[str, float]) -> None:
        self.scorer = scorer
        # A model may know fewer classes (an organisation's own, trained on its data).
        self.thresholds = {label: t for label, t in thresholds.items()
                           if label in RULE_OF_LABEL and label in scorer.classes}

    def rule_ids(self) -> Iterator[str]:
        return (rule.id for rule in self.rules())

    def warm(self) -> None:
        self.scorer.warm()

    def rules(self) -> Iterator[Rule]:
        return (RULE_OF_LABEL[label] for label in self.thresholds)

    def scan(self, doc: Document) -> Iterator[Hit]:
        text = doc.visible.text
        spans = []
        for m in SENTENCE.finditer(text):
            start, end = m.span()
            # A quotation's closing mark after its last 。 belongs to the sentence before.
            while start < end and (text[start].isspace() or text[start] in _CLOSING):
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end - start >= MIN_LETTERS:
                spans.append((start, end))
        if not spans:
            return
        texts, kept = [], []
        for span, prepared in zip(spans, prepare_many([text[a:b] for a, b in spans]),
                                  strict=True):
            # enough letters: most sentences show them in their first characters already
            if sum(map(str.isalpha, prepared[:16])) >= MIN_LETTERS or \
                    sum(map(str.isalpha, prepared)) >= MIN_LETTERS:
                kept.append(span)
                texts.append(prepared)
        if not texts:
            return
        # whether a sentence is quoted is asked of the few flagged only, in the text's order
        depth = _QuoteDepth(text)
        for (start, end), label, prepared in zip(kept, self.scorer.flags(texts, self.thresholds),
                                                 texts, strict=True):
            if label is None:
                continue
            quoted = depth.at(start) > 0 or prepared.startswith(_OPENING)
            if not (quoted and label in QUOTED_IS_MENTION):
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
