"""Co-occurrence rules: classes that must meet in one sentence, `none` classes that keep a rule
quiet, stances that make a finding a quotation at info, and the organisation's own terms."""

from __future__ import annotations

import pytest

from review.config import Config
from review.document import Document
from review.errors import ConfigError
from review.pipeline import Pipeline
from review.rules.classes import load_classes
from review.stages import cooccurrence

CLASSES = '''
[class.thing]
name = "某物"
name_en = "a thing"
terms = ["某某货", "某某物"]

[class.offer]
name = "交易用语"
name_en = "an offer"
terms = ["出售", "包邮"]

[class.food]
name = "食品"
name_en = "food"
terms = ["食谱", "做法"]

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
all = ["thing"]
any = ["offer"]
none = ["food"]
excused_by = ["warning"]
reason = "某物交易招揽"
reason_en = "Solicits trade in the thing"
hit = ["某某货出售"]
'''


@pytest.fixture
def stage(tmp_path):
    (tmp_path / "classes.toml").write_text(CLASSES, encoding="utf-8")
    (tmp_path / "rules.toml").write_text(RULES, encoding="utf-8")
    classes = load_classes([tmp_path / "classes.toml"])
    return cooccurrence.CooccurrenceStage(
        classes, cooccurrence.load_rules(tmp_path / "rules.toml", classes))


def found(stage, text: str) -> list[tuple[str, str, str | None]]:
    return [(h.rule.id, text[h.start:h.end], h.severity and h.severity.value)
            for h in stage.scan(Document("t", text))]


def test_classes_meet_in_one_sentence(stage):
    assert found(stage, "今日某某货，低价出售，包邮。") == [
        ("IL690", "某某货，低价出售，包邮", None)]
    assert found(stage, "某某货已到。欢迎出售旧物。") == []  # two sentences
    assert found(stage, "某 某 货出售") == [("IL690", "某 某 货出售", None)]  # noise skipped


def test_a_none_class_keeps_the_rule_quiet(stage):
    assert found(stage, "某某物的做法：出售前洗净。") == []


def test_a_stance_makes_it_a_quotation_at_info(stage):
    [(rule_id, _, severity)] = found(stage, "警惕网上“某某货出售”的广告。")
    assert (rule_id, severity) == ("IL690", "info")
    hit = next(iter(stage.scan(Document("t", "警惕网上“某某货出售”的广告。"))))
    assert "提醒警示" in hit.rule.message_zh and "a warning" in hit.rule.message_en


def test_the_message_says_what_was_recognised(stage):
    hit = next(iter(stage.scan(Document("t", "某某货出售"))))
    assert hit.rule.message_zh == "某物交易招揽（同一句中：某物＋交易用语）"


def test_a_rule_naming_an_unknown_class_is_refused(tmp_path):
    (tmp_path / "classes.toml").write_text(CLASSES, encoding="utf-8")
    (tmp_path / "rules.toml").write_text(RULES.replace('"offer"]', '"offers"]'), encoding="utf-8")
    classes = load_classes([tmp_path / "classes.toml"])
    with pytest.raises(ConfigError, match="rule IL690: any: no class 'offers'"):
        cooccurrence.load_rules(tmp_path / "rules.toml", classes)


def test_a_class_defined_twice_in_the_bundled_files_is_refused(tmp_path):
    for name in ("a.toml", "b.toml"):
        (tmp_path / name).write_text(CLASSES, encoding="utf-8")
    with pytest.raises(ConfigError, match="class thing is defined twice"):
        load_classes([tmp_path / "a.toml", tmp_path / "b.toml"])


def test_the_organisation_adds_terms_to_a_bundled_class(cli, tmp_path):
    (tmp_path / "ours.toml").write_text(
        '[class.drug]\nname = "毒品"\nname_en = "drugs"\nterms = ["某某新型毒品"]\n',
        encoding="utf-8")
    (tmp_path / "review.toml").write_text('classes = ["ours.toml"]\n', encoding="utf-8")
    (tmp_path / "draft.txt").write_text("某某新型毒品有货，私聊。", encoding="utf-8")
    result = cli("check", "draft.txt", "--format", "json")
    assert '"rule": "IL601"' in result.output and result.exit_code == 1
    default = Pipeline(Config()).check_text("某某新型毒品有货，私聊。")
    assert "IL601" not in {f.rule for f in default.findings}
