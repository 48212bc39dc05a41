"""A store that cannot be used is exit 3 with one line; a store that is not there yet is 2."""

from __future__ import annotations

from sqlalchemy import create_engine, text
from workflow.team import Team

from review.workflow.store import sqlite_url


def one_line(result) -> str:
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("review: ")
    assert "Traceback" not in result.output
    return result.stderr


def test_a_store_of_another_schema_version_is_exit_3(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    team = Team.small(tmp_path)
    with create_engine(sqlite_url(tmp_path)).begin() as conn:
        conn.execute(text("UPDATE review_meta SET value = '99' WHERE key = 'schema_version'"))
    result = team.run(None, "queue")
    assert result.exit_code == 3 and "schema version 99" in one_line(result)
    with create_engine(sqlite_url(tmp_path)).begin() as conn:
        conn.execute(text("UPDATE review_meta SET value = 'x' WHERE key = 'schema_version'"))
    assert team.run(None, "queue").exit_code == 3


def test_an_unreachable_database_is_exit_3_and_an_unusable_url_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    team = Team.small(tmp_path)
    team.url = "postgresql+psycopg://nobody@127.0.0.1:1/none"  # nothing listens on port 1
    unreachable = team.run(None, "queue")
    assert unreachable.exit_code == 3 and "database error" in one_line(unreachable)
    team.url = "not a url"
    assert team.run(None, "queue").exit_code == 2


def test_a_workspace_whose_store_was_never_initialised_is_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".review").mkdir()
    result = Team(tmp_path, None).run(None, "queue")
    assert result.exit_code == 2 and "review init" in one_line(result)
