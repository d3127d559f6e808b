"""The activity calendar's layout and shades, and the time spent: plain data, worked by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from plans import activity
from plans.activity import Day, ItemTime

# Wednesday 2 December 2026: its week opens on Monday 30 November, and 25 weeks before that
# is Monday 8 June 2026, the calendar's first day.
TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(
    ("hours", "items_done", "level"),
    [
        ("0", 0, 0),
        ("0", 1, 1),
        ("0.5", 0, 1),
        ("0.9", 3, 1),
        ("1", 0, 2),
        ("1.9", 0, 2),
        ("2", 0, 3),
        ("3.9", 1, 3),
        ("4", 0, 4),
        ("12", 0, 4),
    ],
)
def test_a_days_shade_follows_the_hours_and_any_progress_shows(hours, items_done, level):
    assert activity.intensity(Decimal(hours), items_done) == level


def test_the_calendar_opens_on_the_monday_25_weeks_before_this_weeks():
    assert activity.first_day(TODAY) == date(2026, 6, 8)
    assert activity.first_day(date(2026, 11, 30)) == date(2026, 6, 8)  # a Monday
    assert activity.first_day(date(2026, 12, 6)) == date(2026, 6, 8)  # the Sunday
    assert activity.first_day(date(2026, 12, 7)) == date(2026, 6, 15)
    assert activity.first_day(TODAY, weeks=1) == date(2026, 11, 30)


def test_the_grid_has_a_column_a_week_a_row_a_day_and_stops_at_today():
    heatmap = activity.heatmap({}, TODAY)

    # 25 full weeks and Monday to Wednesday of this one.
    assert len(heatmap.cells) == 25 * 7 + 3
    first, second_row, second_column, last = (
        heatmap.cells[0],
        heatmap.cells[1],
        heatmap.cells[7],
        heatmap.cells[-1],
    )
    assert (first.day, first.x, first.y) == (date(2026, 6, 8), 28, 14)
    assert (second_row.day, second_row.x, second_row.y) == (date(2026, 6, 9), 28, 28)
    assert (second_column.day, second_column.x, second_column.y) == (date(2026, 6, 15), 42, 14)
    assert (last.day, last.x, last.y) == (TODAY, 378, 42)
    assert (heatmap.width, heatmap.height) == (404, 109)
    assert {cell.level for cell in heatmap.cells} == {0}


def test_months_are_named_above_the_week_holding_their_first_day():
    heatmap = activity.heatmap({}, TODAY)

    # July 1 is a Wednesday in column 3, August 1 a Saturday in column 7, and so on; June,
    # the first column's month, is named too since July starts three columns later.
    assert [(label.x, label.text) for label in heatmap.months] == [
        (28, "Jun"),
        (70, "Jul"),
        (126, "Aug"),
        (196, "Sep"),
        (252, "Oct"),
        (308, "Nov"),
        (378, "Dec"),
    ]
    assert [(label.y, label.text) for label in heatmap.weekdays] == [
        (23, "Mon"),
        (51, "Wed"),
        (79, "Fri"),
    ]
    # Month names sit 4 units above the squares; weekday names at the left edge.
    assert {label.y for label in heatmap.months} == {10}
    assert {label.x for label in heatmap.weekdays} == {0}
    assert (heatmap.first, heatmap.last) == (date(2026, 6, 8), TODAY)


def test_a_month_starting_on_a_monday_is_named_above_that_monday():
    # Wednesday 3 March 2027: the calendar opens on Monday 7 September 2026. February and March
    # 2027 both start on a Monday, in columns 21 and 25.
    heatmap = activity.heatmap({}, date(2027, 3, 3))

    assert heatmap.first == date(2026, 9, 7)
    assert [(label.x, label.text) for label in heatmap.months] == [
        (28, "Sep"),
        (70, "Oct"),
        (126, "Nov"),
        (196, "Dec"),
        (252, "Jan"),
        (322, "Feb"),
        (378, "Mar"),
    ]
    assert {label.y for label in heatmap.months} == {10}


def test_the_first_column_is_not_named_when_a_month_starts_two_columns_later():
    # From Monday 15 June 2026: July 1 (a Wednesday) is in column 2, too close for "Jun".
    heatmap = activity.heatmap({}, date(2026, 12, 7))

    assert heatmap.first == date(2026, 6, 15)
    assert [(label.x, label.text) for label in heatmap.months][:2] == [(56, "Jul"), (112, "Aug")]


def test_a_one_week_calendar_holds_this_week_up_to_today():
    heatmap = activity.heatmap({}, TODAY, weeks=1)

    assert heatmap.first == date(2026, 11, 30)
    assert [cell.day for cell in heatmap.cells] == [
        date(2026, 11, 30),
        date(2026, 12, 1),
        date(2026, 12, 2),
    ]
    assert (heatmap.width, heatmap.height) == (54, 109)


def test_the_first_column_is_not_named_when_a_month_starts_right_after():
    # From Monday 27 April 2026: May 1 (a Friday) falls in the first column itself.
    heatmap = activity.heatmap({}, date(2026, 10, 19), weeks=26)

    assert heatmap.first == date(2026, 4, 27)
    assert [label.text for label in heatmap.months][:2] == ["May", "Jun"]


def test_collect_adds_the_hours_of_a_day_and_lists_what_was_done():
    logs = [
        (date(2026, 12, 1), Decimal("1.5")),
        (date(2026, 12, 1), Decimal("0.5")),
        (date(2026, 11, 20), Decimal("0.3")),
        (date(2026, 1, 5), Decimal("3")),  # before the calendar's first day
    ]
    done = [(date(2026, 12, 1), "Read the guide"), (date(2026, 10, 2), "Diagnostic test")]

    days = activity.collect(logs, done, date(2026, 6, 8), TODAY)

    assert days == {
        date(2026, 12, 1): Day(date(2026, 12, 1), Decimal("2.0"), ("Read the guide",)),
        date(2026, 11, 20): Day(date(2026, 11, 20), Decimal("0.3"), ()),
        date(2026, 10, 2): Day(date(2026, 10, 2), Decimal(0), ("Diagnostic test",)),
    }


def test_collect_keeps_the_first_and_the_last_day():
    first, last = date(2026, 6, 8), TODAY
    logs = [(first, Decimal("1")), (last, Decimal("2"))]
    done = [(first, "Diagnostic test"), (last, "Read the guide")]

    days = activity.collect(logs, done, first, last)

    assert days == {
        first: Day(first, Decimal("1"), ("Diagnostic test",)),
        last: Day(last, Decimal("2"), ("Read the guide",)),
    }


def test_progress_made_today_is_listed():
    days = {TODAY: Day(TODAY, Decimal("1"))}

    heatmap = activity.heatmap(days, TODAY)

    assert heatmap.days == (Day(TODAY, Decimal("1")),)
    assert heatmap.summary == "Activity over the last 26 weeks: 1 day with progress, 1 h logged."


def test_taken_back_hours_leave_no_progress():
    days = activity.collect([(date(2026, 12, 1), Decimal(0))], [], date(2026, 6, 8), TODAY)

    assert days == {}


def test_days_with_progress_are_shaded_and_listed_newest_first():
    days = activity.collect(
        [(date(2026, 12, 1), Decimal("2.5")), (date(2026, 6, 8), Decimal("4"))],
        [(date(2026, 7, 1), "Read the guide")],
        date(2026, 6, 8),
        TODAY,
    )

    heatmap = activity.heatmap(days, TODAY)

    shaded = {cell.day: (cell.x, cell.y, cell.level) for cell in heatmap.cells if cell.level}
    assert shaded == {
        date(2026, 6, 8): (28, 14, 4),
        date(2026, 7, 1): (70, 42, 1),  # column 3, Wednesday
        date(2026, 12, 1): (378, 28, 3),  # column 25, Tuesday
    }
    assert [day.day for day in heatmap.days] == [
        date(2026, 12, 1),
        date(2026, 7, 1),
        date(2026, 6, 8),
    ]
    assert heatmap.hours == Decimal("6.5")
    assert heatmap.summary == (
        "Activity over the last 26 weeks: 3 days with progress, 6.5 h logged."
    )
    labels = {cell.day: cell.label for cell in heatmap.cells}
    assert labels[date(2026, 7, 1)] == "Wednesday 1 July 2026: 1 item done"
    assert labels[date(2026, 12, 1)] == "Tuesday 1 December 2026: 2.5 h logged"
    assert labels[date(2026, 6, 9)] == "Tuesday 9 June 2026: no progress"


def test_hours_read_without_a_needless_decimal():
    assert activity.format_hours(Decimal("2.0")) == "2"
    assert activity.format_hours(Decimal("1.5")) == "1.5"
    assert activity.format_hours(Decimal(0)) == "0"


def test_time_spent_counts_planned_hours_without_skipped_items_and_every_logged_hour():
    items = [
        ItemTime(hours=4, spent=Decimal("5.5"), counted=True, done=True),
        ItemTime(hours=2, spent=Decimal("1"), counted=True, done=False),
        ItemTime(hours=3, spent=Decimal("0.5"), counted=False, done=False),  # skipped
        ItemTime(hours=6, spent=Decimal(0), counted=True, done=False),
    ]

    spent = activity.time_spent(items)

    assert spent.planned == 12
    assert spent.spent == Decimal("7.0")
    assert (spent.done_planned, spent.done_spent) == (4, Decimal("5.5"))
    assert spent.spent_text == "7"
