"""A certification's facts as rows (catalog/facts.py), without the page: which rows a doubted
figure flags, how each figure reads, and whether the domain weights account for the exam."""

from __future__ import annotations

from datetime import date

import pytest

from catalog.facts import domain_weights, facts, retirement_date_unconfirmed, unconfirmed_labels
from catalog.models import ExamDomain, Status

FACT_LABELS = [
    "Provider",
    "Exam code",
    "Level",
    "Focus",
    "Format",
    "Cost",
    "Duration",
    "Questions",
    "Passing score",
    "Languages",
    "Delivery",
    "Valid for",
    "Renewal",
    "Cost over 3 years",
    "Recommended experience",
    "Prerequisites",
]


@pytest.mark.parametrize(
    ("name", "flagged"),
    [
        ("exam_code", {"Exam code"}),
        ("level", {"Level"}),
        ("focus", {"Focus"}),
        ("exam_format", {"Format"}),
        ("cost_usd", {"Cost", "Cost over 3 years"}),
        ("duration_minutes", {"Duration"}),
        ("question_count", {"Questions"}),
        ("passing_score", {"Passing score"}),
        ("languages", {"Languages"}),
        ("delivery", {"Delivery"}),
        ("validity_months", {"Valid for", "Cost over 3 years"}),
        ("renewal", {"Renewal", "Cost over 3 years"}),
        ("recommended_years", {"Recommended experience"}),
        ("recommended_experience", {"Recommended experience"}),
        ("prerequisites", {"Prerequisites"}),
        ("domains", set()),
    ],
)
def test_a_figure_not_yet_confirmed_flags_its_own_rows_only(make_certifications, name, flagged):
    [certification] = make_certifications(1, needs_review=[name])

    rows = facts(certification)

    assert [row.label for row in rows] == FACT_LABELS
    assert {row.label for row in rows if row.unconfirmed} == flagged


def test_facts_read_as_a_person_reads_them(make_certifications):
    [certification] = make_certifications(
        1,
        cost_usd=150,
        cost_note="Varies by country.",
        duration_minutes=90,
        validity_months=1,
        recommended_years=1,
    )

    rows = {row.label: row for row in facts(certification)}

    assert rows["Provider"].value == "Acme Learning"
    assert rows["Cost"].value == "US$150"
    assert rows["Cost"].note == "Varies by country."
    assert rows["Cost"].main_source == ("https://example.com/acme", certification.source_kind)
    assert {label for label, row in rows.items() if row.note or row.main_source} == {"Cost"}
    assert rows["Duration"].value == "90 min"
    assert rows["Valid for"].value == "1 month"
    assert rows["Recommended experience"].value == "1 year"
    assert not any(row.unconfirmed for row in rows.values())


@pytest.mark.parametrize(
    ("fields", "label", "value"),
    [
        ({"cost_usd": 0}, "Cost", "Free"),
        ({"cost_usd": None}, "Cost", ""),
        ({"duration_minutes": None}, "Duration", ""),
        ({"validity_months": 24}, "Valid for", "24 months"),
        ({"validity_months": None, "renewal_kind": "unknown"}, "Valid for", ""),
        ({"renewal_kind": "no-expiry", "validity_months": None}, "Valid for", "Does not expire"),
        ({"recommended_years": 3}, "Recommended experience", "3 years"),
        ({"recommended_years": None}, "Recommended experience", ""),
        (
            {"recommended_years": 2, "recommended_experience": "Two years of Python"},
            "Recommended experience",
            "Two years of Python",
        ),
    ],
)
def test_each_figure_reads_in_words(make_certifications, fields, label, value):
    [certification] = make_certifications(1, **fields)

    rows = {row.label: row.value for row in facts(certification)}

    assert rows[label] == value


@pytest.mark.parametrize(
    ("weights", "complete", "statement"),
    [
        ([60, 39], True, ""),
        ([60, 41], True, ""),
        ([60, 38], False, "2 of 2 domain weights published"),
        ([60, 42], False, "2 of 2 domain weights published"),
        ([60, None], False, "1 of 2 domain weights published"),
        ([100, None], False, "1 of 2 domain weights published"),
        ([None], False, "0 of 1 domain weight published"),
        ([], False, ""),
    ],
)
def test_domain_weights_add_up_to_100_give_or_take_one(weights, complete, statement):
    domains = [ExamDomain(name=f"Domain {n}", weight=weight) for n, weight in enumerate(weights)]

    result = domain_weights(domains)

    assert (result.total, result.complete, result.statement) == (
        len(weights),
        complete,
        statement,
    )


def test_a_weight_range_counts_as_published():
    domains = [ExamDomain(name="A", weight=None, weight_min=20, weight_max=30)]

    assert domain_weights(domains).statement == "1 of 1 domain weight published"


@pytest.mark.parametrize(
    ("name", "word"),
    [
        ("domains", "exam domains"),
        ("successors", "successors"),
        ("status_date", "retirement date"),
        ("cost_usd", "cost"),
        ("duration_minutes", "duration"),
        ("validity_months", "validity"),
        ("renewal", "renewal rule"),
        ("question_count", "number of questions"),
        ("passing_score", "passing score"),
        ("made_up_field", "made up field"),
    ],
)
def test_figures_not_yet_confirmed_are_named_in_words(make_certifications, name, word):
    [certification] = make_certifications(1, needs_review=[name])

    assert unconfirmed_labels(certification) == [word]
    assert not retirement_date_unconfirmed(certification)


@pytest.mark.parametrize("status", [Status.RETIRING, Status.RETIRED])
def test_a_doubted_retirement_date_is_left_to_the_banner(make_certifications, status):
    [certification] = make_certifications(
        1, status=status, status_date=date(2027, 1, 1), needs_review=["status_date", "cost_usd"]
    )

    assert unconfirmed_labels(certification) == ["cost"]
    assert retirement_date_unconfirmed(certification)


def test_several_figures_not_yet_confirmed_are_all_named_in_order(make_certifications):
    [certification] = make_certifications(
        1, needs_review=["cost_usd", "passing_score", "validity_months", "made_up_field"]
    )

    assert unconfirmed_labels(certification) == [
        "cost",
        "passing score",
        "validity",
        "made up field",
    ]
