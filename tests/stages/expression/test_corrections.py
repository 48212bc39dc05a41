"""The wrong → right lexicons: the shields, the dates (every entry's examples run through
the whole pipeline in tests/rules/test_examples.py)."""

from datetime import date

from review.config import Config
from review.document import Document
from review.findings import Severity
from review.pipeline import Pipeline
from review.stages.expression.corrections import Corrections
from review.stages.expression.data import Correction, correction_files, load_corrections

MIN_ENTRIES = 1500


def found(corrections: Corrections, text: str) -> list[tuple[str, str, str | None]]:
    return [(h.rule.id, text[h.start:h.end], h.replacement)
            for h in corrections.detect(Document("t", text))]


def test_there_are_enough_entries():
    entries = [c for p in correction_files() for c in load_corrections(p)]
    assert len(entries) >= MIN_ENTRIES
    assert all(e.rule.severity in (Severity.BLOCK, Severity.REVIEW) for e in entries)


def write_lexicon(tmp_path, body: str):
    path = tmp_path / "ours.toml"
    path.write_text('[meta]\ncategory = "expression"\n' + body, encoding="utf-8")
    return path


DATED = '''
[[entry]]
id = "EX9990"
wrong = ["城东开发管委会"]
right = "城东新区管委会"
reason = "机构已更名"
reason_en = "renamed"
valid_from = 2022-12-26
hit = ["城东开发管委会召开会议"]
'''


def test_dated_entries_follow_the_drafts_date(tmp_path):
    path = write_lexicon(tmp_path, DATED)
    text = "城东开发管委会召开会议。"
    before = Pipeline(Config(expressions=[path], date=date(2022, 12, 25), stages=["expression"]))
    after = Pipeline(Config(expressions=[path], date=date(2022, 12, 26), stages=["expression"]))
    assert [f.rule for f in before.check_text(text).findings] == []
    finding = after.check_text(text).findings[0]
    assert (finding.rule, finding.text) == ("EX9990", "城东开发管委会")
    assert finding.replacement == "城东新区管委会"


def test_the_bundled_covid_renaming_is_dated():
    text = "做好新冠肺炎防控工作。"
    for day, expected in [(date(2022, 12, 25), []), (date(2022, 12, 26), ["新冠病毒感染"])]:
        pipeline = Pipeline(Config(date=day, stages=["expression"]))
        assert [f.replacement for f in pipeline.check_text(text).findings] == expected


def test_date_option_on_the_command_line(cli, tmp_path):
    path = write_lexicon(tmp_path, DATED)
    (tmp_path / "review.toml").write_text(f'expressions = ["{path}"]\n', encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("城东开发管委会召开会议。\n", encoding="utf-8")
    assert "EX9990" not in cli("check", "--date", "2022-01-01", str(draft)).stdout
    assert "EX9990" in cli("check", "--date", "2023-01-01", str(draft)).stdout
    assert cli("check", "--date", "yesterday", str(draft)).exit_code == 2


def test_a_right_form_containing_the_wrong_one_is_not_an_alarm():
    entry = load_corrections_from('''
[[entry]]
id = "EX9991"
wrong = ["截止"]
right = "截止日期"
reason = "测试"
reason_en = "test"
hit = ["截止。"]
''')
    corrections = Corrections(entry, date(2026, 1, 1))
    assert found(corrections, "报名截止日期为12月1日。") == []
    assert found(corrections, "报名截止。")[0][1] == "截止"


def load_corrections_from(body: str) -> list[Correction]:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as directory:
        return load_corrections(write_lexicon(Path(directory), body))
