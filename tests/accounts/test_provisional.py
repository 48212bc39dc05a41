"""Deadlines past the official calendar, through the CLI: provisional, never refused, and final
once the year's holidays are on file (`[calendar] holidays`) and recomputed."""

import json

from accounts.test_calendar import NOTICE_2027


def j(office, *args):
    return json.loads(office.ok("admin", *args, "--format", "json").stdout)


def late_december(office):
    office.ok("admin", "accounts", "add", "城东发布", "--unit", "城东区政府办",
              "--platform", "微信公众号")
    return j(office, "accounts", "event", "城东发布", "change", "--date", "2026-12-28",
             "--decision", "2026年12月区政府办主任办公会集体研究")


def holiday_file(office, text=NOTICE_2027, name="2027.toml", pin=True):
    """The year's notice written and named in review.toml, and pinned by the admin."""
    (office.root / name).write_text(text, encoding="utf-8")
    (office.root / "review.toml").write_text(f'[calendar]\nholidays = "{name}"\n',
                                             encoding="utf-8")
    if pin:
        office.ok("admin", "policy", "lists")


def test_a_late_december_event_gets_a_provisional_deadline(office):
    event = late_december(office)
    # 29–31 December, 元旦 1 January and the weekend off: Thursday 7 January
    assert (event["filing_deadline"], event["notice_end"]) == ("2027-01-07", "2027-01-19")
    assert event["provisional"] is True and event["calendar_missing"] == [2027]
    assert event["provisional_deadlines"] == ["filing_deadline", "notice_end"]
    shown = j(office, "accounts", "show", "城东发布")["events"][0]
    assert shown["provisional"] is True and shown["calendar_missing"] == [2027]
    due = j(office, "accounts", "due", "--as-of", "2027-01-06")
    assert [(d["account"], d["status"], d["provisional"]) for d in due] == [
        ("城东发布", "due", True)]
    # English text
    text = office.ok("admin", "accounts", "show", "城东发布").stdout
    assert "filing by 2027-01-07 (provisional), notice until 2027-01-19 (provisional)" in text
    assert "calendar of 2027 is not known yet" in text
    assert "2027-01-07 (provisional)" in office.ok(None, "accounts", "due", "--as-of",
                                                   "2027-01-06").stdout
    office.ok(None, "audit", "verify")


def test_provisional_is_said_in_chinese_by_default(office):
    office.lang = ""
    office.ok("admin", "accounts", "add", "城东发布", "--unit", "城东区政府办",
              "--platform", "微信公众号")
    text = office.ok("admin", "accounts", "event", "城东发布", "change", "--date", "2026-12-28",
                     "--decision", "集体研究").stdout
    assert "请于 2027-01-07（暂定） 前备案" in text
    assert "暂定：2027 年的法定节假日安排尚未掌握" in text
    notice = office.ok(None, "alerts", "notice", "城东区政府办", "--as-of", "2026-12-28").stdout
    assert "请于 2027-01-05（暂定：2027 年节假日安排公布前" in notice


def test_a_holiday_file_makes_the_deadline_final_and_recompute_records_it(office):
    late_december(office)
    holiday_file(office)
    # read before recompute: the stored deadline is not what the calendar now gives
    shown = j(office, "accounts", "show", "城东发布")["events"][0]
    assert shown["filing_deadline"] == "2027-01-07" and shown["provisional"] is True
    assert shown["recompute"]["filing_deadline"] == "2027-01-08"
    assert shown["recompute"]["provisional"] is False
    assert "run `review accounts recompute`" in office.ok(None, "accounts", "show",
                                                          "城东发布").stdout
    # `due` already counts the new day: on 7 January it is not overdue yet
    due = j(office, "accounts", "due", "--as-of", "2027-01-08", "--within", "0")
    assert [d["status"] for d in due] == ["due"]
    changes = j(office, "accounts", "recompute")
    assert [(c["was"]["filing_deadline"], c["filing_deadline"], c["notice_end"],
             c["provisional"]) for c in changes] == [("2027-01-07", "2027-01-08", "2027-01-19",
                                                      False)]
    shown = j(office, "accounts", "show", "城东发布")["events"][0]
    # the bridge on Monday 4 January is off; Saturday 9 January is worked
    assert (shown["filing_deadline"], shown["notice_end"]) == ("2027-01-08", "2027-01-19")
    assert shown["provisional"] is False and shown["calendar_missing"] == []
    assert "recompute" not in shown
    assert "provisional" not in office.ok(None, "accounts", "show", "城东发布").stdout
    assert j(office, "accounts", "recompute") == []  # nothing left
    office.ok(None, "audit", "verify")  # the recomputed table agrees with the signed log
    # a new event in 2027 is final at once
    event = j(office, "accounts", "event", "城东发布", "change", "--date", "2027-01-08",
              "--decision", "集体研究")
    assert event["provisional"] is False


def test_a_bundled_year_keeps_its_deadlines(office):
    holiday_file(office)
    office.ok("admin", "accounts", "add", "城东发布", "--unit", "城东区政府办",
              "--platform", "微信公众号")
    event = j(office, "accounts", "event", "城东发布", "open", "--date", "2025-09-30",
              "--decision", "集体研究")
    assert (event["filing_deadline"], event["notice_end"]) == ("2025-10-16", "2025-10-28")
    assert event["provisional"] is False and event["calendar_missing"] == []
    assert j(office, "accounts", "recompute") == []


def test_a_bad_holiday_file_is_refused_when_the_admin_pins_it_one_line_and_exit_2(office):
    holiday_file(office, 'year = 2027\nworkdays = ["2027-01-08"]\n', pin=False)
    office.usage_error("admin", "policy", "lists",
                       match="2027.toml: workdays: 2027-01-08 is not a weekend")
    (office.root / "review.toml").write_text('[calendar]\nholidays = "none.toml"\n',
                                             encoding="utf-8")
    office.usage_error("admin", "policy", "lists", match="cannot read none.toml")
    (office.root / "review.toml").write_text("[calendar]\nholidays = 2027\n", encoding="utf-8")
    office.usage_error(None, "accounts", "due",
                       match="calendar.holidays: Input should be a valid path")


def test_a_holiday_file_nobody_pinned_is_said_and_not_used(office):
    """Pass 31's A11: review.toml and the files are any member's to write; an editor's own
    notice for a year the bundled calendar lacks would move every deadline of that year."""
    late_december(office)
    holiday_file(office, pin=False)
    result = office.ok(None, "accounts", "due", "--as-of", "2027-01-08", "--within", "0",
                       "--format", "json")
    assert [d["provisional"] for d in json.loads(result.stdout)] == [True]
    assert "2027.toml is not pinned by an admin and is not used" in result.stderr
    assert j(office, "accounts", "recompute") == []
    # pinned, then changed by hand: refused until an admin pins it again
    office.ok("admin", "policy", "lists")
    assert j(office, "accounts", "show", "城东发布")["events"][0]["recompute"][
        "provisional"] is False
    (office.root / "2027.toml").write_text(NOTICE_2027.replace("2027-01-04", "2027-01-11"),
                                           encoding="utf-8")
    office.refused(None, "accounts", "due", match="differs from the content an admin pinned")
    office.refused("admin", "accounts", "recompute", match="2027.toml differs")
