"""Taiwan, Hong Kong and Macao presented as countries. EX9201: an item of a list of countries —
closed by 等国(家) or by a count (3个国家, 8国), or opened by 各国…包括 — without 地区. EX9202:
one of a pair of "two countries" (大陆与台湾两国). EX9203: a mark of statehood written as
Taiwan's own (台湾国立…, 台湾国). EX9204: Taiwan, Hong Kong or Macao set against “China” as its
counterpart (台湾青年和中国青年: 大陆青年, 内地企业). An item written 中国台湾 is still an item
of a list of countries; 台湾地区, 国家和地区, “国立” in quotation marks are right."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

from review.automaton import present
from review.document import Document
from review.findings import RULE as BROAD
from review.findings import Category, Gate, Hit, Rule, Severity
from review.regexcache import compile as re_compile
from review.regexcache import finditer_near
from review.rules.spec import Kind, RuleSpec
from review.stages.detectors.common import finditer, windows

RULE = Rule("EX9201", Category.EXPRESSION, Gate.POLITICAL, Severity.BLOCK,
            "将台湾、香港、澳门与国家并列", "Taiwan, Hong Kong or Macao listed as a country",
            "改为“国家和地区”，或写作“中国台湾”“中国香港”“中国澳门”",
            "write “countries and regions”, or “Taiwan, China”")
PAIR = Rule("EX9202", Category.EXPRESSION, Gate.POLITICAL, Severity.BLOCK,
            "将台湾、香港、澳门与别国并称“两国”", "Taiwan, Hong Kong or Macao as one of “two "
            "countries”", "改为“两岸”“内地与香港”等，不称“两国”",
            "write 两岸 or 内地与香港, never 两国")
STATEHOOD = Rule("EX9203", Category.EXPRESSION, Gate.POLITICAL, Severity.BLOCK,
                 "以国家称谓称台湾地区的机构或证件", "a mark of statehood written as Taiwan's own",
                 "去掉“国立”或加引号，不称“台湾国”“台湾护照”（称“台湾居民来往大陆通行证”）",
                 "drop 国立 or quote it; never 台湾国 or 台湾护照 (a 台湾居民来往大陆通行证)")
COUNTERPART = Rule("EX9204", Category.EXPRESSION, Gate.POLITICAL, Severity.BLOCK,
                   "将台湾、香港、澳门与“中国”对举", "Taiwan, Hong Kong or Macao set against China",
                   "与台湾对举称“大陆”，与香港、澳门对举称“内地”",
                   "write 大陆 (beside Taiwan) or 内地 (beside Hong Kong, Macao), not 中国")
TAIWAN_BODIES = Rule("EX9206", Category.EXPRESSION, Gate.POLITICAL, Severity.REVIEW,
                     "台湾地区的机构或族群用了台湾当局的称谓",
                     "a Taiwanese body or people named as the Taiwan authorities name them",
                     "称“台湾地区行政管理机构”“台湾地区立法机构”，称“台湾少数民族”",
                     "write 台湾地区行政管理机构, 台湾地区立法机构; 台湾少数民族 for its peoples")
ABROAD = Rule("EX9205", Category.EXPRESSION, Gate.POLITICAL, Severity.REVIEW,
              "把往来台湾、香港、澳门说成出国、回国，或把那里的人称作外国人、外籍",
              "going to or coming from Taiwan, Hong Kong or Macao called going abroad, or their "
              "people called foreign",
              "称“赴台”“赴港”“返回大陆（内地）”，称“台湾同胞”“港澳居民”，外籍人员另列",
              "write 赴台/赴港, 返回大陆 or 内地, 台湾同胞 or 港澳居民; list foreigners apart")
SPECS = [RuleSpec(
    RULE, Kind.REGION, source=__name__,
    hit=("展会吸引了法国、德国和澳门等国的企业参展。", "景区的主要客源国为日本、韩国和台湾。",
         "出席论坛的各国代表包括：英国、新加坡、香港。",
         "来自日本、韩国、台湾、越南等8个国家的客商参会。",
         "参赛选手分别来自澳门、葡萄牙、巴西3个国家。",
         "参赛队伍来自泰国、中国香港、新加坡等8个国家。",
         "本届博览会的展商来自东盟、中东、港澳等20多个国家。",
         "夏令营的营员分别来自新加坡、马来西亚和台湾等4个国家。",
         "合作伙伴遍布中国澳门等十多个国家。"),
    miss=("既有来自中国香港、中国澳门的队伍，也有来自新加坡、马来西亚等国的选手。",
          "香港等国际大都市的经验值得借鉴。", "东京、首尔、香港等国际金融中心。",
          "澳门等国有资本参与的项目。", "游客来自港澳台等地区。",
          "合作伙伴遍布中国澳门等十多个国家和地区。",
          "来自美国、日本、中国台湾等国家和地区的游客。", "台湾同胞和各国友人欢聚一堂。",
          "参赛队伍来自泰国、中国香港、新加坡等8个国家和地区。"),
    detail_zh="在“等国（家）”或“各国……包括”的国家列举中出现台湾、香港、澳门而未称地区。",
    detail_en="Taiwan, Hong Kong or Macao as an item of a list of countries (…等国, 各国…包括)."),
    RuleSpec(PAIR, Kind.REGION, source=__name__,
             hit=("来自大陆与台湾两国的青年学子齐聚一堂。", "促进香港和新加坡两国的经贸往来。",
                  "台湾青年代表团抵达我市。座谈会上，大家表示两国青年应加强交流。"),
             miss=("来自大陆与台湾两岸的青年学子齐聚一堂。", "促进中国和新加坡两国的经贸往来。",
                   "台湾青年代表团抵达我市。座谈会上，大家表示两岸青年应加强交流。",
                   "两岸同胞共同反对“两国论”。", "台湾问题事关中美两国关系大局。",
                   "香港商会代表与日本客商洽谈，两国企业签署合作意向。"),
             detail_zh="“两国”所指的两方之一是台湾、香港或澳门；或稿件讲台湾、香港、澳门而未提任何"
                       "外国，却称“两国”（须复核）。",
             detail_en="one of the two sides of 两国 is Taiwan, Hong Kong or Macao; or a draft "
                       "about them that names no foreign country says 两国 (for review)."),
    RuleSpec(STATEHOOD, Kind.REGION, source=__name__,
             hit=("展品借自台湾国立历史博物馆。", "他曾在台湾国的一所大学任教。",
                  "来自国立台湾艺术大学的学者作报告。",
                  "工作人员核验了当事人的台湾护照。", "他持有台湾地区护照。"),
             miss=("展品借自台湾“国立”历史博物馆。", "台湾国民党主席发表讲话。",
                   "工作人员核验了当事人的台湾居民来往大陆通行证。",
                   "来自台湾“国立”台湾艺术大学的学者作报告。",
                   "抗战时期的国立西南联合大学培养了大批人才。"),
             detail_zh="台湾地区机构名称中的“国立”未加引号，或称“台湾国”。",
             detail_en="an unquoted 国立 in the name of a Taiwanese institution, or 台湾国."),
    RuleSpec(COUNTERPART, Kind.REGION, source=__name__,
             hit=("夏令营邀请了40名台湾学生和40名中国学生。", "促进香港企业与中国企业的合作。",
                  "中国游客和澳门游客都可以免费参观。", "中台双方在农业领域合作密切。",
                  "论坛为中台民间往来搭建了平台。", "加快中港跨境物流通道建设。",
                  "增进中台两国人民的了解。", "参赛选手来自中国、香港、澳门以及泰国等地。",
                  "来自中国、台湾的学者出席论坛。", "香港、澳门和中国的客商齐聚一堂。"),
             miss=("夏令营邀请了40名台湾学生和40名大陆学生。", "促进香港企业与内地企业的合作。",
                   "中国银行与香港银行签署合作协议。",
                   "中国游客和中国澳门游客都可以免费参观。",
                   "台湾学生和中国香港学生同台演出。", "数据中台建设提速，业务中台交流会召开。",
                   "两岸民间往来日益密切。", "推动内地与香港两地青年创新创业交流。",
                   "华中港口物流合作论坛开幕。", "中澳两国签署自由贸易协定。",
                   "来自中国内地、香港、澳门的选手参赛。", "中国、中国香港、中国澳门代表团入场。",
                   "新中国、香港回归以来的成就展。", "中国和香港特别行政区政府签署协议。"),
             detail_zh="台湾、香港、澳门的某类人或机构与“中国”的同类并举，如“台湾青年和中国青年”。",
             detail_en="Taiwan, Hong Kong or Macao and China as two parallel sides "
                       "(台湾青年和中国青年)."),
    RuleSpec(TAIWAN_BODIES, Kind.REGION, source=__name__,
             hit=("他曾在台湾行政院下属的一个委员会任职。", "台湾立法院近日通过一项法案。",
                  "来自台湾台东的原住民舞蹈团献上了精彩演出。",
                  "交流团由台湾前立法委员带队。", "他曾任台湾经济部官员。",
                  "台湾地区前总统的发言引发关注。", "据台湾中央研究院的学者介绍，该物种已濒危。"),
             miss=("他曾在台湾地区行政管理机构任职。",
                   "来自台湾台东的少数民族舞蹈团献上了精彩演出。",
                   "澳大利亚原住民的传统艺术展在市博物馆开幕。", "韩国国会通过一项法案。",
                   "交流团由台湾地区前民意代表带队。", "台湾同胞联谊会成立委员会。",
                   "台湾地区教育部门负责人出席。",
                   "台湾问题上美国总统的表态引发关注。",
                   "据台湾“中央研究院”的学者介绍，该物种已濒危。", "台湾青年参观了中央民族大学。"),
             detail_zh="台湾之后不远处写“行政院”“立法院”“监察院”“考试院”“司法院”或“原住民”，"
                       "或紧接不加引号的“中央”机构名。",
             detail_en="行政院, 立法院, 监察院, 考试院, 司法院 or 原住民 shortly after 台湾, or an "
                       "unquoted 中央 body right after it."),
    RuleSpec(ABROAD, Kind.REGION, source=__name__,
             hit=("他在香港打拼十年后回国创业。", "办好出国手续后，代表团前往台湾参加交流。",
                  "研讨会邀请了两名澳门籍外国专家。", "欢迎台湾同胞回国投资兴业。",
                  "论坛吸引了港澳台等外籍人士参加。", "参展商来自港澳台及其他国家。",
                  "本次比赛有外籍选手12名，分别来自美国和台湾。", "欢迎港澳游客来华观光。",
                  "推动香港青年访华交流常态化。", "学校组织出国交流活动，师生前往澳门参观。",
                  "她在香港做了八年护士，前年回国后在县医院工作。",
                  "办理澳门居民等外国人的出入境手续。"),
             miss=("他在美国打拼十年后回国创业。", "代表团前往台湾参加两岸交流。",
                   "研讨会邀请了两名澳门专家和一名外国专家。", "他从香港转机回国。",
                   "欢迎台湾同胞来大陆投资兴业。", "论坛吸引了港澳台居民和外籍人士参加。",
                   "参展商来自港澳台地区和其他国家及地区。",
                   "本次比赛有外籍选手12名，另有来自台湾的选手3名。", "欢迎港澳游客来内地观光。",
                   "外国游客来华旅游更加便利。", "办理出国（境）手续后，前往香港参加培训。",
                   "组织学生赴澳门开展研学活动。", "他在香港读完本科，又赴英国留学，回国后创业。",
                   "她在香港做了八年护士，前年回到内地后在县医院工作。",
                   "办理澳门居民和外国人的出入境手续。"),
             detail_zh="在台湾、香港、澳门之后“回国”、出国后“赴台湾”，或称那里的人“外国专家”“外籍”。",
             detail_en="回国 after a stay in Taiwan, Hong Kong or Macao, 出国 before going there, "
                       "or its people called foreign (外国专家, 外籍).")]

# a comma parts clauses, not the items of a list (来自中国澳门的队伍，也有来自澳大利亚、新加坡等国)
_SEPARATORS = "、和及与"
# A name's characters: Chinese, not a separator — so that a list splits one way only (with
# 和 both, "甲乙和甲乙和…" could split in 2ⁿ ways, and the match took seconds); 共和 (共和国)
# is one unit.
_NAME = r"(?:共和|(?!共和|[和及与])[\u4e00-\u9fff]){2,10}"
_LIST = rf"{_NAME}(?:[{_SEPARATORS}]{_NAME})+"
_DIGITS = "0-9０-９一二三四五六七八九十两几多"
_COUNT = f"[{_DIGITS}]+"
# A list closed by 等国/等国家 or a count of countries (not …国家和地区), or opened by
# 各国…包括/国家有 …. Patterns are compiled on first use (regexcache keeps them): most drafts name
# none of the regions.
# 国 beginning another word (香港等国际都市, 澳门等国有企业, 国潮, 国门) closes no list of
# countries; 等国外 does (a region is not 国外)
_NOT_A_STATE = "[内际有企产货营标旗歌徽学画防务情土库资税门潮宝别风道策庆粹]"
_AND_REGIONS = r"家?(?:[和及与或]|（|\()地区"  # 国家和地区, 国家或地区, 国家（地区）
# a list of two names or more closed by 等国; one name is enough before a count (中国台湾等
# 12个国家)
_CLOSED = (rf"(?:({_LIST})(?:等(?:{_COUNT}个?)?|{_COUNT}个?)|({_NAME})(?:等{_COUNT}个?|"
           rf"{_COUNT}个))国(?!{_AND_REGIONS}|{_NOT_A_STATE})")
_PAIR = r"([\u4e00-\u9fff]{1,8})[与和同跟及]([\u4e00-\u9fff]{1,8})两国"
_STATEHOOD = (r"台湾(?:地区)?(?:的)?(国立)|(台湾国)(?![民际内外家语])|"
              # 国立台湾师范大学: the 国立 of a Taiwanese institution's name, unquoted
              r"(?<![“\"‘])(国立)(?=台湾|臺灣)|"
              # papers only a state issues: a 台湾居民来往大陆通行证 is what they carry
              r"(?<![“\"‘])(台湾(?:地区)?(?:护照|国籍|国旗|国歌))(?![”\"’])")
_STATEHOOD_OPENS = "台湾|国立"  # what every match opens with: it is tried only there
# 两国 with no pair named before it, in a draft about Taiwan, Hong Kong or Macao that names no
# foreign country: the two sides it can only mean are the mainland and the region. Foreign
# countries by name, and by the one character that stands for them (中美两国, 美国).
_ABOUT_REGIONS = ("台湾", "两岸", "台胞", "香港", "澳门", "港澳")
_FOREIGN_SHORT = ("美英法德日韩朝俄印越泰新马菲缅老柬蒙巴哈澳加墨智秘古埃南沙伊以"
                  "土意西葡荷比瑞挪丹芬波捷匈希奥爱乌白塞斐")
_FOREIGN = (rf"[{_FOREIGN_SHORT}]国|日本|俄罗斯|印度|越南|新加坡|马来西亚|印度尼西亚|印尼|菲律宾|"
            r"缅甸|老挝|柬埔寨|蒙古|巴基斯坦|哈萨克斯坦|澳大利亚|新西兰|加拿大|墨西哥|巴西|阿根廷|"
            r"智利|秘鲁|古巴|埃及|南非|尼日利亚|肯尼亚|沙特|伊朗|伊拉克|以色列|土耳其|意大利|西班牙|"
            r"葡萄牙|荷兰|比利时|瑞士|瑞典|挪威|丹麦|芬兰|波兰|捷克|匈牙利|希腊|奥地利|爱尔兰|"
            r"乌克兰|白俄罗斯|塞尔维亚|斐济|朝鲜|东盟|欧盟|非洲|欧洲|美洲|"
            # diplomacy is between states, and names them in ways no list holds (中贝, 阿中)
            r"外交|外长|大使|使馆|领事|建交|复交|断交|邦交|访华|首相|总统|国王|联合公报|联合声明|"
            rf"联合国|中[{_FOREIGN_SHORT}]|"
            r"中(?![台港澳])[\u4e00-\u9fff](?:两国|关系|建交|友好)|"
            r"(?<![台港澳])[\u4e00-\u9fff]中(?:两国|关系|友好)")
_BARE_PAIR = rf"(?<![{_FOREIGN_SHORT}“\"'‘])两国(?!论|[”\"'’])"
# a list opened by 各国…包括, 国家有 …, or by the countries of a trade (客源国为 …)
_OPENED = (rf"(?:(?:各国|国家)[\u4e00-\u9fff]{{0,4}}(?:包括|有|如)|"
           rf"(?:客源|出口|进口|来源|生源|参赛|贸易伙伴)国[\u4e00-\u9fff]{{0,2}}(?:为|是|有|包括))"
           rf"[:]?({_LIST})")
_REGIONS = ("台湾", "香港", "澳门")
# the regions named together, as an item of a list: 港澳台 is no country either
_TOGETHER = ("港澳台", "台港澳", "港澳", "港台", "台港", "澳台")
# a draft holding none of these names no region at all (detect returns at once)
_NAMED = (*_REGIONS, *_TOGETHER, "中台", "中港", "两岸")
_LOOKED_FOR = (*_NAMED, "两国", "中国")
# 台湾青年和30名中国青年, 中国企业与香港企业: the same noun (two characters or more) after a
# region and after 中国, joined
_JOIN = "[和与及同跟、]" + r"(?:[0-9０-９一二三四五六七八九十百千两几多]+[名位个家所支批户])?"
_COUNTERPART = (rf"(?<!中国)(台湾|香港|澳门)([\u4e00-\u9fff]{{2,4}}?){_JOIN}中国\2|"
                rf"中国([\u4e00-\u9fff]{{2,4}}?){_JOIN}(台湾|香港|澳门)\3|"
                # 来自中国、香港、澳门: China itself an item beside a region (中国内地、香港 and
                # the teams' 中国、中国香港 are right)
                r"(?<![新老旧])中国[、和与及同跟]+(?:台湾|香港|澳门)(?!地区|特区|特别行政区)|"
                r"(?:台湾|香港|澳门)(?:地区)?[、和与及同跟]+中国(?![\u4e00-\u9fff]{0,2}(?:台湾|香港|"
                r"澳门|内地|大陆))(?=[、和与及等的，。；,;])")
_COUNTERPART_OPENS = "中国|台湾|香港|澳门"  # what every match opens with
# Travel to or from a region as going abroad, its people as foreign: a stay there, then 回国;
# 出国 papers, then going there; a region's people or an item of a list of foreigners
_ANY_PLACE = "(?:台湾|香港|澳门)"
_PLACE = f"({_ANY_PLACE})"  # the same, as the finding's span
# the word that is wrong is the span: 回国 or 出国 (出国（境）, 出国境 name both and are right)
# between a stay in a region and 回国, nothing that takes the traveller elsewhere
_STAYED = r"(?:(?!转机|中转|经停|途经|出国|留学|前往|赴|飞往|去往|转往)[^。；;])"
_ABROAD = (rf"(?:在|从|自){_ANY_PLACE}(?:(?!转机|中转|经停|途经)[^。；，,;]){{0,12}}(回国)|"
           # 在澳门务工多年，2019年回国后: one comma on
           rf"(?:在|从|自){_ANY_PLACE}{_STAYED}{{0,10}}[，,]"
           rf"(?:(?![，,]){_STAYED}){{0,8}}?(回国)(?!内|外)|"
           rf"(出国)(?![（(]?境)(?:(?!转机|中转)[^。；;]){{0,10}}(?:赴|去|到|前往|飞往)"
           rf"{_ANY_PLACE}|"
           rf"{_ANY_PLACE}(?:同胞|居民|青年|企业家|客商|学生|乡亲)[^。；，,;]{{0,4}}(回国)|"
           rf"(台湾|香港|澳门|港澳台|港澳|台港澳)(?:地区)?(?:以及|及|和|与|等)?(?:其他|其它|别的)国家"
           rf"(?![和及与或]地区)|"
           rf"(台湾|香港|澳门|港澳台|港澳|台港澳)(?:地区)?(?:居民|同胞|游客|学生|青年|客商)?"
           rf"籍?(?:的|等)?外(?:国|籍)(?:人(?!士)|专家|人士|友人|游客|留学生|人员|选手|学生|"
           rf"朋友|嘉宾|客商)|"
           rf"外(?:籍|国)(?:专家|人士|友人|游客|留学生|人员|选手|学生|朋友|嘉宾|客商)"
           rf"(?:(?!另|此外|还有|以及)[^。；;]){{0,12}}来自[^。；;]{{0,8}}?{_PLACE}|"
           # 来华 (coming to China) said of people from within it
           rf"(?:台湾|香港|澳门|港澳台|港澳|台港澳)(?:地区)?(?:同胞|居民|游客|青年|学生|客商|人士|"
           rf"朋友|企业|投资者|乡亲)?(来华|访华)")
# Every _ABROAD match names a region (港澳 for 港澳台 and 台港澳) at most 27 characters after
# its start (外国专家…来自…香港): it is tried only there
_ABROAD_NEAR = "台湾|香港|澳门|港澳"
# Taiwan's bodies and peoples as the authorities there name them, shortly after 台湾 (the
# listed 台湾行政院长 and 台湾原住民 are lexicon entries: the name a few words on too)
_TAIWAN_BODIES = (r"台湾(?:地区)?[^。；，,;“”]{0,6}?"
                  r"(行政院长?|立法院|监察院|考试院|司法院|原住民|立法委员|立委(?!员会)|总统府|"
                  r"(?<!美国)(?<![法韩俄])总统|(?:外交|国防|教育|内政|经济|法务)部(?![门分])长?|陆委会)")
# A Taiwanese body under the 中央 of its own name (台湾中央气象局), unquoted
_TAIWAN_CENTRAL = (r"台湾(?:地区)?的?(中央)(?=[\u4e00-\u9fff]{0,4}?"
                   r"(?:局|院|部|署|社|银行|委员会|通讯社))")
# 中台 for 两岸 (中台交流), 中港 for 内地与香港 (中港经贸); not the technology platforms
# (数据中台, 业务中台) nor a port (华中港口). 中澳 is China and Australia as often as Macao.
_CHINA_REGION = (r"(?<![据务术能理营频端享商华粤湘赣江])中[台港](?=两国|两地|两岸|双方|之间|"
                 r"关系|交流|合作|往来|青年|同胞|民间|经贸|贸易|文化|融合|统一|人民|学者|企业|学生|民众|"
                 r"边境|口岸|跨境|通关|物流)")
# Names of companies and papers after a place (中国人寿和香港人寿, 台湾时报和中国时报): no
# counterpart of the region to China
_BRANDS = frozenset(("人寿", "时报", "日报", "晚报", "商报", "银行", "电信", "电讯", "移动", "联通",
                     "航空", "证券", "保险", "集团", "卫视", "电视台", "邮政", "铁路", "电力",
                     "石油", "石化"))
# A closed list lies inside one run of names and separators holding 等国; _CLOSED runs only
# there, not at every character of the draft.
_RUN = rf"[\u4e00-\u9fff{_SEPARATORS}0-9０-９]+"


# What stands right before 国 in any _CLOSED match: a run without it holds no closed list.
_CLOSING = rf"[等个{_DIGITS}]国"


def _closed_lists(text: str) -> Iterator[re.Match]:
    closed, closing = re_compile(_CLOSED), re_compile(_CLOSING)
    for run in re_compile(_RUN).finditer(text):
        if "国" in run.group() and closing.search(run.group()):
            # past the run's end by a few characters: what follows 国 ((地区)) is looked at
            for m in closed.finditer(text, run.start(), run.end() + 6):
                if m.start() < run.end():
                    yield m


def _closing_end(text: str, m: re.Match) -> int | None:
    """Where a list closed by 等国家 or a count ends (中国香港等15个国家): its finding runs to
    there, where the correction (…国家和地区) is written. None for 两国: a pair, EX9202's."""
    if m.group().endswith("两国"):
        return None
    return m.end() + text.startswith("家", m.end())


def detect(doc: Document) -> Iterator[Hit]:
    view = doc.visible
    text = view.text
    found = present(text, _LOOKED_FOR)  # one pass for every word looked for below
    if found.isdisjoint(_NAMED):
        return
    closed = ((m, _closing_end(text, m)) for m in _closed_lists(text))
    opened = ((m, None) for m in re_compile(_OPENED).finditer(text))
    for m, close in chain(closed, opened):
        group = m.lastindex  # _CLOSED's list or single name; _OPENED's list
        start = m.start(group)
        for part in re_compile(f"([{_SEPARATORS}])").split(m.group(group)):
            # the last name may have taken the 等 of 等12个国家
            item = part.removesuffix("等")
            # The first item may carry words before the list (来自美国): match its end.
            # 中国台湾 is an item of the list as much as 台湾
            joint = next((j for j in _TOGETHER if item.endswith(j)), None)
            for region in (joint,) if joint else _REGIONS:
                named = "中国" + region if item.endswith("中国" + region) else region
                if item in (region, named) or (start == m.start(group) and item.endswith(named)
                                               and len(item) > len(named)
                                               and item[-len(named) - 1] not in "国"):
                    at = start + len(item) - len(named)
                    yield Hit(RULE, *view.span(at, close or at + len(named)))
            start += len(part)
    if "两国" in found:
        paired = []
        # every match ends at the 两国 it holds, at most 17 characters (8 + 1 + 8) after
        # its start: tried in those stretches only, not at every character (the same matches)
        for m in finditer(re_compile(_PAIR), text, windows(text, ("两国",), 17, 0)):
            paired.append(m.end())
            for group in (1, 2):
                region = next((r for r in _REGIONS if m.group(group).endswith(r)
                               and not m.group(group).endswith("中国" + r)), None)
                if region:
                    at = m.end(group) - len(region)
                    yield Hit(PAIR, *view.span(at, m.end()))
        if any(r in text for r in _ABOUT_REGIONS) and not re_compile(_FOREIGN).search(text):
            # inferred from the draft, not read from a pair: for a reviewer to confirm
            for m in re_compile(_BARE_PAIR).finditer(text):
                if m.end() not in paired:
                    yield Hit(PAIR, *view.span(m.start(), m.end()), severity=Severity.REVIEW)
    if "中国" in found:
        # tried only where a match may open, not at every character (finditer_near)
        for m in finditer_near(re_compile(_COUNTERPART), re_compile(_COUNTERPART_OPENS), 0,
                               text):
            if (m.group(2) or m.group(3)) not in _BRANDS:
                yield Hit(COUNTERPART, *view.span(m.start(), m.end()))
    for m in finditer_near(re_compile(_ABROAD), re_compile(_ABROAD_NEAR), 27, text):
        group = next(g for g in range(1, m.re.groups + 1) if m.group(g))
        yield Hit(ABROAD, *view.span(m.start(group), m.end(group)))
    if "台湾" in found:
        for m in chain(re_compile(_TAIWAN_BODIES).finditer(text),
                       re_compile(_TAIWAN_CENTRAL).finditer(text)):
            # 台湾原住民, 台湾立委 …: a listed wrong → right, which gives the right name
            yield Hit(TAIWAN_BODIES, *view.span(m.start(1), m.end(1)), broad=BROAD)
    if "中台" in found or "中港" in found:
        for m in re_compile(_CHINA_REGION).finditer(text):
            yield Hit(COUNTERPART, *view.span(m.start(), m.end()), broad=BROAD)
    for m in finditer_near(re_compile(_STATEHOOD), re_compile(_STATEHOOD_OPENS), 0, text):
        group = next(g for g in range(1, m.re.groups + 1) if m.group(g))
        yield Hit(STATEHOOD, *view.span(m.start(group), m.end(group)))
