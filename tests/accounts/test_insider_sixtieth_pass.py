"""Red-team pass 60: the thief of one office or admin key signs an office record by hand
that its command never makes — an alert of a kind `alerts add` refuses, a second `alert.add`
or `account.event` of an id already made, a filing with no day, a record missing what its
command always signs — and edits the office's table to agree with it. The projection
followed such a record (the 二四六 count fell, an overdue filing left the list, `audit
verify` said intact) or raised on it (every office reader, the audit itself, stopped on a
crash for good). docs/redteam/pass-60.md, I1–I4."""

import json

import pytest
from accounts.by_hand import member_sql, signed_by_hand


def _named(office, table: str, *read: str) -> None:
    """`audit verify` names the edited row, and the office's readers stop (exit 3, one line)."""
    result = office.refused(None, "audit", "verify", match="disagree")
    assert table in result.stdout, result.stdout
    office.fails(3, None, *read, match="disagree")


def _count(office, unit: str) -> int:
    return json.loads(office.ok(None, "alerts", "status", unit, "--as-of", "2026-11-25",
                                "--format", "json").stdout)["count"]


def test_an_alert_of_an_unknown_kind_does_not_count(office):
    """I1: `alerts add --kind` takes three kinds. One of another kind signed by hand, with its
    row inserted, was counted in the 二四六 level, and `alerts notice` crashed on it
    (KeyError) while the audit said intact."""
    office.ok("admin", "alerts", "add", "城东区某局", "--kind", "serious", "--date", "2026-11-02")
    signed_by_hand(office, "admin", "alert.add",
             {"id": 2, "unit": "城东区某局", "kind": "bogus", "date": "2026-11-03", "note": "x",
              "source": "manual", "account_id": None},
             "INSERT INTO review_alerts (id, unit, kind, date, note, source) "
             "VALUES (2, '城东区某局', 'bogus', '2026-11-03', 'x', 'manual')")
    _named(office, "review_alerts row 2", "alerts", "notice", "城东区某局", "--as-of",
           "2026-11-25")
    office.fails(3, None, "alerts", "status", "城东区某局", "--as-of", "2026-11-25",
                 match="disagree")


def test_a_second_alert_add_does_not_move_the_alert(office):
    """I2: a second `alert.add` of alert 2 under another unit, the row's unit edited: the
    unit's count fell from 2 (an interview) to 1, and the audit said intact."""
    for day in ("2026-11-02", "2026-11-03"):
        office.ok("admin", "alerts", "add", "城东区某局", "--kind", "serious", "--date", day)
    assert _count(office, "城东区某局") == 2
    signed_by_hand(office, "admin", "alert.add",
             {"id": 2, "unit": "城西区某局", "kind": "serious", "date": "2026-11-03", "note": "",
              "source": "manual", "account_id": None},
             "UPDATE review_alerts SET unit = '城西区某局' WHERE id = 2")
    _named(office, "review_alerts row 2", "alerts", "status", "城东区某局", "--as-of",
           "2026-11-25")
    # the row put back, the first record stands
    member_sql(office, "UPDATE review_alerts SET unit = '城东区某局' WHERE id = 2")
    office.ok(None, "audit", "verify")
    assert _count(office, "城东区某局") == 2


def test_a_second_alert_add_does_not_reopen_a_resolved_alert(office):
    office.ok("admin", "alerts", "add", "城东区某局", "--kind", "serious", "--date", "2026-11-02")
    office.ok("admin", "alerts", "resolve", "1", "--report", "已整改", "--date", "2026-12-20")
    signed_by_hand(office, "admin", "alert.add",
             {"id": 1, "unit": "城东区某局", "kind": "serious", "date": "2026-11-02", "note": "",
              "source": "manual", "account_id": None},
             "UPDATE review_alerts SET resolved = NULL, report = NULL WHERE id = 1")
    _named(office, "review_alerts row 1", "alerts", "list")


def _event(office) -> None:
    office.ok("admin", "accounts", "add", "城东发布", "--unit", "城东区某局",
              "--platform", "微信公众号")
    office.ok("admin", "accounts", "event", "城东发布", "close", "--date", "2026-11-02",
              "--decision", "区政府办公室批复")


def _due(office) -> list:
    return json.loads(office.ok(None, "accounts", "due", "--as-of", "2026-11-25", "--format",
                                "json").stdout)


def test_a_second_account_event_does_not_rewrite_the_first(office):
    """I2: a second `account.event` of event 1, dated a month later with the deadlines that
    follow, the row edited: the overdue filing left `accounts due`, the audit said intact."""
    _event(office)
    assert [d["status"] for d in _due(office)] == ["overdue"]
    signed_by_hand(office, "admin", "account.event",
             {"account": "城东发布", "id": 1, "kind": "close", "date": "2026-12-01",
              "decision": "区政府办公室批复", "filing_deadline": "2026-12-10",
              "notice_end": "2026-12-22", "filed": None},
             "UPDATE review_account_events SET date = '2026-12-01', "
             "filing_deadline = '2026-12-10', notice_end = '2026-12-22' WHERE id = 1")
    _named(office, "review_account_events row 1", "accounts", "due", "--as-of", "2026-11-25")


def test_a_filing_without_a_day_does_not_unfile_an_event(office):
    """I4: `accounts filed` always signs a day. An `account.filed` with none, the row's
    `filed` emptied: a filed event was overdue again, the audit said intact."""
    _event(office)
    office.ok("admin", "accounts", "filed", "1", "--date", "2026-11-05")
    assert _due(office) == []
    signed_by_hand(office, "admin", "account.filed", {"event": 1, "date": None},
             "UPDATE review_account_events SET filed = NULL WHERE id = 1")
    _named(office, "review_account_events row 1", "accounts", "due", "--as-of", "2026-11-25")


MALFORMED = [
    ("alert.add", {}), ("alert.add", {"id": [1]}), ("alert.add", {"id": "1"}),
    ("account.add", {"name": ["x"]}), ("account.add", {"name": "x", "id": {}}),
    ("account.event", {"kind": "open", "decision": "x"}),
    ("account.event", {"id": 1, "kind": "open", "decision": "x"}),
    ("account.filed", {"event": [1]}), ("account.deadlines", {"event": {}}),
    ("alert.resolve", {"alert": [1]}), ("account.activity", {"rows": 5}),
    ("account.activity", {"rows": [["a"]]}),
]


@pytest.mark.parametrize(("kind", "statement"), MALFORMED)
def test_a_record_without_its_values_stops_nothing(office, kind, statement):
    """I3: a record missing what its command always signs (no id, an id that is a list) made
    the projection raise: `audit verify`, every office reader and `submit --account` stopped
    on a crash (exit 3 with a crash log), and no one can take a record out of the log. It
    counts for nothing now."""
    office.ok("admin", "alerts", "add", "城东区某局", "--kind", "serious", "--date", "2026-11-02")
    signed_by_hand(office, "admin", kind, statement)
    result = office.ok(None, "audit", "verify")
    assert "unexpected" not in result.output
    assert _count(office, "城东区某局") == 1


def test_a_stale_alert_for_another_units_account_does_not_count(office):
    """I5: `accounts stale --raise-alerts` raises one 内容不更新 alert per stale account and
    day, under the account's unit, and skips an account that has one that day. An
    `alert.add` signed by hand for the account's id under another unit (a unit nobody
    answers for), planted ahead for the days to come: the account's own unit got no alert
    and its 二四六 count stayed 0, the audit said intact."""
    office.ok("admin", "accounts", "add", "城东发布", "--unit", "城东区某局",
              "--platform", "微信公众号")
    signed_by_hand(office, "admin", "alert.add",
             {"id": 1, "unit": "某虚设单位", "kind": "not-updated", "date": "2026-11-20",
              "note": "", "source": "stale", "account_id": 1},
             "INSERT INTO review_alerts (id, unit, kind, date, note, source, account_id) "
             "VALUES (1, '某虚设单位', 'not-updated', '2026-11-20', '', 'stale', 1)")
    _named(office, "review_alerts row 1", "accounts", "stale", "--as-of", "2026-11-20")
    office.fails(3, "admin", "accounts", "stale", "--as-of", "2026-11-20", "--raise-alerts",
                 match="disagree")


def test_a_stale_alert_the_command_raises_still_counts(office):
    office.ok("admin", "accounts", "add", "城东发布", "--unit", "城东区某局",
              "--platform", "微信公众号")
    office.ok("admin", "accounts", "stale", "--as-of", "2026-11-20", "--raise-alerts")
    office.ok(None, "audit", "verify")
    assert _count(office, "城东区某局") == 1


def test_an_alert_dated_ahead_counts_only_from_its_day(office):
    """I7 (left open by the pass, closed after it): an alert dated ahead — by hand, or by a
    slip of `--date` — counted in its year's 二四六 level at once: two alerts of December
    brought an interview in November. The level as of a day counts the alerts up to it, and
    the 整改通报 of that day lists those only."""
    unit = "城东区某局"
    office.ok("admin", "alerts", "add", unit, "--kind", "serious", "--date", "2026-11-02")
    for day in ("2026-12-20", "2026-12-21"):
        office.ok("admin", "alerts", "add", unit, "--kind", "serious", "--date", day)
    assert _count(office, unit) == 1  # as of 2026-11-25
    late = json.loads(office.ok(None, "alerts", "status", unit, "--as-of", "2026-12-21",
                                "--format", "json").stdout)
    assert (late["count"], late["interview"]) == (3, "liaison")
    notice = office.ok(None, "alerts", "notice", unit, "--as-of", "2026-11-25").stdout
    assert "2026-11-02" in notice and "2026-12-20" not in notice and "共产生违规警报 1 次" in notice
