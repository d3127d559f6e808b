"""Scheduling a study plan: week layout, feasibility, progress, pace and replanning.

Pure domain code: no Django, no database, and "today" is always a parameter.

Rules
-----
Week layout (``layout_weeks``)
    Work flows continuously at ``hours_per_week``: items (skipped ones excluded; done ones
    kept, they are part of the plan) are taken in order, each starting where the previous
    one ended. An item is listed (in ``Week.keys``) only in the week in which it starts, and
    it starts in the current week whenever that week has any room left, even if it does not
    fit -- its remaining hours then fill the following weeks. ``Week.hours`` is the work
    falling in that week, so it never exceeds ``hours_per_week``; a week entirely taken by
    the tail of a long item has no keys. Week 1 runs ``start`` .. ``start + 6`` and weeks
    are numbered 1, 2, 3... by study week. A pause of ``paused_weeks`` after week
    ``pause_after_week`` moves the dates of all later weeks by that many weeks; paused weeks
    carry no work and are not listed. ``pause_after_week=None`` with a pause means the pause
    came before week 1 (the whole plan moves), matching ``pace``, which subtracts paused
    weeks without knowing when they happened.

Re-planning restarts the schedule (``scheduled_items``)
    A re-plan moves the start to the day it is made (never earlier than the start it had):
    items done before that day belong to the past and are left out of the weeks and the
    pace; everything else flows from the new start. An item done without a known date stays.

Feasibility (``check_feasibility``) and replanning (``replan``)
    Weeks available = whole weeks from today up to, not including, the target day: the
    target is the exam day, not a study day. ``(target - today).days // 7``, never negative.
    Weeks needed = ``ceil(hours / hours_per_week)``. The earliest date that fits is therefore
    exactly ``today + weeks_needed`` weeks. ``replan`` uses the same counting and spreads the
    remaining (not done, not skipped) hours over the remaining weeks:
    ``ceil(remaining / weeks_remaining)`` per week; with less than a week left the whole
    remainder is what is needed.

Progress (``progress``)
    Skipped items leave both sides. Percent is the share of hours done, rounded half up, but
    shows 100 only when every counted item is done (99.6% is not finished). A plan whose
    items have no hours falls back to the share of items done.

Pace (``pace``)
    Hours planned to date = ``min(total, floor(weeks_elapsed * hours_per_week))`` where
    ``weeks_elapsed = max(0, days_elapsed / 7 - paused_weeks)``: the current partial week
    counts pro rata by whole days already past (today itself is not over, so nothing is due
    on the start day). Given the laid-out weeks, they say it instead (``planned_by``), so a
    break taken mid-plan or spare weeks before the review ask for nothing. Only done items
    count as done; "doing" work counts once finished.
    Status, first match wins: "finished" when every non-skipped item is done (and there is
    at least one); "not-started" with nothing to do, or before the start date with nothing
    done yet (work done early shows as "ahead"); "behind" when planned - done > 1 h;
    "ahead" when done - planned > 1 h; otherwise "on-track".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

DAYS_PER_WEEK = 7
# The one-hour tolerance keeps pace from flapping between statuses over rounding.
PACE_TOLERANCE_HOURS = 1
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class WorkItem:
    key: str
    hours: int
    state: str  # "todo" | "doing" | "done" | "skipped"
    done_on: date | None = None
    at_end: bool = False  # the final review and the exam: kept for the weeks before the exam


@dataclass(frozen=True)
class Week:
    number: int
    start: date
    end: date
    keys: tuple[str, ...]  # the items starting this week
    hours: int
    continuing: tuple[str, ...] = ()  # items started earlier with hours in this week


@dataclass(frozen=True)
class Feasibility:
    fits: bool
    weeks_available: int
    weeks_needed: int
    hours_needed: int
    suggested_date: date | None
    message: str


@dataclass(frozen=True)
class Progress:
    hours_done: int
    hours_total: int
    items_done: int
    items_total: int
    percent: int


@dataclass(frozen=True)
class Pace:
    status: str  # "not-started" | "on-track" | "ahead" | "behind" | "finished"
    hours_done: int
    hours_planned_to_date: int
    hours_behind: int
    weeks_behind: float
    message: str


@dataclass(frozen=True)
class Replan:
    hours_remaining: int
    weeks_remaining: int
    hours_per_week_needed: int
    fits_current_pace: bool
    suggested_date: date | None
    message: str


def format_date(day: date) -> str:
    # Spelled out by hand so the text does not depend on the process locale.
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def require_positive_hours_per_week(hours_per_week: int) -> None:
    if hours_per_week <= 0:
        raise ValueError(f"hours_per_week must be positive, got {hours_per_week}")


def counted_items(items: Sequence[WorkItem]) -> list[WorkItem]:
    return [item for item in items if item.state != "skipped"]


def scheduled_items(items: Sequence[WorkItem], replanned_on: date | None) -> list[WorkItem]:
    """The items the schedule lays out: all but those done before the last re-plan."""
    if replanned_on is None:
        return list(items)
    return [
        item
        for item in items
        if not (item.state == "done" and item.done_on is not None and item.done_on < replanned_on)
    ]


def remaining_hours(items: Sequence[WorkItem]) -> int:
    return sum(item.hours for item in counted_items(items) if item.state != "done")


def layout_weeks(
    items: Sequence[WorkItem],
    start: date,
    hours_per_week: int,
    paused_weeks: int = 0,
    pause_after_week: int | None = None,
    exam_day: date | None = None,
) -> list[Week]:
    """Lay items out in study weeks (see the module docstring for the rules)."""
    require_positive_hours_per_week(hours_per_week)
    laid_out = counted_items(items)
    if not laid_out:
        return []
    pause_boundary = 0 if pause_after_week is None else pause_after_week

    def week_start(index: int) -> date:
        calendar_index = index + (max(0, paused_weeks) if index + 1 > pause_boundary else 0)
        return start + timedelta(weeks=calendar_index)

    spans = _spans(laid_out, hours_per_week, _last_week_before(exam_day, week_start))
    # Integer division puts an item that starts exactly on a week boundary in the next week:
    # the current one has no room left.
    week_count = max(
        math.ceil(max(end for _key, _begin, end in spans) / hours_per_week),
        max(begin // hours_per_week for _key, begin, _end in spans) + 1,
    )
    # Each item visits only the weeks it spans, so a long plan costs weeks plus items.
    keys: list[list[str]] = [[] for _ in range(week_count)]
    continuing: list[list[str]] = [[] for _ in range(week_count)]
    hours = [0] * week_count
    for key, begin, end in spans:
        first = begin // hours_per_week
        keys[first].append(key)
        for index in range(first, max(first, math.ceil(end / hours_per_week) - 1) + 1):
            low, high = index * hours_per_week, (index + 1) * hours_per_week
            hours[index] += max(0, min(end, high) - max(begin, low))
            if index > first:
                continuing[index].append(key)
    return [
        Week(
            number=index + 1,
            start=week_start(index),
            end=week_start(index) + timedelta(days=DAYS_PER_WEEK - 1),
            keys=tuple(keys[index]),
            hours=hours[index],
            continuing=tuple(continuing[index]),
        )
        for index in range(week_count)
    ]


def _last_week_before(exam_day: date | None, week_start) -> int | None:
    """The index of the last study week that ends before the exam day, or None."""
    if exam_day is None or week_start(0) + timedelta(days=DAYS_PER_WEEK - 1) >= exam_day:
        return None
    index = 0
    while week_start(index + 1) + timedelta(days=DAYS_PER_WEEK - 1) < exam_day:
        index += 1
    return index


def _spans(
    items: Sequence[WorkItem], hours_per_week: int, last_week: int | None
) -> list[tuple[str, int, int]]:
    """(key, first hour, hour after the last) of each item on the study-hour line. Work flows
    from hour 0; the items kept for the end start as late as lets them finish in ``last_week``
    (never before the work ahead of them is over), in the plan's order."""
    spans = []
    hours_so_far = 0
    for item in [item for item in items if not item.at_end]:
        spans.append((item.key, hours_so_far, hours_so_far + max(0, item.hours)))
        hours_so_far += max(0, item.hours)
    at_end = [item for item in items if item.at_end]
    hours_at_end = sum(max(0, item.hours) for item in at_end)
    if last_week is not None and at_end:
        weeks_at_end = max(1, math.ceil(hours_at_end / hours_per_week))
        latest_start = (last_week + 1 - weeks_at_end) * hours_per_week
        hours_so_far = max(hours_so_far, latest_start)
    for item in at_end:
        spans.append((item.key, hours_so_far, hours_so_far + max(0, item.hours)))
        hours_so_far += max(0, item.hours)
    return spans


def whole_weeks_until(today: date, target: date) -> int:
    return max(0, (target - today).days // DAYS_PER_WEEK)


def check_feasibility(
    total_hours: int, today: date, target: date, hours_per_week: int
) -> Feasibility:
    """Can ``total_hours`` be studied at ``hours_per_week`` before the ``target`` exam day?"""
    require_positive_hours_per_week(hours_per_week)
    hours_needed = max(0, total_hours)
    weeks_available = whole_weeks_until(today, target)
    weeks_needed = math.ceil(hours_needed / hours_per_week)
    fits = weeks_needed <= weeks_available
    need = (
        f"This plan needs about {hours_needed} hours: "
        f"{plural(weeks_needed, 'week')} at {hours_per_week} h a week"
    )
    if fits:
        return Feasibility(
            fits=True,
            weeks_available=weeks_available,
            weeks_needed=weeks_needed,
            hours_needed=hours_needed,
            suggested_date=None,
            message=f"{need}, and {plural(weeks_available, 'week')} remain.",
        )

    suggested_date = today + timedelta(weeks=weeks_needed)
    if weeks_available == 0:
        message = f"{need}, but less than a week remains. Aim for {format_date(suggested_date)}."
    else:
        hours_per_week_needed = math.ceil(hours_needed / weeks_available)
        remain = "remains" if weeks_available == 1 else "remain"
        message = (
            f"{need}, but only {plural(weeks_available, 'week')} {remain}. "
            f"Aim for {format_date(suggested_date)}, "
            f"or give it {hours_per_week_needed} h a week."
        )
    return Feasibility(
        fits=False,
        weeks_available=weeks_available,
        weeks_needed=weeks_needed,
        hours_needed=hours_needed,
        suggested_date=suggested_date,
        message=message,
    )


def progress(items: Sequence[WorkItem]) -> Progress:
    """Hours and items done; skipped items count on neither side."""
    counted = counted_items(items)
    done = [item for item in counted if item.state == "done"]
    hours_total = sum(item.hours for item in counted)
    hours_done = sum(item.hours for item in done)
    if hours_total > 0:
        share = hours_done / hours_total
    elif counted:
        share = len(done) / len(counted)
    else:
        share = 0.0
    percent = math.floor(share * 100 + 0.5)
    if len(done) < len(counted):
        percent = min(percent, 99)
    return Progress(
        hours_done=hours_done,
        hours_total=hours_total,
        items_done=len(done),
        items_total=len(counted),
        percent=percent,
    )


def format_weeks(weeks: float) -> str:
    text = f"{weeks:.1f}".removesuffix(".0")
    return f"{text} week" if text == "1" else f"{text} weeks"


def pace(
    items: Sequence[WorkItem],
    start: date,
    today: date,
    hours_per_week: int,
    paused_weeks: int = 0,
    weeks: Sequence[Week] | None = None,
) -> Pace:
    """Compare hours done with hours planned by ``today`` (see the module docstring); with
    the plan's ``weeks``, the hours planned are read off them (`planned_by`)."""
    require_positive_hours_per_week(hours_per_week)
    counted = counted_items(items)
    hours_total = sum(item.hours for item in counted)
    hours_done = sum(item.hours for item in counted if item.state == "done")

    if counted and all(item.state == "done" for item in counted):
        return Pace(
            status="finished",
            hours_done=hours_done,
            hours_planned_to_date=hours_total,
            hours_behind=0,
            weeks_behind=0.0,
            message="Finished",
        )
    if not counted or (today < start and hours_done == 0):
        return Pace(
            status="not-started",
            hours_done=hours_done,
            hours_planned_to_date=0,
            hours_behind=0,
            weeks_behind=0.0,
            message="Not started yet",
        )

    if weeks is None:
        days_elapsed = (today - start).days
        weeks_elapsed = max(0.0, days_elapsed / DAYS_PER_WEEK - max(0, paused_weeks))
        hours_planned = min(hours_total, math.floor(weeks_elapsed * hours_per_week))
    else:
        hours_planned = planned_by(weeks, today, hours_per_week)

    hours_behind = hours_planned - hours_done
    if hours_behind > PACE_TOLERANCE_HOURS:
        weeks_behind = round(hours_behind / hours_per_week, 1)
        status = "behind"
        message = f"Behind by {hours_behind} h — about {format_weeks(weeks_behind)}"
    else:
        weeks_behind = 0.0
        hours_ahead = -hours_behind
        hours_behind = 0
        if hours_ahead > PACE_TOLERANCE_HOURS:
            status, message = "ahead", f"Ahead by {hours_ahead} h"
        else:
            status, message = "on-track", "On track"
    return Pace(
        status=status,
        hours_done=hours_done,
        hours_planned_to_date=hours_planned,
        hours_behind=hours_behind,
        weeks_behind=weeks_behind,
        message=message,
    )


def planned_by(weeks: Sequence[Week], today: date, hours_per_week: int) -> int:
    """The hours the laid-out weeks ask for by ``today``: each week's work accrues at the weekly
    rate from its first day, by whole days already past, up to that week's hours. Paused and
    spare weeks ask for nothing."""
    planned = 0.0
    for week in weeks:
        elapsed = min(1.0, max(0.0, (today - week.start).days / DAYS_PER_WEEK))
        planned += min(week.hours, elapsed * hours_per_week)
    return math.floor(planned)


def replan(items: Sequence[WorkItem], today: date, target: date, hours_per_week: int) -> Replan:
    """Spread what is left over the weeks left before the ``target`` exam day."""
    require_positive_hours_per_week(hours_per_week)
    hours_remaining = remaining_hours(items)
    weeks_remaining = whole_weeks_until(today, target)
    if weeks_remaining > 0:
        hours_per_week_needed = math.ceil(hours_remaining / weeks_remaining)
    else:
        hours_per_week_needed = hours_remaining
    feasibility = check_feasibility(hours_remaining, today, target, hours_per_week)

    if feasibility.suggested_date is None:
        if hours_remaining == 0:
            message = "Nothing left to study. Good luck in the exam."
        else:
            message = (
                f"{hours_remaining} h left over {plural(weeks_remaining, 'week')}: "
                f"about {hours_per_week_needed} h a week gets you there by "
                f"{format_date(target)}."
            )
    else:
        if weeks_remaining == 0:
            squeeze = f"{hours_remaining} h left and less than a week before"
        else:
            squeeze = (
                f"{hours_remaining} h left, which needs {hours_per_week_needed} h a week before"
            )
        message = (
            f"{squeeze} {format_date(target)}. At {hours_per_week} h a week, "
            f"aim for {format_date(feasibility.suggested_date)}."
        )
    return Replan(
        hours_remaining=hours_remaining,
        weeks_remaining=weeks_remaining,
        hours_per_week_needed=hours_per_week_needed,
        fits_current_pace=feasibility.fits,
        suggested_date=feasibility.suggested_date,
        message=message,
    )
