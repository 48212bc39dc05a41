"""The workflow speaks Chinese by default and English with `--lang en`, REVIEW_LANG=en or
`lang = "en"` in the config — its output and the errors it raises (the rest of the suite runs
with REVIEW_LANG=en and reads the English)."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from workflow.team import CLEAN, Team

from review.workflow.store import sqlite_url


@pytest.fixture
def team(tmp_path, monkeypatch) -> Team:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "review.toml").write_text("", encoding="utf-8")
    team = Team.small(tmp_path)
    team.add("editor", "editor,reviewer")  # the editor also holds the reviewer role
    team.lang = ""  # no REVIEW_LANG: the default
    return team


@pytest.mark.parametrize("who, action, chinese, english", [
    ("editor", "approve", "editor 提交或最后修改了事项 {item}，不能审核该事项",
     "editor submitted or last changed item {item} and cannot review it"),  # self-approval
    ("editor", "release", "事项 {item} 尚需第 1 级（reviewer）审核通过",
     "item {item} still needs approval at level 1 (reviewer)")])
def test_a_refused_action_in_chinese_and_in_english(team, who, action, chinese, english):
    item = team.submit("editor", team.write("a.txt", CLEAN))
    team.refused(who, action, str(item), match=chinese.format(item=item))
    team.refused(who, action, str(item), "--lang", "en", match=english.format(item=item))


def test_the_queue_header_and_the_commands_output(team):
    item = team.submit("editor", team.write("a.txt", CLEAN))
    zh = team.ok(None, "queue").stdout.splitlines()
    assert zh[0].split() == ["编号", "级别", "等待", "最严重", "编辑", "标题"]
    assert zh[1].split()[:2] == [str(item), "1:reviewer"]  # the values are the same
    en = team.ok(None, "queue", "--lang", "en").stdout.splitlines()
    assert en[0].split() == ["id", "level", "age", "worst", "editor", "title"]
    assert [row.split() for row in en[1:]] == [row.split() for row in zh[1:]]
    assert team.ok("reviewer", "approve", str(item)).stdout == \
        f"{item}：已在第 1 级审核通过\n"
    # JSON is for scripts: its keys and states are the same in either language
    assert team.ok(None, "queue", "--format", "json").stdout == \
        team.ok(None, "queue", "--format", "json", "--lang", "en").stdout


def test_a_store_error_in_chinese_and_in_english(team):
    with create_engine(sqlite_url(team.root)).begin() as conn:
        conn.execute(text("UPDATE review_meta SET value = '99' WHERE key = 'schema_version'"))
    from review.tables import SCHEMA_VERSION

    team.fails(3, None, "queue", match=f"存储库的结构版本为 99，应为 {SCHEMA_VERSION}")
    team.fails(3, None, "queue", "--lang", "en",
               match=f"the store has schema version 99, expected {SCHEMA_VERSION}")


def test_review_lang_and_the_config_choose_the_language_and_lang_overrides_both(team):
    item = team.submit("editor", team.write("a.txt", CLEAN))
    english = f"item {item} still needs approval at level 1"
    chinese = f"事项 {item} 尚需第 1 级"
    team.lang = "en"
    team.refused("editor", "release", str(item), match=english)
    team.refused("editor", "release", str(item), "--lang", "zh", match=chinese)
    team.lang = ""
    (team.root / "review.toml").write_text('lang = "en"\n', encoding="utf-8")
    team.refused("editor", "release", str(item), match=english)
    team.lang = "zh_CN.UTF-8"  # as a locale says it
    team.refused("editor", "release", str(item), match=chinese)


def test_an_error_in_an_option_is_said_in_the_chosen_language(team):
    """--lang is read before the other options, whatever their order."""
    item = team.submit("editor", team.write("a.txt", CLEAN))
    team.usage_error("reviewer", "reject", str(item), "--reason", " ",
                     match="--reason 不能为空")
    team.usage_error("reviewer", "reject", str(item), "--reason", " ", "--lang", "en",
                     match="--reason must not be blank")
