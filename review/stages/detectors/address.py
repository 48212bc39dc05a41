"""SC520: a private person's home address, down to the building, unit or room (幸福小区5号楼
2单元301室) or the village group (东坡村五组, 3组12号).

Only where the text says it is where someone lives (家住, 住址, 一家住在, …的住户): an office,
a venue or a shop (县政务服务中心位于…88号, 办公地址, 举办地点, 门店) is published on purpose, and
a street number alone is not a home. `block` where the text gives it as someone's home or
address (家住, 住址, 户主); `review` for 住在, 居住 and a building's residents, which notices
about a whole building also say."""

from __future__ import annotations

from collections.abc import Iterator

from review.document import Document
from review.findings import Category, Gate, Hit, Rule, Severity
from review.regexcache import compile as re_compile
from review.rules.spec import Kind, RuleSpec
from review.stages.detectors.common import Options, finditer, hit, windows

ADDRESS = Rule("SC520", Category.SECRETS, Gate.CONFIDENTIALITY, Severity.BLOCK,
               "个人家庭住址（个人隐私）", "a private person's home address (privacy)",
               "删去门牌、楼栋、单元、房号或村民小组，只保留到街道或村",
               "drop the number, building, unit, room or village group; keep the street or "
               "village only")
SPECS = [
    RuleSpec(ADDRESS, Kind.DETECTOR, source=__name__,
             hit=("走失老人王德顺家住城关镇建设路32号3单元，请知情者与派出所联系。",
                  "当事人住址为幸福小区5号楼2单元301室。",
                  "受助对象李桂芝一家住在东坡村五组，房屋年久失修。",
                  "经核实，该户户主陈有福，住址：青石村3组12号。",
                  "火情发生在锦绣花园2栋401室，住户赵女士及时报警。",
                  "被执行人钱大海，男，住青山镇金桥小区6栋2单元402。",
                  "讨薪工人说，老板的家在御景湾3幢1501，多次上门未果。",
                  "爱心包裹请寄到受助学生家：白沙村六组15号。"),
             miss=("县政务服务中心位于人民路88号，办公地址：行政中心2号楼3楼。",
                   "本次招聘会举办地点：县体育馆2号门，欢迎求职者前来。",
                   "新开业的便民超市门店地址为建设路32号1楼。",
                   "家住城区的市民可就近到社区卫生服务中心接种疫苗。",
                   "东坡村五组的道路硬化工程已全面完工。",
                   "大家在幸福小区5号楼前集合，统一乘车出发。",
                   "专家:建设路32号的老建筑具有较高保护价值。",
                   "家住3幢的王阿姨说，加装电梯后上下楼方便多了。"),
             detail_zh="文中说明是某人住处（家住、住址、住户等）且具体到门牌、楼栋、单元、房号或"
                       "村民小组的地址；单位、场馆、门店地址不报。",
             detail_en="an address the text gives as someone's home (家住, 住址, 住户 …) down to a "
                       "house number, building, unit, room or village group; offices, venues "
                       "and shops are not reported."),
]

_NUM = r"(?:\d+|[一二三四五六七八九十百零〇]+)"
# The part of an address that locates one home rather than a street or a village.
HOME_DETAIL = re_compile(
    rf"{_NUM}(?:栋|幢|号楼|单元|室|座|号房|楼{_NUM}号)(?:{_NUM}(?:室|号)?)?"
    rf"|村(?:民)?{_NUM}(?:组|社|队)(?:{_NUM}号)?|{_NUM}(?:组|社|队){_NUM}号"
    rf"|(?:路|街|巷|弄|道|胡同|大街){_NUM}号(?:院)?"
    rf"|\d{{1,3}}-\d{{1,4}}(?:-\d{{1,4}})?(?:室|号)?")
# Words saying it is someone's home: strong ones block, weak ones are for review.
# 家在/家: after a trade or a crowd is not a home (大家在, 商家在, 专家:); 住 alone counts
# where a record lists it after a comma or a colon (周建华，男，住东坡村…).
_NOT_HOME = "国大专作商店厂买卖玩行东画"
_HOME = re_compile(rf"(?:(?<![国大])家住|一家住在|家庭住址|家庭地址|住址|户籍地址|户籍所在地"
                   rf"|现住址|户主|(?<![{_NOT_HOME}])家(?:在|:)|住处(?:在|为|是)?|住所(?:在|为|是)?"
                   r"|(?<=[,:(])住(?![在院房宿户址处所宅]))"
                   r"|(住在|居住在|居住于|住于|租住在?|暂住在?|现住|借住在?)")
_TAIL = re_compile(r"(?:为|是|:|在|于|\s)*")
# Residents named after the address: 锦绣花园2栋401室住户, 3单元居民.
_RESIDENTS = re_compile(r"(?:的)?(?:住户|户主|居民|业主|租户|一家)(?![楼区点])")
_RESIDENT_ANCHORS = ("住户", "户主", "居民", "业主", "租户", "一家")
# One home rather than a building's residents (41栋居民 is a notice): a room or a door number.
_ONE_HOME = re_compile(r"(?:室|号房|[^楼]号|\d{3,4}|\d-\d+)$")
# An institution's address, however it is introduced.
_PUBLIC = re_compile("服务中心|政务|办公|机关|医院|学校|小学|中学|幼儿园|门店|营业厅|公司|超市|酒店"
                     "|宾馆|银行|派出所|委员会|政府|体育馆|会场|地点|场馆|市场|商场|商铺|厂")
_STOP = re_compile(r"[,。;!?\n(（)）“”、]")
_BUILDING_ONLY = re_compile(rf"{_NUM}(?:栋|幢|号楼)")


def _details(text: str, start: int, limit: int) -> tuple[int, int] | None:
    """The span from `start` to the last home-locating detail before the clause ends."""
    stop = _STOP.search(text, start, start + limit)
    end = stop.start() if stop else min(len(text), start + limit)
    found = list(HOME_DETAIL.finditer(text, start, end))
    if not found or _PUBLIC.search(text, start, found[-1].end()):
        return None
    if len(found) == 1 and found[0].start() == start and _BUILDING_ONLY.fullmatch(found[0].group()):
        return None  # 家住5栋的刘大爷: a building of a place not named is no address
    return start, found[-1].end()


def detect(doc: Document, options: Options) -> Iterator[Hit]:
    view = doc.visible
    text = view.text
    reported = -1
    for m in finditer(_HOME, text, windows(text, ("住", "户主", "户籍", "家在", "家庭地址", "家:"),
                                           4, 4)):
        span = _details(text, _TAIL.match(text, m.end()).end(), 40)
        if span and span[0] > reported:
            reported = span[1]
            yield hit(view, ADDRESS, *span, Severity.REVIEW if m.group(1) else None)
    for m in finditer(_RESIDENTS, text, windows(text, _RESIDENT_ANCHORS, 1, 1)):
        end = m.start() - (text[m.start() - 1:m.start()] == ",")
        stops = [s.end() for s in _STOP.finditer(text, max(0, end - 40), end)]
        low = stops[-1] if stops else max(0, end - 40)
        details = list(HOME_DETAIL.finditer(text, low, end))
        if not details or details[-1].end() != end or end <= reported \
                or not _ONE_HOME.search(details[-1].group()) or _PUBLIC.search(text, low, end):
            continue
        # 火情发生在锦绣花园2栋401室: the address begins after the last 在/于 before its detail
        lead = max(text.rfind("在", low, details[0].start()), text.rfind("于", low,
                                                                         details[0].start()))
        start = lead + 1 if lead >= 0 else low
        reported = end
        yield hit(view, ADDRESS, start, end, Severity.REVIEW)
