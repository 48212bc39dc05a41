"""Red-team pass 72 (docs/redteam/pass-72.md), S1–S3: a table rebuilt by hand without its key
(SQLite keeps whatever `CREATE TABLE … AS SELECT` makes; on PostgreSQL its owner drops the
key) holding a forged copy of a duty day, an alert or an item before the signed row. The
commands read the forged one (`duty --date` took it, `alerts status` counted the alert twice
and the unit went up a level of 二四六) while `audit verify`, which kept the last row of each
key, said intact."""

import json

import pytest
from accounts.by_hand import member_sql


def _forged_first(office, table: str, where: str, change: str) -> None:
    """A copy of the rows `where` with `change` made, put before every signed row of `table`,
    which is left without its key."""
    if office.url is None:
        member_sql(office, f"CREATE TABLE forged AS SELECT * FROM {table} WHERE {where}; "
                   f"UPDATE forged SET {change}; "
                   f"INSERT INTO forged SELECT * FROM {table}; "
                   f"DROP TABLE {table}; ALTER TABLE forged RENAME TO {table}")
    else:
        member_sql(office, f"ALTER TABLE {table} DROP CONSTRAINT {table}_pkey; "
                   f"CREATE TEMP TABLE kept AS SELECT * FROM {table}; "
                   f"CREATE TEMP TABLE forged AS SELECT * FROM {table} WHERE {where}; "
                   f"UPDATE forged SET {change}; DELETE FROM {table}; "
                   f"INSERT INTO {table} SELECT * FROM forged; "
                   f"INSERT INTO {table} SELECT * FROM kept")


def _named(office, row: str) -> None:
    result = office.refused(None, "audit", "verify", match="disagree")
    assert f"{row}: more than one row holds this key" in result.stdout, result.stdout


@pytest.fixture
def staff(office):
    for who, role in (("li", "reviewer"), ("wang", "office"), ("zhao", "editor")):
        office.keygen(who)
        office.add(who, role)
    return office


def test_a_second_row_of_a_duty_day_is_named(staff):
    """S1: the forged row of 3 October names zhao; `duty --date` showed him on duty."""
    staff.ok("admin", "duty", "plan", "--from", "2026-10-01", "--to", "2026-10-07", "--save")
    was = json.loads(staff.ok(None, "duty", "--date", "2026-10-03", "--format",
                              "json").stdout)["person"]
    assert was != "zhao"
    _forged_first(staff, "review_duty", "day = '2026-10-03'", "person = 'zhao'")
    _named(staff, "review_duty row 2026-10-03")
    staff.fails(3, None, "duty", "--date", "2026-10-03", match="disagree")


def test_a_copied_alert_is_named_and_not_counted(staff):
    """S2: alert 1 copied: `alerts status` counted 4 of the unit's 3 alerts (deputy, not
    liaison)."""
    unit = "城东区某局"
    for month in (1, 2, 3):
        staff.ok("admin", "alerts", "add", unit, "--kind", "poor-interaction", "--date",
                 f"2026-0{month}-15")
    _forged_first(staff, "review_alerts", "id = 1", "note = ''")
    _named(staff, "review_alerts row 1")
    staff.fails(3, None, "alerts", "status", unit, "--as-of", "2026-11-25", match="disagree")


def test_a_second_row_of_an_item_is_named(staff):
    """S3: a row of item 1 saying released, by li, before the signed pending one."""
    staff.write("a.md", "今天我市召开了防汛工作会议。\n")
    staff.ok("zhao", "submit", "posts/a.md")
    _forged_first(staff, "review_items", "id = 1", "state = 'released', last_changed_by = 'li'")
    _named(staff, "review_items row 1")


def test_a_second_row_of_a_decision_is_named(staff):
    """S3 for review_decisions: a copy of li's approval saying he rejected it."""
    staff.write("a.md", "今天我市召开了防汛工作会议。\n")
    staff.ok("zhao", "submit", "posts/a.md")
    staff.ok("li", "approve", "1")
    seq = _last_decision(staff)
    _forged_first(staff, "review_decisions", f"seq = {seq}", "kind = 'reject'")
    _named(staff, f"review_decisions row {seq}")


def _last_decision(office) -> int:
    from sqlalchemy import create_engine, text

    from review.workflow.store import sqlite_url

    engine = create_engine(office.url or sqlite_url(office.root))
    with engine.connect() as conn:
        seq = conn.execute(text("SELECT max(seq) FROM review_decisions")).scalar_one()
    engine.dispose()
    return seq


def test_the_signed_rows_alone_agree(staff):
    """The control: the same tables without their keys but holding only the signed rows."""
    staff.ok("admin", "duty", "plan", "--from", "2026-10-01", "--to", "2026-10-07", "--save")
    staff.ok("admin", "alerts", "add", "城东区某局", "--kind", "serious", "--date", "2026-11-02")
    for table in ("review_duty", "review_alerts"):
        _forged_first(staff, table, "1 = 0", f"{'person' if table == 'review_duty' else 'note'}"
                      " = 'x'")
    staff.ok(None, "audit", "verify")
    staff.ok(None, "duty", "--date", "2026-10-03")
