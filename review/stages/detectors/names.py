"""Unmasked Chinese personal names, found without a segmenter.

A name is a common surname (single or compound) and a given name of one or two CJK
characters. Surnames are everyday characters too (提高, 如何, 国王), so a candidate must also
stand where a name stands: at the start of a clause or after a word that introduces a person
(村民, 患者, 举报人为 …), and it must end where a name ends (punctuation, or a verb or function
character such as 患, 因, 今, 家). Masked forms (张某, 李**, 王××, 刘女士, 小陈, 老张) and people
named by their office (县长王志刚, 王志刚同志) are not private persons' names and are left out.
jieba would segment better but takes a second to load, and these detectors run on every post:
only its dictionary is read, once, to know the everyday words that begin with a surname
(安全, 任务, 初中). Numerals end a name (given names such as 一鸣 are missed: 初一, 高三 and
ages are far commoner).

The detectors run on the folded view (half-width punctuation, lower case), so `person_names`
expects text folded the same way; full-width punctuation is accepted as well."""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from pathlib import Path

from review import cache
from review.regexcache import compile as re_compile

# The common surnames (百家姓 order of frequency, roughly the 300 most common).
_SINGLE = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥"
    "南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支"
    "卿国狄平计索宣晋相初门云容敬扈晁芮普阙浦戈伏鹿薄邸雍辜羊乌裘亓修邰赫杭况宿鲜印"
)
_COMPOUND = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
             "宇文", "司徒", "夏侯", "轩辕", "令狐", "钟离", "澹台", "端木", "百里", "南宫",
             "西门", "呼延", "独孤", "申屠", "万俟")
SURNAMES = frozenset(_SINGLE)

# Characters that end a name and are never part of one: the verbs and function characters
# that follow a subject (张伟因…, 李明患…, 王芳今年…).
_STOP = set("是在因于患被今的从曾和与及也都已现说表介告确经住为有系由向对把将就便又还才多去到"
            "来得要会能可后前时以所之其他她每这那不没未无并称却即均仍则据再共某氏了着过吗呢吧"
            "啊么们什谁*×x〇○0123456789一二三四五六七八九十百千")
# Words that follow a name and begin with a character names also use (刘强家住, 王伟同学):
# a one-character given name is read before them.
_FOLLOW = ("家住", "家里", "家人", "家属", "家庭", "家中", "一家", "同学", "同志", "女士",
           "先生", "男子", "女子", "年仅", "年龄", "身患", "等人", "等同", "老人", "夫妇", "父母",
           "母亲", "父亲", "妻子", "丈夫", "儿子", "女儿", "长期", "原名", "近日", "近年", "一直")
# What follows a surname in a masked or respectful reference instead of a given name.
_HONORIFIC = ("先生", "女士", "老师", "同志", "同学", "小姐", "大爷", "大妈", "大娘", "大叔",
              "大哥", "大姐", "大嫂", "阿姨", "奶奶", "爷爷", "婆婆", "师傅", "老汉", "老人",
              "老板", "医生", "护士", "警官", "律师", "总", "工", "姓", "家", "氏", "某")
# Offices before or after a name: the person speaks for an institution, not as a private one.
_TITLES = ("书记", "县长", "市长", "镇长", "乡长", "村长", "区长", "省长", "州长", "局长", "处长",
           "科长", "股长", "主任", "部长", "厅长", "主席", "委员", "院长", "校长", "所长", "站长",
           "队长", "社长", "行长", "总理", "经理", "董事长", "代表", "记者", "通讯员", "教授",
           "院士", "专家", "医生", "医师", "护士长", "民警", "警官", "法官", "检察官", "律师",
           "干部", "同志", "主持人", "副主任", "总监", "会长", "秘书长", "理事长", "团长", "政委",
           "司令", "军长", "师长", "旅长", "营长", "连长", "排长", "班长", "组长", "馆长", "台长",
           "厂长", "矿长", "警长", "庭长", "检察长", "审判长", "大使", "部长助理", "研究员",
           "工程师", "作家", "诗人", "画家", "导演", "演员", "歌手", "运动员", "教练", "老师")
# What introduces a person right before the name (村民李春兰, 举报人为刘志强, 名叫王小明).
_CUES = ("村民", "居民", "群众", "市民", "患者", "病人", "病友", "学生", "同学", "儿童", "少年",
         "女孩", "男孩", "孩子", "老人", "户主", "家属", "妻子", "丈夫", "儿子", "女儿", "孙子",
         "孙女", "父亲", "母亲", "名叫", "叫做", "姓名", "当事人", "申请人", "被告人", "嫌疑人",
         "举报人", "报案人", "检举人", "控告人", "线索提供人", "证人", "贫困户", "低保户",
         "五保户", "小学生", "中学生", "学员", "员工", "职工", "农民", "大学生",
         # the parties of a police or court report, and who tipped it off
         "行为人", "被害人", "受害人", "死者", "伤者", "驾驶人", "被拘留人", "被处罚人", "罪犯",
         "爆料人", "知情人", "投诉人", "信访人", "反映人")
# Cues too loose to take two characters after them whatever follows (人员安置, 对象包括).
_LOOSE_CUES = ("人员", "对象", "成员", "者")
# Characters common in given names. After a person cue the name's end need not be seen,
# but then both characters must look like a name (村民黄秀英靠…, not 患者高额医疗…).
_GIVEN_CHARS = set(
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰玉萍红华建国志文海波斌辉宇浩鹏飞鑫峰俊"
    "晨雪琳婷慧颖佳欣怡雨轩梓涵子豪睿博泽晓东亮林鹤龙凤春梅燕玲丹云莉珍翠芬芝瑞祥福贵财发荣"
    "昌盛德才胜利民生金银宝山水石根树森松柏青清成功立永长新光耀武彬晶璐瑶婉嘉佩琪琦淑惠贤良"
    "忠孝仁义礼智信诚勤俭和顺安康宁如意美娇倩莹茜蕾蓉荷菊莲桃杏彩晴阳月星辰乾坤正大中小少"
    "秋冬晗昊晟旭昕昱晖暄曦冰霜露雷电帆舟远达通畅欢乐喜庆吉禄寿富兴旺隆茂丰硕田园竹桦杨柳"
    "桐枫楠榕槐菲莎薇蕊荔芸芷若馨香素雅韵琴诗书画墨笔章博学识聪锐毅坚韧厚善温柔谦恭让爱振"
    "家邦众群豪士君伯仲叔季元亨贞二三四五六七八九万铁钢锋刘卫红兵旗江河湖泉溪源润洁浩航"
    "涵梦甜蜜婧妍媛嫣姗妮娅婕琳瑜璇璟琼瑾珊琛瑛璐诺依思")
# Where a clause begins (folded punctuation and its full-width originals, brackets, quotes).
_CLAUSE = set(",，。.!！?？;；:：、()（）[]【】“”\"'‘’《》 \t\n")
_CJK = re_compile(r"[\u4e00-\u9fff]")
_SURNAME = re_compile("|".join(_COMPOUND) + "|[" + _SINGLE + "]")


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Everyday words that begin with a surname (安全, 任务, 初中, 边缘, 全日制): jieba's
    dictionary words of two or three characters so written that it does not tag as names,
    and seen at least 20 times in its corpus. Read as text (the segmenter is never loaded)
    and cached: about 6,000 words."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return frozenset()
    path = Path(spec.origin).parent / "dict.txt"

    def build() -> list[str]:
        words = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                word, frequency, tag = line.split()
                if 2 <= len(word) <= 3 and _SURNAME.match(word) and not tag.startswith("nr") \
                        and int(frequency) >= 20:
                    words.append(word)
        return sorted(words)

    # Keyed by the dictionary's size and time, as review.stages.expression.typos keys it:
    # hashing its 5 MB took longer than reading the words.
    try:
        state = os.stat(path)
    except OSError:
        return frozenset(build())  # let reading it say what is wrong
    stamp = f"{path}\0{state.st_size}\0{state.st_mtime_ns}\0joined"
    # one string (jieba's words hold no space), split in C: not 6,000 strings decoded one by one
    return frozenset(cache.cached("surname-words", [], build, " ".join,
                                  lambda joined: joined.split(), stamp))


def _given(text: str, at: int, introduced: bool) -> int:
    """Where a given name starting at `at` ends (1 or 2 characters), or -1 for none. After
    a word that introduces a person (村民, 学生) two name characters are taken whatever
    follows (村民黄秀英靠编织…); elsewhere the name must be seen to end."""
    def name_char(i: int) -> bool:
        return i < len(text) and bool(_CJK.match(text[i])) and text[i] not in _STOP

    def ends(i: int) -> bool:
        return i >= len(text) or text[i] in _CLAUSE or text[i] in _STOP \
            or not _CJK.match(text[i]) or text.startswith(_TITLES + _FOLLOW + _HONORIFIC, i)

    if not name_char(at):
        return -1
    if name_char(at + 1) and not text.startswith(_FOLLOW, at + 1) and (
            ends(at + 2) or introduced and {text[at], text[at + 1]} <= _GIVEN_CHARS):
        return at + 2
    if ends(at + 1):
        return at + 1
    return -1


def _starts_here(text: str, start: int) -> tuple[bool, bool]:
    """Whether a name may begin at `start` (after a clause boundary, a person cue or 的), and
    whether a word introducing a person stands right before it."""
    before = text[max(0, start - 7):start]
    before = before.removesuffix("为").removesuffix("是").removesuffix(":").removesuffix(",")
    if before.endswith(_CUES) or before.removesuffix("叫").endswith(_CUES):  # 女孩叫林小雨
        return True, True
    if before.endswith(_LOOSE_CUES):
        return True, False
    return start == 0 or text[start - 1] in _CLAUSE or text[start - 1] == "的", False


def _official(text: str, start: int, end: int) -> bool:
    """Whether an office stands right before or after the name (县长王志刚, 王志刚同志)."""
    before = text[max(0, start - 6):start]
    return before.endswith(_TITLES) or text.startswith(_TITLES, end)


def person_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of every unmasked personal name in a folded text, in order."""
    found: list[tuple[int, int]] = []
    position = 0
    for m in _SURNAME.finditer(text):
        start = m.start()
        may_start, introduced = _starts_here(text, start)
        if start < position or not may_start:
            continue
        if text.startswith(_HONORIFIC, m.end()):
            continue  # 刘女士, 王某某, 陈先生: a masked or respectful reference
        if start > 0 and text[start - 1] in "小老阿":
            continue  # 小陈, 老张
        end = _given(text, m.end(), introduced)
        if end < 0 or _official(text, start, end):
            continue
        word = text[start:start + 2] if m.end() - start == 1 else text[start:end]
        if word in common_words() or text[start:end] in common_words():
            continue  # 安全, 任务重: a word, not a name
        found.append((start, end))
        position = end
    return found
