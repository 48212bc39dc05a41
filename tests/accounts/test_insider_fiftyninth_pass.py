"""Red-team pass 59: the thief of one admin key (an office key), with the shared folder,
signs an office record by hand past the rules its command keeps, and edits the office's
table to agree with it. The projection followed any signed record, so `review audit verify`
said intact and the office's readers counted it (docs/redteam/pass-59.md, H1–H3)."""

import json

import pytest
from accounts.by_hand import member_sql, signed_by_hand


def _stopped(office, *read: str) -> None:
    result = office.refused(None, "audit", "verify", match="disagree")
    assert "review_alerts" in result.stdout or "review_duty" in result.stdout, result.stdout
    office.fails(3, None, *read, match="disagree")


def test_a_resolution_dated_before_its_alert_does_not_count(office):
    """H1: `alerts resolve` refuses a 整改 dated before its alert (it reads as done in time);
    signed by hand, with the row edited, the notice said 已于 2026-11-09 整改 and the audit
    said intact."""
    office.ok("admin", "alerts", "add", "城东区某局", "--kind", "not-updated",
              "--date", "2026-11-10")
    office.usage_error("admin", "alerts", "resolve", "1", "--report", "已整改", "--date",
                       "2026-11-09", match="raised on 2026-11-10")
    signed_by_hand(office, "admin", "alert.resolve",
             {"alert": 1, "report": "已整改", "date": "2026-11-09"},
             "UPDATE review_alerts SET resolved = '2026-11-09', report = '已整改' WHERE id = 1")
    _stopped(office, "alerts", "notice", "城东区某局", "--as-of", "2026-11-25")


@pytest.mark.parametrize("report", ["", "  "])
def test_a_resolution_without_a_report_does_not_count(office, report):
    office.ok("admin", "alerts", "add", "城东区某局", "--kind", "serious", "--date", "2026-11-02")
    signed_by_hand(office, "admin", "alert.resolve",
             {"alert": 1, "report": report, "date": "2026-11-03"},
             f"UPDATE review_alerts SET resolved = '2026-11-03', report = '{report}' "
             "WHERE id = 1")
    _stopped(office, "alerts", "notice", "城东区某局", "--as-of", "2026-11-25")


def test_a_second_resolution_does_not_rewrite_the_first(office):
    """H2: an alert resolved late (2026-12-20) resolved again by hand, dated the day after the
    alert with another report: the notice read 已于 2026-11-03 整改."""
    office.ok("admin", "alerts", "add", "城东区某局", "--kind", "serious", "--date", "2026-11-02")
    office.ok("admin", "alerts", "resolve", "1", "--report", "已整改", "--date", "2026-12-20")
    signed_by_hand(office, "admin", "alert.resolve",
             {"alert": 1, "report": "已及时整改", "date": "2026-11-03"},
             "UPDATE review_alerts SET resolved = '2026-11-03', report = '已及时整改' "
             "WHERE id = 1")
    _stopped(office, "alerts", "notice", "城东区某局", "--as-of", "2026-12-25")
    # the honest resolution is what the notice says once the row is put back
    member_sql(office, "UPDATE review_alerts SET resolved = '2026-12-20', report = '已整改' "
                 "WHERE id = 1")
    office.ok(None, "audit", "verify")
    notice = office.ok(None, "alerts", "notice", "城东区某局", "--as-of", "2026-12-25").stdout
    assert "已于 2026-12-20 整改" in notice


@pytest.fixture
def staff(office):
    for who, role in (("zhang", "reviewer"), ("li", "reviewer"), ("wang", "office")):
        office.keygen(who)
        office.add(who, role)
    office.ok("admin", "duty", "plan", "--from", "2026-10-01", "--to", "2026-10-07", "--save")
    return office


def _on_duty(office, day: str) -> str:
    return json.loads(office.ok(None, "duty", "--date", day, "--format", "json").stdout)["person"]


def test_a_swap_to_someone_revoked_does_not_count(staff):
    """H3: `duty swap` refuses a revoked person; signed by hand, with the row edited, `duty`
    named him on duty and the audit said intact."""
    staff.ok("admin", "roster", "revoke", "li")
    day = next(d for d in ("2026-10-03", "2026-10-04") if _on_duty(staff, d) != "li")
    was = _on_duty(staff, day)
    staff.refused("wang", "duty", "swap", day, "li", match="revoked")
    signed_by_hand(staff, "wang", "duty.swap", {"date": day, "person": "li", "was": was},
             f"UPDATE review_duty SET person = 'li' WHERE day = '{day}'")
    _stopped(staff, "duty", "--date", day)


def test_a_swap_from_someone_not_on_duty_does_not_count(staff):
    day = "2026-10-03"
    was = _on_duty(staff, day)
    other = "zhang" if was != "zhang" else "wang"
    signed_by_hand(staff, "wang", "duty.swap", {"date": day, "person": other, "was": "nobody"},
             f"UPDATE review_duty SET person = '{other}' WHERE day = '{day}'")
    _stopped(staff, "duty", "--date", day)
    # the swap the command makes still counts
    member_sql(staff, f"UPDATE review_duty SET person = '{was}' WHERE day = '{day}'")
    staff.ok("wang", "duty", "swap", day, other)
    staff.ok(None, "audit", "verify")
    assert _on_duty(staff, day) == other


def test_an_account_added_again_does_not_move_it(office):
    """H4: `accounts add` refuses a name on file; a second `account.add` by hand moved the
    account to another unit (its alerts and scores go by unit) and opened it again."""
    office.ok("admin", "accounts", "add", "城东发布", "--unit", "城东区某局", "--platform", "微信")
    office.ok("admin", "accounts", "event", "城东发布", "close", "--date", "2026-10-08",
              "--decision", "集体研究")
    signed_by_hand(office, "admin", "account.add",
             {"id": 1, "name": "城东发布", "unit": "城西区某局", "platform": "微信",
              "high_attention": False, "operator": None, "contact": None},
             "UPDATE review_accounts SET unit = '城西区某局', status = 'open' WHERE id = 1")
    result = office.refused(None, "audit", "verify", match="disagree")
    assert "review_accounts" in result.stdout, result.stdout
    office.fails(3, None, "accounts", "list", match="disagree")


def test_an_event_without_its_basis_does_not_count(office):
    office.ok("admin", "accounts", "add", "城东发布", "--unit", "城东区某局", "--platform", "微信")
    office.usage_error("admin", "accounts", "event", "城东发布", "close", "--date", "2026-10-08",
                       "--decision", " ")
    signed_by_hand(office, "admin", "account.event",
             {"account": "城东发布", "id": 1, "kind": "close", "date": "2026-10-08",
              "decision": " ", "filing_deadline": "2026-10-19", "notice_end": "2026-10-29",
              "filed": None},
             "INSERT INTO review_account_events (id, account_id, kind, date, decision, "
             "filing_deadline, notice_end) VALUES (1, 1, 'close', '2026-10-08', ' ', "
             "'2026-10-19', '2026-10-29'); UPDATE review_accounts SET status = 'closed'")
    result = office.refused(None, "audit", "verify", match="disagree")
    assert "review_account_events" in result.stdout, result.stdout


@pytest.mark.parametrize("outside", [False, True])
def test_a_plan_naming_someone_revoked_or_a_day_outside_its_span_does_not_count(office,
                                                                                outside):
    """H3 for `duty plan --save`: only people with a key in force are planned, and only the
    days of its span; by hand, a revoked person, or a day past `to` set without clearing."""
    for who, role in (("zhang", "reviewer"), ("li", "reviewer")):
        office.keygen(who)
        office.add(who, role)
    office.ok("admin", "roster", "revoke", "li")
    day, person = ("2026-10-10", "zhang") if outside else ("2026-10-03", "li")
    signed_by_hand(office, "admin", "duty.plan",
             {"from": "2026-10-01", "to": "2026-10-07",
              "days": [{"date": day, "person": person, "kind": "holiday"}]},
             f"INSERT INTO review_duty (day, person) VALUES ('{day}', '{person}')")
    result = office.refused(None, "audit", "verify", match="disagree")
    assert "review_duty" in result.stdout, result.stdout
    office.fails(3, None, "duty", "--date", day, match="disagree")
