"""In-draft suppression: `<!-- review-ignore RULE: 理由 -->` for a reviewed false positive."""

import json

import pytest

TYPO = "他们已经走头无路。"        # EX1007 at review: a typo the list names
OPINION_TYPO = "他们已经走头无路了，真让人气愤！"   # EX1007 and the opinion model (OP901)
AD = "请加微信 abc_shop888 领取。"  # AD501 at block
CONSENT = "审委会讨论时多数意见认为应判处死刑。"  # a consent topic (CN026)


def check(cli, tmp_path, text, *args, name="a.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = cli("check", str(path), "--format", "json", *args)
    data = json.loads(result.stdout)
    return result, data["files"][0]["findings"], data["summary"]


def by_rule(findings, rule):
    return [f for f in findings if f["rule"] == rule]


def test_a_review_finding_is_lowered_to_info_with_the_reason(cli, tmp_path):
    text = f"# 通知\n\n<!-- review-ignore EX1007: 引用当事人原话，保留原样 -->\n{TYPO}\n"
    result, findings, summary = check(cli, tmp_path, text)
    assert result.exit_code == 0
    assert findings == [] and summary["suppressed"] == 1  # counted, not listed
    result, findings, summary = check(cli, tmp_path, text, "--show-suppressed")
    [typo] = by_rule(findings, "EX1007")
    assert typo["severity"] == "info" and typo["suppressed"] == "引用当事人原话，保留原样"
    assert typo["text"] == "走头无路"
    text_report = cli("check", str(tmp_path / "a.md"), "--show-suppressed").stdout
    assert "引用当事人原话，保留原样" in text_report and "提示" in text_report


def test_it_covers_only_the_next_line_with_text_and_only_the_rules_it_names(cli, tmp_path):
    text = (f"<!-- review-ignore EX1007: 原话 -->\n\n{OPINION_TYPO}\n\n{TYPO}\n")
    _, findings, _ = check(cli, tmp_path, text, "--show-suppressed")
    typos = by_rule(findings, "EX1007")
    assert [f["line"] for f in typos] == [3, 5]
    assert [f["severity"] for f in typos] == ["info", "review"]  # the second line is not covered
    assert all(f["severity"] == "review" for f in by_rule(findings, "OP901"))  # not named


def test_a_comment_on_the_same_line_covers_that_line_and_ids_any_case(cli, tmp_path):
    text = f"<p>{OPINION_TYPO}<!-- review-ignore ex1007，OP901：当事人原话 --></p>\n"
    result, findings, summary = check(cli, tmp_path, text, name="a.html")
    assert result.exit_code == 0 and findings == [] and summary["suppressed"] == 2


@pytest.mark.parametrize("text,rule", [
    (f"<!-- review-ignore AD501: 这是官方账号 -->\n{AD}\n", "AD501"),
    (f"<!-- review-ignore CN026: 已经同意 -->\n{CONSENT}\n", "CN026"),
])
def test_block_and_consent_findings_are_not_honoured(cli, tmp_path, text, rule):
    """Those need a reviewer's signed override or the unit's consent: a line in the draft,
    which its own editor writes, is not either."""
    result, findings, _ = check(cli, tmp_path, text)
    [kept] = by_rule(findings, rule)
    assert kept["severity"] in ("block", "review") and "suppressed" not in kept
    [said] = by_rule(findings, "RV202")
    assert said["line"] == 1 and rule in said["message"]
    assert result.exit_code == (1 if kept["severity"] == "block" else 0)


@pytest.mark.parametrize("directive", [
    "<!-- review-ignore -->", "<!-- review-ignore EX1007 -->", "<!-- review-ignore EX1007: -->",
    "<!-- review-ignore : 没写规则 -->"])
def test_a_directive_without_rule_or_reason_does_nothing_and_is_reported(cli, tmp_path,
                                                                         directive):
    _, findings, _ = check(cli, tmp_path, f"{directive}\n{TYPO}\n")
    assert by_rule(findings, "EX1007")[0]["severity"] == "review"
    assert by_rule(findings, "RV201")[0]["line"] == 1


def test_a_directive_that_suppresses_nothing_is_reported(cli, tmp_path):
    """The text it excused was corrected, or the id is wrong: said, as an unused noqa is."""
    text = "<!-- review-ignore EX1007: 原话 -->\n他们已经走投无路。\n"
    _, findings, _ = check(cli, tmp_path, text)
    [unused] = by_rule(findings, "RV203")
    assert unused["severity"] == "info" and "EX1007" in unused["message"]


def test_plain_text_has_no_comment_syntax(cli, tmp_path):
    _, findings, summary = check(cli, tmp_path, f"<!-- review-ignore EX1007: 原话 -->\n{TYPO}\n",
                                 name="a.txt")
    assert by_rule(findings, "EX1007")[0]["severity"] == "review"
    assert summary["suppressed"] == 0 and not by_rule(findings, "RV203")


def test_the_directive_rules_are_documented(cli):
    result = cli("rules", "--explain", "RV202")
    assert result.exit_code == 0 and "review override" in result.stdout


def test_a_word_comment_starting_with_review_ignore_covers_the_text_it_is_anchored_to(
        cli, tmp_path):
    """In .docx the directive is a comment (批注), as editors mark things in Word; other
    comments are context and do nothing."""
    import docx

    document = docx.Document()
    first = document.add_paragraph("他们已经")
    quoted = first.add_run("走头无路")
    first.add_run("了。")
    second = document.add_paragraph(TYPO)  # the same typo, not under the comment
    document.add_comment([quoted], text="review-ignore EX1007: 当事人原话", author="编辑")
    document.add_comment(second.runs, text="请核实", author="审核")
    document.save(tmp_path / "a.docx")
    result = cli("check", str(tmp_path / "a.docx"), "--format", "json", "--show-suppressed")
    findings = json.loads(result.stdout)["files"][0]["findings"]
    typos = by_rule(findings, "EX1007")
    assert [(f["location"]["paragraph"], f["severity"]) for f in typos] == [
        (1, "info"), (2, "review")]
    assert typos[0]["suppressed"] == "当事人原话" and result.exit_code == 0
