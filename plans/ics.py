"""A study plan as an iCalendar file (RFC 5545), written by hand: no runtime dependency.

One all-day event on the first day of each study week, listing that week's items, and one on
the exam day. UIDs are derived from the plan and the week number, so re-importing the file
updates the events instead of duplicating them; a re-planned week keeps its UID and moves.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime, timedelta

from plans.models import ItemState
from plans.services import PlanState

CRLF = "\r\n"
MAX_LINE_OCTETS = 75
UID_DOMAIN = "certguide"
# How often a subscribed calendar app is asked to fetch the feed again (RFC 7986).
FEED_REFRESH = "PT6H"
STATE_MARKS = {ItemState.DONE: "[done] ", ItemState.DOING: "[in progress] "}


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 section 3.3.11)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line into chunks of at most 75 octets (section 3.1), never inside a
    UTF-8 sequence; continuation lines start with one space, which counts towards the 75."""
    chunks: list[str] = []
    current, size, limit = "", 0, MAX_LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            chunks.append(current)
            current, size, limit = "", 0, MAX_LINE_OCTETS - 1
        current += char
        size += width
    chunks.append(current)
    return (CRLF + " ").join(chunks)


def ical_date(day: date) -> str:
    return day.strftime("%Y%m%d")


def ical_timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def all_day_event(uid: str, day: date, summary: str, description: str, stamp: str) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{ical_date(day)}",
        f"DTEND;VALUE=DATE:{ical_date(day + timedelta(days=1))}",
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(description)}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def _events(state: PlanState, stamp: str) -> Iterator[list[str]]:
    plan = state.plan
    name = plan.certification.name
    # Spare weeks (nothing due before the final review) get no event.
    study_weeks = [week for week in state.weeks if week.hours]
    total = len(study_weeks)
    for week in study_weeks:
        lines = [f"Study week {week.number} of {total}: about {week.hours} h."]
        lines += [f"Continue: {item.title}" for item in week.continuing]
        lines += [f"- {STATE_MARKS.get(item.state, '')}{item.title}" for item in week.items]
        yield all_day_event(
            f"plan-{plan.pk}-week-{week.number}@{UID_DOMAIN}",
            week.start,
            f"Week {week.number}: {name}",
            "\n".join(lines),
            stamp,
        )
    yield all_day_event(
        f"plan-{plan.pk}-exam@{UID_DOMAIN}",
        plan.target_date,
        f"Exam: {name}",
        f"The exam day for your {name} study plan. Good luck!",
        stamp,
    )


def plan_calendar(state: PlanState, now: datetime) -> str:
    """The one-off download: the plan as it is now."""
    return _calendar(state, now, _events(state, ical_timestamp(now)))


def plan_feed(state: PlanState, now: datetime) -> str:
    """The subscribed feed: the same events and UIDs as the download, so a calendar app that
    fetches it again moves the weeks a re-plan or a break moved instead of adding copies. It
    asks to be fetched again every few hours. An archived plan's feed holds no events, so the
    subscribed calendar clears them; restoring the plan brings them back at the same address."""
    events = () if state.plan.is_archived else _events(state, ical_timestamp(now))
    refresh = [
        f"REFRESH-INTERVAL;VALUE=DURATION:{FEED_REFRESH}",
        f"X-PUBLISHED-TTL:{FEED_REFRESH}",
    ]
    return _calendar(state, now, events, refresh)


def _calendar(
    state: PlanState, now: datetime, events: Iterable[list[str]], extra: Sequence[str] = ()
) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//certguide//Study plans//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(f'Study plan: {state.plan.certification.name}')}",
        *extra,
    ]
    for event in events:
        lines += event
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
