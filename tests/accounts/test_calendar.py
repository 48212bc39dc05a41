from datetime import date

import pytest

from review.accounts.calendar import CalendarError, add_working_days


def test_a_deadline_across_national_day():
    # 2025: 1–8 October off, Sunday 28 September and Saturday 11 October are working days.
    assert add_working_days(date(2025, 9, 30), 7) == date(2025, 10, 16)


def test_a_deadline_across_spring_festival_and_adjusted_saturdays():
    # 2026: 15–23 February off; Saturdays 14 and 28 February are working days.
    assert add_working_days(date(2026, 2, 13), 7) == date(2026, 3, 2)
    assert add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 14)  # a working Saturday


def test_an_ordinary_week():
    assert add_working_days(date(2026, 11, 20), 7) == date(2026, 12, 1)


def test_a_date_beyond_the_known_calendar_is_said_clearly():
    with pytest.raises(CalendarError, match="beyond the official holiday calendar"):
        add_working_days(date(2030, 12, 20), 7)
