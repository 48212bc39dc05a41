"""SC524: a minor identified — a real name with a school, grade or class (城关小学五年级（2）班)
or an age under 18 (今年11岁, （女，11岁）).

未成年人保护法 (第四十九条, 第一百零三条) forbids disclosing what identifies a minor in a case
and asks media to protect minors' privacy. `block` where the child is in trouble (an accident,
a case, illness, hardship) or where both age and school are given; `review` otherwise (a
school's award list is common, but still worth a second look). Masked names (李某某同学, 小明)
are not found."""

from __future__ import annotations

from collections.abc import Iterator

from review.document import Document
from review.findings import Category, Gate, Hit, Rule, Severity
from review.regexcache import compile as re_compile
from review.rules.spec import Kind, RuleSpec
from review.stages.detectors.common import Options, finditer, hit, windows
from review.stages.detectors.subjects import Sentences

MINOR = Rule("SC524", Category.SECRETS, Gate.CONFIDENTIALITY, Severity.BLOCK,
             "披露未成年人身份信息（姓名与学校、班级或年龄）",
             "a minor's identity (name with school, class or age)",
             "隐去姓名（如“李某某同学”）或删去学校、班级和年龄",
             "mask the name (李某某同学) or drop the school, class and age")
SPECS = [
    RuleSpec(MINOR, Kind.DETECTOR, source=__name__,
             hit=("城关小学五年级（2）班学生王梓涵放学途中失踪，家长十分焦急。",
                  "溺水身亡的男孩刘浩然今年11岁，是留守儿童。",
                  "据了解，陈思雨（女，12岁）系东坡中学七年级3班学生。",
                  "实验小学四年级学生赵子航在比赛中获得一等奖。"),
             miss=("城关小学五年级（2）班李某某同学在比赛中获得一等奖。",
                   "12岁以下儿童由成人陪同可免费入园。",
                   "村民王德顺今年78岁，身体硬朗。",
                   "小明今年11岁，在城关小学读五年级。",
                   "县教育局局长张立平到东坡中学七年级3班听课。"),
             detail_zh="真实姓名与学校、年级、班级或未满18周岁的年龄同句出现；"
                       "化名、打码姓名不报。",
             detail_en="a real name with a school, grade or class, or an age under 18; "
                       "masked names are not reported."),
]

_CN = dict(zip("一二三四五六七八九", range(1, 10), strict=True))
# An age, not part of a larger number (七十一岁), a range (12岁以下, 0岁—1岁) or a time of life
# looked back on (14岁那年, 5岁丧母, 6岁时).
_AGE = re_compile(r"(?<![\d一二三四五六七八九十百两几\-—~至到])(\d{1,2}|十?[一二三四五六七八九]|十)"
                  r"周?岁(?![以至到\-—~半时那起便就丧后前]|左右|开始|的时候|之前|之后)")
# A school's name does not run over 的, 是, 在 … (14岁的崔晓峰是城关中学: the school is 城关中学).
_PLACE = r"(?:(?![的是在为系于和与])[\u4e00-\u9fff]){2,8}"
_SCHOOL = re_compile(
    rf"(?:{_PLACE}(?:小学|中学|初中|高中|幼儿园|完小|学校))?"
    r"(?:[一二三四五六七八九1-9]年级(?:\(?\d{1,2}\)?班)?|(?:初|高)[一二三](?:\(?\d{1,2}\)?班"
    r"|学生|年级))"
    rf"|{_PLACE}(?:小学|中学|初中|幼儿园|完小)(?=学生|的学生|就读)")
# Every school match holds one of these; the costly pattern is tried only around them.
_SCHOOL_ANCHORS = ("年级", "初一", "初二", "初三", "高一", "高二", "高三", "小学", "中学", "初中",
                   "高中", "幼儿园", "完小", "学校")
_TROUBLE = re_compile("溺水|走失|失踪|受伤|伤害|欺凌|霸凌|侵害|猥亵|性侵|违法|犯罪|涉嫌|殴打|被打"
                      "|自杀|轻生|死亡|身亡|遇难|留守|孤儿|困境|贫困|低保|残疾|患|病|车祸|事故"
                      "|离家出走|辍学")


def _age(text: str) -> int:
    """An age written 11, 十一 or 九 (the pattern allows nothing above 十九)."""
    if text.isdigit():
        return int(text)
    return (10 if "十" in text else 0) + _CN.get(text[-1], 0)


def detect(doc: Document, options: Options) -> Iterator[Hit]:
    view = doc.visible
    text = view.text
    sentences: Sentences | None = None
    found: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
    for matches, what in ((finditer(_AGE, text, windows(text, ("岁",), 5, 4)), "age"),
                          (finditer(_SCHOOL, text, windows(text, _SCHOOL_ANCHORS, 14, 10)),
                           "school")):
        for m in matches:
            if what == "age" and _age(m.group(1)) >= 18:
                continue
            sentences = sentences or Sentences(text)
            name = sentences.subject(*m.span(), reach=24)
            if name is not None:
                found.setdefault(name, []).append((m.start(), m.end(), what))
    for name, details in found.items():
        assert sentences is not None  # a name was found by it
        start = min(name[0], *(d[0] for d in details))
        end = max(name[1], *(d[1] for d in details))
        low, high = sentences.bounds(start)[0], sentences.bounds(end - 1)[1]
        serious = len({d[2] for d in details}) == 2 or _TROUBLE.search(text, low, high)
        yield hit(view, MINOR, start, end, None if serious else Severity.REVIEW)
