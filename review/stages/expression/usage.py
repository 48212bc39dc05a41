"""Word usage that a list of wrong words cannot hold (EX94xx): a conditional paired with the
wrong conjunction (只有…就), an approximation said twice (大约…左右), a negation inside
防止/避免 (防止…不再发生), a sentence that loses its subject to 通过…使, 截止 for 截至 before a
figure, 原因是…造成的, 带 for 戴 before what is worn (口罩, 头盔), and 心里 for 心理
(侥幸心里, 心里健康). Each is a pattern inside one clause or sentence, with the cases that are
right written into it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from review.automaton import present
from review.document import Document
from review.findings import RULE, Category, Gate, Hit, Rule, Severity
from review.record import NamedTuple
from review.regexcache import compile as re_compile
from review.regexcache import finditer_near
from review.rules.spec import Kind, RuleSpec

_NUMBER = "[0-9０-９一二三四五六七八九十百千万亿两几半.%％]"
_CLAUSE = "[^。！？；，,\n]"
_SENTENCE = "[^。！？；\n]"


class Usage(NamedTuple):
    spec: RuleSpec
    pattern: str  # compiled (review.regexcache) the first time its anchor occurs
    anchors: tuple[str, ...]  # literals of which every match holds one: runs only where one does
    # When every match holds an anchor at most this many characters after its start, the
    # pattern is tried only there (finditer_near), not at every character of the draft
    near: int | None = None


def _usage(rule_id: str, reason: str, reason_en: str, suggestion: str, suggestion_en: str,
           pattern: str, anchor: str | tuple[str, ...], hit: tuple[str, ...],
           miss: tuple[str, ...], near: int | None = None) -> Usage:
    rule = Rule(rule_id, Category.EXPRESSION, Gate.TEXT, Severity.REVIEW, reason, reason_en,
                suggestion, suggestion_en)
    return Usage(RuleSpec(rule, Kind.USAGE, hit, miss, __name__, detail_zh=reason,
                          detail_en=reason_en), pattern,
                 (anchor,) if isinstance(anchor, str) else anchor, near)


USAGES = [
    _usage("EX9401", "关联词搭配不当：“只有”与“才”搭配，“只要”与“就”搭配",
           "只有 pairs with 才 (只要 with 就)", "改为“只有……才”或“只要……就”",
           "write 只有…才 or 只要…就",
           rf"只有(?!{_NUMBER}|一个|少数|个别|极少)(?:(?!才){_SENTENCE}){{2,30}}?[，,]?"
           r"(?<![成造迁将俯])就(?![是业医近地读诊餐座职任位绪学此算要像])", "只有",
           ("只有经常检查家中的用火用电情况，就能及时发现隐患。",
            "只有各部门密切配合，就一定能完成任务。"),
           ("只有经常检查，才能及时发现隐患。", "只要经常检查，就能及时发现隐患。",
            "全村只有3户没有接通自来水，就近安排了送水。", "只有一个办法，就是加快建设。")),
    _usage("EX9402", "语义重复：“大约”“约”与“左右”“上下”不能同用",
           "an approximation said twice (约 … 左右)", "删去“大约”或“左右”",
           "drop 约 or 左右",
           rf"(?:大约|大概|约)(?:有|为|是|在|达到?|共)?\s*{_NUMBER}+{_CLAUSE}{{0,8}}?(?:左右|上下)",
           "约",
           ("共有大约200名左右老年人参加了体检。", "活动吸引约3000人左右参与。",
            "现场大约有500名左右群众观看了演出。", "全年降水量约为800毫米上下。"),
           ("共有200名左右老年人参加了体检。", "活动吸引约3000人参与。",
            "约定时间为上午10点，前后相差不超过10分钟左右。")),
    _usage("EX9403", "否定不当：“防止”“避免”“杜绝”后再用“不再”，意思说反了",
           "a negation inside 防止/避免 reverses the meaning", "删去“不再”中的“不”或改换说法",
           "drop the negation",
           rf"(?:防止|避免|杜绝|严防|以免){_CLAUSE}{{0,15}}?不再", "不再",
           ("有效防止类似事故不再发生。", "坚决避免此类问题不再出现。"),
           ("有效防止类似事故再次发生。", "确保此类问题不再出现。",
            "为避免误解，此后不再另行通知。")),
    _usage("EX9404", "成分残缺：“通过（经过、随着、由于）……，使……”，句首的介词淹没了主语",
           "通过/经过/随着/由于 … 使 … leaves the sentence without a subject",
           "删去句首的介词或“使”", "drop the opening preposition or 使",
           rf"(?:^|(?<=[。！？\n]))\s*(?:通过|经过|随着|由于){_CLAUSE}{{2,40}}[，,](?:使|让)"
           r"(?!用|我们|大家|咱们)", ("使", "让"),
           ("通过本次培训，使全体网格员进一步熟悉了工作流程。",
            "开展了专项整治。通过集中整治，让群众的居住环境明显改善。",
            "随着农村公路的延伸，使村民出行更加方便。",
            "由于各部门密切配合，使各项任务圆满完成。"),
           ("本次培训使全体网格员进一步熟悉了工作流程。",
            "通过本次培训，全体网格员进一步熟悉了工作流程。",
            "我们通过集中整治，使群众的居住环境明显改善。",
            "在会上，县长强调，使用资金要规范。",
            "经过一年的努力，让我们继续携起手来。")),
    _usage("EX9405", "用词错误：表示“到某时为止”的统计口径用“截至”，“截止”用于期限本身",
           "截至 (as of) before a figure; 截止 is a deadline", "改为“截至”", "write 截至",
           r"(?:^|(?<=[。！？\n：:，,]))\s*截止(?:到|至)?\s*"
           r"(?:[0-9０-９一二三四五六七八九十〇零]{1,4}[年月日号底]|目前|今年|去年|本月|上月|"
           r"本周|今天|昨日|发稿)[^。！？；，,]{0,12}[，,]", "截止",
           ("截止10月15日，全县已收获晚稻12万亩。", "截止9月底，全县共发放补贴1.2亿元。"),
           ("截至10月15日，全县已收获晚稻12万亩。", "报名截止10月15日，逾期不再受理。",
            "申报截止时间为10月15日，请抓紧提交。")),
    _usage("EX9406", "句式杂糅：“原因是……”与“……造成的”不能套用",
           "原因是 … 造成的 mixes two sentence patterns", "改为“原因是……”或“是由……造成的”",
           "write 原因是… or 是由…造成的",
           rf"原因是{_SENTENCE}{{1,30}}?(?:造成的|引起的|导致的|所致)", "原因是",
           ("事故的原因是驾驶员操作不当造成的。", "停电的原因是线路老化引起的。"),
           ("事故的原因是驾驶员操作不当。", "事故是驾驶员操作不当造成的。")),
]
USAGES += [
    _usage("EX9407", "两面对一面：前有“能否”“是否”，后面只说一面",
           "能否/是否 on one side, one side only on the other",
           "前后一致：删去“能否”，或后面也说两面",
           "make both sides match",
           rf"(?:能否|是否){_SENTENCE}{{2,30}}?[，,]?(?:是(?!否)|在于|决定了?|关系到)"
           rf"(?:(?!能否|是否|好坏|与否|高低|成败){_SENTENCE}){{0,20}}?(?:关键|前提|保证|根本)",
           ("能否", "是否"),
           ("能否保持清醒的头脑，是打赢防汛攻坚战的关键。", "是否落实安全责任，是防范事故的前提。"),
           ("保持清醒的头脑，是打赢防汛攻坚战的关键。", "能否打赢这场硬仗，关键在于能否保持定力。",
            "请确认是否参会。")),
    _usage("EX9408", "语义重复：“超过”“不少于”与“以上”同用",
           "超过/不少于 … 以上 says “more than” twice", "删去“超过”或“以上”", "drop one of them",
           rf"(?:超过|多于|不少于|不低于|高于|大于)\s*{_NUMBER}+{_CLAUSE}{{0,6}}?以上", "以上",
           ("全县超过3000人以上参加了志愿服务。", "每天锻炼不少于1小时以上。"),
           ("全县3000人以上参加了志愿服务。", "每天锻炼不少于1小时。",
            "超过3000人参加了志愿服务，其中60岁以上的有500人。")),
    _usage("EX9409", "用词不当：减少、降低只能说“减少了几分之几”或百分比，不能说“倍”",
           "a decrease is not counted in 倍", "改为分数或百分比", "use a fraction or percentage",
           rf"(?:减少|降低|下降|缩小|缩短|减轻)了?\s*{_NUMBER}+倍", "倍",
           ("今年全县安全事故数量减少了2倍。", "办事时间缩短了3倍。"),
           ("今年全县安全事故数量减少了三分之二。", "办事效率提高了3倍。")),
]
USAGES += [
    _usage("EX9410", "用字错误：把口罩、头盔、安全帽等穿戴在身上用“戴”，“带”是携带",
           "what is worn (a mask, a helmet) is 戴, not 带 (to carry)", "改为“戴”", "write 戴",
           r"(?<![携随身自备捎附夹])带(?:好|上|着)?(?=口罩|头盔|安全帽|护目镜|防护面罩)", "带",
           ("骑乘电动自行车要带头盔。", "进入施工现场必须带好安全帽。", "外出请科学带口罩。"),
           ("骑乘电动自行车要戴头盔。", "进入施工现场必须戴好安全帽。",
            "外出请随身携带口罩。", "乘车时请自带口罩。", "党员带头戴头盔。"), near=0),
    _usage("EX9411", "用字错误：指心态、心理活动的“心理”误作“心里”（心里指胸口内部、思想里）",
           "心理 (the mind, psychology) written 心里 (in one's heart)", "改为“心理”",
           "write 心理",
           r"(?:侥幸|逆反|从众|攀比|麻痹|畏难|恐慌|厌学|自卑|抵触|依赖|猎奇|炫耀|报复)心里(?![话面头])|"
           r"(?<![的在我你他她们里])心里(?=健康|咨询|疏导|素质|测评|测试|辅导|干预|危机|障碍|援助|"
           r"门诊|医生|专家|学|卫生|状态|问题)", "心里",
           ("个别驾驶人存在侥幸心里，酒后驾车被查处。", "学校为毕业班学生开展心里辅导。",
            "社区引入专业社工提供心里援助。"),
           ("个别驾驶人存在侥幸心理，酒后驾车被查处。", "学校为毕业班学生开展心理辅导。",
            "听到这个消息，大家心里很高兴。", "我心里学到了很多。", "他把心里话说了出来。"),
           near=2),
]
USAGES += [
    _usage("EX9412", "搭配不当：“水平”只能“提高”“提升”，不能“改善”“增强”“加强”",
           "水平 (a level) is raised (提高), not improved (改善) or strengthened (加强)",
           "改为“提高”，或把“水平”改为“生活”“条件”", "write 提高, or 生活/条件 for 水平",
           r"水平(?:得到|有了?|有所|获得)?(?:了)?(?:明显|显著|大幅|极大|很大|较大|进一步|持续|不断|"
           r"大大|逐步|稳步)?(?:的)?(?:改善|增强|加强)|"
           r"(?:改善|增强|加强)了?(?:广大)?(?:群众|居民|人民|村民|农民|职工|百姓|老百姓)?(?:的)?"
           r"(?:生活|收入|消费|健康|医疗|教育|服务|管理|治理|文明|卫生)水平",
           "水平",
           ("村民的生活水平得到明显改善。", "通过技能培训，职工业务水平不断增强。",
            "进一步改善群众生活水平。", "全县医疗服务水平有了较大改善。"),
           ("村民的生活水平得到明显提高。", "村民的生活条件得到明显改善。",
            "生活水平和居住环境持续提升、改善。", "进一步提高群众生活水平。",
            "加强基层队伍建设，提升服务水平。", "改善人居环境，提高生活水平。"), near=11),
]
SPECS = [u.spec for u in USAGES]
_ANCHORS = tuple(dict.fromkeys(anchor for usage in USAGES for anchor in usage.anchors))


def detect(doc: Document) -> Iterator[Hit]:
    view = doc.visible
    text = view.text
    found = present(text, _ANCHORS)  # one pass for all of them
    for usage in USAGES:
        if not found.isdisjoint(usage.anchors):
            pattern = re_compile(usage.pattern)
            matches = pattern.finditer(text) if usage.near is None else finditer_near(
                pattern, re_compile("|".join(map(re.escape, usage.anchors))), usage.near, text)
            for m in matches:
                # a listed wrong → right inside it says more precisely what is wrong
                yield Hit(usage.spec.rule, *view.span(m.start(), m.end()), broad=RULE)
