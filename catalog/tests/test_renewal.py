"""Renewal rules as data: what contradicts itself is refused, and the page says it in words."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from catalog.models import Certification, RenewalKind, RenewalRule, Status, renewal_problems
from catalog.renewal import summary

MICROSOFT = RenewalRule(
    kind=RenewalKind.ONLINE_ASSESSMENT,
    validity_months=12,
    window_days_before_expiry=180,
    grace_days_after_expiry=0,
    cost_usd=0,
    extends_months=12,
    source_url="https://learn.microsoft.com/",
)
GOOGLE = RenewalRule(
    kind=RenewalKind.RETAKE,
    validity_months=24,
    window_days_before_expiry=60,
    grace_days_after_expiry=30,
    cost_usd=100,
    source_url="https://support.google.com/",
)


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        (
            MICROSOFT,
            "Pass an online renewal assessment, from 180 days before expiry; free; "
            "each renewal adds 1 year.",
        ),
        (
            GOOGLE,
            "Pass the current exam again, from 60 days before expiry, up to 30 days after it; "
            "US$100 each time; each renewal adds 2 years.",
        ),
        (
            RenewalRule(kind=RenewalKind.CONTINUING_EDUCATION, validity_months=36, credits=120),
            "Earn 120 continuing-education credits; each renewal adds 3 years.",
        ),
        (RenewalRule(kind=RenewalKind.NO_EXPIRY, validity_months=None), "Does not expire."),
        (
            RenewalRule(kind=RenewalKind.FIXED_TERM, validity_months=None),
            "Valid for a fixed term not published, with no way to renew; earn the newer "
            "credential instead.",
        ),
        (
            RenewalRule(kind=RenewalKind.RETAKE, validity_months=None, source_url="https://x"),
            "Pass the current exam again.",
        ),
        (
            RenewalRule(kind=RenewalKind.FIXED_TERM, validity_months=36),
            "Valid for 3 years, with no way to renew; earn the newer credential instead.",
        ),
        (
            RenewalRule(kind=RenewalKind.UNKNOWN, validity_months=None),
            "The renewal rule is no longer published.",
        ),
        (
            RenewalRule(
                kind=RenewalKind.CONTINUING_EDUCATION,
                validity_months=24,
                window_days_before_expiry=1,
                grace_days_after_expiry=1,
                cost_usd=50,
                extends_months=1,
            ),
            "Earn continuing-education credits, from 1 day before expiry, up to 1 day after it; "
            "US$50 each time; each renewal adds 1 month.",
        ),
        (
            RenewalRule(kind=RenewalKind.ONLINE_ASSESSMENT, validity_months=18, credits=10),
            "Pass an online renewal assessment; each renewal adds 18 months.",
        ),
        (
            RenewalRule(kind=RenewalKind.FIXED_TERM, validity_months=1),
            "Valid for 1 month, with no way to renew; earn the newer credential instead.",
        ),
        (
            RenewalRule(kind=RenewalKind.FIXED_TERM, validity_months=2),
            "Valid for 2 months, with no way to renew; earn the newer credential instead.",
        ),
    ],
    ids=[
        "online-assessment",
        "retake",
        "continuing-education",
        "no-expiry",
        "fixed-term-unpublished",
        "retake-unpublished",
        "fixed-term",
        "unknown",
        "continuing-education-without-credits",
        "credits-only-count-for-continuing-education",
        "one-month",
        "two-months",
    ],
)
def test_the_rule_in_words(rule, text):
    assert summary(rule) == text


def test_one_renewal_adds_the_validity_unless_it_says_otherwise():
    assert GOOGLE.months_added == 24
    assert MICROSOFT.months_added == 12
    assert RenewalRule(kind=RenewalKind.FIXED_TERM, validity_months=36).months_added is None


@pytest.mark.parametrize(
    ("rule", "status", "validity", "field"),
    [
        (RenewalRule(kind="unknown", validity_months=24), Status.ACTIVE, 24, "renewal_kind"),
        (
            RenewalRule(kind="no-expiry", validity_months=24, source_url="https://x.org"),
            Status.ACTIVE,
            24,
            "validity_months",
        ),
        (
            RenewalRule(
                kind="fixed-term",
                validity_months=36,
                window_days_before_expiry=90,
                source_url="https://x.org",
            ),
            Status.RETIRED,
            36,
            "renewal_window_days",
        ),
        (
            RenewalRule(kind="retake", validity_months=24, credits=20, source_url="https://x.org"),
            Status.ACTIVE,
            24,
            "renewal_credits",
        ),
        (RenewalRule(kind="retake", validity_months=24), Status.ACTIVE, 24, "renewal_source_url"),
    ],
    ids=[
        "unknown-while-active",
        "no-expiry-with-validity",
        "fixed-term-with-window",
        "credits-on-a-retake",
        "no-source",
    ],
)
def test_a_rule_that_contradicts_itself_is_refused(rule, status, validity, field):
    assert list(renewal_problems(rule, status, validity)) == [field]


def test_a_sound_rule_and_an_unknown_rule_of_a_retired_exam_pass():
    assert renewal_problems(MICROSOFT, Status.BETA, 12) == {}
    # A validity the provider has not published is unknown, not a contradiction.
    unpublished = RenewalRule(kind="retake", validity_months=None, source_url="https://x.org")
    assert renewal_problems(unpublished, Status.ACTIVE, None) == {}
    assert (
        renewal_problems(RenewalRule(kind="unknown", validity_months=None), Status.RETIRED, None)
        == {}
    )


def test_the_model_refuses_it_too(make_certifications):
    (cert,) = make_certifications(1)
    cert.renewal_kind = RenewalKind.NO_EXPIRY

    with pytest.raises(ValidationError) as error:
        cert.full_clean()

    assert error.value.message_dict == {
        "validity_months": ["A credential that does not expire has no validity period."]
    }
    assert Certification.objects.get(pk=cert.pk).renewal_kind == RenewalKind.RETAKE
