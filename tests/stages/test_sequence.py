"""Sequence rules: classes, words and slots in order within one sentence (lexicons/sequence/)."""

from __future__ import annotations

import pytest

from review.config import Config
from review.errors import ConfigError
from review.pipeline import Pipeline
from review.rules.classes import load_classes
from review.rules.lexicons import bundled_dir
from review.stages.cooccurrence import load_sequences

PIPELINE = Pipeline(Config(stages=["cooccurrence"]))


def rules(text: str) -> list[tuple[str, str, str]]:
    return [(f.rule, f.severity.value, f.text) for f in PIPELINE.check_text(text).findings]


def test_a_sequence_finds_its_elements_in_order_and_reports_their_span():
    text = "朋友圈里说，县里的房价明年会大幅贬值20%，赶紧卖。"
    found = [r for r in rules(text) if r[0] == "SE702"]
    assert found == [("SE702", "block", "房价明年会大幅贬值20%")]


def test_the_same_elements_out_of_order_are_not_a_sequence():
    assert not [r for r in rules("贬值20%以后，明年房价会怎样，专家看法不一。") if r[0] == "SE702"]


def test_a_percentage_slot_needs_the_percent_sign_the_compact_view_drops():
    assert [r[0] for r in rules("存款明年要缩水20%。")] == ["SE702"]
    # (the claim itself, without a percentage, is the co-occurrence rule SE612's)
    assert [r[0] for r in rules("存款明年要缩水20。") if r[0] == "SE702"] == []


def test_elements_further_apart_than_within_do_not_match():
    near = "本周末将发生6级地震。"
    far = "本周末将发生一场让全县老老少少都终生难忘的6级地震。"
    assert [r[0] for r in rules(near)] == ["SE701"]
    assert [r[0] for r in rules(far)] == []


def test_a_sequence_in_a_debunk_paragraph_is_a_quotation():
    found = rules("有人发帖称“下周将发生6级地震”。经市地震局核实，系谣言。")
    assert [(r, s) for r, s, _ in found] == [("SE701", "info")]


def test_the_finding_says_what_it_recognised_in_order():
    finding = PIPELINE.check_text("下周将发生6级地震，大家快跑。").findings[0]
    assert "依次出现：断言将要发生…数字…“级”…地震" in finding.message


def _file(tmp_path, pattern: str) -> list:
    path = tmp_path / "ours.toml"
    path.write_text(f'[meta]\ncategory = "ads"\n\n[[rule]]\nid = "AD790"\npattern = {pattern}\n'
                    'reason = "推销"\nreason_en = "promotion"\nhit = ["某某"]\n', encoding="utf-8")
    classes = load_classes(sorted((bundled_dir() / "classes").glob("*.toml")))
    return load_sequences(path, classes)


def test_an_unknown_slot_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="no slot 'price'"):
        _file(tmp_path, '["{price}", "包邮"]')


def test_slots_alone_are_not_a_pattern(tmp_path):
    with pytest.raises(ConfigError, match="not slots alone"):
        _file(tmp_path, '["{money}", "{date}"]')


def test_an_unknown_class_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="no class 'bargain'"):
        _file(tmp_path, '["{money}", "@bargain"]')
