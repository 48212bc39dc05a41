"""`review rules --explain ID`: what a rule finds, why it matters under the policy, an example
and the fix — in Chinese, or English with --lang en."""

from __future__ import annotations

from review.findings import Category, Gate, Severity
from review.i18n import CATEGORY_NAMES, GATE_NAMES, SEVERITY_NAMES, name
from review.rules.spec import Kind, RuleSpec

KIND_NAMES = {
    Kind.LEXICON: ("词表条目", "lexicon entry"),
    Kind.COOCCURRENCE: ("共现规则", "co-occurrence rule"),
    Kind.SEQUENCE: ("顺序模式规则", "sequence rule"),
    Kind.DETECTOR: ("规则检测器", "detector"),
    Kind.CLASSIFIER: ("分类模型", "classifier"),
    Kind.CORRECTION: ("纠错词表", "wrong → right list"),
    Kind.FORMULATION: ("规范表述", "exact formulation"),
    Kind.LEADER: ("领导人姓名职务", "leaders' names and titles"),
    Kind.REGION: ("台港澳表述", "Taiwan, Hong Kong and Macao wording"),
    Kind.SET: ("固定提法组成", "fixed enumerations"),
    Kind.USAGE: ("用词搭配", "word usage"),
    Kind.TYPO: ("形音近错字", "confusable-character typos"),
    Kind.GATE: ("持续集成门禁", "CI gate"),
    Kind.PUBLISHED: ("发布后核对", "published-page check"),
    Kind.SUPPRESSION: ("稿内豁免", "in-draft suppression"),
    Kind.READING: ("文件读取", "reading the file"),
}

# Why a finding matters, from the policy (POLICY.md §1–3): by category, and for the kinds
# that check the workflow rather than the text.
WHY = {
    Category.ILLEGAL: (
        "六严禁之一：违反国家法律法规的信息（赌博、毒品、色情、诈骗、枪爆、暴恐、邪教等的交易和招揽）。"
        "反诈、禁毒等宣传引述违法话术不在此列。",
        "One of the six prohibitions: content that breaks the law (trade in or solicitation of "
        "gambling, drugs, pornography, fraud, weapons, terrorism, cults). A warning that quotes "
        "such words is not use."),
    Category.SECURITY: (
        "六严禁之一：危害国家安全、公共安全、经济安全和社会稳定的信息，如分裂、颠覆、煽动聚集、"
        "制造恐慌的谣言、泄露安保部署。",
        "One of the six prohibitions: content endangering national, public or economic security "
        "or social stability — separatism, subversion, calls to gather, panic-inducing rumours, "
        "leaked security arrangements."),
    Category.SECRETS: (
        "六严禁之一：国家秘密、工作秘密、商业秘密和个人隐私。密级标志、内部资料，以及未打码的身份证号、"
        "手机号、银行卡号、住址都不得公开。",
        "One of the six prohibitions: state, work and commercial secrets and personal privacy — "
        "classification marks, internal material, unmasked ID, mobile and bank-card numbers, "
        "home addresses."),
    Category.ADS: (
        "六严禁之一：商业广告和链接信息。政务账号不得推销企业、产品和店铺，不得留购买联系方式或"
        "商业链接。",
        "One of the six prohibitions: commercial ads and links. A government account promotes "
        "no company, product or shop and leaves no sales contact or commercial link."),
    Category.OPINION: (
        "六严禁之一：代表个人观点和情绪的信息。政务账号以单位名义发言，应使用客观、规范的口吻。",
        "One of the six prohibitions: personal opinions and emotions. The account speaks for "
        "the unit, in a neutral register."),
    Category.CONSENT: (
        "六严禁之一：未经单位同意不得发布的敏感信息（案件侦办、审判、灾情疫情、统计数据、环境评估）。"
        "并非禁止发布，须记录单位同意（review consent），因此只提示、不阻断。",
        "One of the six prohibitions: sensitive topics (investigations, trials, disasters and "
        "epidemics, statistics, environmental assessments) published only with the unit's "
        "consent — recorded with `review consent`, so the tool flags them and never blocks."),
    Category.EXPRESSION: (
        "表述错误是检查中最常见的问题：一般表述错误和错别字逐条计数通报。",
        "Wrong formulations and typos are the commonest inspection finding; each one is "
        "counted and reported."),
}
SEVERE = (
    "严重表述错误（领导人姓名职务错误、将台港澳与国家并列、核心表述错误）对整个账号一票否决。",
    "A serious wrong formulation (a leader's name or title, Taiwan/Hong Kong/Macao as a "
    "country, a mangled core formulation) fails the whole account.")
WORKFLOW_WHY = {
    Kind.GATE: ("双人负责、双重审核：稿件须经另一名审核人员按审核链逐级通过，才能发布。",
                "Two people, double review: a draft goes out only after another named person "
                "approved exactly its content at every level."),
    Kind.PUBLISHED: ("双向反馈：发布后须核对发出的内容与审核通过的内容是否一致。",
                     "Two-way feedback: what went out must be what was approved."),
    Kind.SUPPRESSION: ("稿内的 review-ignore 只能把核实过的误报降为提示并写明理由；"
                       "阻断级和须经单位同意的问题须由审核人签名放行或记录单位同意。",
                       "A review-ignore in the draft only lowers a checked false positive to "
                       "info, with its reason; block and consent findings need a reviewer's "
                       "signed override or the unit's consent."),
    Kind.READING: ("审核的是读者看到的内容：文件里读者看不到的文字，检查读到了，"
                   "审核人须对照页面本身。",
                   "What is reviewed is what readers see: text a file holds but does not show "
                   "was checked, and the reviewer must compare it with the page itself."),
}
LABELS = {
    "kind": ("种类", "kind"), "category": ("类别", "category"), "gate": ("关口", "gate"),
    "severity": ("默认级别", "default severity"), "what": ("查什么", "what it finds"),
    "why": ("为什么", "why it matters"), "example": ("示例", "example"),
    "found": ("报出", "reported"), "quiet": ("不报", "not reported"),
    "fix": ("怎么改", "the fix"), "source": ("定义于", "declared in"),
    "no_fix": ("按提示修改或删除后重新检查", "rewrite or remove it, then check again"),
}


def _label(key: str, lang: str) -> str:
    return name(LABELS, key, lang)


def why(spec: RuleSpec, lang: str) -> str:
    rule = spec.rule
    if spec.kind in WORKFLOW_WHY:
        return name(WORKFLOW_WHY, spec.kind, lang)
    text = name(WHY, rule.category, lang)
    if rule.category is Category.EXPRESSION and rule.gate is Gate.POLITICAL \
            and rule.severity is Severity.BLOCK:
        text += (" " if lang == "en" else "") + (SEVERE[1] if lang == "en" else SEVERE[0])
    return text


def _shown(source: str) -> str:
    """A bundled file as `lexicons/…` (where people edit it), anything else as given."""
    from pathlib import Path

    from review.rules.lexicons import bundled_dir

    try:
        return "lexicons/" + Path(source).relative_to(bundled_dir()).as_posix()
    except ValueError:
        return source


def explain(spec: RuleSpec, lang: str, reported: str | None = None) -> str:
    """The rule's page. `reported`: the text its first hit example is reported on."""
    rule = spec.rule
    sep = ": " if lang == "en" else "："
    what = spec.detail(lang) or rule.message(lang)
    lines = [
        f"{rule.id}  {rule.message(lang)}",
        "",
        f"{_label('kind', lang)}{sep}{name(KIND_NAMES, spec.kind, lang)}",
        f"{_label('category', lang)}{sep}{name(CATEGORY_NAMES, rule.category, lang)} "
        f"({rule.category.value})",
        f"{_label('gate', lang)}{sep}{name(GATE_NAMES, rule.gate, lang)}",
        f"{_label('severity', lang)}{sep}{name(SEVERITY_NAMES, rule.severity, lang)}",
        "",
        f"{_label('what', lang)}{sep}{what}",
        f"{_label('why', lang)}{sep}{why(spec, lang)}",
    ]
    if spec.hit:
        lines.append(f"{_label('example', lang)}{sep}{spec.hit[0]}")
        if reported:
            lines.append(f"  → {_label('found', lang)}{sep}{reported}")
    if spec.miss:
        lines.append(f"{_label('quiet', lang)}{sep}{spec.miss[0]}")
    lines.append(f"{_label('fix', lang)}{sep}{rule.suggestion(lang) or _label('no_fix', lang)}")
    if spec.source:
        lines.append(f"{_label('source', lang)}{sep}{_shown(spec.source)}")
    return "\n".join(lines)
