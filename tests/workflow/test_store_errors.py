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


def test_a_workspace_shared_with_a_group_keeps_every_file_group_writable(tmp_path, monkeypatch):
    """`review init --group`: the next member of the group (another OS user) must be able to
    write the database, its journal and the attestations — and not the others' witnesses."""
    import grp
    import os
    import stat

    from workflow.team import CLEAN, Team

    group = grp.getgrgid(os.getgid()).gr_name
    monkeypatch.chdir(tmp_path)
    (tmp_path / "review.toml").write_text("", encoding="utf-8")
    team = Team(tmp_path, None)
    for who in ("admin", "editor", "reviewer"):
        team.keygen(who)
    old = os.umask(0o022)  # an ordinary user's umask: without the group mode, files are 644
    try:
        team.ok("admin", "init", "--name", "admin", "--group", group)
        team.add("editor", "editor")
        team.add("reviewer", "reviewer")
        item = team.submit("editor", team.write("a.txt", CLEAN))
        team.ok("reviewer", "approve", str(item))
        team.ok("editor", "release", str(item))
    finally:
        os.umask(old)
    review_dir = tmp_path / ".review"
    assert review_dir.stat().st_mode & stat.S_ISGID
    # sticky: a member cannot delete or replace the database or anyone's witness
    assert review_dir.stat().st_mode & stat.S_ISVTX
    assert (review_dir / "witness").stat().st_mode & stat.S_ISVTX
    made = [review_dir, *review_dir.rglob("*")]
    # a rollback journal that stays (WAL does not work on a network share)
    assert any(p.name == "review.db-journal" for p in made) and any(
        p.name.endswith(".dsse.json") for p in made)
    assert not any(p.name == "review.db-wal" for p in made)
    witnesses = [p for p in made if p.parent.name == "witness"]
    assert len(witnesses) == 3  # admin, editor, reviewer
    for path in made:
        mode = path.stat().st_mode
        assert mode & stat.S_IRGRP, path
        assert bool(mode & stat.S_IWGRP) == (path not in witnesses), path
        assert not mode & (stat.S_IROTH | stat.S_IWOTH), path
    team.usage_error("admin", "init", "--name", "admin", "--group", "no-such-group-here",
                     match="no OS group")
