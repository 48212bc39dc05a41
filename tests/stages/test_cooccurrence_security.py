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
