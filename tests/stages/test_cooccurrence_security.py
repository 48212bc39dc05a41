"""Security co-occurrence rules (SE6xx): which stance makes a statement a quotation. A debunk
excuses a rumour, never a separatist or subversive slogan; a mention of the police or of a
judgment inside a call to gather does not make it a report."""

from __future__ import annotations

from functools import cache

import pytest

from review.config import Config
from review.pipeline import Pipeline


@cache
def pipeline() -> Pipeline:
    return Pipeline(Config())


def severities(text: str, rule: str) -> set[str]:
    return {str(f.severity) for f in pipeline().check_text(text).findings if f.rule == rule}


def test_a_debunked_rumour_is_reported_at_info():
    text = "网传“听说下周起农商行每人只能取两千”，经核实，系不实信息。"
    assert severities(text, "SE601") == {"info"}


@pytest.mark.parametrize(("rule", "text"), [
    ("SE606", "网传有人号召把这个党赶下台，我看早该如此。"),
    ("SE607", "网传“台湾早该独立出去”，转发支持！"),
    ("SE608", "网传说这些回民就该赶出去，我赞成。"),
])
def test_a_debunk_cue_does_not_excuse_a_slogan(rule, text):
    assert severities(text, rule) == {"block"}


def test_a_policeman_named_in_a_call_to_gather_does_not_excuse_it():
    text = "明天去派出所门口讨说法，民警不给答复谁也别走。"
    assert severities(text, "SE605") == {"block"}


def test_an_insider_at_the_disease_control_centre_is_no_official_release():
    text = "我表姐在疾控中心上班，说二中出现病例了，先别外传。"
    assert severities(text, "SE601") == {"block"}


# --- issue 14: security statements without hearsay -------------------------------------------

@pytest.mark.parametrize(("rule", "text"), [
    ("SE609", "东河水库大坝已经裂了，随时可能垮。"),
    ("SE610", "城西水厂的自来水已经被污染了，这几天都有毒。"),
    ("SE611", "城关信用社资金链已经断了，下周起暂停取款。"),
    ("SE614", "从明天起全县所有商店全部关门。"),
])
def test_an_alarming_claim_stated_as_fact_blocks_without_hearsay(rule, text):
    assert severities(text, rule) == {"block"}


def test_a_debunk_in_the_next_sentence_makes_the_claim_a_quotation():
    text = "网传“东河水库大坝已经裂了，随时可能垮”。经县水利局现场核实，系谣言。"
    assert severities(text, "SE609") == {"info"}


def test_a_debunk_does_not_reach_into_another_paragraph():
    text = "网传“村镇银行要倒闭”，经核实系谣言。\n城关信用社资金链已经断了，下周起暂停取款。"
    assert severities(text, "SE611") == {"block"}


def test_a_rumour_mongers_own_千万别_is_no_warning():
    # the shared warning class counts 千万别; the rumour rules only count an office's warning
    assert severities("城西水厂的自来水已经被污染了，千万别喝。", "SE610") == {"block"}
    assert severities("警惕“城西自来水已经被污染了”的说法，以官方发布为准。", "SE610") == {"info"}


@pytest.mark.parametrize("text", [
    "受强降雨影响，东河水库水位已超汛限水位，请下游群众注意防范。",
    "您反映的8号楼墙体开裂问题，经住建局现场鉴定，不影响结构安全。",
    "因管网改造，城东片区明天上午停止供水，请居民提前储水。",
    "县地震局：地震目前无法准确预测，请勿轻信传言。",
])
def test_official_warnings_notices_and_replies_are_no_finding(text):
    assert not [f for f in pipeline().check_text(text).findings if f.category == "security"]


def test_a_forecast_with_a_magnitude_is_the_sequence_rules():
    text = "下周咱们县很可能发生6级以上地震。"
    rules = {f.rule for f in pipeline().check_text(text).findings}
    assert "SE701" in rules and "SE613" not in rules


def test_a_call_to_block_the_road_and_a_traffic_report():
    assert severities("大家把国道堵死，一辆车也别放过去。", "SE615") == {"block"}
    assert severities("一辆货车在国道侧翻，把路口堵死了，交警正在疏导。", "SE615") == set()


def test_the_official_line_quoting_a_separatist_formulation_is_no_finding():
    assert severities("两岸一边一国，互不隶属。", "SE620") == {"block"}
    assert severities("坚决反对“台独”分裂势力的“一边一国”谬论。", "SE620") == set()


def test_the_quit_the_party_slogan_moved_from_illegal_to_security():
    findings = pipeline().check_text("三退保平安，大难来时能活命。").findings
    assert [(f.rule, str(f.category)) for f in findings] == [("SE104", "security")]
