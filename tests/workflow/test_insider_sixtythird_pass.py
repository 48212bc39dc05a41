"""Red-team pass 63 (docs/redteam/pass-63.md): a SQLite store edited by hand into shapes the
code did not expect stops every action as a damaged store (exit 3, one line naming what is
wrong), never as an unexpected error; and a column nothing on SQLite reads stops nothing.

SQLite only: on PostgreSQL the columns are typed, members may not UPDATE the log (its
trigger, MEMBER_GRANTS) and may only read review_meta."""

from __future__ import annotations

import sqlite3

import pytest
from workflow.team import CLEAN, Team

SQLITE = pytest.mark.parametrize("team", ["sqlite"], indirect=True)


def _edited(team: Team, script: str) -> None:
    """The editor's sqlite3 on the office's file."""
    conn = sqlite3.connect(team.root / ".review" / "review.db")
    try:
        conn.executescript(script)
        conn.commit()
    finally:
        conn.close()


def _approved_once(team: Team) -> int:
    team.ok("admin", "policy", "set", "--levels", "reviewer,approver")
    item = team.submit("editor", team.write("a.md", CLEAN))
    team.ok("reviewer", "show", str(item))
    team.ok("reviewer", "approve", str(item))
    return item


def _last_seq(team: Team) -> int:
    conn = sqlite3.connect(team.root / ".review" / "review.db")
    try:
        return conn.execute("SELECT max(seq) FROM review_log").fetchone()[0]
    finally:
        conn.close()


@SQLITE
@pytest.mark.parametrize("column, value", [("body", "CAST(body AS BLOB)"),
                                           ("signature", "x'00'"),
                                           ("prev_hash", "CAST(prev_hash AS BLOB)"),
                                           ("kind", "CAST(kind AS BLOB)"),
                                           ("item_id", "x'01'")])
def test_l1_a_log_column_written_as_a_blob_is_a_damaged_store(team: Team, column: str,
                                                              value: str) -> None:
    """L1: the append-only triggers dropped and the last record's body (or signature, …)
    turned into a BLOB of the same bytes: every action — `audit verify` too — stopped with
    "unexpected error (TypeError: Object of type bytes is not JSON serializable)" and a
    crash log. Now it is the damaged record, named (exit 3, one line)."""
    item = _approved_once(team)
    last = _last_seq(team)
    _edited(team, "DROP TRIGGER review_log_no_update; "
                  f"UPDATE review_log SET {column} = {value} WHERE seq = {last}")
    for who, *args in (("reviewer", "queue"), ("approver", "approve", str(item)),
                       ("editor", "release", str(item)), (None, "audit", "verify"),
                       (None, "log", str(item)),
                       ("editor", "submit", team.write("b.md", CLEAN + "b\n"))):
        result = team.fails(3, who, *args, match=f"record {last} ")
        assert "unexpected" not in result.stderr, result.stderr


@SQLITE
def test_l1_a_server_time_written_by_hand_is_not_read_on_sqlite(team: Team) -> None:
    """L1: `logged_at` (the PostgreSQL server's time of a row; nothing on SQLite writes or
    reads it) set to 'garbage' or 5: every action stopped with an unexpected error, as the
    column's type parsed it while rows were fetched. It decides nothing there: actions go on
    and the audit, which hashes what is signed, says intact."""
    item = _approved_once(team)
    _edited(team, "DROP TRIGGER review_log_no_update; UPDATE review_log SET logged_at = 'garbage' "
                  "WHERE seq % 2 = 0; UPDATE review_log SET logged_at = 5 WHERE seq % 2 = 1")
    team.ok("reviewer", "queue")
    team.ok(None, "audit", "verify")
    team.ok("approver", "approve", str(item))
    team.ok("editor", "release", str(item))


@SQLITE
@pytest.mark.parametrize("script", [
    # review_meta rebuilt without its NOT NULL, the version emptied
    "CREATE TABLE t2 AS SELECT * FROM review_meta; DROP TABLE review_meta; "
    "ALTER TABLE t2 RENAME TO review_meta; UPDATE review_meta SET value = NULL "
    "WHERE key = 'schema_version'",
    # a version below the first: migrations from 0 (KeyError: 0) were run
    "UPDATE review_meta SET value = '-1' WHERE key = 'schema_version'",
    "UPDATE review_meta SET value = '0' WHERE key = 'schema_version'"])
def test_l2_a_schema_version_of_null_or_below_one_is_a_damaged_store(team: Team,
                                                                     script: str) -> None:
    """L2: the schema version NULL (TypeError) or -1 (KeyError: 0) stopped every action
    with an unexpected error and a crash log; 0 ran every migration again on the office's
    store and set it to the current one. Each is a damaged store now (exit 3, one line)."""
    item = _approved_once(team)
    _edited(team, script)
    for who, *args in (("reviewer", "queue"), ("approver", "approve", str(item)),
                       (None, "audit", "verify")):
        result = team.fails(3, who, *args, match="schema version")
        assert "unexpected" not in result.stderr, result.stderr
