"""IL699: a term of a sound-matched class spelt in mixed script (bo彩, qiang支, du场, 冰du).

Nobody writes 枪支 as qiang支 but to slip past a filter, so the spelling alone is worth a
reviewer's look: it is reported at `review`, not `block` — the co-occurrence rules decide
whether the sentence is also an offer. Spellings in pinyin alone (Du Bo is a name) or in
homophone characters (大妈 is not 大麻) are not reported on their own; they only count towards
the co-occurrence rules. In a warning, a police or court report or a debunk the spelling is
quoted: reported at info, like every other quotation."""

from __future__ import annotations

from review.findings import Category, Gate, Rule, Severity
from review.rules.spec import Kind, RuleSpec

EVASION = Rule("IL699", Category.ILLEGAL, Gate.LEGAL, Severity.REVIEW,
               "以拼音或中英混写规避审核的违禁用语", "a prohibited term spelt in pinyin and "
               "mixed script to evade review",
               "删除或改为规范写法后再审核", "remove it, or write it out plainly and review again")
# The stances that make the spelling a quotation, where the configured classes define them.
STANCES = ("warning", "enforcement", "court", "debunk", "crime_label")

SPEC = RuleSpec(
    EVASION, Kind.COOCCURRENCE, source=__name__,
    hit=("du场包赢，新人首充送彩金。", "出qiang支配件。", "bo彩平台天天返水。",
         "冰du到货了，老地方见。", "周末赌qiu，带上兄弟一起。", "正宗da麻，自家种的。"),
    quoted=("民警提醒：网上“bo彩平台天天返水”的广告都是诈骗。",
            "县公安局破获一起网络赌博案，该团伙在群里以“du场包赢”招揽赌客。",
            "经核实，网传“qiang支配件低价出”系谣言。"),
    miss=("冰糖雪梨的做法：冰糖适量，小火慢炖。", "滑冰场周末对中小学生免费开放。",
          "下载“青澜发布”APP，连上WiFi即可收看直播。", "qq音乐年度歌单发布。",
          "路牌标注为Qinglan Xian，请游客留意。", "杜波（Du Bo）同志任县文化馆馆长。",
          "新冠病毒疫苗接种点设在社区卫生服务中心。", "广场舞大妈们报名参加文艺汇演。",
          "他在读博士，研究方向是水利工程。", "县第一中学举办独唱比赛。"),
    detail_zh="同一个违禁物品类词（枪支、毒品、赌博、色情等，词类带 sound = true）用拼音和汉字"
              "混写，如 qiang支、du场、bo彩、冰du。单独出现即提示人工审核；纯拼音（人名、路牌）"
              "和纯同音字（大妈、病毒）不单独报告，只在共现规则中与交易、联系等词一起计入。",
    detail_en="a term of a prohibited-goods class (guns, drugs, gambling, pornography … classes "
              "with sound = true) written half in pinyin, half in characters: qiang支, du场, "
              "bo彩, 冰du. Reported on its own for a reviewer; all-pinyin spellings (names, "
              "signs) and homophone characters (大妈, 病毒) only count towards the "
              "co-occurrence rules.")


def rule_for(name: str, name_en: str) -> Rule:
    """The rule's finding naming the class the spelling stands for."""
    return EVASION._replace(message_zh=f"{EVASION.message_zh}（读作{name}类用语）",
                            message_en=f"{EVASION.message_en} (reads as {name_en})")
