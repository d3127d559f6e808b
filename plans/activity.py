"""The activity calendar and the time spent, as plain data: no database.

The calendar is a heatmap of the last `WEEKS` weeks, one column a week (Monday at the top) and
one square a day, ending with today; a day's shade says how much happened on it:

- 0: nothing;
- 1: some progress: an item marked done, or under 1 h logged;
- 2: 1 h to under 2 h logged;
- 3: 2 h to under 4 h logged;
- 4: 4 h or more logged.

The geometry (in SVG user units) is laid out here so that the template only draws it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

WEEKS = 26
# The hours logged from which a day takes levels 2, 3 and 4.
LEVEL_HOURS = (Decimal(1), Decimal(2), Decimal(4))
LEVELS = 5

CELL = 11  # a day's square
STEP = 14  # from one square to the next, across and down
LEFT = 28  # room for the weekday names
TOP = 14  # room for the month names
RIGHT = 12  # room for the last month's name
WEEKDAY_LABELS = ((0, "Mon"), (2, "Wed"), (4, "Fri"))
ZERO = Decimal(0)


def format_hours(hours: Decimal) -> str:
    """1.5 h as "1.5", 2.0 h as "2"."""
    hours = Decimal(hours)
    return str(int(hours)) if hours == hours.to_integral_value() else f"{hours:.1f}"


def format_day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


@dataclass(frozen=True)
class Day:
    """What happened on one day: hours logged and the titles of the items marked done."""

    day: date
    hours: Decimal = ZERO
    done: tuple[str, ...] = ()

    @property
    def level(self) -> int:
        return intensity(self.hours, len(self.done))

    @property
    def hours_text(self) -> str:
        return format_hours(self.hours)

    @property
    def text(self) -> str:
        parts = []
        if self.hours:
            parts.append(f"{self.hours_text} h logged")
        if self.done:
            count = len(self.done)
            parts.append(f"{count} item{'' if count == 1 else 's'} done")
        return f"{format_day(self.day)}: {', '.join(parts) or 'no progress'}"


def intensity(hours: Decimal, items_done: int) -> int:
    """The shade of a day, 0 to 4, as the module's docstring lists."""
    if hours <= 0 and items_done <= 0:
        return 0
    return 1 + sum(1 for threshold in LEVEL_HOURS if hours >= threshold)


def first_day(today: date, weeks: int = WEEKS) -> date:
    """The Monday that opens the calendar: `weeks` columns, the last one holding today."""
    return today - timedelta(days=today.weekday(), weeks=weeks - 1)


def collect(
    logs: Iterable[tuple[date, Decimal]],
    done: Iterable[tuple[date, str]],
    first: date,
    last: date,
) -> dict[date, Day]:
    """The days from `first` to `last` on which something happened, from (day, hours) logs and
    (day, title) items marked done."""
    hours: dict[date, Decimal] = {}
    titles: dict[date, list[str]] = {}
    for day, amount in logs:
        if first <= day <= last:
            hours[day] = hours.get(day, ZERO) + Decimal(amount)
    for day, title in done:
        if first <= day <= last:
            titles.setdefault(day, []).append(title)
    days = {}
    for day in hours.keys() | titles.keys():
        entry = Day(day, hours.get(day, ZERO), tuple(titles.get(day, ())))
        if entry.level:
            days[day] = entry
    return days


@dataclass(frozen=True)
class Cell:
    day: date
    x: int
    y: int
    level: int
    label: str


@dataclass(frozen=True)
class Label:
    x: int
    y: int
    text: str


@dataclass(frozen=True)
class Heatmap:
    first: date
    last: date
    weeks: int
    cells: tuple[Cell, ...]
    months: tuple[Label, ...]
    weekdays: tuple[Label, ...]
    days: tuple[Day, ...]  # the days with progress, newest first: the text equivalent
    width: int
    height: int
    cell_size: int = CELL

    @property
    def hours(self) -> Decimal:
        return sum((day.hours for day in self.days), ZERO)

    @property
    def summary(self) -> str:
        count = len(self.days)
        return (
            f"Activity over the last {self.weeks} weeks: {count} "
            f"day{'' if count == 1 else 's'} with progress, {format_hours(self.hours)} h logged."
        )


def heatmap(days: Mapping[date, Day], today: date, weeks: int = WEEKS) -> Heatmap:
    first = first_day(today, weeks)
    cells = []
    for column in range(weeks):
        for row in range(7):
            day = first + timedelta(weeks=column, days=row)
            if day > today:
                break
            entry = days.get(day) or Day(day)
            cells.append(Cell(day, _x(column), _y(row), entry.level, entry.text))
    return Heatmap(
        first=first,
        last=today,
        weeks=weeks,
        cells=tuple(cells),
        months=_months(first, weeks),
        weekdays=tuple(Label(0, _y(row) + CELL - 2, text) for row, text in WEEKDAY_LABELS),
        days=tuple(days[day] for day in sorted(days, reverse=True) if first <= day <= today),
        width=LEFT + weeks * STEP + RIGHT,
        height=TOP + 7 * STEP - (STEP - CELL),
    )


def _x(column: int) -> int:
    return LEFT + column * STEP


def _y(row: int) -> int:
    return TOP + row * STEP


def _months(first: date, weeks: int) -> tuple[Label, ...]:
    """A month's name above the column holding its first day; the first column is named too,
    unless a month starts within the next two columns (the names would overlap)."""
    starts = []
    for column in range(weeks):
        monday = first + timedelta(weeks=column)
        sunday = monday + timedelta(days=6)
        if sunday.month != monday.month or monday.day == 1:
            month_start = monday if monday.day == 1 else sunday.replace(day=1)
            starts.append((column, month_start))
    labels = [Label(_x(column), TOP - 4, f"{start:%b}") for column, start in starts]
    if not starts or starts[0][0] > 2:
        labels.insert(0, Label(_x(0), TOP - 4, f"{first:%b}"))
    return tuple(labels)


# --- Time spent --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemTime:
    hours: int  # planned
    spent: Decimal  # logged
    counted: bool  # in the plan's planned hours (not skipped)
    done: bool


@dataclass(frozen=True)
class TimeSpent:
    planned: int  # the hours of every item not skipped
    spent: Decimal  # every hour logged, skipped items' too
    done_planned: int  # the planned hours of the items done
    done_spent: Decimal  # the hours logged on the items done

    @property
    def spent_text(self) -> str:
        return format_hours(self.spent)

    @property
    def done_spent_text(self) -> str:
        return format_hours(self.done_spent)


def time_spent(items: Sequence[ItemTime]) -> TimeSpent:
    return TimeSpent(
        planned=sum(item.hours for item in items if item.counted),
        spent=sum((item.spent for item in items), ZERO),
        done_planned=sum(item.hours for item in items if item.done),
        done_spent=sum((item.spent for item in items if item.done), ZERO),
    )
