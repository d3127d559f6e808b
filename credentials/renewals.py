"""When a credential expires, when its renewal window opens, and where it stands on a given day:
plain functions over the catalog's typed renewal rule, with `today` always passed in.

The rules:

- A credential expires `validity_months` after it was earned (the same day of the month, or the
  month's last day when that month is shorter). A rule that never expires has no expiry; one
  whose validity is not published has an expiry that is not known.
- A re-take restarts the clock: after a renewal on day R it expires `months_added` after R.
- An online assessment or continuing education extends the current expiry: a renewal on day R
  moves the expiry that R fell before (or within its grace days after) on by `months_added`.
- A fixed term is not renewed: a recorded renewal changes nothing.
- A credential the catalog does not list expires on the date its holder gave, if any.
- The expiry day is the first day it is no longer valid (pages show the day before as "valid
  until"). On a day `d`: expired when d >= expiry; expiring when at most 30 days are left;
  window open from `window_days_before_expiry` days before expiry (that day included); valid
  otherwise.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from catalog.models import RenewalKind, RenewalRule

EXPIRING_DAYS = 30


class State(StrEnum):
    VALID = "valid"
    WINDOW_OPEN = "window-open"
    EXPIRING = "expiring"
    EXPIRED = "expired"
    NO_EXPIRY = "no-expiry"
    UNKNOWN = "unknown"


LABELS = {
    State.VALID: "Valid",
    State.WINDOW_OPEN: "Renewal window open",
    State.EXPIRING: "Expires within 30 days",
    State.EXPIRED: "Expired",
    State.NO_EXPIRY: "No expiry",
    State.UNKNOWN: "Expiry not published",
}


@dataclass(frozen=True)
class Held:
    """A credential as plain data: when it was earned, under which rule (None: not in the
    catalog), when it was last renewed and, for one the catalog lacks, its given expiry."""

    earned_on: date
    rule: RenewalRule | None
    renewed_on: date | None = None
    expires_on: date | None = None


@dataclass(frozen=True)
class Standing:
    state: State
    expires_on: date | None
    window_opens_on: date | None  # None: no window, or not published
    renewable_until: date | None  # the last day a renewal is still accepted, where published
    days_left: int | None

    @property
    def label(self) -> str:
        return LABELS[self.state]

    @property
    def valid_until(self) -> date | None:
        """The last day it is valid."""
        return last_valid_day(self.expires_on) if self.expires_on else None


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def last_valid_day(expires_on: date) -> date:
    return expires_on - timedelta(days=1)


def expiry(held: Held) -> date | None:
    rule = held.rule
    if rule is None:
        return held.expires_on
    if rule.kind in (RenewalKind.NO_EXPIRY, RenewalKind.UNKNOWN) or not rule.validity_months:
        return None
    first = add_months(held.earned_on, rule.validity_months)
    added = rule.months_added
    if held.renewed_on is None or not rule.is_renewable or not added:
        return first
    if rule.kind == RenewalKind.RETAKE:
        return add_months(held.renewed_on, added)
    grace = timedelta(days=rule.grace_days_after_expiry or 0)
    current, cycles = first, 0
    while current + grace < held.renewed_on:
        cycles += 1
        current = add_months(held.earned_on, rule.validity_months + cycles * added)
    return add_months(held.earned_on, rule.validity_months + (cycles + 1) * added)


def standing(held: Held, today: date) -> Standing:
    expires_on = expiry(held)
    rule = held.rule
    if expires_on is None:
        no_expiry = (rule is None and held.expires_on is None) or (
            rule is not None and rule.kind == RenewalKind.NO_EXPIRY
        )
        return Standing(State.NO_EXPIRY if no_expiry else State.UNKNOWN, None, None, None, None)
    renewable = rule is not None and rule.is_renewable
    window = rule.window_days_before_expiry if renewable else None
    window_opens_on = expires_on - timedelta(days=window) if window is not None else None
    renewable_until = None
    if renewable and rule.grace_days_after_expiry is not None:
        grace = rule.grace_days_after_expiry
        renewable_until = (
            expires_on + timedelta(days=grace) if grace else last_valid_day(expires_on)
        )
    days_left = (expires_on - today).days
    if days_left <= 0:
        state = State.EXPIRED
    elif days_left <= EXPIRING_DAYS:
        state = State.EXPIRING
    elif window_opens_on is not None and today >= window_opens_on:
        state = State.WINDOW_OPEN
    else:
        state = State.VALID
    return Standing(state, expires_on, window_opens_on, renewable_until, days_left)
