"""`review fix`: typos corrected, block findings untouched, the file's encoding kept."""

import pytest

LEXICON = '''[meta]
category = "expression"
[[entry]]
id = "EX9990"
wrong = ["截止目前"]
right = "截至目前"
reason = "截至：到某时为止"
reason_en = "until now"
hit = ["截止目前"]
[[entry]]
id = "EX9991"
wrong = ["再接再励"]
right = "再接再厉"
reason = "成语错字"
reason_en = "misspelt idiom"
hit = ["再接再励"]
'''
DRAFT = ("关于做好冬季防火工作的通知\r\n\r\n截止目前，各单位要再接再励。\r\n"
         "国务院总理王沪宁出席会议。\r\n")
FIXED = ("关于做好冬季防火工作的通知\r\n\r\n截至目前，各单位要再接再厉。\r\n"
         "国务院总理王沪宁出席会议。\r\n")


@pytest.fixture
def draft(tmp_path):
    (tmp_path / "ours.toml").write_text(LEXICON, encoding="utf-8")
    (tmp_path / "review.toml").write_text('expressions = ["ours.toml"]\n', encoding="utf-8")
    path = tmp_path / "draft.txt"
    path.write_bytes(DRAFT.encode("gbk"))
    return path


def test_fix_prints_the_corrected_draft_and_a_diff(cli, draft):
    result = cli("fix", str(draft))
    assert result.exit_code == 0
    assert result.stdout_bytes == FIXED.encode("gbk")  # in the draft's own encoding
    assert "-截止目前，各单位要再接再励。" in result.stderr.replace("\r", "")
    assert "+截至目前，各单位要再接再厉。" in result.stderr.replace("\r", "")
    assert draft.read_bytes() == DRAFT.encode("gbk")  # untouched without --in-place


def test_fix_in_place_keeps_the_encoding_and_never_touches_block_findings(cli, draft):
    result = cli("fix", "--in-place", str(draft))
    assert result.exit_code == 0
    assert draft.read_bytes() == FIXED.encode("gbk")
    assert "国务院总理王沪宁" in draft.read_bytes().decode("gbk")  # EX9101 needs a person
    assert "1" in result.stderr.splitlines()[-1]  # one finding left


def test_fix_of_a_bad_file_is_one_line_and_exit_2(cli, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n")
    result = cli("fix", str(bad))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    missing = cli("fix", str(tmp_path / "missing.txt"))
    assert missing.exit_code == 2
