"""`review backup` and `review restore`: a backup restores with nothing lost and the chain
intact; a broken store or backup is refused, never copied or restored."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from sqlalchemy import create_engine, text
from workflow.team import CLEAN, Team


def _history(team: Team) -> None:
    """Decisions of every kind, and the office's records."""
    first = team.submit("editor", team.write("a.md", CLEAN))
    team.ok("reviewer", "show", str(first))
    team.ok("reviewer", "approve", str(first))
    second = team.submit("editor", team.write("b.md", CLEAN + "联系电话：13912345678\n"))
    team.ok("reviewer", "show", str(second))
    team.ok("reviewer", "reject", str(second), "--reason", "联系方式不宜公开")
    team.ok("admin", "accounts", "add", "平安东区", "--unit", "东区公安分局",
            "--platform", "wechat")
    team.ok("admin", "alerts", "add", "东区公安分局", "--kind", "not-updated",
            "--date", "2026-11-02")


def _log_rows(url: str) -> list[tuple]:
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT seq, kind, item_id, actor, body, signature, prev_hash, "
                                 "hash FROM review_log ORDER BY seq")).all()
    engine.dispose()
    return [tuple(r) for r in rows]


def _url(team: Team) -> str:
    return team.url or f"sqlite:///{team.root / '.review' / 'review.db'}"


def _elsewhere(team: Team, tmp_path_factory, monkeypatch, url: str | None = None):
    """The same people (keys and computers) working in a new folder outside the workspace."""
    where = tmp_path_factory.mktemp("restored")
    monkeypatch.chdir(where)
    for kept in ("keys", "state"):
        shutil.copytree(team.root / kept, where / kept)
    other = Team(where, url)
    other.runner = team.runner
    return other, where


def test_a_backup_restores_with_nothing_lost(team, tmp_path, tmp_path_factory, monkeypatch,
                                             request):
    _history(team)
    out = tmp_path / "backups" / "review-2026-12-06.db"
    out.parent.mkdir()
    result = team.ok("admin", "backup", "--out", str(out), "--format", "json")
    said = json.loads(result.stdout)
    assert said["records"] == len(_log_rows(_url(team)))
    assert said["rows"]["review_items"] == 2 and said["rows"]["review_alerts"] == 1
    assert said["signed_by"] == "admin"
    # the copy and the admin's signature of its head, nothing else beside them
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name, f"{out.name}.signed.json"]

    # the folder is lost; the office restores into a new one (SQLite, or a new PostgreSQL schema)
    target_url = request.getfixturevalue("postgres").schema_url(request) if team.url else None
    restored, new_root = _elsewhere(team, tmp_path_factory, monkeypatch, target_url)
    # the witnesses of the folder it replaces saw nothing the backup lacks
    result = restored.ok("admin", "restore", str(out), "--witnesses",
                         str(team.root / ".review" / "witness"))
    assert "checked" in result.stdout and "signed by admin" in result.stdout
    new_url = target_url or f"sqlite:///{new_root / '.review' / 'review.db'}"
    assert _log_rows(new_url) == _log_rows(_url(team))
    assert "intact" in restored.ok("admin", "audit", "verify").stdout
    # the history reads the same, the rejection still stands, and work goes on
    assert "联系方式不宜公开" in restored.ok("reviewer", "log", "2").stdout
    restored.write("b.md", CLEAN + "联系电话：13912345678\n")
    restored.ok("reviewer", "show", "2")
    restored.refused("reviewer", "approve", "2")
    third = restored.submit("editor", restored.write("c.md", CLEAN + "（补充）\n"))
    assert third == 3
    assert "平安东区" in restored.ok("admin", "accounts", "list").stdout


def test_a_store_whose_tables_were_edited_is_not_backed_up(team, tmp_path):
    if team.url:
        pytest.skip("the hand edit is made with sqlite3")
    item = team.submit("editor", team.write("a.md", CLEAN + "加微信xf_shop2026领取优惠\n"))
    db = team.root / ".review" / "review.db"
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE review_items SET findings = '[]' WHERE id = ?", (item,))
    out = tmp_path / "b.db"
    result = team.fails(3, "admin", "backup", "--out", str(out))
    assert "does not verify" in result.stderr
    assert not out.exists() and not list(tmp_path.glob(".b.db*"))


def _backup(team: Team, tmp_path):
    team.submit("editor", team.write("a.md", CLEAN))
    out = tmp_path / "b.db"
    team.ok("admin", "backup", "--out", str(out))
    return out


def test_a_doctored_backup_is_refused(team, tmp_path, tmp_path_factory, monkeypatch):
    out = _backup(team, tmp_path)
    with sqlite3.connect(out) as conn:  # the backup's own log: its triggers dropped, a row edited
        conn.execute("DROP TRIGGER review_log_no_update")
        conn.execute("UPDATE review_log SET body = replace(body, 'a.md', 'x.md') "
                     "WHERE kind = 'submit'")
    restored, new_root = _elsewhere(team, tmp_path_factory, monkeypatch)
    result = restored.fails(3, "admin", "restore", str(out))
    assert "does not verify" in result.stderr
    assert not (new_root / ".review").exists()


def test_restore_refuses_bad_input_and_a_used_workspace(team, tmp_path, monkeypatch):
    out = _backup(team, tmp_path)
    junk = tmp_path / "notes.txt"
    junk.write_text("这不是备份\n", encoding="utf-8")
    assert "not a review backup" in team.usage_error("admin", "restore", str(junk)).stderr
    team.usage_error("admin", "restore", str(tmp_path / "missing.db"))
    # here, the team's own workspace: never restored over
    assert "not empty" in team.usage_error("admin", "restore", str(out)).stderr
    assert team.run("admin", "backup").exit_code == 2  # --out is needed


def test_restoring_an_older_backup_says_what_is_lost(team, tmp_path, tmp_path_factory,
                                                      monkeypatch):
    if team.url:
        pytest.skip("one case is enough: the heads are the computers', not the store's")
    out = _backup(team, tmp_path)
    later = team.submit("editor", team.write("later.md", CLEAN + "（续）\n"))
    team.ok("admin", "log", str(later))  # the admin's computer saw the later records
    restored, new_root = _elsewhere(team, tmp_path_factory, monkeypatch)
    result = restored.fails(3, "admin", "restore", str(out))
    assert "--accept-loss" in result.stderr and not (new_root / ".review").exists()
    restored.ok("admin", "restore", str(out), "--accept-loss")
    restored.ok("admin", "queue")
    # a member whose computer saw the lost records is told at his next action
    assert "removed from the end" in restored.fails(3, "editor", "queue").stderr


def test_a_backup_taken_while_another_process_writes_is_whole(team, tmp_path):
    """An editor keeps submitting from another process while the office backs up: the copy
    is one moment of the store — its chain verifies, and it holds a prefix of the log."""
    import os
    import subprocess
    import sys
    import time

    for n in range(3):
        team.write(f"d{n}.md", CLEAN + f"（第{n}份）\n")
    env = {**os.environ, **team.env("editor")}
    script = ("import subprocess, sys\n"
              "for round in range(4):\n"
              "    for n in range(3):\n"
              "        open(f'posts/d{n}.md', 'a', encoding='utf-8').write(f'（{round}）\\n')\n"
              "        subprocess.run([sys.executable, '-m', 'review', 'submit', "
              "f'posts/d{n}.md'], check=True, capture_output=True)\n")
    writer = subprocess.Popen([sys.executable, "-c", script], env=env, cwd=team.root)
    copies = []
    try:
        while writer.poll() is None and len(copies) < 4:
            out = tmp_path / f"backup-{len(copies)}.db"
            team.ok("admin", "backup", "--out", str(out))
            copies.append(out)
            time.sleep(0.2)
    finally:
        assert writer.wait(timeout=300) == 0
    full = _log_rows(_url(team))
    assert copies
    for out in copies:
        copied = _log_rows(f"sqlite:///{out}")
        assert copied == full[:len(copied)]  # a prefix of the log, every record whole


def test_a_backup_that_went_another_way_is_not_restored(team, tmp_path, tmp_path_factory,
                                                         monkeypatch):
    """The editor restores an old backup somewhere of his own, carries on there (so the copy
    has as many records as the office's log) and passes that off as the office's backup: a
    computer that saw the real log refuses it, whatever loss is accepted."""
    if team.url:
        pytest.skip("one case is enough: the heads are the computers', not the store's")
    old = _backup(team, tmp_path)
    team.submit("editor", team.write("b.md", CLEAN + "（续）\n"))
    team.ok("admin", "queue")  # the admin's computer sees the real log
    fork, _ = _elsewhere(team, tmp_path_factory, monkeypatch)
    shutil.rmtree(fork.root / "state" / "editor")  # the editor's scratch computer
    fork.ok("editor", "restore", str(old), "--accept-loss")
    fork.submit("editor", fork.write("c.md", CLEAN + "（另一份）\n"))
    forked = tmp_path / "forked.db"
    fork.ok("editor", "backup", "--out", str(forked))
    restored, new_root = _elsewhere(team, tmp_path_factory, monkeypatch)
    # nobody of the office signed it: refused as it is, and on this computer a fork anyway
    result = restored.usage_error("admin", "restore", str(forked))
    assert "no signature of the office" in result.stderr
    for args in ((), ("--accept-loss",)):
        result = restored.fails(3, "admin", "restore", str(forked), "--unsigned", *args)
        assert "not this workspace's log" in result.stderr
    # signed with the editor's own key: he holds no office role
    from review.workflow import backup
    from review.workflow.keys import load

    backup.sign(forked, backup.check(forked), load(team.key("editor")))
    result = restored.fails(3, "admin", "restore", str(forked))
    assert "nobody holding the office or admin role" in result.stderr
    assert not (new_root / ".review").exists()


def test_a_backup_an_earlier_version_made_is_restored(team, tmp_path, tmp_path_factory,
                                                      monkeypatch, request):
    """Last night's backup, made before an upgrade changed the schema (version 4: the log
    without the server's time), is brought up to date in restore's private copy."""
    _history(team)
    out = tmp_path / "old.db"
    team.ok("admin", "backup", "--out", str(out))
    with sqlite3.connect(out) as conn:
        conn.execute("ALTER TABLE review_log DROP COLUMN logged_at")
        conn.execute("UPDATE review_meta SET value = '4' WHERE key = 'schema_version'")
    conn.close()
    target_url = request.getfixturevalue("postgres").schema_url(request) if team.url else None
    restored, new_root = _elsewhere(team, tmp_path_factory, monkeypatch, target_url)
    restored.ok("admin", "restore", str(out), "--witnesses",
                str(team.root / ".review" / "witness"))
    new_url = target_url or f"sqlite:///{new_root / '.review' / 'review.db'}"
    assert _log_rows(new_url) == _log_rows(_url(team))
    assert "intact" in restored.ok("admin", "audit", "verify").stdout
    with sqlite3.connect(out) as conn:  # the user's file is left as it was
        assert conn.execute("SELECT value FROM review_meta WHERE key = 'schema_version'"
                            ).fetchone() == ("4",)
    conn.close()


def test_a_record_committed_after_a_readings_snapshot_is_not_read_as_removed(team):
    """PostgreSQL: a reading is one snapshot (REPEATABLE READ) taken at its first statement.
    A colleague's submit committed and witnessed after it, and before the witness files are
    read, was taken for a record removed from the log ("records were removed", exit 3): a
    backup taken while an editor submitted failed so. The store as committed now says it is
    there; a record truly gone is still refused
    (test_attacks.py::test_truncating_the_log_is_caught_against_an_anchor)."""
    from review.workflow import witness
    from review.workflow.store import Store

    if team.url is None:
        pytest.skip("SQLite: a reading holds the file, so no writer commits within it")
    store = Store(_url(team))
    with store.reading() as conn:
        conn.execute(text("SELECT count(*) FROM review_log")).scalar()  # the snapshot
        team.submit("editor", team.write("later.md", CLEAN))  # committed, then witnessed
        newest = conn.execute(text("SELECT max(seq) FROM review_log")).scalar()
        witnessed = max(w.seq for w in witness.read(team.root / ".review")[0])
        assert witnessed > newest  # the witness names a record this snapshot does not hold
        witness.check(conn, team.root / ".review")
    store.engine.dispose()
