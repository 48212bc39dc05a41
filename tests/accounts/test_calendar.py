from datetime import date

import pytest

from review.accounts import calendar
from review.accounts.calendar import CalendarError, add_working_days, deadline
from review.errors import ConfigError

# A notice for 2027 as the State Council might publish it: 元旦 Friday 1 January with a bridge
# on Monday 4 January, made up by working on Saturday 9 January.
NOTICE_2027 = ('year = 2027\nholidays = ["2027-01-01", 2027-01-04, "2027-02-05"]\n'
               'workdays = [2027-01-09]\n')


@pytest.fixture
def supplied(tmp_path):
    """Installs holiday files for a test and takes them away after it."""
    def use(text: str, name: str = "2027.toml"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        calendar.use(calendar.load_holidays([path]))
        return path
    yield use
    calendar.use([])


def test_a_deadline_across_national_day():
    # 2025: 1–8 October off, Sunday 28 September and Saturday 11 October are working days.
    assert add_working_days(date(2025, 9, 30), 7) == date(2025, 10, 16)


def test_a_deadline_across_spring_festival_and_adjusted_saturdays():
    # 2026: 15–23 February off; Saturdays 14 and 28 February are working days.
    assert add_working_days(date(2026, 2, 13), 7) == date(2026, 3, 2)
    assert add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 14)  # a working Saturday


def test_an_ordinary_week():
    assert add_working_days(date(2026, 11, 20), 7) == date(2026, 12, 1)


def test_the_bundled_years_are_official_and_unchanged():
    assert calendar.bundled_years() == (2004, 2026)
    for start, days, day in ((date(2025, 9, 30), 7, date(2025, 10, 16)),
                             (date(2025, 9, 30), 15, date(2025, 10, 28)),
                             (date(2026, 2, 13), 7, date(2026, 3, 2)),
                             (date(2026, 12, 10), 7, date(2026, 12, 21))):
        assert deadline(start, days) == calendar.Deadline(day)  # final: nothing missing


def test_past_the_calendar_a_deadline_is_provisional_counting_weekends_and_fixed_holidays():
    # Monday 28 December 2026: 29–31 December, then 1 January (元旦) and the weekend are off
    filing = deadline(date(2026, 12, 28), 7)
    assert filing.day == date(2027, 1, 7) and filing.provisional and filing.missing == (2027,)
    assert deadline(date(2026, 12, 28), 15).day == date(2027, 1, 19)
    # 劳动节 1–2 May and 国庆节 1–3 October are fixed too
    assert deadline(date(2027, 4, 29), 1).day == date(2027, 4, 30)
    assert deadline(date(2027, 4, 30), 1).day == date(2027, 5, 3)  # Saturday 1, Sunday 2 May
    assert deadline(date(2028, 4, 28), 1).day == date(2028, 5, 3)  # Monday 1, Tuesday 2 May
    assert deadline(date(2027, 9, 30), 1).day == date(2027, 10, 4)  # Friday 1 – Sunday 3
    assert deadline(date(2030, 12, 20), 7).missing == (2030,)
    assert deadline(date(2030, 12, 30), 7).missing == (2030, 2031)


def test_a_date_before_the_known_calendar_is_said_clearly():
    with pytest.raises(CalendarError, match="before the official holiday calendar"):
        add_working_days(date(2003, 12, 20), 7)


def test_a_holiday_file_makes_the_year_official_with_its_adjusted_working_days(supplied):
    supplied(NOTICE_2027)
    filing, notice = deadline(date(2026, 12, 28), 7), deadline(date(2026, 12, 28), 15)
    assert filing == calendar.Deadline(date(2027, 1, 8))  # the bridge on 4 January is off
    # Saturday 9 January is worked: the 15th working day is 19, not 20 January
    assert notice == calendar.Deadline(date(2027, 1, 19))
    assert calendar.is_workday(date(2027, 1, 9)) and not calendar.is_workday(date(2027, 2, 5))
    assert deadline(date(2027, 12, 28), 7).missing == (2028,)  # past the file: provisional


def test_a_holiday_file_never_overrides_a_year_the_package_knows(supplied):
    """Red-team pass 14: a file in the workspace (any member may write it) declared every
    weekday of a known year a holiday, and an overdue filing left `accounts due`."""
    supplied('year = 2026\nholidays = ["2026-11-23"]\n', "2026.toml")
    assert add_working_days(date(2026, 11, 20), 7) == date(2026, 12, 1)
    assert add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 14)  # a working Saturday


@pytest.mark.parametrize("text, said", [
    ("year = 2027\nholidays = [", "not valid TOML"),
    ("holidays = []", "needs its year"),
    ('year = "2027"', "needs its year"),
    ('year = 2027\nholiday = ["2027-01-01"]', "unknown key 'holiday'"),
    ('year = 2027\nholidays = "2027-01-01"', "holidays should be a list of dates"),
    ('year = 2027\nholidays = ["2027-02-30"]', "holidays: '2027-02-30' is not a date"),
    ('year = 2027\nholidays = ["2027-1-1"]', "is not a date"),
    ("year = 2027\nholidays = [2027-01-01T08:00:00]", "is not a date"),
    ('year = 2027\nholidays = ["2026-12-31"]', "holidays: 2026-12-31 is not in 2027"),
    ('year = 2027\nworkdays = ["2028-01-08"]', "workdays: 2028-01-08 is not in 2027"),
    ('year = 2027\nholidays = ["2027-01-09"]\nworkdays = ["2027-01-09"]',
     "2027-01-09 is listed both as a holiday and as a workday"),
    ('year = 2027\nworkdays = ["2027-01-08"]', "workdays: 2027-01-08 is not a weekend"),
    ("year = 3000", "dates run from 1900 to 2100"),
])
def test_a_bad_holiday_file_is_one_line_naming_the_file(tmp_path, text, said):
    path = tmp_path / "2027.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        calendar.load_holidays([path])
    message = str(caught.value)
    assert message.startswith(f"holiday file {path}: ") and said in message, message
    assert "\n" not in message
    assert caught.value.exit_code == 2
    assert caught.value.message("zh").startswith(f"节假日文件 {path}：")


def test_a_missing_file_and_a_year_given_twice(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        calendar.load_holidays([tmp_path / "2027.toml"])
    for name in ("a.toml", "b.toml"):
        (tmp_path / name).write_text("year = 2027\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="2027 is already given by"):
        calendar.load_holidays([tmp_path / "a.toml", tmp_path / "b.toml"])


def test_the_config_names_holiday_files_relative_to_itself(tmp_path):
    from review.config import load_config

    (tmp_path / "office").mkdir()
    config = tmp_path / "office" / "review.toml"
    config.write_text('[calendar]\nholidays = "2027.toml"\n', encoding="utf-8")
    assert load_config(config).holiday_files() == [tmp_path / "office" / "2027.toml"]
    config.write_text('[calendar]\nholidays = ["2027.toml", "cal/2028.toml"]\n',
                      encoding="utf-8")
    assert load_config(config).holiday_files() == [tmp_path / "office" / "2027.toml",
                                                   tmp_path / "office" / "cal" / "2028.toml"]
    for text, said in (("[calendar]\nholidays = 2027\n", "calendar.holidays: Input should be"),
                       ("[calendar]\nholiday = []\n", "calendar.holiday: Extra inputs")):
        config.write_text(text, encoding="utf-8")
        with pytest.raises(ConfigError, match=said):
            load_config(config)
