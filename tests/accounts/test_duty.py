"""Holiday duty (节假日值班): planned on the official calendar, balanced, saved as a signed
record, shown and swapped — through the CLI, on SQLite and PostgreSQL."""

import csv
import io
import json
from datetime import date, timedelta

import pytest
from sqlalchemy import create_engine, text

from review.workflow.store import sqlite_url

# 2026 on the State Council's notice (chinese-calendar): Mid-Autumn 25–27 September and
# National Day 1–7 October off, Sunday 20 September and Saturday 10 October worked (调休);
# Spring Festival 15–23 February off, Saturdays 14 and 28 February worked.
NATIONAL_DAY = ["2026-09-19", "2026-09-25", "2026-09-26", "2026-09-27",
                *(f"2026-10-0{d}" for d in range(1, 8)), "2026-10-11"]
SPRING_FESTIVAL = [f"2026-02-{d}" for d in range(15, 24)]


@pytest.fixture
def staff(office):
    """The admin, two reviewers, one of the office and an editor, each with a key."""
    for who, role in (("zhang", "reviewer"), ("li", "reviewer"), ("wang", "office"),
                      ("zhao", "editor")):
        office.keygen(who)
        office.add(who, role)
    return office


def plan(office, *args, who=None):
    return json.loads(office.ok(who, "duty", "plan", *args, "--format", "json").stdout)


def days_of(data):
    return [d["date"] for d in data["days"]]


def logged_kinds(office):
    engine = create_engine(office.url or sqlite_url(office.root))
    with engine.connect() as conn:
        kinds = [r[0] for r in conn.execute(text("SELECT kind FROM review_log ORDER BY seq"))]
    engine.dispose()
    return kinds


def test_national_day_covers_the_days_off_and_skips_the_adjusted_working_days(staff):
    data = plan(staff, "--from", "2026-09-19", "--to", "2026-10-11")
    assert days_of(data) == NATIONAL_DAY
    assert "2026-09-20" not in days_of(data) and "2026-10-10" not in days_of(data)  # 调休
    kinds = {d["date"]: (d["kind"], d["label"]) for d in data["days"]}
    assert kinds["2026-10-05"] == ("holiday", "National Day")  # a Monday off
    assert kinds["2026-10-03"] == ("holiday", "National Day")  # a Saturday inside the break
    assert kinds["2026-09-19"] == ("weekend", "weekend")
    assert data["saved"] is False


def test_spring_festival_is_exactly_its_nine_days_off(staff):
    data = plan(staff, "--from", "2026-02-14", "--to", "2026-02-28")
    assert days_of(data) == SPRING_FESTIVAL  # the Saturdays 14 and 28 February are worked
    assert {d["kind"] for d in data["days"]} == {"holiday"}


def test_a_year_is_balanced_without_runs_and_only_eligible_people_take_duty(staff):
    staff.keygen("chen")
    staff.add("chen", "reviewer")
    staff.ok("admin", "roster", "revoke", "chen")
    data = plan(staff, "--from", "2026-01-01", "--to", "2026-12-31")
    people = {p["person"]: p for p in data["people"]}
    # reviewers, office and admin by default; the editor and the revoked reviewer never
    assert set(people) == {"admin", "zhang", "li", "wang"}
    totals = [p["days"] for p in people.values()]
    holidays = [p["holidays"] for p in people.values()]
    assert max(totals) - min(totals) <= 1 and max(holidays) - min(holidays) <= 1
    assert sum(totals) == len(data["days"]) == 117  # 2026's weekends and holidays
    for a, b in zip(data["days"], data["days"][1:], strict=False):
        if date.fromisoformat(b["date"]) - date.fromisoformat(a["date"]) == timedelta(days=1):
            assert a["person"] != b["person"], (a, b)  # nobody on two days running
    # the same input, the same plan
    assert plan(staff, "--from", "2026-01-01", "--to", "2026-12-31") == data
    only = plan(staff, "--from", "2026-10-01", "--to", "2026-10-07", "--role", "editor")
    assert {d["person"] for d in only["days"]} == {"zhao"}


def test_saved_duty_counts_towards_the_next_plan(staff):
    first = plan(staff, "--from", "2026-02-14", "--to", "2026-02-28", "--save", who="wang")
    heavy = max(first["people"], key=lambda p: (p["days"], p["person"]))["person"]
    nxt = plan(staff, "--from", "2026-03-01", "--to", "2026-03-01")
    assert nxt["days"][0]["person"] != heavy  # whoever did more over Spring Festival rests


@pytest.mark.parametrize("args, said", [
    (["--from", "2026-10-07", "--to", "2026-10-01"], "--from 2026-10-07 is after --to"),
    (["--from", "2025-01-01", "--to", "2026-01-02"], "more than 366 days"),
    (["--from", "2030-10-01", "--to", "2030-10-07"], "calendar of 2030 is not known"),
    (["--from", "2026-10-01", "--to", "2026-10-07", "--role", "publisher"],
     "nobody on the roster"),
])
def test_dates_the_plan_cannot_use_are_one_line_and_exit_2(staff, args, said):
    staff.usage_error(None, "duty", "plan", *args, match=said)


def test_saving_needs_an_office_key_and_is_a_signed_record(staff):
    span = ("--from", "2026-09-19", "--to", "2026-10-11")
    staff.refused("zhang", "duty", "plan", *span, "--save", match="office or admin")
    staff.usage_error(None, "duty", "plan", *span, "--save", match="keygen")
    staff.usage_error(None, "duty", "--date", "2026-10-01", match="no saved duty roster")
    saved = plan(staff, *span, "--save", who="wang")
    assert saved["saved"] is True and days_of(saved) == NATIONAL_DAY
    assert logged_kinds(staff)[-1] == "duty.plan"
    staff.ok(None, "audit", "verify")
    # the saved plan is what `duty list` exports, and `duty` shows
    listed = json.loads(staff.ok(None, "duty", "list", *span, "--format", "json").stdout)
    assert listed["days"] == saved["days"]
    on = saved["days"][4]  # 1 October
    shown = json.loads(staff.ok(None, "duty", "show", "--date", "2026-10-01",
                                "--format", "json").stdout)
    assert shown["person"] == on["person"] and shown["label"] == "National Day"
    assert staff.ok(None, "duty", "--date", "2026-10-01").stdout == \
        f"2026-10-01 Thu (National Day) on duty: {on['person']}\n"


def test_duty_says_a_working_day_has_none_and_a_day_off_without_a_plan_is_exit_2(staff):
    working = staff.ok(None, "duty", "--date", "2026-10-10")  # the Saturday worked in lieu
    assert working.stdout == "2026-10-10 Sat is a working day: no holiday duty\n"
    staff.usage_error(None, "duty", "--date", "2026-10-17", match="2026-10-17 is a day off")
    staff.lang = ""  # Chinese by default
    staff.usage_error(None, "duty", "show", "--date", "2026-10-17", match="没有已保存的值班安排")


def test_a_swap_is_the_offices_and_logged(staff):
    plan(staff, "--from", "2026-10-01", "--to", "2026-10-07", "--save", who="admin")
    was = json.loads(staff.ok(None, "duty", "--date", "2026-10-03", "--format", "json")
                     .stdout)["person"]
    other = "zhao" if was != "zhao" else "li"  # an editor may stand in: the office decides
    staff.refused("zhang", "duty", "swap", "2026-10-03", other, match="office or admin")
    change = json.loads(staff.ok("wang", "duty", "swap", "2026-10-03", other,
                                 "--format", "json").stdout)
    assert change == {"date": "2026-10-03", "person": other, "was": was}
    assert json.loads(staff.ok(None, "duty", "--date", "2026-10-03", "--format", "json")
                      .stdout)["person"] == other
    assert logged_kinds(staff)[-1] == "duty.swap"
    staff.ok(None, "audit", "verify")
    staff.refused("wang", "duty", "swap", "2026-10-03", other, match="already on duty")
    staff.usage_error("wang", "duty", "swap", "2026-10-03", "nobody", match="nobody called")
    staff.usage_error("wang", "duty", "swap", "2026-10-17", "li", match="no saved duty")
    staff.ok("admin", "roster", "revoke", "li")
    staff.refused("wang", "duty", "swap", "2026-10-04", "li", match="revoked")


def test_a_hand_edited_duty_row_is_named_and_stops_the_reads(staff):
    plan(staff, "--from", "2026-10-01", "--to", "2026-10-07", "--save", who="admin")
    engine = create_engine(staff.url or sqlite_url(staff.root))
    with engine.begin() as conn:
        conn.execute(text("UPDATE review_duty SET person = 'zhao' WHERE day = '2026-10-02'"))
    engine.dispose()
    result = staff.refused(None, "audit", "verify", match="disagree")
    assert "review_duty" in result.stdout and "person differs" in result.stdout
    staff.fails(3, None, "duty", "--date", "2026-10-02", match="review_duty")


def test_exports_for_the_notice_board(staff, tmp_path):
    span = ("--from", "2026-09-19", "--to", "2026-10-11")
    rows = list(csv.DictReader(io.StringIO(staff.ok(None, "duty", "plan", *span, "--format",
                                                    "csv").stdout)))
    assert [r["date"] for r in rows] == NATIONAL_DAY and rows[4]["kind"] == "National Day"
    staff.lang = ""  # Chinese by default: the notice board's headings
    out = tmp_path / "值班表.csv"
    staff.ok(None, "duty", "plan", *span, "--format", "csv", "--out", str(out))
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert list(rows[0]) == ["日期", "星期", "类型", "值班人员"]
    assert (rows[0]["星期"], rows[0]["类型"]) == ("周六", "周末")
    markdown = staff.ok(None, "duty", "plan", *span, "--format", "markdown").stdout
    assert markdown.startswith("# 节假日值班安排（2026-09-19 至 2026-10-11）")
    assert "| 2026-10-01 | 周四 | 国庆节 |" in markdown
    listing = staff.ok(None, "duty", "plan", *span).stdout.splitlines()
    assert listing[2].split() == ["日期", "星期", "类型", "值班人员"] and len(listing) == 3 + 12 + 5


def test_a_year_past_the_bundled_calendar_is_planned_from_its_holiday_file(staff):
    from accounts.test_provisional import holiday_file

    holiday_file(staff)  # 1 and 4 January 2027 off, Saturday 9 January worked
    data = plan(staff, "--from", "2027-01-01", "--to", "2027-01-10")
    assert [(d["date"], d["kind"]) for d in data["days"]] == [
        ("2027-01-01", "holiday"), ("2027-01-02", "weekend"), ("2027-01-03", "weekend"),
        ("2027-01-04", "holiday"), ("2027-01-10", "weekend")]
    assert data["days"][0]["label"] == "holiday"  # a holiday file names no holiday


def test_a_day_no_calendar_covers_is_said_so(staff):
    staff.usage_error(None, "duty", "--date", "2030-10-01", match="calendar of 2030")
    staff.usage_error(None, "duty", "--date", "0001-01-01", match="dates run from 1900")
