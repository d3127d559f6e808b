"""The three-year cost of holding a certification: one case per renewal rule in the curated
catalog, with the figures worked out by hand from the rule and the fee."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalog.costs import renewals_within, three_year_cost
from catalog.models import RenewalKind, RenewalRule

CATALOG_FILE = Path(__file__).resolve().parents[1] / "data" / "catalog.json"
SOURCE = "https://example.com/renewal"


def rule(kind: str, validity: int | None, **extra) -> RenewalRule:
    return RenewalRule(kind=kind, validity_months=validity, source_url=SOURCE, **extra)


def test_every_renewal_kind_in_the_catalog_has_a_case_here():
    data = json.loads(CATALOG_FILE.read_text())
    kinds = {c["renewal"]["kind"] for c in data["certifications"]}
    assert kinds <= {
        RenewalKind.RETAKE,
        RenewalKind.ONLINE_ASSESSMENT,
        RenewalKind.CONTINUING_EDUCATION,
        RenewalKind.NO_EXPIRY,
        RenewalKind.FIXED_TERM,
        RenewalKind.UNKNOWN,
    }


def test_a_retake_every_two_years_at_the_exam_fee_counts_one_retake():
    # Databricks: US$200, valid 24 months, renew by passing the exam again (fee not restated).
    cost = three_year_cost(rule(RenewalKind.RETAKE, 24), 200)

    assert cost.total_usd == 400
    assert cost.renewals == 1
    assert cost.text == "US$200 now, re-take every 2 years: US$400 over 3 years."


def test_a_retake_with_its_own_renewal_price_uses_that_price():
    # Google Professional ML Engineer: US$200, valid 24 months, recertification at US$100.
    cost = three_year_cost(rule(RenewalKind.RETAKE, 24, cost_usd=100, extends_months=24), 200)

    assert cost.total_usd == 300
    assert cost.text == "US$200 now, re-take every 2 years at US$100: US$300 over 3 years."


def test_a_retake_valid_three_years_needs_no_renewal_within_three_years():
    # AWS AI Practitioner: US$100, valid 36 months.
    cost = three_year_cost(rule(RenewalKind.RETAKE, 36), 100)

    assert (cost.total_usd, cost.renewals, cost.renewal_hours) == (100, 0, 0)
    assert cost.text == "US$100 now, valid 3 years: US$100 over 3 years."


def test_a_retake_without_a_published_validity_is_not_published():
    # NVIDIA Agentic AI Professional: US$200, validity not published.
    cost = three_year_cost(rule(RenewalKind.RETAKE, None), 200)

    assert cost.total_usd is None
    assert cost.text == "US$200 now; how long it stays valid is not published."


def test_a_free_yearly_online_renewal_costs_only_the_fee():
    # A Microsoft associate: valid 12 months, free online renewal adding 12 months; renewals
    # fall due at months 12 and 24.
    microsoft = rule(RenewalKind.ONLINE_ASSESSMENT, 12, cost_usd=0, extends_months=12)

    cost = three_year_cost(microsoft, 165)

    assert (cost.total_usd, cost.renewals) == (165, 2)
    assert cost.text == "US$165 now, free renewal yearly: US$165 over 3 years."


def test_a_free_yearly_renewal_with_an_unpublished_fee_says_so():
    # The Azure betas: fee not published, free yearly renewal.
    microsoft = rule(RenewalKind.ONLINE_ASSESSMENT, 12, cost_usd=0, extends_months=12)

    cost = three_year_cost(microsoft, None)

    assert cost.total_usd is None
    assert cost.text == "Exam fee not published, free renewal yearly."


def test_an_online_renewal_of_unpublished_cost_leaves_the_total_unpublished():
    # Salesforce Agentforce Specialist: US$200, valid 12 months, renewal cost not published.
    cost = three_year_cost(rule(RenewalKind.ONLINE_ASSESSMENT, 12), 200)

    assert cost.total_usd is None
    assert cost.renewals == 2
    assert cost.text == "US$200 now, online renewal yearly at a cost not published."


def test_renewal_effort_is_added_where_it_is_published():
    paid = rule(RenewalKind.ONLINE_ASSESSMENT, 12, cost_usd=50, effort_hours=3)

    cost = three_year_cost(paid, 100)

    assert (cost.total_usd, cost.renewal_hours) == (200, 6)
    assert cost.text == (
        "US$100 now, online renewal yearly at US$50 (about 6 h of renewal work): "
        "US$200 over 3 years."
    )


def test_continuing_education_of_unpublished_cost_is_not_published():
    # IAPP AIGP: US$799, valid 24 months, 20 credits per cycle, cost of the cycle not published.
    cost = three_year_cost(rule(RenewalKind.CONTINUING_EDUCATION, 24, credits=20), 799)

    assert cost.total_usd is None
    assert cost.text == (
        "US$799 now, 20 continuing-education credits every 2 years at a cost not published."
    )


def test_continuing_education_valid_three_years_is_the_fee():
    # CompTIA SecAI+: US$359, valid 36 months.
    cost = three_year_cost(rule(RenewalKind.CONTINUING_EDUCATION, 36), 359)

    assert cost.total_usd == 359
    assert cost.text == "US$359 now, valid 3 years: US$359 over 3 years."


def test_a_credential_that_never_expires_costs_its_fee_once():
    cost = three_year_cost(rule(RenewalKind.NO_EXPIRY, None), 99)

    assert (cost.total_usd, cost.renewals) == (99, 0)
    assert cost.text == "US$99 now, never expires: US$99 over 3 years."


def test_a_credential_that_never_expires_with_an_unpublished_fee():
    # Azure AI Fundamentals: the fee was not confirmed.
    cost = three_year_cost(rule(RenewalKind.NO_EXPIRY, None), None)

    assert (cost.total_usd, cost.renewals, cost.renewal_hours) == (None, 0, None)
    assert cost.text == "Exam fee not published; it does not expire."


def test_a_short_fixed_term_says_it_cannot_be_renewed():
    # Anthropic's foundations credential: US$99, valid 6 months, no renewal.
    cost = three_year_cost(rule(RenewalKind.FIXED_TERM, 6), 99)

    assert cost.total_usd == 99
    assert cost.text == "US$99 now, valid 6 months only, with no renewal: US$99 over 3 years."


def test_an_unknown_rule_is_not_published():
    # The retired TensorFlow Developer Certificate.
    cost = three_year_cost(RenewalRule(kind=RenewalKind.UNKNOWN, validity_months=None), 100)

    assert cost.total_usd is None
    assert cost.text == "Not published: the renewal rule is not known."


@pytest.mark.parametrize(
    ("validity", "added", "renewals"),
    [(12, 12, 2), (24, 24, 1), (36, 36, 0), (35, 12, 1), (6, 6, 5), (37, 12, 0)],
)
def test_renewals_fall_due_at_each_expiry_inside_three_years(validity, added, renewals):
    assert renewals_within(validity, added) == renewals


@pytest.mark.parametrize(
    ("validity", "added", "horizon", "renewals"),
    [(12, 12, 13, 1), (12, 12, 12, 0), (1, 1, 36, 35), (6, 1, 36, 30)],
)
def test_the_horizon_counts_expiries_strictly_inside_it(validity, added, horizon, renewals):
    assert renewals_within(validity, added, horizon) == renewals


@pytest.mark.parametrize(("validity", "added"), [(0, 12), (12, 0), (-1, 12), (12, -1)])
def test_a_rule_that_adds_no_month_is_refused(validity, added):
    with pytest.raises(ValueError, match=r"^A validity and a renewal must add at least a month\.$"):
        renewals_within(validity, added)


def test_a_free_exam_with_a_free_renewal_reads_free():
    cost = three_year_cost(
        rule(RenewalKind.ONLINE_ASSESSMENT, 12, cost_usd=0, extends_months=12), 0
    )

    assert (cost.total_usd, cost.renewals, cost.renewal_hours) == (0, 2, None)
    assert cost.total_text == "Free"
    assert cost.text == "Free to sit, free renewal yearly: free over 3 years."


def test_a_total_reads_in_dollars_with_thousands_separated():
    cost = three_year_cost(rule(RenewalKind.RETAKE, 24, cost_usd=600), 1500)

    assert cost.total_usd == 2100
    assert cost.total_text == "US$2,100"
    assert cost.text == "US$1,500 now, re-take every 2 years at US$600: US$2,100 over 3 years."


def test_an_unpublished_total_reads_not_published_on_a_card():
    cost = three_year_cost(rule(RenewalKind.RETAKE, None), 200)

    assert not cost.is_known
    assert cost.total_text == "not published"


def test_a_retake_priced_as_the_exam_does_not_restate_the_price():
    cost = three_year_cost(rule(RenewalKind.RETAKE, 12, cost_usd=150), 150)

    assert (cost.total_usd, cost.renewals) == (450, 2)
    assert cost.is_known
    assert cost.text == "US$150 now, re-take yearly: US$450 over 3 years."


def test_a_retake_with_neither_fee_published_is_not_published():
    cost = three_year_cost(rule(RenewalKind.RETAKE, 24), None)

    assert (cost.total_usd, cost.renewals, cost.renewal_hours) == (None, 1, None)
    assert cost.text == "Exam fee not published, re-take every 2 years at a fee not published."


def test_a_monthly_online_renewal_counts_every_month_after_the_first_term():
    # Valid 6 months, then each renewal adds one: expiries at months 6, 7, …, 35.
    cost = three_year_cost(
        rule(RenewalKind.ONLINE_ASSESSMENT, 6, cost_usd=25, extends_months=1), 10
    )

    assert (cost.total_usd, cost.renewals) == (760, 30)
    assert cost.text == "US$10 now, online renewal every month at US$25: US$760 over 3 years."


def test_a_renewal_every_eighteen_months_reads_in_months():
    cost = three_year_cost(rule(RenewalKind.ONLINE_ASSESSMENT, 18, cost_usd=40), 100)

    assert (cost.total_usd, cost.renewals) == (140, 1)
    assert cost.text == "US$100 now, online renewal every 18 months at US$40: US$140 over 3 years."


def test_published_renewal_effort_of_no_hours_is_not_mentioned():
    cost = three_year_cost(rule(RenewalKind.ONLINE_ASSESSMENT, 12, cost_usd=0, effort_hours=0), 80)

    assert cost.renewal_hours == 0
    assert cost.text == "US$80 now, free renewal yearly: US$80 over 3 years."


def test_continuing_education_with_credits_and_a_price_adds_the_cycles():
    cost = three_year_cost(
        rule(RenewalKind.CONTINUING_EDUCATION, 24, credits=40, cost_usd=125, effort_hours=20),
        300,
    )

    assert (cost.total_usd, cost.renewals, cost.renewal_hours) == (425, 1, 20)
    assert cost.text == (
        "US$300 now, 40 continuing-education credits every 2 years at US$125 "
        "(about 20 h of renewal work): US$425 over 3 years."
    )


def test_free_continuing_education_without_credits_costs_only_the_fee():
    cost = three_year_cost(rule(RenewalKind.CONTINUING_EDUCATION, 12, cost_usd=0), 150)

    assert (cost.total_usd, cost.renewals) == (150, 2)
    assert cost.text == "US$150 now, continuing education yearly, free: US$150 over 3 years."


def test_continuing_education_of_unpublished_cost_without_credits_says_so():
    cost = three_year_cost(rule(RenewalKind.CONTINUING_EDUCATION, 12), 150)

    assert (cost.total_usd, cost.renewals) == (None, 2)
    assert cost.text == "US$150 now, continuing education yearly at a cost not published."


def test_no_renewal_within_three_years_with_an_unpublished_fee():
    cost = three_year_cost(rule(RenewalKind.RETAKE, 36, effort_hours=5), None)

    assert (cost.total_usd, cost.renewals, cost.renewal_hours) == (None, 0, 0)
    assert cost.text == "Exam fee not published; valid 3 years."


def test_a_first_renewal_one_month_before_three_years_is_counted():
    cost = three_year_cost(rule(RenewalKind.RETAKE, 35, cost_usd=50), 100)

    assert (cost.total_usd, cost.renewals) == (150, 1)
    assert cost.text == "US$100 now, re-take every 35 months at US$50: US$150 over 3 years."


@pytest.mark.parametrize(
    ("validity", "lasting"),
    [
        (1, "valid 1 month only, with no renewal"),
        (12, "valid 1 year only, with no renewal"),
        (35, "valid 35 months only, with no renewal"),
        (36, "valid 3 years"),
        (48, "valid 4 years"),
        (None, "valid for a term not published, with no renewal"),
    ],
)
def test_a_fixed_term_says_how_long_it_lasts(validity, lasting):
    cost = three_year_cost(rule(RenewalKind.FIXED_TERM, validity), 99)

    assert (cost.total_usd, cost.renewals, cost.renewal_hours) == (99, 0, None)
    assert cost.text == f"US$99 now, {lasting}: US$99 over 3 years."


def test_a_fixed_term_with_an_unpublished_fee_is_not_published():
    cost = three_year_cost(rule(RenewalKind.FIXED_TERM, 12), None)

    assert (cost.total_usd, cost.renewals, cost.renewal_hours) == (None, 0, None)
    assert cost.text == "Exam fee not published; valid 1 year only, with no renewal."


def test_a_free_credential_that_never_expires():
    cost = three_year_cost(rule(RenewalKind.NO_EXPIRY, None), 0)

    assert (cost.total_usd, cost.renewals, cost.renewal_hours) == (0, 0, None)
    assert cost.text == "Free to sit, never expires: free over 3 years."


def test_an_unknown_rule_publishes_no_figure():
    cost = three_year_cost(RenewalRule(kind=RenewalKind.UNKNOWN, validity_months=None), 100)

    assert (cost.renewals, cost.renewal_hours) == (None, None)


def test_a_total_of_one_dollar_is_not_free():
    cost = three_year_cost(rule(RenewalKind.NO_EXPIRY, None), 1)

    assert cost.total_text == "US$1"
    assert cost.text == "US$1 now, never expires: US$1 over 3 years."


def test_renewal_effort_is_counted_when_the_total_is_not_published():
    cost = three_year_cost(rule(RenewalKind.ONLINE_ASSESSMENT, 12, effort_hours=2), 200)

    assert (cost.total_usd, cost.renewals, cost.renewal_hours) == (None, 2, 4)
    assert cost.text == (
        "US$200 now, online renewal yearly at a cost not published (about 4 h of renewal work)."
    )
