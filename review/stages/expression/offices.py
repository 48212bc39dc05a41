"""Officials' titles that do not belong to the body named before them, from a table of which
head titles each kind of body has (`lexicons/expression/offices.toml`), and a person's title
that contradicts itself within one draft.

EX9105: a body's name followed at once (after a party post, 常务, 副) by a head title the
body does not have, then a name, a verb such as 出席, or punctuation: 县妇联主任 (主席),
街道办事处书记, 镇人大主任 (主席), 法院检察长, 卫健局院长. An office inside the body (县总工会
办公室主任), its party organisation (法院党组书记) and honorary titles (名誉主席) do not stand
right after the name and are not findings. Also a township, street or village given a 党组
(镇党组书记: they have a 党委, 党工委 or 党支部) and 乡 and 镇 mixed in one title chain
(青石镇党委委员、副乡长). Where lexicons/expression/titles.toml (EX27xx) or EX9104 already
reports a place, it is not reported again.

EX9106: the same name given a head's title in one place and the deputy's in another
(县长张明 … 副县长张明): the later mention is reported."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cached_property
from pathlib import Path

from review import cache
from review.document import Document
from review.findings import Category, Gate, Hit, Rule, Severity
from review.record import NamedTuple
from review.regexcache import compile as re_compile
from review.regexcache import finditer_near
from review.rules.spec import Kind, RuleSpec
from review.stages.detectors.names import SURNAMES

OFFICE_TITLE = Rule("EX9105", Category.EXPRESSION, Gate.POLITICAL, Severity.REVIEW,
                    "称谓错误：职务称谓与机构不符", "the title does not belong to this body",
                    "核对该机构负责人的称谓", "check what this body's head is called")
SELF_CONTRADICTION = Rule("EX9106", Category.EXPRESSION, Gate.POLITICAL, Severity.REVIEW,
                          "同一人的职务前后不一致（正职与副职）",
                          "one person is given a head's title in one place and a deputy's in "
                          "another",
                          "核对此人的职务，前后统一", "check the title and write it alike")


class Body(NamedTuple):
    names: tuple[str, ...]
    heads: tuple[str, ...]
    also: tuple[str, ...]
    not_before: str
    party: str = ""  # the party organisation whose 书记 a writer gives it (街道党工委)


class Offices:
    """The offices table (a plain class: nothing compares or prints one, and a dataclass's
    generated methods are compiled at every start)."""

    def __init__(self, titles: tuple[str, ...], not_after: tuple[str, ...],
                 bodies: tuple[Body, ...]) -> None:
        self.titles, self.not_after, self.bodies = titles, not_after, bodies

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """A body's name, a party post or rank, then a known title not followed by a word
        that makes it another (主任科员, 主席团, 书记员). A name's look-behind (乡政府 not
        after 城) is tested after the name: every branch then opens with a character, and the
        engine skips to the next place one of those first characters stands (ten times
        quicker than trying every branch at every place)."""
        # longest first; the rest of the order fixed (not a set's, which varies with the
        # process's string hashing) so that the pattern is the same, and cached (regexcache)
        names = sorted({(n, b.not_before) for b in self.bodies for n in b.names},
                       key=lambda item: (-len(item[0]), item))
        body = "|".join(re.escape(n) + (f"(?<![{re.escape(nb)}]{re.escape(n)})" if nb else "")
                        for n, nb in names)
        titles = "|".join(map(re.escape, sorted(self.titles, key=len, reverse=True)))
        after = "|".join(map(re.escape, sorted(self.not_after, key=len, reverse=True)))
        return re_compile(f"(?P<body>{body})(?P<rank>{_RANK})(?P<title>{titles})"
                          f"(?!{after})")

    def body(self, name: str) -> Body:
        return next(b for b in self.bodies if name in b.names)


def load_offices(path: Path) -> Offices:
    """The offices table, compiled once per content (review.cache)."""
    return cache.cached("offices", [path], lambda: _compiled(path), _encode, _decode)


def _compiled(path: Path) -> Offices:
    from review.rules import schema  # lazily: only compiling needs it, not the cache
    from review.stages.expression.data import folded

    parsed = schema.read(path, schema.OfficesFile)
    return Offices(tuple(folded(t) for t in parsed.meta.titles),
                   tuple(folded(t) for t in parsed.meta.not_after),
                   tuple(Body(tuple(folded(n) for n in b.names), tuple(folded(h) for h in b.heads),
                              tuple(folded(a) for a in b.also), b.not_before, folded(b.party)
                              if b.party else "")
                         for b in parsed.body))


def _encode(offices: Offices) -> list:
    return [list(offices.titles), list(offices.not_after),
            [[list(b.names), list(b.heads), list(b.also), b.not_before, b.party]
             for b in offices.bodies]]


def _decode(data: list) -> Offices:
    titles, not_after, bodies = data
    return Offices(tuple(titles), tuple(not_after),
                   tuple(Body(tuple(n), tuple(h), tuple(a), nb, p) for n, h, a, nb, p in bodies))


# What may stand between a body and the title: a party post (党组书记、), a rank, 副.
_RANK = (r"(?:党[组委]副?书记[、,]?|党组成员[、,]?)?"
         r"(?:常务副|第一副|专职副|副|代理|代|第一|专职|执行)?")
# What follows a title used of a person: punctuation, the end, a verb, or a name.
_VERBS = ("同志", "一行", "出席", "表示", "介绍", "指出", "强调", "主持", "讲话", "致辞",
          "带队", "带领", "参加", "陪同", "看望", "慰问", "调研", "宣布", "会见", "提出",
          "要求", "代表", "前往", "深入", "发表", "宣读", "走访", "检查", "督导", "视察",
          "参观", "接受", "回答", "发言", "汇报", "传达", "部署", "听取", "一同", "分别",
          "一职", "职务", "期间", "以来", "的", "答", "召开", "亲自", "作", "在",
          "到", "来", "说", "对", "就", "向", "为", "与", "和", "及",
          "等", "是", "率", "也", "还")
_PUNCTUATION = set(" \t\n,。、;:!?()“”\"'‘’《》—….·[]【】")


def _ends_a_title(text: str, at: int) -> bool:
    if at >= len(text) or text[at] in _PUNCTUATION:
        return True
    if text.startswith(_VERBS, at):
        return True
    return text[at] in SURNAMES and at + 1 < len(text) and "\u4e00" <= text[at + 1] <= "\u9fff"


# A township, street, village or community has no 党组 (党组织 is its party organisation).
_PARTY_GROUP = re_compile(r"(?<![城])(?P<unit>乡|镇|街道|村|社区)(?:人民政府|政府|办事处)?"
                          r"(?P<group>党组)(?!织)(?:副?书记|成员)")
_UNIT_COMMITTEE = {"乡": "党委", "镇": "党委", "街道": "党工委"}
# 乡 and 镇 mixed in one person's chain of titles: a town's officer called 乡长, a
# township's 镇长. The titles between are separated by 、 and hold no other place.
_CHAIN_ITEM = (r"(?:(?![乡镇县市区村省州旗街])[\u4e00-\u9fff]){0,8}"
               r"(?:委员|书记|部长|主席|主任|组长|镇长|乡长)、")
# (the look-behinds after the 镇 or 乡: every branch opening with a character, the engine
# skips to the next place one stands)
_MIXED = re_compile(rf"镇(?<![城乡]镇)(?P<chain>(?:{_CHAIN_ITEM}){{1,3}})(?:常务副|副)?(?P<t>乡)长"
                    rf"|乡(?<![城镇家故老同下返回他异]乡)(?!镇)"
                    rf"(?P<chain2>(?:{_CHAIN_ITEM}){{1,3}})(?:常务副|副)?(?P<t2>镇)长")


def detect(doc: Document, offices: Offices, taken: Iterable[tuple[int, int]] = ()
           ) -> Iterator[Hit]:
    """EX9105, at places no finding in `taken` (original spans) overlaps."""
    view = doc.visible
    text = view.text
    if not text:
        return
    spans = list(taken)

    def free(start: int, end: int) -> bool:
        a, b = view.span(start, end)
        if any(a < y and x < b for x, y in spans):
            return False
        spans.append((a, b))
        return True

    for m in offices.pattern.finditer(text):
        body = offices.body(m.group("body"))
        title = m.group("title")
        if title in body.heads or title in body.also or not _ends_a_title(text, m.end()):
            continue
        if not free(m.start(), m.end()):
            continue
        deputy = m.group("rank")
        fixed = None
        if title != "书记" and len(body.heads) == 1:
            fixed = m.group("body") + deputy + body.heads[0]
        elif title == "书记" and body.party:
            fixed = body.party + deputy + title
        suggestion = f"{m.group('body')}的负责人称“{'”或“'.join(body.heads)}”"
        suggestion_en = f"the head of a {m.group('body')} is its {' or '.join(body.heads)}"
        if title == "书记":
            suggestion += "；书记是党组织（党委、党组、党工委、党支部）的职务"
            suggestion_en += "; 书记 is a post of a party organisation"
        rule = OFFICE_TITLE._replace(suggestion_zh=suggestion, suggestion_en=suggestion_en)
        yield Hit(rule, *view.span(m.start(), m.end()), replacement=fixed)
    if "党组" in text:
        for m in _PARTY_GROUP.finditer(text):
            if not free(m.start(), m.end()):
                continue
            committee = _UNIT_COMMITTEE.get(m.group("unit"))
            fixed = None
            if committee and m.start("group") == m.end("unit"):  # not 乡政府党组成员
                g = m.start("group") - m.start()
                fixed = (m.group()[:g] + committee + m.group()[g + 2:]).replace("成员", "委员")
            rule = OFFICE_TITLE._replace(
                suggestion_zh="乡镇设党委，街道设党工委，村（社区）设党支部（党总支、党委），"
                              "不设党组",
                suggestion_en="a township has a 党委, a street a 党工委, a village a 党支部: "
                              "none has a 党组")
            yield Hit(rule, *view.span(m.start(), m.end()), replacement=fixed)
    if "乡" in text and "镇" in text:
        for m in _MIXED.finditer(text):
            if not free(m.start(), m.end()):
                continue
            wrong, right = ("t", "镇") if m.group("t") else ("t2", "乡")
            t = m.start(wrong) - m.start()
            fixed = m.group()[:t] + right + m.group()[t + 1:]
            rule = OFFICE_TITLE._replace(
                suggestion_zh="镇的负责人称镇长，乡的称乡长：同一人的职务中乡、镇应一致",
                suggestion_en="a town (镇) has a 镇长, a township (乡) a 乡长: one chain of "
                              "titles names one of them")
            yield Hit(rule, *view.span(m.start(), m.end()), replacement=fixed)


# EX9106: a head's or deputy's title right before a name (2–3 characters, or before 同志).
_HEADS = ("县长", "市长", "区长", "镇长", "乡长", "省长", "州长", "旗长", "书记", "主任", "主席",
          "局长", "院长", "检察长", "部长", "校长", "所长", "会长", "理事长", "委员长", "厅长",
          "处长", "科长", "站长", "队长", "大队长", "庭长")
_MENTION = re_compile(r"(?P<past>原|前|时任|曾任|历任|第一|名誉|荣誉)?(?P<deputy>常务副|副)?"
                      r"(?P<title>" + "|".join(sorted(_HEADS, key=len, reverse=True)) + r")"
                      r"(?=[\u4e00-\u9fff])")
# what every mention holds, within five characters of its start (常务副, 时任)
_TITLE = re_compile("|".join(sorted(_HEADS, key=len, reverse=True)))
_NAME_END = set("是在因于被今的从曾和与及也都已现说表介告确经住为有系由向对把将就便又还才多去到"
                "来得要会能可后前时以所之其并称却即均仍则据再共等率一主带出参陪讲指强致作宣看"
                "慰调深走检督视听汇传部提同分亲代接回发")


def _name(text: str, at: int) -> str | None:
    """The name at `at`: a surname and one or two characters, or what stands before 同志."""
    for size in (2, 3):
        if text.startswith("同志", at + size):
            return text[at:at + size] if text[at] in SURNAMES else None
    if at + 2 > len(text) or text[at] not in SURNAMES:
        return None
    name = text[at:at + 2]
    if not all("\u4e00" <= c <= "\u9fff" for c in name):
        return None
    third = text[at + 2] if at + 2 < len(text) else ""
    if not "\u4e00" <= third <= "\u9fff" or third in _NAME_END:
        return name
    fourth = text[at + 3] if at + 3 < len(text) else ""
    if not fourth or fourth in _PUNCTUATION or fourth in _NAME_END \
            or text.startswith(_VERBS, at + 3):
        return name + third
    return None  # not clearly a name


def contradictions(doc: Document) -> Iterator[Hit]:
    """EX9106: a name given a title and, later, the same title with or without 副."""
    view = doc.visible
    text = view.text
    seen: dict[tuple[str, str], tuple[bool, str]] = {}
    for m in finditer_near(_MENTION, _TITLE, 5, text):
        if m.group("past"):
            continue  # a former office, or another one (第一书记 beside a 副书记)
        name = _name(text, m.end())
        if name is None or name[0] == name[1:2] or text[m.end():].startswith(name * 2):
            continue
        deputy = bool(m.group("deputy"))
        key = (m.group("title"), name)
        written = m.group("deputy") or ""
        earlier = seen.get(key)
        if earlier is None:
            seen[key] = (deputy, written + m.group("title") + name)
            continue
        if earlier[0] == deputy:
            continue
        start = m.start("deputy") if m.group("deputy") else m.start("title")
        rule = SELF_CONTRADICTION._replace(
            suggestion_zh=f"前文作“{earlier[1]}”：核对此人的职务，前后统一",
            suggestion_en=f"written “{earlier[1]}” earlier: check the title and write it alike")
        yield Hit(rule, *view.span(start, m.end() + len(name)))


SPECS = [
    RuleSpec(
        OFFICE_TITLE, Kind.LEADER, source=__name__,
        hit=("县科协主任王立新出席科普日启动仪式。", "团县委主任带领青年志愿者开展清洁行动。",
             "县文联会长李红梅主持召开文艺工作者座谈会。", "区红十字会主任表示将加大救助力度。",
             "县卫健局院长赵刚介绍了义诊安排。", "县委党校院长为学员授课。",
             "村委会书记张大山带领村民修路。", "青石镇党组书记王成出席会议。",
             "桃源街道党组副书记介绍辖区情况。", "青石镇党委委员、副乡长刘畅带队检查。",
             "白水乡党委副书记、副镇长陈思出席。", "城关派出所局长带队巡逻。",
             "县总工会常务副主任出席职工技能大赛。", "县工商联主任发表讲话。",
             "镇政府乡长到村里调研。", "县医保局主任，来到定点医院检查。",
             "县妇联书记刘英出席活动。", "县消防救援大队所长介绍火灾隐患。",
             "城关街道办事处处长带队检查门店。",
             # once EX2718 and EX2719 of titles.toml (redirected here)
             "县妇联主任王某出席启动仪式。", "市总工会副主任带队慰问一线职工。",
             "街道办事处书记带队走访辖区企业。"),
        miss=("县总工会办公室主任介绍职工之家建设情况。", "团县委办公室主任宣读表彰决定。",
              "县妇联权益部部长为妇女讲解法律知识。", "县法院执行局局长带队开展集中执行。",
              "县检察院第一检察部主任出庭支持公诉。", "县委组织部部长出席培训班开班式。",
              "街道办事处综治办主任介绍网格化管理。", "县人民法院党组书记、院长出席会议。",
              "县总工会党组书记、常务副主席讲话。", "县妇联名誉主席出席活动。",
              "县红十字会名誉会长出席捐赠仪式。", "县工商联副会长、某公司董事长发言。",
              "县残联主席团主席出席助残日活动。", "县残联理事长介绍康复服务情况。",
              "镇人大主席团第二次会议召开。", "村党组织书记培训班开班。",
              "县政协提案委员会主任委员发言。", "县卫健局主任科员参加培训。",
              "县人民医院主任医师为群众义诊。", "全县各乡镇长参加培训。",
              "县乡村振兴局党组书记出席会议。", "区政府党组成员、副区长出席会议。",
              "青石镇党委副书记、镇长李明主持会议。", "白水乡党委委员、副乡长陈思出席。",
              "县教育局主任督学带队督导。", "县人民检察院主任检察官出庭。",
              "县法院书记员整理卷宗。", "城关派出所所长带队巡逻。",
              "县消防救援大队大队长介绍火灾隐患。", "县工会主席台就座。",
              "城乡居民养老保险参保率稳步提高，乡镇长会议召开。",
              "这一格局部长期存在的问题得到解决。", "县科协主席王立新出席科普日启动仪式。",
              "县总工会党组书记王华出席。", "县中医院党委书记、院长出席。",
              "县妇联主席王某出席启动仪式。", "市总工会副主席带队慰问一线职工。",
              "县妇联办公室主任介绍情况。", "街道党工委书记带队走访辖区企业。",
              "街道办事处主任带队走访辖区企业。"),
        detail_zh="机构名称后（可隔“党组书记、”“常务副”“副”）紧跟该机构没有的负责人称谓，其后为人名、"
                  "“出席”“表示”等或标点（lexicons/expression/offices.toml 列出各类机构的称谓）；"
                  "乡镇、街道、村的“党组”；同一人职务中乡、镇混用。机构内设部门、党组织、荣誉称谓不报；"
                  "titles.toml 已报之处不再重复。",
        detail_en="a body's name followed (after a party post, 常务, 副) by a head title the body "
                  "does not have, then a name, a verb such as 出席, or punctuation (the table is "
                  "lexicons/expression/offices.toml); a 党组 of a township, street or village; "
                  "乡 and 镇 mixed in one chain of titles. Offices inside the body, its party "
                  "organisation and honorary titles are not findings; places titles.toml "
                  "reports are not reported twice."),
    RuleSpec(
        SELF_CONTRADICTION, Kind.LEADER, source=__name__,
        hit=("县长张明华出席开幕式。会后，副县长张明华带队检查了项目工地。",
             "镇党委书记李娟主持会议。会上，副书记李娟作了动员讲话。",
             "副主任王强同志介绍了情况。随后，主任王强同志作总结。"),
        miss=("县长张明华出席开幕式。会后，副县长李建国带队检查了项目工地。",
              "副县长张明华出席开幕式。会后，副县长张明华带队检查了项目工地。",
              "原县长张明华到村里看望群众，副县长张明华陪同。",
              "常务副县长张明华出席开幕式，副县长张明华随后讲话。",
              "主任王强介绍情况，副主任王刚作补充。"),
        detail_zh="同一姓名（职务后的两三个字，或“同志”前的）在稿件中一处称正职、一处称副职"
                  "（县长／副县长、书记／副书记、主任／副主任……），报后出现的一处；不同姓名不比较，"
                  "写明“原”“时任”的不报。",
        detail_en="the same name (two or three characters after the title, or before 同志) is "
                  "given a head's title in one place and the deputy's in another (县长/副县长, "
                  "书记/副书记, 主任/副主任 …): the later mention is reported; different names "
                  "are never compared, and 原/时任 mentions are left out."),
]
