"""SC527: a private person identified in the police and court format — a real name followed by
sex and age, birth date or native place: 刘美芳（女，34岁，柳湾镇人）, 周建华，男，1985年3月出生.

Police bulletins and court reports mask the names of suspects, victims and the dead (刘某某,
张某); written out in full, the bracket tells the reader exactly who it is. Appointment notices
(拟任人选公示：李文华，男，1978年5月生), honours (全国劳动模范孙桂英（女，58岁）) and people named
by their office publish the same format on purpose and are not reported. Only a sentence
about a case (a suspect, a victim, a detention, an accident) is judged: replies to petitions
describe the petitioner so (信访人基本情况：某某，男，1970年出生) and are left to the other privacy
rules (health, record, address), which say what the sensitive detail is."""

from __future__ import annotations

from collections.abc import Iterator

from review.document import Document
from review.findings import Category, Gate, Hit, Rule, Severity
from review.regexcache import compile as re_compile
from review.rules.spec import Kind, RuleSpec
from review.stages.detectors.common import Options, finditer, hit, windows
from review.stages.detectors.subjects import Sentences

IDENTITY = Rule("SC527", Category.SECRETS, Gate.CONFIDENTIALITY, Severity.BLOCK,
                "以真实姓名加性别年龄籍贯披露个人身份（个人隐私）",
                "a private person identified by real name, sex, age or native place (privacy)",
                "姓名隐去为“刘某某”“张某”等，或删除年龄、出生日期和籍贯",
                "mask the name (刘某某, 张某) or drop the age, birth date and native place")
SPECS = [
    RuleSpec(IDENTITY, Kind.DETECTOR, source=__name__,
             hit=("犯罪嫌疑人邓春燕（女，29岁，青山镇人）因涉嫌盗窃被刑事拘留。",
                  "被告人钟立伟，男，1990年7月出生，汉族，高中文化。",
                  "受害人彭秀芝（女，71岁）被骗走养老钱3万元。",
                  "死者高建平，男，47岁，系外地务工人员。",
                  "驾驶人熊志刚（男，35岁，城关镇人）因酒驾被查处。"),
             miss=("犯罪嫌疑人邓某某（女，29岁，青山镇人）因涉嫌盗窃被刑事拘留。",
                   "拟任人选公示：钟立伟，男，1980年7月生，现任县农业农村局副局长。",
                   "全国劳动模范彭秀芝（女，58岁）应邀作事迹报告。",
                   "县人大代表高建平（男，47岁）提出了关于农村饮水的建议。",
                   "刘女士（45岁，县城居民）说，社区服务越来越好了。",
                   "信访人基本情况：钟立伟，男，1970年1月出生，务农。"),
             detail_zh="涉案、事故语句中，真实姓名后紧跟性别与年龄、出生年月或籍贯（公安、法院"
                       "通报格式）；化名、打码姓名、任前公示、表彰和以职务出现的人员不报。",
             detail_en="in a sentence about a case or an accident, a real name followed by sex "
                       "with an age, a birth date or a native place (the police and court "
                       "format); masked names, appointment notices, honours and officials are "
                       "not reported."),
]

# (女，34岁 …; ，男，1985年3月出生; (男,柳湾镇人) — sex, then an age, a birth date or a place.
_FORMAT = re_compile(
    r"[(,]\s*[男女]\s*[,、]\s*(?:\d{1,3}周?岁|\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?出?生"
    r"|[\u4e00-\u9fff]{1,3}族|[\u4e00-\u9fff]{2,12}人[,)、])")
_ANCHORS = ("(男", "(女", ",男", ",女")
# The same format published on purpose: appointments, candidates, honours, public roles.
_PUBLIC = re_compile("公示|拟任|拟提拔|拟推荐|任前|现任|曾任|简历|候选人|当选|选举|表彰"
                     "|劳动模范|劳模|先进|模范|获评|荣获|评为|称号|优秀|代表|委员|事迹|英雄|烈士|志愿者|招聘|录用"
                     "|聘任|任职|人选|推荐对象")
# A case, a detention or an accident: the person is a suspect, a victim or a casualty.
_CASE = re_compile("嫌疑|被告|违法|犯罪|涉嫌|拘留|逮捕|判处|判决|罪|刑|被害|受害|死者|伤者"
                   "|身亡|死亡|遇难|受伤|事故|醉驾|酒驾|涉案|被骗|处罚|吸毒|戒毒|盗窃|诈骗|当事人|行为人")


def detect(doc: Document, options: Options) -> Iterator[Hit]:
    view = doc.visible
    text = view.text
    sentences: Sentences | None = None
    for m in finditer(_FORMAT, text, windows(text, _ANCHORS, 0, 24)):
        sentences = sentences or Sentences(text)  # names only where the format is
        low, high = sentences.bounds(m.start())
        name = next((n for n in sentences.names_in(low, high) if n[1] == m.start()), None)
        if name is None or _PUBLIC.search(text, low, high) or not _CASE.search(text, low, high):
            continue
        yield hit(view, IDENTITY, name[0], m.end())
