"""What goes into a person's weekly digest: plain data in, a choice out, no database.

A digest says, for the week starting `today`:

- each active plan with open items this week (to do or in progress), and how far behind it is
  ("behind by N h"); a plan on track with nothing open this week is left out;
- each credential whose renewal window opens within the next 7 days (today included), so
  weekly digests cover every opening day once;
- each credential that expires within 30 days and has not expired yet.

When none of these has anything, there is no digest: nothing is sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from credentials.renewals import Standing, State

WEEK = timedelta(days=7)


@dataclass(frozen=True)
class PlanWeek:
    name: str
    url: str
    open_items: tuple[str, ...]  # titles of this week's items not yet done or skipped
    hours_behind: int


@dataclass(frozen=True)
class CredentialDates:
    name: str
    standing: Standing


@dataclass(frozen=True)
class Digest:
    plans: tuple[PlanWeek, ...]
    windows_opening: tuple[CredentialDates, ...]
    expiring: tuple[CredentialDates, ...]

    @property
    def line_count(self) -> int:
        return len(self.plans) + len(self.windows_opening) + len(self.expiring)


def choose(
    plans: Sequence[PlanWeek], credentials: Sequence[CredentialDates], today: date
) -> Digest | None:
    chosen_plans = tuple(p for p in plans if p.open_items or p.hours_behind > 0)
    opening = tuple(
        c
        for c in credentials
        if c.standing.window_opens_on is not None
        and today <= c.standing.window_opens_on < today + WEEK
        and c.standing.state != State.EXPIRED
    )
    expiring = tuple(c for c in credentials if c.standing.state == State.EXPIRING)
    digest = Digest(chosen_plans, opening, expiring)
    return digest if digest.line_count else None
