"""SC521 health, SC522 criminal record, SC523 disability of a named private person.

Each is sensitive personal information (个人信息保护法 第二十八条): a post may tell of an
illness, a past conviction or a disability, but not under the person's real name. The finding
spans the name to the detail. Masked names (张某, 李**, 刘女士, 小陈) and people named by their
office are not found (see names.py). A sentence that praises (表彰, 事迹, 身残志坚 …) is about a
model or a public figure more likely than a private person: `review` there, `block` elsewhere."""

from __future__ import annotations

from collections.abc import Iterator

from review.document import Document
from review.findings import Category, Gate, Hit, Rule, Severity
from review.regexcache import compile as re_compile
from review.rules.spec import Kind, RuleSpec
from review.stages.detectors.common import Options, finditer, hit, windows
from review.stages.detectors.subjects import Sentences

_FIX = ("隐去真实姓名（如“李某”）或删除该信息；确需公开的须经本人书面同意",
        "mask the name (李某) or drop the detail; publish it only with written consent")
HEALTH = Rule("SC521", Category.SECRETS, Gate.CONFIDENTIALITY, Severity.BLOCK,
              "实名披露个人健康信息（个人隐私）", "a named person's health data (privacy)", *_FIX)
RECORD = Rule("SC522", Category.SECRETS, Gate.CONFIDENTIALITY, Severity.BLOCK,
              "实名披露个人违法犯罪记录（个人隐私）",
              "a named person's criminal record (privacy)", *_FIX)
DISABILITY = Rule("SC523", Category.SECRETS, Gate.CONFIDENTIALITY, Severity.BLOCK,
                  "实名披露个人残疾信息（个人隐私）",
                  "a named person's disability (privacy)", *_FIX)
SPECS = [
    RuleSpec(HEALTH, Kind.DETECTOR, source=__name__,
             hit=("西湖村村民李春兰患尿毒症多年，每周需透析三次。",
                  "据了解，患白血病的小学生王梓涵急需配型。",
                  "刘建国今年五十二岁。他去年确诊为肝癌，一直在县医院住院治疗。",
                  "经排查，居民赵德胜确诊为艾滋病病毒感染者，已转诊。",
                  "青山镇的孙丽华患有精神分裂症，家人无力照料。",
                  "体检时，职工韦春生检出丙肝，随后被调离岗位。"),
             miss=("县卫健委主任王志刚看望慰问了患尿毒症的困难群众。",
                   "村民张某患尿毒症多年，家庭十分困难。",
                   "刘女士确诊为乳腺癌后，医保报销了大部分费用。",
                   "陈建华为患白血病的邻居发起募捐。",
                   "主治医生李明介绍，癌症早筛可以显著提高治愈率。"),
             detail_zh="真实姓名与疾病（尿毒症、癌症、艾滋病、精神疾病、乙肝等）、住院治疗等"
                       "健康信息同句出现；化名、打码姓名和以职务出现的人员不报。",
             detail_en="a real name with an illness (uremia, cancer, HIV, mental illness, "
                       "hepatitis B …) or hospital treatment; masked names and officials in "
                       "their role are not reported."),
    RuleSpec(RECORD, Kind.DETECTOR, source=__name__,
             hit=("东坡村村民吴大勇曾因盗窃被判处有期徒刑三年。",
                  "刑满释放人员马小军，回村后办起了养殖场。",
                  "居民周海涛有吸毒史，社区已将其列为重点帮扶对象。"),
             miss=("犯罪嫌疑人王某某曾因盗窃被判刑，有吸毒史。",
                   "县司法局局长陈立新介绍了刑满释放人员安置帮教工作。",
                   "郑红梅帮教刑满释放人员十余年，被评为优秀志愿者。",
                   "社区矫正对象张某按时报到。"),
             detail_zh="真实姓名与前科、刑满释放、吸毒史、社区矫正等违法犯罪记录同句出现。",
             detail_en="a real name with a criminal record (前科, 刑满释放, 吸毒史, 社区矫正)."),
    RuleSpec(DISABILITY, Kind.DETECTOR, source=__name__,
             hit=("肢体残疾的村民黄秀英靠编织竹篮补贴家用。",
                  "何志军为二级智力残疾，由其母亲照顾。",
                  "何小燕是听力残疾，民政办已为她办理残疾证。"),
             miss=("全县持证残疾人共计3200人，残疾证办理实现“跨省通办”。",
                   "残联理事长刘勇介绍了肢体残疾人康复服务项目。",
                   "村民李某某为一级肢体残疾，已纳入低保。"),
             detail_zh="真实姓名与残疾类别、残疾等级或残疾证同句出现；表彰、事迹报道为待审。",
             detail_en="a real name with a kind or grade of disability or a disability card; "
                       "in praise it is for review."),
]

_DISEASE = (r"(?:尿毒症|白血病|艾滋病|hiv|癌症|[肝肺胃肠乳腺宫颈鼻咽胰骨卵巢膀胱直结]{1,3}癌"
            r"|恶性肿瘤|肿瘤|淋巴瘤|乙肝|丙肝|梅毒|性病|肺结核|结核病|精神分裂症?|精神疾病"
            r"|精神病|抑郁症|双相情感障碍|躁郁症|自闭症|孤独症|癫痫|脑瘫|渐冻症|红斑狼疮|尘肺病?"
            r"|肾衰竭|尿毒|心脏病|脑梗|脑出血|偏瘫|瘫痪|植物人|阿尔茨海默病|老年痴呆"
            r"|地中海贫血|血友病|麻风病|重病|大病|罕见病|新冠肺炎|新冠)")
_HEALTH = re_compile(
    rf"(?:患有|患上|身患|罹患|患了|患|得了|查出|检出|检查出|确诊(?:为|患)?|诊断为|诊断出|感染(?:了)?)"
    rf"[^,。;!?]{{0,4}}?{_DISEASE}(?:病毒感染者|患者)?"
    rf"|{_DISEASE}(?:患者|病人|患儿|感染者|病例)|(?:艾滋病|hiv)(?:病毒)?(?:感染者|携带者)"
    r"|住院治疗|正在住院|重症监护|化疗|透析|精神病史|精神病人|检测呈阳性|检测结果呈阳性|检测为阳性"
    r"|确诊阳性")
# Every health match holds one of these; the costly pattern is tried only around them.
_HEALTH_ANCHORS = ("患", "得了", "查出", "检出", "确诊", "诊断", "感染", "病人", "病例", "携带者",
                   "住院", "重症", "化疗", "透析", "病史", "阳性")
_RECORD_ANCHORS = ("曾因", "史", "前科", "劣迹", "案底", "犯罪记录", "释放", "矫正", "人员", "服刑",
                   "坐过牢")
_DISABLED_ANCHORS = ("残疾", "障碍", "聋哑", "失明", "截瘫")
_RECORD = re_compile(
    r"曾因[^,。;!?]{0,12}?(?:被判|获刑|判刑|入狱|服刑|坐牢|劳教|劳动教养|拘留|被捕|刑事处罚"
    r"|强制隔离戒毒)"
    r"|有(?:吸毒史|涉毒史|犯罪史|犯罪记录|违法犯罪记录|(?:犯罪|违法犯罪|盗窃|诈骗|吸毒|抢劫)?"
    r"(?:前科|劣迹|案底))"
    r"|刑满释放|劳改释放|社区矫正(?:对象|人员)|吸毒人员|服刑人员|正在服刑|坐过牢")
_DISABLED = re_compile(
    r"(?:[一二三四1-4][级类])?(?:肢体|智力|精神|视力|听力|言语|多重)(?:残疾|障碍)"
    r"|[一二三四1-4]级残疾|残疾证|聋哑|双目失明|高位截瘫")
_PRAISE = re_compile("荣获|获得|表彰|先进|模范|劳模|楷模|英雄|事迹|感动|自强|身残志坚|冠军"
                     "|金牌|评为|当选|称号|致敬|榜样|最美")


def detect(doc: Document, options: Options) -> Iterator[Hit]:
    view = doc.visible
    sentences: Sentences | None = None
    text = view.text
    for matches, rule in (
            (finditer(_HEALTH, text, windows(text, _HEALTH_ANCHORS, 32, 44)), HEALTH),
            (finditer(_RECORD, text, windows(text, _RECORD_ANCHORS, 20, 22)), RECORD),
            (finditer(_DISABLED, text, windows(text, _DISABLED_ANCHORS, 8, 2)), DISABILITY)):
        for m in matches:
            sentences = sentences or Sentences(view.text)  # names only where a detail is
            name = sentences.subject(*m.span())
            if name is None:
                continue
            start, end = min(name[0], m.start()), max(name[1], m.end())
            praised = _PRAISE.search(view.text, sentences.bounds(start)[0],
                                     sentences.bounds(m.start())[1])
            yield hit(view, rule, start, end, Severity.REVIEW if praised else None)
