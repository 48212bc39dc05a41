"""Leaders' names and titles: name ↔ title ↔ date consistency, from a dated data file.

The mere presence of a name is never a finding. A title written next to a name must be one
that person held on the draft's date: a wrong title (EX9101), a former office holder presented
as current (EX9102, unless written 原/前/时任), and a known misspelling of a name (EX9103).
EX9104: an institution's head given another institution's title after a rank or a party post
(检察院常务副院长, 检察院党组书记、代院长, 政协常务副主任): the bare forms (检察院院长) are
entries of lexicons/expression/titles.toml."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from review import cache
from review.automaton import present
from review.document import Document
from review.findings import Category, Gate, Hit, Rule, Severity
from review.record import NamedTuple
from review.regexcache import compile as re_compile
from review.rules.spec import Kind, RuleSpec
from review.stages.expression.data import folded

WRONG_TITLE = Rule("EX9101", Category.EXPRESSION, Gate.POLITICAL, Severity.BLOCK,
                   "领导人姓名与职务不符", "the title does not belong to this leader",
                   "核对领导人职务", "check the leader's title")
FORMER = Rule("EX9102", Category.EXPRESSION, Gate.POLITICAL, Severity.BLOCK,
              "以现职称呼已卸任（或落马）的人员", "a former office holder presented as current",
              "写明“原”“时任”，或核对现任人选", "write 原/时任, or check who holds the office now")
MISSPELT = Rule("EX9103", Category.EXPRESSION, Gate.POLITICAL, Severity.BLOCK,
                "领导人姓名错误", "a leader's name is misspelt",
                "核对领导人姓名", "check the leader's name")
# The examples are written against the bundled sample leaders file, on today's date.
SPECS = [
    RuleSpec(WRONG_TITLE, Kind.LEADER, source=__name__,
             hit=("国务院总理王沪宁出席开幕式并致辞。", "全国人大常委会委员长李强会见外宾。",
                  "国务院副总理、国务院秘书长吴政隆主持会议。"),
             miss=("国务院总理李强主持召开国务院常务会议。", "赵乐际、国务院总理李强出席。",
                   "国务委员、国务院秘书长吴政隆主持会议。",
                   "中共中央政治局常委、国务院总理李强出席。"),
             detail_zh="紧挨姓名的职务，或以顿号连在其前的职务（国务院副总理、公安部部长某某），"
                       "不属于此人（依据领导人数据文件）。",
             detail_en="the title next to a name, or one joined to it by 、 before it, is not "
                       "one this person holds (from the leaders file)."),
    RuleSpec(FORMER, Kind.LEADER, source=__name__,
             hit=("国务院总理李克强出席会议并讲话。", "温家宝总理来到田间地头察看旱情。"),
             miss=("时任国务院总理李克强视察了该项目。", "原国务院总理温家宝曾到此调研。"),
             detail_zh="稿件日期时已不在任的人员被称以现职；写明“原”“时任”的不报。",
             detail_en="someone no longer in office on the draft's date is given the title as "
                       "current; 原/时任 are accepted."),
    RuleSpec(MISSPELT, Kind.LEADER, source=__name__,
             hit=("习进平总书记指出，要坚持人民至上。", "粟战书同志出席座谈会。"),
             miss=("习近平总书记指出，要坚持人民至上。", "栗战书同志出席座谈会。"),
             detail_zh="领导人姓名的已知错误写法。",
             detail_en="a known misspelling of a leader's name."),
]

HEAD_TITLE = Rule("EX9104", Category.EXPRESSION, Gate.POLITICAL, Severity.REVIEW,
                  "称谓错误：机构负责人的称谓与机构不符",
                  "the head's title does not belong to this institution",
                  "检察院称检察长，政协称主席，地方人大常委会称主任",
                  "a procuratorate has a 检察长, a CPPCC committee a 主席, a local people's "
                  "congress standing committee a 主任")
SPECS.append(RuleSpec(
    HEAD_TITLE, Kind.LEADER, source=__name__,
    hit=("市人民检察院常务副院长带队督导。", "县人民检察院党组书记、代院长出席会议。",
         "县政协党组书记、常务副主任主持会议。", "区人大常委会党组书记、主席讲话。",
         "区人民法院副检察长带队开展执行攻坚。", "市发改委局长在发布会上介绍项目进展。",
         "县卫生健康委员会副局长出席义诊活动。", "区监委主席通报了典型案例。",
         "中央军委副主任出席仪式。", "全国人大常委会副主任率执法检查组来到我省。",
         "国家发展改革委部长在新闻发布会上答记者问。", "青石镇副乡长带队排查隐患。",
         "青石镇党委副书记、乡长主持会议。"),
    miss=("市人民检察院常务副检察长带队督导。", "县人民法院党组书记、代院长出席会议。",
          "县政协提案委员会常务副主任发言。", "全国人大常委会副委员长出席会议。",
          "县政协办公室主任介绍情况。", "县人民检察院院长办公会研究案件。",
          "区人民法院院长、检察院检察长列席会议。", "市发改委主任、统计局局长出席发布会。",
          "县卫健委党委书记、主任讲话。", "区纪委书记、监委主任通报了典型案例。",
          "中央军委副主席出席仪式。", "全国人大常委会副委员长率执法检查组来到我省。",
          "全国人大常委会法制工作委员会主任介绍草案。", "市教委局属学校校长参加培训。",
          "市城管委局长办公会研究部署专项整治。", "县委常委、宣传部部长出席活动。",
          "全县各乡镇长参加培训。", "青石镇副镇长带队排查隐患。",
          "青石镇党委副书记、镇长主持会议。", "公安局党委书记、局长出席。"),
    detail_zh="检察院、政协、地方人大常委会的负责人在级别或党内职务之后被冠以别的机构的称谓"
              "（检察院常务副院长、政协常务副主任、人大常委会党组书记、主席）；法院称检察长、"
              "监委称主席、军委称主任、全国人大常委会称主任、委员会（卫健委、发改委）称局长，"
              "有无级别都报。",
    detail_en="the head of a procuratorate, a CPPCC committee or a local people's congress "
              "standing committee given another institution's title after a rank or a party "
              "post; a court's head called 检察长, a supervisory commission's or the Central "
              "Military Commission's given the other's title, the NPC Standing Committee's "
              "called 主任, or a commission's (卫健委, 发改委) called 局长, with or without a "
              "rank."))

# (institution, its head's title, a title that belongs elsewhere, whether the bare form counts
# too) and what may stand between: a party post (党组书记、), a rank (常务, 代, 第一, 专职), 副.
# The bare forms of the first rows are entries of titles.toml.
_RANK = r"(?:党[组委](?:副)?书记[、，]?|党组成员[、，]?)?(?:常务|代理|代|第一|专职|执行)?"
_HEADS = (
    ("检察院", "检察长", rf"检察院({_RANK})(副?院长)(?!办公会)", False),
    ("政协", "主席", rf"政协({_RANK})(副?主任)(?!委员)", False),
    ("人大常委会", "主任", rf"(?<!全国)人大常委会({_RANK})(副?主席)", False),
    ("全国人大常委会", "委员长", rf"全国人大常委会({_RANK})(副?主席)", False),
    ("全国人大常委会", "委员长", rf"全国人大常委会({_RANK})(副?主任)(?!委员)", True),
    ("法院", "院长", rf"法院({_RANK})(副?检察长)", True),
    ("监", "主任", rf"(?:监委|监察委员会)({_RANK})(副?主席)", True),
    ("军委", "主席", rf"军委({_RANK})(副?主任)(?!委员)", True),
    # a commission (卫健委, 发改委, 教育委员会) has a 主任, a bureau a 局长
    ("委", "主任", rf"委(?:员会)?({_RANK})(副?(?:局|部)长)(?!办公会)", True),
    # a town (镇) has a 镇长, a township (乡) a 乡长; 乡镇长 names both and is right
    # (the look-behind after the 镇: a pattern opening with it skips to the next 镇)
    ("镇", "镇长", rf"镇(?<![乡城]镇)({_RANK})(副?乡长)", True),
)
_INSTITUTIONS = tuple(head[0] for head in _HEADS)
_PAST_MARKERS = ("原", "前", "时任", "曾任", "历任", "老")
_GAP = 2  # characters allowed between a title and a name (同志, a space, 、)
_CHAIN = 4  # titles joined by 、 before a name, at most
_TITLE_ENDS = frozenset("长任记员席理委官监")  # how titles end: 部长, 主任, 书记, 委员, 主席 …


class Office(NamedTuple):
    name: str
    titles: tuple[str, ...]   # folded; the full title first, then the short forms people use
    valid_from: date | None
    valid_to: date | None

    def holds(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and \
            (self.valid_to is None or day <= self.valid_to)


class Leaders(NamedTuple):
    offices: tuple[Office, ...] = ()
    misspellings: tuple[tuple[str, str], ...] = ()  # (folded wrong, right)

    @property
    def empty(self) -> bool:
        return not self.offices and not self.misspellings


def load_leaders(bundled: Path, organisation: Path | None = None) -> Leaders:
    """The bundled national leadership, and the organisation's file (its province's and
    city's leaders) added to it. The organisation adds people, never changes the bundled
    ones: a record in its file for a name the bundled data holds is left out, or a content
    repository's leaders file could make a former premier current again and weaken the check
    that gates release. Who holds a national office changes with an upgrade of `review`.
    Compiled once per content of the files (review.cache)."""
    paths = [bundled] if organisation is None else [bundled, organisation]
    return cache.cached("leaders", paths, lambda: _compiled(bundled, organisation), _encode,
                        _decode)


def _encode(leaders: Leaders) -> list:
    return [[[o.name, list(o.titles), _day(o.valid_from), _day(o.valid_to)]
             for o in leaders.offices], [list(pair) for pair in leaders.misspellings]]


def _decode(data: list) -> Leaders:
    offices, misspellings = data
    return Leaders(tuple(Office(name, tuple(titles), _date(valid_from), _date(valid_to))
                         for name, titles, valid_from, valid_to in offices),
                   tuple((wrong, right) for wrong, right in misspellings))


def _day(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _compiled(bundled: Path, organisation: Path | None) -> Leaders:
    from review.rules import schema  # lazily: only compiling needs it, not the cache

    entries = schema.read(bundled, schema.LeadersFile).leader
    national = {e.name for e in entries}
    if organisation is not None:
        entries += [e for e in schema.read(organisation, schema.LeadersFile).leader
                    if e.name not in national]
    offices, misspellings = [], []
    for e in entries:
        titles = tuple(folded(t) for t in [e.title, *e.short_titles])
        offices.append(Office(folded(e.name), titles, e.valid_from, e.valid_to))
        misspellings += [(folded(m), e.name) for m in e.misspellings]
    return Leaders(tuple(offices), tuple(dict.fromkeys(misspellings)))


def heads(doc: Document) -> Iterator[Hit]:
    """EX9104: a rank or party post after the institution, then another institution's title
    (the bare forms without one are titles.toml's)."""
    view = doc.visible
    text = view.text
    named = present(text, _INSTITUTIONS)  # one pass for them all
    for institution, right, pattern, bare in _HEADS:
        if institution in named:
            # the package's own fixed patterns: compiled once per Python build (regexcache)
            for m in re_compile(pattern).finditer(text):
                if m.group(1) or bare:
                    wrong = m.group(2)
                    fixed = ("副" if wrong.startswith("副") else "") + right
                    yield Hit(HEAD_TITLE, *view.span(m.start(), m.end()),
                              replacement=m.group()[:m.start(2) - m.start()] + fixed)


def detect(doc: Document, leaders: Leaders, day: date) -> Iterator[Hit]:
    if leaders.empty:
        return
    view = doc.visible
    text = view.text
    misspelt = present(text, tuple(wrong for wrong, _ in leaders.misspellings))
    for wrong, right in leaders.misspellings:
        if wrong not in misspelt:
            continue
        for m in re.finditer(re.escape(wrong), text):
            yield Hit(MISSPELT, *view.span(m.start(), m.end()), replacement=right)
    names = {o.name for o in leaders.offices}
    titles = sorted({t for o in leaders.offices for t in o.titles}, key=len, reverse=True)
    if not names or not titles:
        return
    name_re = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
    known = set(titles)
    for m in name_re.finditer(text):
        found = _title_near(text, m.start(), m.end(), titles)
        chained = [t for t in _chain(text, m.start(), known) if found is None or t[1] < found[1]]
        for title, start, end in ([found] if found else []) + chained:
            offices = [o for o in leaders.offices if o.name == m.group() and title in o.titles]
            if any(o.holds(day) for o in offices):
                continue
            before = text[max(0, start - 3):start]
            if offices and (any(before.endswith(p) for p in _PAST_MARKERS)
                            or all(o.valid_from and day < o.valid_from for o in offices)):
                continue  # written as a former office, or a draft dated before the appointment
            rule = FORMER if offices else WRONG_TITLE
            yield Hit(rule, *view.span(min(start, m.start()), max(end, m.end())))


def _chain(text: str, start: int, known: set[str]) -> Iterator[tuple[str, int, int]]:
    """The titles further up a chain before a name, joined by 、 (国务院副总理、公安部部长王小洪):
    the walk passes segments that end as a title ends (公安部部长, which the file need not
    know) and checks each segment that is, whole, a title the file knows. It stops at
    anything else, so a list of names (李强、赵乐际) lends no title."""
    end = start
    for _ in range(_CHAIN):
        begin = end
        while begin > 0 and "\u4e00" <= text[begin - 1] <= "\u9fff" and end - begin < 16:
            begin -= 1
        segment = text[begin:end]
        if not segment or segment[-1] not in _TITLE_ENDS:
            return
        if end < start and segment in known:  # the one next to the name is _title_near's
            yield segment, begin, end
        if begin == 0 or text[begin - 1] != "、":
            return
        end = begin - 1


def _title_near(text: str, start: int, end: int, titles: list[str]
                ) -> tuple[str, int, int] | None:
    """A title right before the name (国务院总理李强, spaces allowed) or right after it
    (李强总理). A list (赵乐际、国务院总理李强) never lends one name the next one's title."""
    for title in titles:
        t_end = start
        while t_end > 0 and text[t_end - 1] == " " and start - t_end < _GAP:
            t_end -= 1
        if text[max(0, t_end - len(title)):t_end] == title:
            return title, t_end - len(title), t_end
        if text[end:end + len(title)] == title:
            return title, end, end + len(title)
    return None
