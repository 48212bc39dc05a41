"""Sound matching (review/sound.py): class and lexicon terms in pinyin, mixed script or
homophone characters, with their original spans; ordinary words that merely sound alike stay
quiet, and nothing is imported or looked at in drafts without a candidate."""

from __future__ import annotations

import subprocess
import sys

import pytest

from review import sound
from review.config import Config
from review.document import Document
from review.normalize import normalize_term
from review.pipeline import Pipeline
from review.rules.classes import load_classes
from review.stages import cooccurrence

TERMS = [("gambling", "博彩"), ("gambling", "bo彩"), ("gambling", "赌场"), ("gambling", "赌球"),
         ("drug", "冰毒"), ("drug", "大麻"), ("weapon", "枪支"), ("weapon", "qiang支"),
         ("slang", "快乐水"), ("slang", "溜冰")]


@pytest.fixture(scope="module")
def index() -> sound.Index[str]:
    return sound.build_index((key, normalize_term(term)) for key, term in TERMS)


def found(index: sound.Index[str], text: str) -> list[tuple[str, str, str]]:
    text = normalize_term(text)
    return [(text[m.start:m.end], m.kind, m.payloads[0]) for m in index.matches(text)
            if m.new]


@pytest.mark.parametrize(("text", "expected"), [
    ("du场包赢", ("du场", "mixed", "gambling")),
    ("博cai平台天天返水", ("博cai", "mixed", "gambling")),
    ("冰du到货", ("冰du", "mixed", "drug")),
    ("正宗da麻", ("da麻", "mixed", "drug")),
    ("快le水来一瓶", ("快le水", "mixed", "slang")),
    ("周末一起duqiu", ("duqiu", "pinyin", "gambling")),
    ("赌厂包赢", ("赌厂", "homophone", "gambling")),   # keeps 赌, an uncommon character
    ("兵毒到货了", None),   # keeps only 毒, too common to look around (兵毒 is a slang term)
    ("Qiang枝配件", ("qiang枝", "mixed", "weapon")),   # upper case folds
    ("DU 场 包 赢", ("du场", "mixed", "gambling")),    # spaced: the compact view joins it
])
def test_evasive_spellings_are_found(index, text, expected):
    assert expected in found(index, text) if expected else found(index, text) == []


@pytest.mark.parametrize("text", [
    "新冠病毒疫苗接种点设在社区卫生服务中心",   # 病毒 sounds like 冰毒: an ordinary word
    "广场舞大妈报名参加文艺汇演",               # 大妈 / 大麻
    "他在读博士，研究方向是水利工程",            # 读博 crosses into 博士
    "依法强制隔离",                             # 强制 / 枪支: no character of the term
    "县第一中学举办独唱比赛",                    # 独唱 / 赌场
    "博采众长，兼收并蓄",                        # 博采 / 博彩
    "下载青澜发布APP，连上WiFi收看",             # English words are not pinyin
    "qq音乐年度歌单",
    "乘坐bus前往",
    "路牌标注为Qinglan Xian",                    # pinyin, but no term
    "abo彩",                                     # a match must not begin inside a run
    "可乐也叫快乐水",                             # the term itself: found by the ordinary pass
])
def test_ordinary_words_and_other_scripts_are_not_sound_matches(index, text):
    assert found(index, text) == []


def test_a_match_keeps_its_original_span():
    pipeline = Pipeline(Config())
    text = "通知：\n出 QIANG 支 配件。"
    findings = [f for f in pipeline.check_text(text).findings if f.rule == "IL699"]
    assert [(f.text, text[f.start:f.end]) for f in findings] == [("QIANG 支", "QIANG 支")]


def test_pinyin_segmentation():
    t = sound.table()
    assert [t.syllables[s] for s in sound.segment("qinglanxian")] == ["qing", "lan", "xian"]
    assert [t.syllables[s] for s in sound.segment("lvse")] == ["lv", "se"]
    for word in ("app", "wifi", "bus", "qq", "gdp", "hello"):
        assert sound.segment(word) is None


def _fewest_syllables(run: str) -> tuple[int, ...] | None:
    """The segmentation as first written (the whole tuple kept at every end): the reference."""
    by_syllable = sound.table().by_syllable
    best: list[tuple[int, ...] | None] = [()] + [None] * len(run)
    for end in range(1, len(run) + 1):
        for start in range(max(0, end - 6), end):
            head, syllable = best[start], by_syllable.get(run[start:end])
            if head is not None and syllable and (best[end] is None
                                                  or len(head) + 1 < len(best[end])):
                best[end] = (*head, syllable)
    return best[len(run)]


def test_segmentation_is_the_fewest_syllables_and_a_long_run_is_no_work():
    """The same syllables as the reference on runs of syllables, of letters and of both; a run
    of 20,000 letters (a draft of `<a<a<a…`, whose compact view is one run) took seconds."""
    import random

    rng = random.Random(7)
    syllables = sorted(sound.table().by_syllable)
    runs = ["", "a", "xian", "xian" * 9, "zhuangshuang", "aaaaaaa", "ngng"]
    runs += ["".join(rng.choice(syllables) for _ in range(rng.randint(1, 9))) for _ in range(400)]
    runs += ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(1, 16)))
             for _ in range(400)]
    for run in runs:
        assert sound.segment.__wrapped__(run) == _fewest_syllables(run), run
    a = sound.table().by_syllable["a"]
    assert sound.segment.__wrapped__("a" * 20_000) == (a,) * 20_000


def test_a_term_is_keyed_by_its_reading_in_context():
    t = sound.table()
    keys = {tuple(t.syllables[s] for s in key) for key in sound.term_keys("快乐水")}
    assert ("kuai", "le", "shui") in keys
    assert sound.term_keys("k粉") == set()  # k is not pinyin: not found by sound


CLASSES = '''
[class.thing]
name = "某物"
name_en = "a thing"
sound = true
terms = ["赌场", "冰毒"]

[class.offer]
name = "交易用语"
name_en = "an offer"
terms = ["出售", "包邮", "有货"]

[class.warning]
name = "提醒警示"
name_en = "a warning"
stance = true
terms = ["警惕"]
'''
RULES = '''
[meta]
category = "illegal"

[[rule]]
id = "IL690"
all = ["thing", "offer"]
excused_by = ["warning"]
reason = "交易"
reason_en = "trade"
hit = ["冰毒出售。"]
'''


@pytest.fixture(scope="module")
def stage(tmp_path_factory) -> cooccurrence.CooccurrenceStage:
    directory = tmp_path_factory.mktemp("classes")
    (directory / "c.toml").write_text(CLASSES, encoding="utf-8")
    (directory / "r.toml").write_text(RULES, encoding="utf-8")
    classes = load_classes([directory / "c.toml"])
    return cooccurrence.CooccurrenceStage(
        classes, cooccurrence.load_rules(directory / "r.toml", classes))


def rules_of(stage, text: str) -> list[tuple[str, str, str]]:
    return [(h.rule.id, h.rule.severity.value if h.severity is None else h.severity.value,
             text[h.start:h.end]) for h in stage.scan(Document("d", text))]


def test_a_sound_match_is_a_class_occurrence(stage):
    assert ("IL690", "block", "冰du有货") in rules_of(stage, "冰du有货。")
    assert ("IL690", "block", "赌厂有货") in rules_of(stage, "赌厂有货。")
    assert ("IL690", "block", "bingdu包邮") in rules_of(stage, "bingdu包邮。")


def test_pinyin_and_homophones_need_context_and_mixed_script_does_not(stage):
    assert rules_of(stage, "兵毒一词。") == []
    assert rules_of(stage, "bingdu是个名字。") == []
    assert rules_of(stage, "du场开业。") == [("IL699", "review", "du场")]


def test_a_mixed_spelling_under_a_stance_is_a_quotation(stage):
    found = rules_of(stage, "警惕du场广告。")
    assert found == [("IL699", "info", "du场")]


def test_an_ordinary_word_is_no_occurrence_even_with_an_offer(stage):
    assert rules_of(stage, "流感病毒检测试剂有货。") == []


def test_a_class_without_the_flag_is_not_matched_by_sound(tmp_path):
    (tmp_path / "c.toml").write_text(CLASSES.replace("sound = true\n", ""), encoding="utf-8")
    (tmp_path / "r.toml").write_text(RULES, encoding="utf-8")
    classes = load_classes([tmp_path / "c.toml"])
    plain = cooccurrence.CooccurrenceStage(classes,
                                           cooccurrence.load_rules(tmp_path / "r.toml", classes))
    assert plain.sound is None
    assert "IL699" not in set(plain.rule_ids())
    assert rules_of(plain, "冰du有货。") == []


@pytest.mark.parametrize(("text", "rule"), [
    ("bo彩平台天天返水。", "IL699"),
    ("du场包赢，首充送彩金。", "IL699"),
    ("出qiang支配件。", "IL699"),
    ("出售bing毒，加微信详聊。", "IL001"),
    ("博cai平台上分秒到账。", "IL608"),
    ("bing毒到货，同城配送。", "IL601"),   # a slang term as written, and the drug by sound
    ("bing毒出售，价格面议。", "IL001"),   # the term entry 冰毒出售, by sound
    ("duqiu开户，加我微信。", "IL603"),     # pinyin alone, with an offer in the sentence
    ("lao虎机上分秒到账。", "IL608"),
    ("炸yao按斤卖，私聊。", "IL605"),
])
def test_evasive_spellings_through_the_pipeline(text, rule):
    findings = Pipeline(Config()).check_text(text).findings
    assert rule in {f.rule for f in findings if f.severity != "info"}, findings


@pytest.mark.parametrize("text", [
    "冰糖雪梨的做法：冰糖适量，小火慢炖，润肺止咳。",
    "可乐又叫快乐水，夏天少喝为好。",
    "县体育馆滑冰场周末免费开放，欢迎市民溜冰健身。",
    "下载“青澜发布”APP，连上WiFi即可收看直播，也可乘坐bus前往现场。",
    "路牌标注为Qinglan Xian，游客中心电话见背面。",
    "杜波（Du Bo）同志任县文化馆馆长，张大勇（Zhang Dayong）任副馆长。",
    "新冠病毒疫苗接种点设在社区卫生服务中心，疫苗供应充足。",
    "广场舞大妈们报名参加文艺汇演，现场有售纪念品。",
    "依法对违法建筑实施强制拆除。",
    "县图书馆开通qq群和微信群，欢迎读者加群交流。",
])
def test_innocent_prose_stays_clean(text):
    findings = Pipeline(Config()).check_text(text).findings
    assert not [f for f in findings if f.category == "illegal"], findings


def test_pypinyin_jieba_and_numpy_are_not_imported_for_a_plain_draft():
    code = ("import sys\nfrom review.config import Config\nfrom review.pipeline import Pipeline\n"
            "Pipeline(Config()).check_text('县政府召开常务会议，研究部署防汛工作。')\n"
            "print(*(m in sys.modules for m in ('pypinyin', 'jieba', 'numpy')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "False", "False"]  # numpy alone would cost a cold start 60 ms


@pytest.mark.parametrize(("text", "rule"), [
    ("要溜冰的私我。", "IL604"),                 # slang: counts with a covert-trade cue
    ("快乐水无色无味，保密发货。", "IL604"),
    ("liu冰的私我，货纯。", "IL604"),            # the slang itself in mixed script
])
def test_slang_counts_with_its_context(text, rule):
    findings = Pipeline(Config()).check_text(text).findings
    assert rule in {f.rule for f in findings if f.severity != "info"}, findings


@pytest.mark.parametrize("text", [
    "夏天来一瓶肥宅快乐水，喝一口就上头。",
    "可乐快乐水少喝，多喝白开水。",
    "冰糖雪梨炖好后放凉，私我要做法。",
    "县青少年宫溜冰课开班，想报名的私信咨询。",
])
def test_slang_as_an_ordinary_word_stays_quiet(text):
    findings = Pipeline(Config()).check_text(text).findings
    assert not [f for f in findings if f.category == "illegal"], findings
