"""The digest's choice of content, from plain data and an injected "today"."""

from __future__ import annotations

from datetime import date, timedelta

from credentials.digest import CredentialDates, PlanWeek, choose
from credentials.renewals import Standing, State

TODAY = date(2026, 12, 7)


def standing(state: State, expires_in: int, window_in: int | None = None) -> Standing:
    window = TODAY + timedelta(days=window_in) if window_in is not None else None
    return Standing(state, TODAY + timedelta(days=expires_in), window, None, expires_in)


def plan(items=("Read the guide",), behind=0) -> PlanWeek:
    return PlanWeek("Google PMLE", "/plans/1/", tuple(items), behind)


def test_nothing_to_say_means_no_digest():
    quiet_plan = plan(items=(), behind=0)
    valid = CredentialDates("AWS", standing(State.VALID, 400, window_in=300))

    assert choose([quiet_plan], [valid], TODAY) is None
    assert choose([], [], TODAY) is None


def test_a_plan_with_items_this_week_or_behind_is_included():
    busy, behind, quiet = plan(), plan(items=(), behind=6), plan(items=())

    digest = choose([busy, behind, quiet], [], TODAY)

    assert digest.plans == (busy, behind)


def test_a_plan_behind_by_one_hour_with_nothing_open_is_included():
    behind = plan(items=(), behind=1)

    digest = choose([behind], [], TODAY)

    assert digest.plans == (behind,)


def test_windows_opening_in_the_coming_seven_days_today_included():
    opens_today = CredentialDates("A", standing(State.WINDOW_OPEN, 60, window_in=0))
    opens_day_6 = CredentialDates("B", standing(State.VALID, 66, window_in=6))
    opens_day_7 = CredentialDates("C", standing(State.VALID, 67, window_in=7))
    opened_yesterday = CredentialDates("D", standing(State.WINDOW_OPEN, 59, window_in=-1))

    digest = choose([], [opens_today, opens_day_6, opens_day_7, opened_yesterday], TODAY)

    assert [c.name for c in digest.windows_opening] == ["A", "B"]
    assert digest.expiring == ()


def test_credentials_expiring_within_30_days_but_not_expired():
    expiring = CredentialDates("A", standing(State.EXPIRING, 30))
    expired = CredentialDates("B", standing(State.EXPIRED, 0))
    later = CredentialDates("C", standing(State.VALID, 31))

    digest = choose([], [expiring, expired, later], TODAY)

    assert digest.expiring == (expiring,)
    assert digest.line_count == 1
