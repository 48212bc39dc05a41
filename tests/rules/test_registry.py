"""The rule registry: every bundled rule once, in its kind's id range, owning its phrases
alone, with hit examples — and the checks that say so catch each defect when it is seeded."""

from __future__ import annotations

import dataclasses

import pytest

from review.config import Config
from review.findings import Category, Gate, Rule, Severity
from review.pipeline import Pipeline
from review.rules.registry import TEXT_KINDS, Registry, collect
from review.rules.spec import Kind, RuleSpec

REGISTRY = collect()


def test_the_bundled_rules_break_none_of_the_registrys_rules():
    assert REGISTRY.problems() == []


def test_the_stages_report_exactly_the_registered_rules():
    staged = {rule.id for rule in Pipeline(Config()).rules()}
    assert staged == {spec.id for spec in REGISTRY.specs if spec.kind in TEXT_KINDS}


def _spec(rule_id: str, kind: Kind = Kind.LEXICON, owns: tuple[str, ...] = ("某某词",),
          hit: tuple[str, ...] = ("例句",), category: Category = Category.ADS) -> RuleSpec:
    rule = Rule(rule_id, category, Gate.POLICY, Severity.BLOCK, "说明", "message")
    return RuleSpec(rule, kind, hit=hit, source="seeded.toml", owns=owns)


@pytest.mark.parametrize(("seeded", "problem"), [
    (_spec("AD001", owns=("另一个词",)), "AD001: declared twice"),
    (_spec("AD498", owns=("加微信",)), "'加微信' is owned by two lexicon rules: AD001 and AD498"),
    (_spec("AD700"), "AD700: a lexicon rule id must be"),
    (_spec("IL498", category=Category.ADS), "IL498: a ads rule's id starts with AD"),
    (_spec("SC599", kind=Kind.DETECTOR, hit=(), category=Category.SECRETS),
     "SC599: no hit example"),
    (_spec("EX0001X", kind=Kind.CORRECTION, category=Category.EXPRESSION),
     "EX0001X: a correction rule id must be EX0001–EX8999"),
])
def test_each_seeded_defect_is_caught(seeded, problem):
    seeded_registry = Registry([*REGISTRY.specs, seeded])
    assert any(p.startswith(problem) for p in seeded_registry.problems()), \
        seeded_registry.problems()


def test_unknown_ids_get_a_suggestion():
    with pytest.raises(Exception, match="did you mean SC502"):
        REGISTRY.get("SC5O2")
    assert REGISTRY.get("sc502").id == "SC502"


def test_every_rule_carries_its_documentation():
    for spec in REGISTRY.specs:
        rule = spec.rule
        assert rule.message_zh and rule.message_en, rule.id
        assert spec.source, rule.id
    in_code = TEXT_KINDS - {Kind.LEXICON, Kind.CORRECTION, Kind.FORMULATION}
    for spec in (s for s in REGISTRY.specs if s.kind in in_code):
        assert spec.detail_zh and spec.detail_en, f"{spec.id} declared in code without detail"


def test_an_organisations_rule_may_not_reuse_a_bundled_id(cli, tmp_path):
    (tmp_path / "ours.toml").write_text(
        '[meta]\ncategory = "ads"\n\n[[entry]]\nid = "AD001"\nterm = "某某牌保健酒"\n'
        'reason = "推销"\nreason_en = "promotion"\nhit = ["某某牌保健酒"]\n', encoding="utf-8")
    (tmp_path / "draft.txt").write_text("今天天气很好。", encoding="utf-8")
    result = cli("check", "--lexicon", "ours.toml", "draft.txt")
    assert result.exit_code == 2
    assert "AD001" in result.stderr and "declared twice" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_specs_are_immutable_records():
    with pytest.raises(dataclasses.FrozenInstanceError):
        REGISTRY.specs[0].hit = ()  # type: ignore[misc]
