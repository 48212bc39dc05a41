"""`review rules` and `review rules --explain ID`."""

from __future__ import annotations


def test_explain_says_what_why_an_example_and_the_fix(cli):
    result = cli("rules", "--explain", "SC502")
    assert result.exit_code == 0
    out = result.output
    for label in ("查什么", "为什么", "示例", "报出", "不报", "怎么改"):
        assert label in out, label
    assert "个人隐私" in out and "六严禁" in out
    assert "13812345678" in out  # the example's reported span, found by the pipeline


def test_explain_in_english_for_a_file_rule(cli):
    result = cli("rules", "--explain", "EX9001", "--lang", "en")
    assert result.exit_code == 0
    assert "why it matters: " in result.output
    assert "fails the whole account" in result.output  # a serious wrong formulation
    assert "declared in: lexicons/expression/formulations.toml" in result.output


def test_an_unknown_id_is_a_one_line_usage_error(cli):
    result = cli("rules", "--explain", "AD9999")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "AD9999" in result.stderr


def test_the_list_has_every_kind_and_filters_by_kind(cli):
    every = cli("rules", "--lang", "en").output.splitlines()
    kinds = {line.split("\t")[1] for line in every}
    assert {"lexicon entry", "detector", "classifier", "wrong → right list", "exact formulation",
            "leaders' names and titles", "Taiwan, Hong Kong and Macao wording"} <= kinds
    detectors = cli("rules", "--kind", "detector").output.splitlines()
    assert detectors and all(line.split("\t")[0][2] == "5" for line in detectors)


def test_the_word_classes_are_listed_with_their_role(cli):
    result = cli("rules", "--classes")
    assert result.exit_code == 0
    rows = {line.split("\t")[0]: line.split("\t") for line in result.output.splitlines()}
    assert rows["drug"][2] == "事物或行为" and int(rows["drug"][4]) > 5
    assert rows["debunk_verdict"][2] == "立场（作用于全文）"
    assert rows["case_frame"][2] == "立场（作用于紧邻词后）"


def test_a_class_page_says_which_rules_use_it(cli):
    result = cli("rules", "--explain", "quake", "--lang", "en")
    assert result.exit_code == 0
    assert result.output.startswith("quake  an earthquake")
    assert "used by: " in result.output and "SE701" in result.output


def test_an_unknown_class_suggests_a_close_one(cli):
    result = cli("rules", "--explain", "drugs")
    assert result.exit_code == 2
    assert "did you mean drug" in result.output


def test_a_rule_id_in_lower_case_is_still_a_rule_not_a_class(cli):
    result = cli("rules", "--explain", "il601")
    assert result.exit_code == 0
    assert result.output.startswith("IL601")
