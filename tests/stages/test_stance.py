"""Mention is not use: a term of the illegal or ads lexicons in a warning, an enforcement or
court report or a debunk is a quotation — reported at info with the stance named, never
dropped — while the same term in an offer still blocks."""

from __future__ import annotations

import pytest

from review.config import Config, LexiconRef
from review.errors import ConfigError
from review.pipeline import Pipeline
from review.rules.lexicons import bundled_dir

PIPELINE = Pipeline(Config(stages=["lexicon"]))


def findings(text: str) -> list[tuple[str, str, str]]:
    return [(f.rule, f.severity.value, f.message) for f in PIPELINE.check_text(text).findings]


@pytest.mark.parametrize(("text", "stance"), [
    ("民警提醒：网上兜售“高仿证件”的广告不可信。", "提醒警示"),
    ("区公安分局破获一起案件，涉案人员发布“高仿证件”广告。", "执法通报"),
    ("被告人发布“高仿证件”广告，一审判处有期徒刑。", "审判报道"),
    ("网传“某部门内部出高仿证件”系谣言。", "辟谣"),
])
def test_a_quoted_term_is_reported_at_info_with_its_stance(text, stance):
    found = findings(text)
    assert found and all(severity == "info" for _, severity, _ in found), found
    assert all(stance in message for _, _, message in found)


def test_the_same_term_in_an_offer_still_blocks():
    assert [(r, s) for r, s, _ in findings("高仿证件，价格优惠。")] == [("IL048", "block")]


def test_a_warning_in_another_paragraph_does_not_excuse():
    found = findings("警方提醒大家注意安全。\n高仿证件，价格优惠。")
    assert [(r, s) for r, s, _ in found] == [("IL048", "block")]


def test_an_entry_can_refuse_every_stance(tmp_path):
    path = tmp_path / "ours.toml"
    path.write_text('[meta]\ncategory = "ads"\nexcused_by = ["warning"]\n\n[[entry]]\n'
                    'id = "AD450"\nterm = "某某神药"\nexcused_by = []\nreason = "推销"\n'
                    'reason_en = "promotion"\nhit = ["某某神药"]\n', encoding="utf-8")
    ours = Pipeline(Config(stages=["lexicon"], bundled_lexicons=False,
                           lexicon=[LexiconRef(path=path)]))
    found = ours.check_text("警惕所谓“某某神药”。").findings
    assert [(f.rule, f.severity.value) for f in found] == [("AD450", "block")]


def test_an_unknown_stance_is_a_config_error(tmp_path):
    path = tmp_path / "ours.toml"
    path.write_text('[meta]\ncategory = "ads"\nexcused_by = ["satire"]\n\n[[entry]]\n'
                    'id = "AD450"\nterm = "某某神药"\nreason = "推销"\nreason_en = "promotion"\n'
                    'hit = ["某某神药"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="'satire' is not a stance class"):
        Pipeline(Config(stages=["lexicon"], bundled_lexicons=False,
                        lexicon=[LexiconRef(path=path)]))


def test_a_negated_cue_is_no_stance():
    full = Pipeline(Config())
    insisting = full.check_text("这真不是谣言，听说下周全市加油站限购，赶紧去加满。").findings
    assert "block" in {f.severity.value for f in insisting}
    debunk = full.check_text("网传“某部门内部出高仿证件”系谣言。").findings
    assert {f.severity.value for f in debunk} == {"info"}


# Stances speak for their paragraph: the verdict often follows the words it condemns. No cue
# reaches into another paragraph, except a debunk's verdict, which rumour rules take from
# anywhere in the post.
@pytest.mark.parametrize(("text", "stance"), [
    ("有人在群里发“某部门内部出高仿证件”。经县公安局核查，上述消息系谣言。", "辟谣"),
    ("被告人曾在朋友圈发布“高仿证件”广告。法院审理认为其行为构成犯罪。", "审判报道"),
])
def test_a_paragraph_stance_excuses_the_sentence_before_it(text, stance):
    found = findings(text)
    assert found and all(severity == "info" for _, severity, _ in found), found
    assert all(stance in message for _, _, message in found)


def test_a_paragraph_stance_does_not_reach_the_next_paragraph():
    found = findings("网传某部门出证件，系谣言。\n\n另：高仿证件，价格优惠。")
    assert [(r, s) for r, s, _ in found] == [("IL048", "block")]


def test_co_occurrence_rules_share_the_paragraph_scope():
    pipeline = Pipeline(Config(stages=["cooccurrence"]))
    quoted = ("群里有人说“城西水厂的水被污染了，千万别喝，转告家人”。"
              "经县水务局检测，水质合格，系谣言。")
    assert {f.severity.value for f in pipeline.check_text(quoted).findings} == {"info"}
    used = "城西水厂的水被污染了，千万别喝，转告家人！\n\n县水务局：经检测，水质合格，系谣言。"
    assert "block" in {f.severity.value for f in pipeline.check_text(used).findings}


def test_a_stance_class_cannot_be_a_thing_a_rule_requires(tmp_path):
    from review.rules.classes import load_classes
    from review.stages.cooccurrence import load_rules
    classes = tmp_path / "ours.toml"
    classes.write_text('[class.ours]\nname = "我们的"\nname_en = "ours"\nterms = ["某某神药"]\n',
                       encoding="utf-8")
    rules = tmp_path / "rules.toml"
    rules.write_text('[meta]\ncategory = "ads"\n\n[[rule]]\nid = "AD690"\n'
                     'all = ["ours", "debunk"]\nreason = "推销"\nreason_en = "promotion"\n'
                     'hit = ["某某神药"]\nmiss = ["某某"]\n', encoding="utf-8")
    known = load_classes([*sorted((bundled_dir() / "classes").glob("*.toml")), classes])
    with pytest.raises(ConfigError, match="'debunk' is a stance"):
        load_rules(rules, known)


def _ours(tmp_path) -> Pipeline:
    path = tmp_path / "ours.toml"
    path.write_text('[meta]\ncategory = "ads"\nexcused_by = ["case_frame", "governance_frame"]\n\n'
                    '[[entry]]\nid = "AD450"\nterm = "出售神药"\nreason = "推销"\n'
                    'reason_en = "promotion"\nhit = ["出售神药"]\n', encoding="utf-8")
    return Pipeline(Config(stages=["lexicon"], bundled_lexicons=False,
                           lexicon=[LexiconRef(path=path)]))


@pytest.mark.parametrize(("text", "stance"), [
    ("县市场监管局查处一起出售神药案。", "案件或罪名"),
    ("抓获3名出售神药的嫌疑人。", "案件或罪名"),
    ("依法打击出售神药。", "治理打击对象"),
    ("坚决打击了各类出售神药。", "治理打击对象"),
])
def test_a_frame_next_to_a_term_makes_it_the_name_of_an_offence(tmp_path, text, stance):
    found = _ours(tmp_path).check_text(text).findings
    assert [(f.rule, f.severity.value) for f in found] == [("AD450", "info")]
    assert stance in found[0].message


@pytest.mark.parametrize("text", ["出售神药，包邮到家。", "本店出售神药，案头必备。",
                                  "打击力度大，出售神药的店还在营业。"])
def test_a_frame_must_stand_right_next_to_the_term(tmp_path, text):
    found = _ours(tmp_path).check_text(text).findings
    assert [(f.rule, f.severity.value) for f in found] == [("AD450", "block")], text


def test_a_debunk_verdict_anywhere_in_the_post_excuses_a_rumour():
    pipeline = Pipeline(Config(stages=["cooccurrence"]))
    text = ("【辟谣】\n有人在群里发“本周末将发生6级地震，赶紧搬出去住”。\n"
            "市地震局表示，该信息系谣言，地震无法准确预测。")
    assert {f.severity.value for f in pipeline.check_text(text).findings} == {"info"}


def test_a_verdict_covers_a_quoted_rumour_whose_hearsay_cue_stands_before_the_quote():
    pipeline = Pipeline(Config(stages=["cooccurrence"]))
    text = ("近日，有网民在群里发布消息称：“据内部人士透露，东河大坝已出现裂缝，随时可能溃坝。”\n"
            "经县水利局现场核查，该信息系谣言，大坝运行正常。")
    found = pipeline.check_text(text).findings
    assert found and {f.severity.value for f in found} == {"info"}


@pytest.mark.parametrize("text", [
    "县禁毒办提醒广大市民远离毒品，珍爱生命。需要冰毒的朋友私聊，同城配送。",
    "警方提醒：网络赌博害人害己。bo彩平台天天返水，新人首充送彩金，扫码注册即可。",
])
def test_an_offer_slipped_into_a_warnings_paragraph_is_not_the_warnings(text):
    found = Pipeline(Config()).check_text(text).findings
    assert "block" in {f.severity.value for f in found if f.category.value == "illegal"}


@pytest.mark.parametrize("text", [
    "民警提醒：不要相信“冰毒现货，需要的朋友私聊”这类信息。",
    "县公安局破获一起贩毒案。嫌疑人在群里发布“冰毒现货，需要的朋友私聊”，已被刑事拘留。",
])
def test_a_call_to_deal_that_is_quoted_or_in_a_cued_sentence_stays_a_quotation(text):
    found = Pipeline(Config()).check_text(text).findings
    assert not [f for f in found if f.category.value == "illegal" and f.severity.value == "block"]


def test_a_quoted_dealers_line_in_its_own_paragraph_is_the_warnings_quotation():
    text = ("“兄弟，货纯价低，加我微信详谈。”\n"
            "以上都是不法分子兜售毒品的常用话术，县禁毒办提醒市民切勿轻信。")
    found = Pipeline(Config()).check_text(text).findings
    assert not [f for f in found if f.severity.value == "block"], found


def test_an_excused_finding_names_the_words_that_show_its_stance():
    text = "据县应急管理局通报，坍塌事故造成2人死亡、3人受伤。"
    found = Pipeline(Config()).check_text(text).findings
    assert found and all(f.severity.value == "info" for f in found)
    assert all("（“应急管理局通报”）" in f.message for f in found), [f.message for f in found]


IDIOMS = Pipeline(Config(stages=["cooccurrence"]))


def idiom_findings(text: str) -> list[tuple[str, str]]:
    return [(f.rule, f.severity.value) for f in IDIOMS.check_text(text).findings
            if f.rule.startswith("EX6")]


def test_a_usage_column_quoting_a_misused_idiom_reports_it_at_info():
    """咬文嚼字: the misuse is quoted, and the next sentence says it is one."""
    column = ("不少人在夏天爱说“七月流火，热浪滚滚”。其实，这种说法把成语用反了。"
              "“七月流火”出自《诗经》，说的是天气转凉。")
    found = idiom_findings(column)
    assert found and all(severity == "info" for _, severity in found), found


def test_the_same_misuse_in_a_post_is_still_for_review():
    found = idiom_findings("七月流火，热浪滚滚，环卫工人坚守岗位。")
    assert ("EX605", "review") in found, found
