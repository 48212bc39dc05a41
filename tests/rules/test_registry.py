"""The rule registry: every bundled rule once, in its kind's id range, owning its phrases
alone, with hit examples — and the checks that say so catch each defect when it is seeded."""

from __future__ import annotations

import pytest

from review.config import Config
from review.findings import Category, Gate, Rule, Severity
from review.pipeline import Pipeline
from review.rules.registry import CHECK_KINDS, TEXT_KINDS, Registry, collect
from review.rules.spec import Kind, RuleSpec

REGISTRY = collect()


def test_the_bundled_rules_break_none_of_the_registrys_rules():
    assert REGISTRY.problems() == []


def test_the_stages_report_exactly_the_registered_rules():
    staged = {rule.id for rule in Pipeline(Config()).rules()}
    assert staged == {spec.id for spec in REGISTRY.specs if spec.kind in CHECK_KINDS}


def _spec(rule_id: str, kind: Kind = Kind.LEXICON, owns: tuple[str, ...] = ("某某词",),
          hit: tuple[str, ...] = ("例句",), category: Category = Category.ADS) -> RuleSpec:
    rule = Rule(rule_id, category, Gate.POLICY, Severity.BLOCK, "说明", "message")
    return RuleSpec(rule, kind, hit=hit, source="seeded.toml", owns=owns)


@pytest.mark.parametrize(("seeded", "problem"), [
    (_spec("AD001", owns=("另一个词",)), "AD001: declared twice"),
    (_spec("AD498", owns=("加微信",)), "'加微信' is owned by two lexicon rules: AD001 and AD498"),
    (_spec("EX7999", kind=Kind.CORRECTION, owns=("奢糜之风",), category=Category.EXPRESSION),
     "'奢糜之风' is owned by two correction rules: EX0112 and EX7999"),
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
    with pytest.raises(AttributeError):
        REGISTRY.specs[0].hit = ()  # type: ignore[misc]


def test_an_organisations_rule_may_not_take_the_id_of_another_kind(cli, tmp_path):
    (tmp_path / "ours.toml").write_text(
        '[meta]\ncategory = "secrets"\n\n[[entry]]\nid = "SC502"\nterm = "某某内部名单"\n'
        'reason = "泄露"\nreason_en = "leak"\nhit = ["某某内部名单"]\n', encoding="utf-8")
    (tmp_path / "review.toml").write_text('[[lexicon]]\npath = "ours.toml"\n', encoding="utf-8")
    (tmp_path / "draft.txt").write_text("今天天气很好。", encoding="utf-8")
    for args in (["check", "draft.txt"], ["rules"], ["rules", "--explain", "SC502"]):
        result = cli(*args)
        assert result.exit_code == 2, args
        assert "SC502" in result.stderr and "declared twice" in result.stderr, args


def test_a_merged_id_still_means_its_rule(cli, tmp_path):
    text = "坚决整治奢糜之风。"
    assert "EX0112" in {f.rule for f in Pipeline(Config()).check_text(text).findings}
    quiet = Pipeline(Config(severity={"EX1517": "off"}))  # EX1517 was merged into EX0112
    assert "EX0112" not in {f.rule for f in quiet.check_text(text).findings}
    assert REGISTRY.get("EX1517").id == "EX0112"
    assert cli("rules", "--explain", "EX1517").output.startswith("EX0112")


def test_a_lexicon_cannot_take_the_release_checks_category(cli, tmp_path):
    (tmp_path / "ours.toml").write_text(
        '[meta]\ncategory = "release"\n\n[[entry]]\nid = "AD450"\nterm = "某某词"\n'
        'reason = "x"\nreason_en = "x"\nhit = ["某某词"]\n', encoding="utf-8")
    (tmp_path / "review.toml").write_text('[[lexicon]]\npath = "ours.toml"\n', encoding="utf-8")
    result = cli("rules", "--explain", "AD450")
    assert result.exit_code == 2 and "release is not a category of draft text" in result.stderr
