"""Every rule file is validated against one typed schema: each problem one line naming the
file, the entry and the field; unknown tables and keys are errors."""

from __future__ import annotations

from datetime import date

import pytest

from review.errors import ConfigError
from review.rules import schema

LEXICON = '[meta]\ncategory = "ads"\n\n[[entry]]\nid = "AD001"\nterm = "限量抢购"\n' \
          'reason = "营销话术"\nreason_en = "sales talk"\nhit = ["限量抢购"]\n'
CORRECTION = '[[entry]]\nid = "EX7001"\nwrong = ["城东开发管委会"]\nright = "城东新区管委会"\n' \
             'reason = "机构已更名"\nreason_en = "renamed"\nhit = ["城东开发管委会召开会议"]\n'
LEADER = '[[leader]]\nname = "张某某"\ntitle = "某某市委书记"\nvalid_from = 2021-06-01\n'
FORMULATION = '[[formulation]]\nid = "EX9050"\ntext = "某某精神"\nhit = ["学习某莫精神"]\n'


@pytest.mark.parametrize(("model", "text", "where"), [
    (schema.LeadersFile, LEADER.replace('title = "某某市委书记"\n', ""),
     "leader 张某某 (#1): title: Field required"),
    (schema.LeadersFile, LEADER.replace("2021-06-01", '"2021-13-01"'),
     "leader 张某某 (#1): valid_from: Input should be a valid date"),
    (schema.LeadersFile, LEADER + "valid_to = 2020-01-01\n", "leader 张某某 (#1): "),
    (schema.LeadersFile, LEADER + 'titel = "书记"\n',
     "leader 张某某 (#1): titel: Extra inputs are not permitted"),
    (schema.LexiconFile, LEXICON + 'contxt = ["咨询"]\n',
     "entry AD001 (#1): contxt: Extra inputs are not permitted"),
    (schema.LexiconFile, LEXICON.replace('id = "AD001"', 'id = "AD 1"'),
     "entry AD 1 (#1): id: String should match pattern"),
    (schema.LexiconFile, LEXICON + '\n[metadata]\nowner = "宣传科"\n',
     "metadata: Extra inputs are not permitted"),
    (schema.LexiconFile, LEXICON.replace('gate = ', 'x = ') + 'gate = "文字官"\n',
     "entry AD001 (#1): gate: "),
    (schema.CorrectionFile, CORRECTION.replace('right = "城东新区管委会"\n', ""),
     "entry EX7001 (#1): right: Field required"),
    (schema.FormulationFile, FORMULATION + "max_distance = 9\n",
     "formulation EX9050 (#1): max_distance: Input should be less than or equal to 5"),
])
def test_each_problem_is_one_line_with_file_entry_and_field(tmp_path, model, text, where):
    path = tmp_path / "ours.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        schema.read(path, model)
    lines = str(caught.value).splitlines()
    assert lines and all(line.startswith(f"{path}: ") for line in lines)
    assert any(where in line for line in lines), lines


def test_every_problem_of_a_file_is_reported(tmp_path):
    path = tmp_path / "leaders.toml"
    path.write_text('[[leader]]\nname = "张某某"\n\n[[leader]]\ntitle = "某某区长"\n',
                    encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        schema.read(path, schema.LeadersFile)
    assert str(caught.value).splitlines() == [
        f"{path}: leader 张某某 (#1): title: Field required",
        f"{path}: leader #2: name: Field required",
    ]


def test_a_quoted_iso_date_is_read_as_the_date(tmp_path):
    path = tmp_path / "leaders.toml"
    path.write_text(LEADER.replace("2021-06-01", '"2021-06-01"'), encoding="utf-8")
    assert schema.read(path, schema.LeadersFile).leader[0].valid_from == date(2021, 6, 1)


def test_the_organisations_leaders_file_with_a_problem_stops_the_check(cli, tmp_path):
    (tmp_path / "leaders.toml").write_text('[[leader]]\nname = "张某某"\n', encoding="utf-8")
    (tmp_path / "review.toml").write_text('leaders = "leaders.toml"\n', encoding="utf-8")
    (tmp_path / "draft.txt").write_text("某某市委书记张某某主持会议。", encoding="utf-8")
    result = cli("check", "draft.txt")
    assert result.exit_code == 2
    assert "leaders.toml: leader 张某某 (#1): title: Field required" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_a_missing_leaders_file_named_in_the_config_is_an_error(cli, tmp_path):
    (tmp_path / "review.toml").write_text('leaders = "nowhere.toml"\n', encoding="utf-8")
    (tmp_path / "draft.txt").write_text("今天天气很好。", encoding="utf-8")
    result = cli("check", "draft.txt")
    assert result.exit_code == 2 and "nowhere.toml" in result.stderr


def test_each_problem_of_an_organisations_file_is_its_own_line(cli, tmp_path):
    (tmp_path / "ours.toml").write_text(
        '[meta]\ncategory = "ads"\n\n[[entry]]\nid = "AD450"\nterm = "某某词"\n'
        'reason = "x"\ncontxt = ["价格"]\n', encoding="utf-8")
    (tmp_path / "draft.txt").write_text("今天天气很好。", encoding="utf-8")
    result = cli("check", "--lexicon", "ours.toml", "draft.txt")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 3 and all(line.startswith("review: ") for line in lines)
    assert {line.split(": ")[-2] for line in lines} == {"reason_en", "hit", "contxt"}
