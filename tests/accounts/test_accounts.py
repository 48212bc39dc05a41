"""The registry, imports, update duty, consolidation, alerts and 二四六, through the CLI."""

import json

import pytest
from accounts.accounts_paths import ACCOUNTS, ACTIVITY
from rendered import aligned


def j(office, *args):
    return json.loads(office.ok("admin", *args, "--format", "json").stdout)


def load_district(office):
    office.ok("admin", "accounts", "import", str(ACCOUNTS))
    return j(office, "accounts", "activity", "import", str(ACTIVITY))


def test_lifecycle_event_computes_filing_and_notice_deadlines(office):
    office.ok("admin", "accounts", "add", "城东发布", "--unit", "城东区政府办",
              "--platform", "微信公众号")
    event = j(office, "accounts", "event", "城东发布", "open", "--date", "2025-09-30",
              "--decision", "2025年9月区政府办主任办公会集体研究")
    assert (event["filing_deadline"], event["notice_end"]) == ("2025-10-16", "2025-10-28")
    due = j(office, "accounts", "due", "--as-of", "2025-10-17")
    assert [(d["account"], d["status"]) for d in due] == [("城东发布", "overdue")]
    office.ok("admin", "accounts", "filed", str(event["id"]), "--date", "2025-10-15")
    assert j(office, "accounts", "due", "--as-of", "2025-10-17") == []
    # past the official calendar the deadlines are provisional, never refused
    late = j(office, "accounts", "event", "城东发布", "close", "--date", "2030-12-20",
             "--decision", "x")
    assert late["provisional"] is True and late["calendar_missing"] == [2030, 2031]
    office.usage_error("admin", "accounts", "event", "城东发布", "close", "--date", "2003-12-20",
                       "--decision", "x", match="before the official holiday calendar")


def test_import_with_bad_rows_and_a_repeated_import(office, tmp_path):
    first = load_district(office)
    assert first == {"added": 86, "duplicates": 0, "problems": []}
    assert j(office, "accounts", "activity", "import", str(ACTIVITY))["added"] == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("account,date,reads\n平安城东,2026-11-01,100\n不存在的号,2026-11-01,5\n"
                   "平安城东,2026-13-01,5\n平安城东,2026-11-02,-3\n平安城东,2026-11-03,很多\n",
                   encoding="utf-8")
    report = j(office, "accounts", "activity", "import", str(bad))
    assert report["added"] == 1
    assert [p.split(":")[1] for p in report["problems"]] == ["3", "4", "5", "6"]
    assert "unknown account" in report["problems"][0] and "negative" in report["problems"][2]


def test_stale_accounts_and_automatic_alerts(office):
    load_district(office)
    stale = j(office, "accounts", "stale", "--as-of", "2026-10-31")["stale"]
    assert [s["account"] for s in stale] == ["城东文旅"]  # last post 5 October
    office.ok("admin", "accounts", "add", "城东应急", "--unit", "城东区应急管理局", "--platform",
              "微信公众号", "--high-attention")
    office.ok("admin", "accounts", "event", "城东应急", "open", "--date", "2026-10-20",
              "--decision", "局长办公会")
    stale = j(office, "accounts", "stale", "--as-of", "2026-10-28")["stale"]
    assert "城东应急" in [s["account"] for s in stale]  # high attention: 7 days without a post
    raised = j(office, "accounts", "stale", "--as-of", "2026-10-31", "--raise-alerts")
    assert len(raised["alerts_raised"]) == 2
    again = j(office, "accounts", "stale", "--as-of", "2026-10-31", "--raise-alerts")
    assert again["alerts_raised"] == []  # once per account and day
    status = j(office, "alerts", "status", "城东区文化和旅游局", "--as-of", "2026-10-31")
    assert status["count"] == 1
    # the text tables line up by display width, whatever the length of a unit's name
    for args in (["accounts", "list"], ["accounts", "stale", "--as-of", "2026-10-31"],
                 ["alerts", "list"]):
        assert len(aligned(office.ok(None, *args).stdout.splitlines())) >= 4, args


def test_consolidation_candidates_with_their_figures(office):
    load_district(office)
    rows = j(office, "accounts", "consolidate", "--as-of", "2026-10-31")
    assert [(r["account"], r["similar_to"]) for r in rows] == [("城东教育资讯", ["城东教育"])]
    assert rows[0]["posts"] < 6 and rows[0]["avg_reads"] < 200


def test_the_246_rule(office):
    unit = "城东区某局"
    expected = {1: None, 2: "liaison", 3: "liaison", 4: "deputy", 5: "deputy", 6: "head",
                7: "head"}
    for n in range(1, 8):
        office.ok("admin", "alerts", "add", unit, "--kind", "poor-interaction", "--date",
                  f"2026-0{min(n, 9)}-15", "--note", f"第{n}次")
        status = j(office, "alerts", "status", unit, "--as-of", "2026-11-25")
        assert (status["count"], status["interview"]) == (n, expected[n])
    # last year's alerts do not count this year
    office.ok("admin", "alerts", "add", "城东区另一局", "--kind", "serious", "--date", "2025-12-30")
    office.ok("admin", "alerts", "add", "城东区另一局", "--kind", "serious", "--date", "2026-01-05")
    status = j(office, "alerts", "status", "城东区另一局", "--as-of", "2026-03-01")
    assert status["interview"] is None


def test_resolve_and_notice(office):
    office.ok("admin", "alerts", "add", "城东区某局", "--kind", "serious", "--date", "2026-11-02",
              "--note", "泄露群众手机号")
    office.ok("admin", "alerts", "add", "城东区某局", "--kind", "not-updated",
              "--date", "2026-11-10")
    office.usage_error("admin", "alerts", "resolve", "99", "--report", "x", match="no alert 99")
    office.ok("admin", "alerts", "resolve", "1", "--report", "已删除并约谈运维人员", "--date",
              "2026-11-05")
    # a 整改 record dated before its alert would read as done in time: refused, nothing kept
    office.usage_error("admin", "alerts", "resolve", "2", "--report", "已整改", "--date",
                       "2026-11-09", match="raised on 2026-11-10")
    notice = office.ok(None, "alerts", "notice", "城东区某局", "--as-of", "2026-11-25").stdout
    assert "整改通报" in notice and "2 次" in notice and "联络员" in notice
    assert "已于 2026-11-05 整改" in notice and "未整改" in notice
    html = office.ok(None, "alerts", "notice", "城东区某局", "--as-of", "2026-11-25",
                     "--format", "html").stdout
    assert html.startswith("<!DOCTYPE html>")


def test_scores_rank_accounts(office):
    load_district(office)
    rows = j(office, "accounts", "score", "--period", "2026-10")
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
    by_name = {r["account"]: r for r in rows}
    assert by_name["城东发布"]["diligence"] == 100.0
    assert by_name["城东文旅"]["diligence"] < 60  # posted on 2 and 5 October, then stopped
    assert by_name["城东卫健"]["content"] < 100  # it published errors
    assert rows[0]["total"] >= rows[-1]["total"]


def test_an_alert_under_a_unit_no_account_carries_is_said(office):
    """The 二四六 count is kept by the unit's name: a typo makes a unit of its own, whose
    alerts never reach the real one's interview. Said on stderr (the JSON stays parseable),
    with the closest unit on file; not refused — an inspection may find an account the
    registry lacks."""
    office.ok("admin", "accounts", "add", "城东发布", "--unit", "城东区文化和旅游局",
              "--platform", "wechat")
    typo = office.ok("admin", "alerts", "add", "城东区文化旅游局", "--kind", "serious",
                     "--date", "2026-11-02", "--format", "json", "--lang", "zh")
    assert json.loads(typo.stdout)["unit"] == "城东区文化旅游局"  # recorded as given
    assert "没有备案账号属于“城东区文化旅游局”" in typo.stderr
    assert "是否指“城东区文化和旅游局”" in typo.stderr
    on_file = office.ok("admin", "alerts", "add", "城东区文化和旅游局", "--kind", "serious",
                        "--date", "2026-11-03", "--lang", "en")
    assert on_file.stderr == ""
    unknown = office.ok("admin", "alerts", "add", "某某公司", "--kind", "serious", "--lang", "en")
    assert "no account on file belongs to" in unknown.stderr and "did you mean" not in \
        unknown.stderr


def test_alert_periods_are_a_year_a_month_or_a_range(office):
    office.ok("admin", "alerts", "add", "城东区某局", "--kind", "serious", "--date", "2026-10-08")
    office.ok("admin", "alerts", "add", "城东区某局", "--kind", "serious", "--date", "2026-11-02")
    for period, count, first in (("2026-10", 1, "2026-10-01"), ("2026", 2, "2026-01-01"),
                                 ("2026-10-05:2026-11-02", 2, "2026-10-05")):
        status = j(office, "alerts", "status", "城东区某局", "--period", period)
        assert (status["count"], status["period"][0]) == (count, first)
    office.usage_error(None, "alerts", "status", "城东区某局", "--period", "2026-13",
                       match="use 2026, 2026-10 or 2026-10-01:2026-10-31")
    office.usage_error(None, "accounts", "score", "--period", "October", match="use 2026")


def test_account_and_alert_actions_are_signed_by_the_office_and_logged(office):
    """整改 records are compliance records: changing them needs the key of someone holding
    the office (or admin) role, and each change is a signed record of the audit log."""
    office.usage_error(None, "alerts", "add", "城东区某局", "--kind", "serious",
                       "--date", "2026-11-03", match="no private key")
    office.keygen("clerk")
    office.keygen("liu")
    office.ok("admin", "roster", "add", "clerk", "--role", "editor", "--key",
              f"{office.key('clerk')}.pub")
    office.ok("admin", "roster", "add", "liu", "--role", "office", "--key",
              f"{office.key('liu')}.pub")
    office.refused("clerk", "alerts", "add", "城东区某局", "--kind", "serious",
                   "--date", "2026-11-03", match="office")
    alert = json.loads(office.ok("liu", "alerts", "add", "城东区某局", "--kind", "serious",
                                 "--date", "2026-11-03", "--format", "json").stdout)
    office.refused("clerk", "alerts", "resolve", str(alert["id"]), "--report", "已整改",
                   match="office")
    office.ok("liu", "alerts", "resolve", str(alert["id"]), "--report", "已整改",
              "--date", "2026-11-10")
    office.ok(None, "audit", "verify")
    from sqlalchemy import create_engine, text

    from review.workflow.store import sqlite_url

    with create_engine(office.url or sqlite_url(office.root)).connect() as conn:
        kinds = [r[0] for r in conn.execute(text("SELECT kind FROM review_log ORDER BY seq"))]
    assert kinds[-2:] == ["alert.add", "alert.resolve"]


@pytest.mark.parametrize("table, edit, named", [
    ("accounts", "UPDATE review_accounts SET status = 'open', operator = 'x'",
     "operator differs"),
    ("events", "UPDATE review_account_events SET filed = NULL", "filed differs"),
    ("alerts", "UPDATE review_alerts SET resolved = '2026-11-03' WHERE resolved IS NULL",
     "resolved differs"),
    ("alerts-deleted", "DELETE FROM review_alerts WHERE kind = 'serious'", "has no row"),
    ("activity", "UPDATE review_activity SET reads = 1 WHERE id = 3", "values differ"),
    ("activity-added", "INSERT INTO review_activity (account_id, date, reads, row_hash) "
     "VALUES (1, '2026-11-30', 5, :hash)", "no signed import added it"),
])
def test_each_hand_edited_row_of_the_accounts_tables_is_named(office, table, edit, named):
    """整改 records are compliance records: the audit compares every row of the accounts,
    events, alerts and activity tables with the signed records that made it."""
    from sqlalchemy import create_engine, text

    from review.workflow.store import sqlite_url

    load_district(office)
    event = j(office, "accounts", "event", "平安城东", "open", "--date", "2025-09-30",
              "--decision", "集体研究")
    office.ok("admin", "accounts", "filed", str(event["id"]), "--date", "2025-10-15")
    office.ok("admin", "alerts", "add", "城东区某局", "--kind", "serious", "--date",
              "2026-11-02", "--note", "泄露群众手机号")
    office.ok("admin", "alerts", "add", "城东区某局", "--kind", "not-updated",
              "--date", "2026-11-10")
    office.ok("admin", "alerts", "resolve", "1", "--report", "已整改", "--date", "2026-11-05")
    office.ok(None, "audit", "verify")
    from datetime import date

    from review.accounts.registry import COLUMNS, row_hash

    # a row as an import would have made it, hash included
    made = row_hash({"account_id": 1, "date": date(2026, 11, 30),
                     **{c: 5 if c == "reads" else None for c in COLUMNS}})
    with create_engine(office.url or sqlite_url(office.root)).begin() as conn:
        conn.execute(text(edit), {"hash": made} if ":hash" in edit else {})
    result = office.refused(None, "audit", "verify", match="disagree")
    assert named in result.stdout, result.stdout


def test_alerts_deleted_from_the_table_do_not_lower_a_units_level(office):
    """The fourth red-team pass: an editor deleted his unit's rows from review_alerts and
    `alerts status` (which decides the interview) counted none. The office's read commands
    now read only tables that agree with the signed log."""
    from sqlalchemy import create_engine, text

    from review.workflow.store import sqlite_url

    for day in ("2026-10-08", "2026-11-02"):
        office.ok("admin", "alerts", "add", "城东区某局", "--kind", "serious", "--date", day)
    assert j(office, "alerts", "status", "城东区某局", "--period", "2026")["count"] == 2
    engine = create_engine(office.url or sqlite_url(office.root))
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM review_alerts"))
    engine.dispose()
    office.fails(3, None, "alerts", "status", "城东区某局", "--period", "2026",
                 match="review_alerts")
    office.fails(3, None, "alerts", "list", match="disagree with the signed log")
