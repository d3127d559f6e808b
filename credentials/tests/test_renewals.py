"""Expiry, renewal windows and state from an injected "today", under every renewal rule in the
curated catalog, with the dates worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from catalog.models import RenewalKind, RenewalRule
from credentials.renewals import Held, State, add_months, expiry, standing

SOURCE = "https://example.com/renewal"
# Google Professional ML Engineer: valid 24 months, re-take from 60 days before expiry and up to
# 30 days after it.
GOOGLE = RenewalRule(
    RenewalKind.RETAKE, 24, window_days_before_expiry=60, grace_days_after_expiry=30,
    cost_usd=100, extends_months=24, source_url=SOURCE,
)  # fmt: skip
# AWS: valid 36 months, re-take; no window published.
AWS = RenewalRule(RenewalKind.RETAKE, 36, grace_days_after_expiry=0, source_url=SOURCE)
# Microsoft associates: valid 12 months, free online renewal from 180 days before expiry.
MICROSOFT = RenewalRule(
    RenewalKind.ONLINE_ASSESSMENT, 12, window_days_before_expiry=180, grace_days_after_expiry=0,
    cost_usd=0, extends_months=12, source_url=SOURCE,
)  # fmt: skip
# IAPP AIGP: 24 months, continuing-education credits; no window published.
IAPP = RenewalRule(
    RenewalKind.CONTINUING_EDUCATION, 24, extends_months=24, credits=20, source_url=SOURCE
)
FIXED = RenewalRule(RenewalKind.FIXED_TERM, 6, source_url=SOURCE)
NEVER = RenewalRule(RenewalKind.NO_EXPIRY, None, source_url=SOURCE)
UNKNOWN = RenewalRule(RenewalKind.UNKNOWN, None)
RETAKE_VALIDITY_UNPUBLISHED = RenewalRule(RenewalKind.RETAKE, None, source_url=SOURCE)

EARNED = date(2026, 3, 10)


def test_google_expires_two_years_on_and_opens_60_days_before():
    s = standing(Held(EARNED, GOOGLE), today=date(2026, 6, 1))

    assert s.expires_on == date(2028, 3, 10)
    assert s.window_opens_on == date(2028, 1, 10)  # 60 days before 10 March 2028 (leap year)
    assert s.renewable_until == date(2028, 4, 9)  # 30 days after expiry
    assert s.state == State.VALID


def test_the_window_opens_on_its_first_day_and_not_the_day_before():
    held = Held(EARNED, GOOGLE)

    assert standing(held, date(2028, 1, 9)).state == State.VALID
    assert standing(held, date(2028, 1, 10)).state == State.WINDOW_OPEN


def test_exactly_30_days_left_is_expiring_and_31_is_not():
    held = Held(EARNED, GOOGLE)  # expires 10 March 2028

    at_31 = standing(held, date(2028, 2, 8))
    at_30 = standing(held, date(2028, 2, 9))

    assert (at_31.days_left, at_31.state) == (31, State.WINDOW_OPEN)
    assert (at_30.days_left, at_30.state) == (30, State.EXPIRING)


def test_the_day_before_expiry_is_expiring_and_the_expiry_day_is_expired():
    held = Held(EARNED, GOOGLE)

    assert standing(held, date(2028, 3, 9)).state == State.EXPIRING
    assert standing(held, date(2028, 3, 10)).state == State.EXPIRED


def test_a_retake_restarts_the_clock_from_the_retake():
    held = Held(EARNED, GOOGLE, renewed_on=date(2028, 2, 1))

    assert expiry(held) == date(2030, 2, 1)


def test_a_retake_with_no_window_published_has_no_window_open_state():
    held = Held(EARNED, AWS)  # expires 10 March 2029

    assert standing(held, date(2029, 2, 7)).state == State.VALID  # 31 days left
    assert standing(held, date(2029, 2, 8)).state == State.EXPIRING
    assert standing(held, date(2029, 2, 8)).window_opens_on is None
    assert standing(held, date(2029, 2, 8)).renewable_until == date(2029, 3, 9)


def test_microsoft_renewal_opens_180_days_before_expiry():
    held = Held(EARNED, MICROSOFT)  # expires 10 March 2027

    s = standing(held, date(2026, 9, 11))
    assert s.window_opens_on == date(2026, 9, 11)
    assert s.state == State.WINDOW_OPEN
    assert standing(held, date(2026, 9, 10)).state == State.VALID


def test_an_online_renewal_extends_the_expiry_it_came_before_not_the_renewal_day():
    held = Held(EARNED, MICROSOFT, renewed_on=date(2026, 12, 1))

    assert expiry(held) == date(2028, 3, 10)


def test_an_online_renewal_in_the_second_year_extends_the_second_expiry():
    held = Held(EARNED, MICROSOFT, renewed_on=date(2027, 12, 1))

    assert expiry(held) == date(2029, 3, 10)


def test_an_online_renewal_in_the_third_year_extends_the_third_expiry():
    # Expiries on 10 March 2027 and 2028 have passed; the next is 10 March 2029.
    held = Held(EARNED, MICROSOFT, renewed_on=date(2028, 6, 1))

    assert expiry(held) == date(2030, 3, 10)


GRACE_10_DAYS = RenewalRule(
    RenewalKind.ONLINE_ASSESSMENT, 12, grace_days_after_expiry=10, extends_months=12,
    source_url=SOURCE,
)  # fmt: skip


def test_a_renewal_on_the_last_day_of_grace_extends_the_expiry_it_followed():
    # The first expiry is 10 March 2027; 10 days of grace run to 20 March.
    held = Held(EARNED, GRACE_10_DAYS, renewed_on=date(2027, 3, 20))

    assert expiry(held) == date(2028, 3, 10)


def test_a_renewal_the_day_after_grace_extends_the_next_expiry():
    held = Held(EARNED, GRACE_10_DAYS, renewed_on=date(2027, 3, 21))

    assert expiry(held) == date(2029, 3, 10)


def test_without_grace_a_renewal_on_the_expiry_day_counts_and_the_day_after_is_late():
    # IAPP publishes no grace: the first expiry is 10 March 2028.
    on_the_day = Held(EARNED, IAPP, renewed_on=date(2028, 3, 10))
    a_day_late = Held(EARNED, IAPP, renewed_on=date(2028, 3, 11))

    assert expiry(on_the_day) == date(2030, 3, 10)
    assert expiry(a_day_late) == date(2032, 3, 10)


def test_continuing_education_runs_two_years_without_a_window():
    held = Held(EARNED, IAPP)

    s = standing(held, date(2027, 12, 1))
    assert (s.expires_on, s.window_opens_on, s.state) == (date(2028, 3, 10), None, State.VALID)
    assert expiry(Held(EARNED, IAPP, renewed_on=date(2028, 1, 5))) == date(2030, 3, 10)


def test_a_fixed_term_ends_and_a_recorded_renewal_changes_nothing():
    held = Held(EARNED, FIXED, renewed_on=date(2026, 8, 1))

    s = standing(held, date(2026, 9, 10))
    assert s.expires_on == date(2026, 9, 10)
    assert s.state == State.EXPIRED
    assert s.renewable_until is None


def test_a_credential_that_never_expires():
    s = standing(Held(EARNED, NEVER), date(2040, 1, 1))

    assert (s.state, s.expires_on, s.label) == (State.NO_EXPIRY, None, "No expiry")


@pytest.mark.parametrize("rule", [UNKNOWN, RETAKE_VALIDITY_UNPUBLISHED])
def test_an_unpublished_validity_gives_an_unknown_expiry(rule):
    s = standing(Held(EARNED, rule), date(2027, 1, 1))

    assert (s.state, s.expires_on, s.label) == (State.UNKNOWN, None, "Expiry not published")


def test_a_credential_the_catalog_lacks_expires_when_its_holder_says():
    held = Held(EARNED, None, expires_on=date(2027, 1, 1))

    assert standing(held, date(2026, 12, 2)).state == State.EXPIRING
    assert standing(Held(EARNED, None), date(2026, 12, 2)).state == State.NO_EXPIRY


@pytest.mark.parametrize(
    ("day", "months", "result"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 11, 15), 2, date(2027, 1, 15)),
    ],
)
def test_months_are_added_to_the_calendar(day, months, result):
    assert add_months(day, months) == result


@pytest.mark.parametrize(
    ("rule", "today", "label"),
    [
        (GOOGLE, date(2026, 6, 1), "Valid"),
        (GOOGLE, date(2028, 1, 20), "Renewal window open"),  # 50 days left, window of 60
        (GOOGLE, date(2028, 2, 20), "Expires within 30 days"),
        (GOOGLE, date(2028, 3, 10), "Expired"),
        (NEVER, date(2028, 3, 10), "No expiry"),
        (UNKNOWN, date(2028, 3, 10), "Expiry not published"),
    ],
)
def test_each_state_reads_as_its_label(rule, today, label):
    assert standing(Held(EARNED, rule), today=today).label == label
