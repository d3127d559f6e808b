from __future__ import annotations

from datetime import date, timedelta

import pytest

from plans.schedule import (
    WorkItem,
    check_feasibility,
    layout_weeks,
    pace,
    planned_by,
    progress,
    replan,
    scheduled_items,
)

MONDAY = date(2027, 1, 4)


def todo(key, hours):
    return WorkItem(key, hours, "todo")


def done(key, hours):
    return WorkItem(key, hours, "done")


def skipped(key, hours):
    return WorkItem(key, hours, "skipped")


def at_end(key, hours):
    return WorkItem(key, hours, "todo", at_end=True)


# --- layout_weeks ---------------------------------------------------------------------------


def test_the_review_and_exam_fill_the_last_week_before_the_exam_day():
    items = [todo("a", 10), todo("b", 5), at_end("review", 4), at_end("exam", 3)]

    # Exam on the Monday of week 6: weeks 1-5 end on Sundays before it.
    weeks = layout_weeks(items, MONDAY, 10, exam_day=MONDAY + timedelta(weeks=5))

    assert [(week.number, week.keys, week.hours) for week in weeks] == [
        (1, ("a",), 10),
        (2, ("b",), 5),
        (3, (), 0),
        (4, (), 0),
        (5, ("review", "exam"), 7),
    ]
    assert weeks[-1].end == date(2027, 2, 7)  # the Sunday before the exam


def test_a_long_review_starts_as_many_weeks_before_the_exam_as_it_needs():
    items = [todo("a", 2), at_end("review", 4), at_end("exam", 3)]

    weeks = layout_weeks(items, MONDAY, 3, exam_day=MONDAY + timedelta(weeks=6))

    # 7 h at 3 h a week: weeks 4, 5 and 6 (the last one ends the day before the exam).
    assert [(week.number, week.keys, week.hours) for week in weeks] == [
        (1, ("a",), 2),
        (2, (), 0),
        (3, (), 0),
        (4, ("review",), 3),
        (5, ("exam",), 3),
        (6, (), 1),
    ]
    assert weeks[4].continuing == ("review",) and weeks[5].continuing == ("exam",)


def test_the_review_never_starts_before_the_rest_of_the_work_is_over():
    items = [todo("a", 25), at_end("review", 4)]

    weeks = layout_weeks(items, MONDAY, 10, exam_day=MONDAY + timedelta(weeks=2))

    assert [(week.keys, week.hours) for week in weeks] == [(("a",), 10), ((), 10), (("review",), 9)]


def test_an_exam_day_inside_week_1_leaves_the_work_in_its_order():
    items = [todo("a", 2), at_end("review", 4)]

    weeks = layout_weeks(items, MONDAY, 10, exam_day=MONDAY + timedelta(days=3))

    assert [(week.keys, week.hours) for week in weeks] == [(("a", "review"), 6)]


def test_the_last_week_before_the_exam_counts_the_breaks():
    items = [todo("a", 10), at_end("review", 4)]

    weeks = layout_weeks(
        items, MONDAY, 10, paused_weeks=2, pause_after_week=1, exam_day=MONDAY + timedelta(weeks=6)
    )

    # Weeks 2 and 3 of the calendar are a break: study week 4 is the last before the exam.
    assert [(week.number, week.start, week.keys) for week in weeks] == [
        (1, date(2027, 1, 4), ("a",)),
        (2, date(2027, 1, 25), ()),
        (3, date(2027, 2, 1), ()),
        (4, date(2027, 2, 8), ("review",)),
    ]


def test_work_done_before_a_replan_leaves_the_weeks():
    items = [
        WorkItem("old", 4, "done", done_on=date(2027, 1, 10)),
        WorkItem("today", 2, "done", done_on=date(2027, 1, 11)),
        WorkItem("undated", 2, "done"),
        todo("next", 3),
    ]

    assert [item.key for item in scheduled_items(items, date(2027, 1, 11))] == [
        "today",
        "undated",
        "next",
    ]
    assert scheduled_items(items, None) == items


def test_planned_hours_follow_the_laid_out_weeks():
    weeks = layout_weeks(
        [todo("a", 10), todo("b", 10)], MONDAY, 10, paused_weeks=2, pause_after_week=1
    )

    assert planned_by(weeks, MONDAY + timedelta(days=7), 10) == 10  # week 1 over
    assert planned_by(weeks, MONDAY + timedelta(days=20), 10) == 10  # the break asks nothing
    assert planned_by(weeks, MONDAY + timedelta(days=24), 10) == 14  # 3 days into week 2


def test_a_break_mid_plan_does_not_make_the_work_before_it_look_ahead():
    items = [done("a", 10), todo("b", 10)]
    weeks = layout_weeks(items, MONDAY, 10, paused_weeks=2, pause_after_week=1)
    today = MONDAY + timedelta(days=7)  # the break starts after week 1

    assert pace(items, MONDAY, today, 10, paused_weeks=2, weeks=weeks).message == "On track"


def test_weeks_are_seven_days_from_start():
    weeks = layout_weeks([todo("a", 10), todo("b", 10)], MONDAY, 10)

    assert [(week.number, week.start, week.end) for week in weeks] == [
        (1, date(2027, 1, 4), date(2027, 1, 10)),
        (2, date(2027, 1, 11), date(2027, 1, 17)),
    ]


def test_items_fill_weeks_greedily_in_order():
    items = [todo("a", 4), todo("b", 4), todo("c", 4), todo("d", 12), todo("e", 3)]

    weeks = layout_weeks(items, MONDAY, 10)

    # c starts with 2 h left in week 1; d starts at hour 12 (week 2); e at hour 24 (week 3).
    assert [week.keys for week in weeks] == [("a", "b", "c"), ("d",), ("e",)]
    assert [week.hours for week in weeks] == [10, 10, 7]


def test_item_starting_on_a_full_week_goes_to_the_next_week():
    weeks = layout_weeks([todo("a", 10), todo("b", 2)], MONDAY, 10)

    assert [week.keys for week in weeks] == [("a",), ("b",)]


def test_long_item_is_listed_once_and_its_tail_fills_later_weeks():
    weeks = layout_weeks([todo("a", 3), todo("big", 25), todo("c", 2)], MONDAY, 10)

    assert [week.keys for week in weeks] == [("a", "big"), (), ("c",)]
    assert [week.hours for week in weeks] == [10, 10, 10]


@pytest.mark.parametrize(
    "hours",
    [[8, 8, 8], [3, 25, 2], [1] * 23, [9, 2, 9, 2], [40], [5, 5, 5, 5, 1]],
)
def test_week_never_holds_more_than_hours_per_week(hours):
    items = [todo(str(index), value) for index, value in enumerate(hours)]

    weeks = layout_weeks(items, MONDAY, 10)

    assert all(week.hours <= 10 for week in weeks)
    assert sum(week.hours for week in weeks) == sum(hours)
    assert [key for week in weeks for key in week.keys] == [item.key for item in items]


def test_skipped_items_are_left_out_of_the_layout_but_done_items_stay():
    weeks = layout_weeks([done("a", 6), skipped("b", 20), todo("c", 6)], MONDAY, 10)

    assert [week.keys for week in weeks] == [("a", "c"), ()]
    assert [week.hours for week in weeks] == [10, 2]


def test_pause_shifts_the_weeks_after_it():
    items = [todo("a", 10), todo("b", 10), todo("c", 10)]

    weeks = layout_weeks(items, MONDAY, 10, paused_weeks=2, pause_after_week=1)

    assert [(week.number, week.start, week.keys) for week in weeks] == [
        (1, date(2027, 1, 4), ("a",)),
        (2, date(2027, 1, 25), ("b",)),
        (3, date(2027, 2, 1), ("c",)),
    ]
    assert weeks[1].end == date(2027, 1, 31)


def test_pause_without_a_position_moves_the_whole_plan():
    weeks = layout_weeks([todo("a", 10)], MONDAY, 10, paused_weeks=1)

    assert weeks[0].start == date(2027, 1, 11)


def test_no_items_no_weeks():
    assert layout_weeks([skipped("a", 5)], MONDAY, 10) == []


def test_layout_rejects_zero_hours_per_week():
    with pytest.raises(ValueError, match=r"^hours_per_week must be positive, got 0$"):
        layout_weeks([todo("a", 1)], MONDAY, 0)


def test_one_hour_a_week_is_a_plan():
    weeks = layout_weeks([todo("a", 2)], MONDAY, 1)

    assert [(week.keys, week.hours, week.continuing) for week in weeks] == [
        (("a",), 1, ()),
        ((), 1, ("a",)),
    ]


def test_an_item_that_ends_with_its_week_does_not_continue_into_the_next():
    weeks = layout_weeks([todo("a", 10), todo("b", 10)], MONDAY, 10)

    assert [(week.keys, week.continuing) for week in weeks] == [(("a",), ()), (("b",), ())]


def test_items_of_no_hours_take_no_time_and_show_in_the_week_they_start():
    # The exam itself takes no study time; after a full week of work it starts week 2.
    items = [
        todo("intro", 0),
        todo("a", 10),
        at_end("book", 0),
        at_end("review", 10),
        at_end("exam", 0),
    ]

    weeks = layout_weeks(items, MONDAY, 10)

    assert [(week.keys, week.hours) for week in weeks] == [
        (("intro", "a"), 10),
        (("book", "review"), 10),
        (("exam",), 0),
    ]


def test_an_exam_of_no_hours_does_not_push_its_review_a_week_earlier():
    items = [todo("a", 5), at_end("review", 10), at_end("exam", 0)]

    # Exam on the Monday of week 5: the review fills week 4 alone, the exam starts after it.
    weeks = layout_weeks(items, MONDAY, 10, exam_day=MONDAY + timedelta(weeks=4))

    assert [(week.number, week.keys, week.hours) for week in weeks] == [
        (1, ("a",), 5),
        (2, (), 0),
        (3, (), 0),
        (4, ("review",), 10),
        (5, ("exam",), 0),
    ]


@pytest.mark.parametrize(
    ("exam_day", "review_week"),
    [
        # inside week 2: only week 1 ends before it, and the review follows the work there
        (date(2027, 1, 13), 1),
        # on the last day of week 3: week 3 does not end before it, week 2 does
        (date(2027, 1, 24), 2),
        # the day after week 3
        (date(2027, 1, 25), 3),
    ],
)
def test_the_review_goes_to_the_last_week_that_ends_before_the_exam_day(exam_day, review_week):
    items = [todo("a", 5), at_end("review", 5)]

    weeks = layout_weeks(items, MONDAY, 10, exam_day=exam_day)

    assert [week.number for week in weeks if "review" in week.keys] == [review_week]


# --- check_feasibility ----------------------------------------------------------------------

TODAY = date(2026, 11, 22)


def test_target_that_leaves_enough_whole_weeks_fits():
    result = check_feasibility(92, TODAY, TODAY + timedelta(weeks=10), 10)

    assert result.fits
    assert (result.weeks_available, result.weeks_needed, result.hours_needed) == (10, 10, 92)
    assert result.suggested_date is None


def test_impossible_target_is_detected_with_a_date_that_fits():
    target = TODAY + timedelta(days=45)  # 6 whole weeks and 3 days

    result = check_feasibility(92, TODAY, target, 10)

    assert not result.fits
    assert (result.weeks_available, result.weeks_needed) == (6, 10)
    assert result.suggested_date == date(2027, 1, 31)
    assert result.message == (
        "This plan needs about 92 hours: 10 weeks at 10 h a week, but only 6 weeks remain. "
        "Aim for 31 January 2027, or give it 16 h a week."
    )
    assert check_feasibility(92, TODAY, result.suggested_date, 10).fits
    # ...and it is the earliest such date.
    assert not check_feasibility(92, TODAY, result.suggested_date - timedelta(days=1), 10).fits


def test_target_in_less_than_a_week_or_in_the_past_leaves_no_weeks():
    soon = check_feasibility(5, TODAY, TODAY + timedelta(days=6), 10)
    past = check_feasibility(5, TODAY, TODAY - timedelta(days=30), 10)

    assert (soon.fits, soon.weeks_available, soon.suggested_date) == (False, 0, date(2026, 11, 29))
    assert (past.fits, past.weeks_available) == (False, 0)
    assert "less than a week" in soon.message


def test_nothing_to_study_always_fits():
    assert check_feasibility(0, TODAY, TODAY, 10).fits


# --- progress -------------------------------------------------------------------------------


def test_progress_counts_hours_and_items_done():
    result = progress([done("a", 4), done("b", 6), WorkItem("c", 10, "doing")])

    assert (result.hours_done, result.hours_total, result.items_done, result.items_total) == (
        10,
        20,
        2,
        3,
    )
    assert result.percent == 50


def test_skipped_items_leave_progress_on_both_sides():
    without_skipped = progress([done("a", 4), done("b", 6), todo("c", 10)])
    with_skipped = progress([done("a", 4), skipped("s", 20), done("b", 6), todo("c", 10)])
    with_skipped_done = progress([done("a", 4), done("b", 6), todo("c", 10), skipped("s", 20)])

    assert with_skipped == without_skipped == with_skipped_done


def test_percent_reaches_100_only_when_everything_is_done():
    assert progress([done("a", 199), todo("b", 1)]).percent == 99
    assert progress([done("a", 199), done("b", 1), skipped("c", 5)]).percent == 100


def test_empty_plan_has_zero_progress():
    assert progress([]).percent == 0


def test_items_without_hours_count_progress_by_items_done():
    items = [done("a", 0), todo("b", 0), todo("c", 0), todo("d", 0)]

    assert progress(items).percent == 25


def test_a_plan_of_one_hour_counts_progress_by_hours():
    # the one hour is done, the item without hours is not: 100 % of the hours, shown as 99
    assert progress([done("a", 1), todo("b", 0)]).percent == 99


# --- pace -----------------------------------------------------------------------------------

FOUR_WEEKS_OF_TEN = [done("a", 10), todo("b", 10), todo("c", 10), todo("d", 10)]


def test_not_started_before_the_start_date():
    result = pace([todo("a", 10)], MONDAY, MONDAY - timedelta(days=3), 10)

    assert result.status == "not-started"
    assert result.hours_planned_to_date == 0


def test_on_track_after_a_week_with_a_week_of_work_done():
    result = pace(FOUR_WEEKS_OF_TEN, MONDAY, MONDAY + timedelta(days=7), 10)

    assert (result.status, result.message) == ("on-track", "On track")
    assert (result.hours_done, result.hours_planned_to_date, result.hours_behind) == (10, 10, 0)


def test_nothing_is_due_on_the_start_day():
    result = pace([todo("a", 10)], MONDAY, MONDAY, 10)

    assert (result.status, result.hours_planned_to_date) == ("on-track", 0)


def test_partial_week_counts_pro_rata_by_days_elapsed():
    # 3 days of 7 at 14 h a week -> 6 h due.
    result = pace([done("a", 6), todo("b", 30)], MONDAY, MONDAY + timedelta(days=3), 14)

    assert (result.status, result.hours_planned_to_date) == ("on-track", 6)


def test_behind_reports_hours_and_weeks():
    # Two weeks at 4 h a week -> 8 h due, 2 h done.
    items = [done("a", 2), todo("b", 6), todo("c", 8)]

    result = pace(items, MONDAY, MONDAY + timedelta(days=14), 4)

    assert result.status == "behind"
    assert (result.hours_planned_to_date, result.hours_behind, result.weeks_behind) == (8, 6, 1.5)
    assert result.message == "Behind by 6 h — about 1.5 weeks"


def test_weeks_behind_are_given_to_one_decimal():
    # a week at 12 h a week -> 12 h due, 7 h done: 5 / 12 = 0.42 weeks
    result = pace([done("a", 7), todo("b", 20)], MONDAY, MONDAY + timedelta(days=7), 12)

    assert result.weeks_behind == 0.4
    assert result.message == "Behind by 5 h — about 0.4 weeks"


def test_one_hour_short_is_still_on_track():
    result = pace([done("a", 9), todo("b", 10)], MONDAY, MONDAY + timedelta(days=7), 10)

    assert result.status == "on-track"


def test_ahead_when_more_is_done_than_planned():
    result = pace([done("a", 14), todo("b", 20)], MONDAY, MONDAY + timedelta(days=7), 10)

    assert (result.status, result.message) == ("ahead", "Ahead by 4 h")
    assert result.hours_behind == 0


def test_paused_weeks_are_not_counted_as_due():
    # Three weeks elapsed, one of them paused -> 20 h due.
    result = pace(FOUR_WEEKS_OF_TEN, MONDAY, MONDAY + timedelta(days=21), 10, paused_weeks=1)

    assert (result.hours_planned_to_date, result.hours_behind) == (20, 10)
    assert result.message == "Behind by 10 h — about 1 week"


def test_planned_hours_never_exceed_the_plan():
    result = pace(FOUR_WEEKS_OF_TEN, MONDAY, MONDAY + timedelta(days=365), 10)

    assert (result.hours_planned_to_date, result.hours_behind, result.weeks_behind) == (40, 30, 3.0)


def test_finished_when_every_remaining_item_is_done():
    items = [done("a", 10), skipped("b", 10), done("c", 5)]

    result = pace(items, MONDAY, MONDAY + timedelta(days=1), 10)

    assert result.status == "finished"


# --- replan ---------------------------------------------------------------------------------

MIXED = [done("a", 10), skipped("b", 5), todo("c", 8), WorkItem("d", 12, "doing")]


def test_replan_keeps_done_and_skipped_items_out_of_remaining_hours():
    result = replan(MIXED, MONDAY, MONDAY + timedelta(weeks=4), 10)

    assert result.hours_remaining == 20
    assert (result.weeks_remaining, result.hours_per_week_needed) == (4, 5)
    assert result.fits_current_pace
    assert result.suggested_date is None


def test_replan_suggests_a_later_date_at_the_current_hours_per_week():
    target = MONDAY + timedelta(weeks=2)

    result = replan(MIXED, MONDAY, target, 6)

    assert (result.weeks_remaining, result.hours_per_week_needed) == (2, 10)
    assert not result.fits_current_pace
    # ceil(20 / 6) = 4 weeks at 6 h a week.
    assert result.suggested_date == date(2027, 2, 1)
    assert check_feasibility(20, MONDAY, result.suggested_date, 6).fits
    assert result.message == (
        "20 h left, which needs 10 h a week before 18 January 2027. "
        "At 6 h a week, aim for 1 February 2027."
    )


def test_replan_with_less_than_a_week_left_needs_everything_now():
    result = replan(MIXED, MONDAY, MONDAY + timedelta(days=3), 10)

    assert (result.weeks_remaining, result.hours_per_week_needed) == (0, 20)
    assert not result.fits_current_pace
    assert result.suggested_date == date(2027, 1, 18)


def test_replan_with_nothing_left():
    result = replan([done("a", 10)], MONDAY, MONDAY + timedelta(weeks=1), 10)

    assert (result.hours_remaining, result.hours_per_week_needed) == (0, 0)
    assert result.fits_current_pace


# --- what the person reads --------------------------------------------------------------------


def test_exactly_one_hour_ahead_is_on_track_and_two_hours_is_ahead():
    # A week at 10 h a week -> 10 h due.
    one = pace([done("a", 11), todo("b", 20)], MONDAY, MONDAY + timedelta(days=7), 10)
    two = pace([done("a", 12), todo("b", 20)], MONDAY, MONDAY + timedelta(days=7), 10)

    assert (one.status, one.message, one.hours_behind, one.weeks_behind) == (
        "on-track",
        "On track",
        0,
        0.0,
    )
    assert (two.status, two.message, two.hours_behind) == ("ahead", "Ahead by 2 h", 0)


def test_one_hour_behind_reads_on_track_and_two_hours_behind_reads_behind():
    one = pace([done("a", 9), todo("b", 20)], MONDAY, MONDAY + timedelta(days=7), 10)
    two = pace([done("a", 8), todo("b", 20)], MONDAY, MONDAY + timedelta(days=7), 10)

    assert (one.message, one.hours_behind, one.weeks_behind) == ("On track", 0, 0.0)
    assert (two.status, two.hours_behind, two.weeks_behind) == ("behind", 2, 0.2)
    assert two.message == "Behind by 2 h — about 0.2 weeks"


def test_not_started_and_finished_read_as_such():
    waiting = pace([todo("a", 10)], MONDAY, MONDAY - timedelta(days=1), 10)
    finished = pace(
        [done("a", 10), skipped("b", 10), done("c", 5)], MONDAY, MONDAY + timedelta(days=1), 10
    )

    assert (waiting.message, waiting.hours_done, waiting.hours_behind) == ("Not started yet", 0, 0)
    assert (waiting.weeks_behind, finished.weeks_behind) == (0, 0)
    assert pace([], MONDAY, MONDAY + timedelta(days=8), 10).weeks_behind == 0
    assert finished.message == "Finished"
    assert (finished.hours_done, finished.hours_planned_to_date, finished.hours_behind) == (
        15,
        15,
        0,
    )


def test_a_target_that_fits_says_how_many_weeks_remain():
    result = check_feasibility(92, TODAY, TODAY + timedelta(weeks=10), 10)

    assert result.message == (
        "This plan needs about 92 hours: 10 weeks at 10 h a week, and 10 weeks remain."
    )


def test_less_than_a_week_left_says_when_to_aim_for():
    result = check_feasibility(5, TODAY, TODAY + timedelta(days=6), 10)

    assert result.weeks_needed == 1
    assert result.message == (
        "This plan needs about 5 hours: 1 week at 10 h a week, but less than a week remains. "
        "Aim for 29 November 2026."
    )


def test_one_week_left_reads_in_the_singular():
    result = check_feasibility(25, TODAY, TODAY + timedelta(days=7), 10)

    assert (result.fits, result.weeks_available, result.weeks_needed) == (False, 1, 3)
    assert result.suggested_date == date(2026, 12, 13)
    assert result.message == (
        "This plan needs about 25 hours: 3 weeks at 10 h a week, but only 1 week remains. "
        "Aim for 13 December 2026, or give it 25 h a week."
    )


def test_a_target_exactly_as_far_as_the_work_needs_fits():
    result = check_feasibility(30, TODAY, TODAY + timedelta(weeks=3), 10)
    short = check_feasibility(31, TODAY, TODAY + timedelta(weeks=3), 10)

    assert (result.fits, result.weeks_needed) == (True, 3)
    assert (short.fits, short.weeks_needed, short.suggested_date) == (False, 4, date(2026, 12, 20))


def test_a_replan_that_fits_says_how_much_a_week_gets_there():
    result = replan(MIXED, MONDAY, MONDAY + timedelta(weeks=4), 10)

    assert result.message == (
        "20 h left over 4 weeks: about 5 h a week gets you there by 1 February 2027."
    )


def test_a_replan_with_one_hour_over_one_week_reads_in_the_singular():
    result = replan([todo("a", 1)], MONDAY, MONDAY + timedelta(weeks=1), 10)

    assert result.message == (
        "1 h left over 1 week: about 1 h a week gets you there by 11 January 2027."
    )


def test_a_replan_with_less_than_a_week_left_says_so():
    result = replan(MIXED, MONDAY, MONDAY + timedelta(days=3), 10)

    assert result.message == (
        "20 h left and less than a week before 7 January 2027. "
        "At 10 h a week, aim for 18 January 2027."
    )


def test_a_replan_with_nothing_left_wishes_luck():
    result = replan([done("a", 10)], MONDAY, MONDAY + timedelta(weeks=1), 10)

    assert result.message == "Nothing left to study. Good luck in the exam."


def test_a_target_too_close_still_counts_the_hours_needed():
    result = check_feasibility(25, TODAY, TODAY + timedelta(days=7), 10)

    assert (result.fits, result.hours_needed) == (False, 25)
