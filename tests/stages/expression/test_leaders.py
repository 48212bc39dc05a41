from datetime import date

import pytest

from review.document import Document
from review.stages.expression import leaders
from review.stages.expression.data import expression_dir

SAMPLE = leaders.load_leaders(expression_dir() / "leaders.toml")
TODAY = date(2026, 11, 25)


def found(text: str, day: date = TODAY) -> list[tuple[str, str]]:
    return [(h.rule.id, text[h.start:h.end])
            for h in leaders.detect(Document("t", text), SAMPLE, day)]


@pytest.mark.parametrize("text", [
    "国务院总理李强主持召开国务院常务会议。",
    "全国人大常委会委员长赵乐际出席。",
    "李强总理强调，要稳住经济大盘。",
    "时任国务院总理李克强视察了该项目。",
    "原国务院总理温家宝曾到此调研。",
    "李克强同志生平展开展。",              # a name without a title
    "赵乐际、国务院总理李强出席。",          # a list does not lend titles
])
def test_correct_names_and_titles_are_quiet(text):
    assert found(text) == []


def test_a_former_office_holder_presented_as_current_is_blocked():
    assert found("国务院总理李克强出席会议。") == [("EX9102", "国务院总理李克强")]
    assert found("李克强总理指出") == [("EX9102", "李克强总理")]


def test_the_drafts_date_decides_who_is_current():
    assert found("国务院总理李克强出席会议。", date(2020, 5, 1)) == []
    assert found("国务院总理李强出席会议。", date(2020, 5, 1)) == []  # not yet in office: quiet


def test_a_title_that_belongs_to_someone_else_is_blocked():
    assert found("国务院总理王沪宁出席会议。") == [("EX9101", "国务院总理王沪宁")]


def test_misspelt_names_are_blocked_with_the_right_name():
    hits = list(leaders.detect(Document("t", "粟战书出席会议"), SAMPLE, TODAY))
    assert [(h.rule.id, h.replacement) for h in hits] == [("EX9103", "栗战书")]


def test_an_organisations_own_file(tmp_path):
    path = tmp_path / "leaders.toml"
    path.write_text('[[leader]]\nname = "张某某"\ntitle = "某某市委书记"\nshort_titles = ["书记"]\n'
                    'valid_from = 2021-06-01\nvalid_to = 2025-12-31\n'
                    '[[leader]]\nname = "李某某"\ntitle = "某某市委书记"\n'
                    'valid_from = 2026-01-01\n',
                    encoding="utf-8")
    ours = leaders.load_leaders(expression_dir() / "leaders.toml", path)
    text = "某某市委书记张某某主持会议。"
    assert [h.rule.id for h in leaders.detect(Document("t", text), ours, TODAY)] == ["EX9102"]
    assert list(leaders.detect(Document("t", text), ours, date(2024, 1, 1))) == []


def test_an_organisations_file_cannot_change_the_national_leaders(tmp_path):
    """A content repository's leaders file adds its own people; one that makes a former
    premier current again (to pass a draft that calls him premier) changes nothing."""
    path = tmp_path / "leaders.toml"
    path.write_text('[[leader]]\nname = "李克强"\ntitle = "国务院总理"\nshort_titles = ["总理"]\n'
                    'valid_from = 2013-03-15\n', encoding="utf-8")
    ours = leaders.load_leaders(expression_dir() / "leaders.toml", path)
    text = "国务院总理李克强出席会议。"
    assert [h.rule.id for h in leaders.detect(Document("t", text), ours, TODAY)] == ["EX9102"]


def heads(text: str) -> list[tuple[str, str | None]]:
    return [(text[h.start:h.end], h.replacement) for h in leaders.heads(Document("t", text))]


@pytest.mark.parametrize("text, span, right", [
    ("区人民检察院第一副院长介绍办案情况。", "检察院第一副院长", "检察院第一副检察长"),
    ("县人民检察院党组书记、代院长主持会议。", "检察院党组书记、代院长",
     "检察院党组书记、代检察长"),
    ("县政协党组副书记、副主任出席。", "政协党组副书记、副主任", "政协党组副书记、副主席"),
    ("镇人大常委会常务副主席讲话。", "人大常委会常务副主席", "人大常委会常务副主任"),
])
def test_another_institutions_title_after_a_rank_or_post(text, span, right):
    assert heads(text) == [(span, right)]


@pytest.mark.parametrize("text", [
    "区人民检察院第一副检察长介绍办案情况。",
    "区人民法院第一副院长介绍审判情况。",
    "县政协文史委员会副主任发言。",
    "县政协党组书记、主席主持会议。",
    "县人民检察院院长办公会召开。",
    "全国人大常委会副委员长出席。",
])
def test_the_right_titles_are_quiet(text):
    assert heads(text) == []
