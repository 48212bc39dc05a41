"""Red-team pass 51: the office's tables edited by hand so that the stored value reads back as
the signed one while SQL compares another (SQLite keeps a date as text)."""

import json

import pytest
from sqlalchemy import create_engine, text

from review.workflow.store import sqlite_url


def j(office, *args):
    return json.loads(office.ok("admin", *args, "--format", "json").stdout)


def _edit(office, sql: str) -> None:
    engine = create_engine(office.url or sqlite_url(office.root))
    with engine.begin() as conn:
        conn.execute(text(sql))
    engine.dispose()


@pytest.mark.parametrize("stored", ["'2026-W41-4'", "'2026-10-08T00:00'", "'20261008'",
                                    # the same bytes as a BLOB: SQLite sorts it after text
                                    "X'323032362D31302D3038'"])
def test_an_alerts_date_written_in_another_form_is_named(office, stored):
    """X1: `2026-W41-4` (an ISO week date) reads back as 2026-10-08, what the audit compares,
    but is past 2026-12-31 as text, what `alerts status` counts in SQL: the unit's level fell
    from liaison to none while `audit verify` said intact."""
    if office.url:
        pytest.skip("PostgreSQL keeps a date as a date: no other spelling to store")
    for day in ("2026-10-08", "2026-11-02"):
        office.ok("admin", "alerts", "add", "城东区某局", "--kind", "serious", "--date", day)
    assert j(office, "alerts", "status", "城东区某局", "--period", "2026")["count"] == 2
    _edit(office, f"UPDATE review_alerts SET date = {stored} WHERE date = '2026-10-08'")
    result = office.refused(None, "audit", "verify", match="disagree")
    assert "review_alerts" in result.stdout, result.stdout
    office.fails(3, None, "alerts", "status", "城东区某局", "--period", "2026",
                 match="review_alerts")



@pytest.mark.parametrize("edit, named", [
    ("UPDATE review_account_events SET filing_deadline = '2025-W42-4'",
     "review_account_events row 1: filing_deadline"),
    ("UPDATE review_alerts SET resolved = '20261105' WHERE resolved IS NOT NULL",
     "review_alerts row 1: resolved"),
    ("UPDATE review_activity SET date = '2026-W44-1' WHERE id = 1",
     "review_activity row 1: date"),
])
def test_every_date_column_of_the_office_is_checked_as_stored(office, edit, named):
    """X1 in the other tables: an event's deadline (`accounts due`), an alert's resolution and
    a post's day (`accounts stale`, 一近三低 count posts by their day in SQL)."""
    from accounts.accounts_paths import ACCOUNTS, ACTIVITY

    if office.url:
        pytest.skip("PostgreSQL keeps a date as a date: no other spelling to store")
    office.ok("admin", "accounts", "import", str(ACCOUNTS))
    office.ok("admin", "accounts", "activity", "import", str(ACTIVITY))
    office.ok("admin", "accounts", "event", "平安城东", "open", "--date", "2025-09-30",
              "--decision", "集体研究")
    office.ok("admin", "alerts", "add", "城东区某局", "--kind", "serious", "--date",
              "2026-11-02")
    office.ok("admin", "alerts", "resolve", "1", "--report", "已整改", "--date", "2026-11-05")
    office.ok(None, "audit", "verify")
    _edit(office, edit)
    result = office.refused(None, "audit", "verify", match="disagree")
    assert named in result.stdout, result.stdout
    office.fails(3, None, "accounts", "list", match="YYYY-MM-DD")


def test_a_duty_day_written_in_another_form_is_named(office):
    """X1 in the duty table, whose key is the day: said quoted as it is stored."""
    if office.url:
        pytest.skip("PostgreSQL keeps a date as a date: no other spelling to store")
    _edit(office, "INSERT INTO review_duty (day, person) VALUES ('2026-W41-6', 'admin')")
    result = office.refused(None, "audit", "verify", match="disagree")
    assert "review_duty row '2026-W41-6': day" in result.stdout, result.stdout
