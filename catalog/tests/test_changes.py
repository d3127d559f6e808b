"""What a change means to a reader of "What changed in the catalog": a plain function."""

from __future__ import annotations

from datetime import date

import pytest

from catalog.changes import describe

BEFORE = {
    "name": "Acme ML Engineer",
    "exam_code": "AC-100",
    "status": "active",
    "status_date": None,
    "cost_usd": 150,
    "published": True,
}


def after(**changes) -> dict:
    return {**BEFORE, **changes}


def test_a_new_published_certification_is_news():
    (entry,) = describe(None, BEFORE)

    assert (entry.kind, entry.text) == (
        "new-exam",
        "Acme ML Engineer (AC-100) added to the catalog.",
    )


def test_a_new_beta_says_so():
    (entry,) = describe(None, after(status="beta", exam_code=""))

    assert entry.text == "Acme ML Engineer added to the catalog, in beta."


def test_publishing_an_unpublished_certification_is_news_and_unpublished_ones_never_are():
    assert [e.kind for e in describe(after(published=False), BEFORE)] == ["new-exam"]
    assert describe(None, after(published=False)) == []
    assert describe(BEFORE, after(published=False, cost_usd=99)) == []


@pytest.mark.parametrize(
    ("changes", "kind", "text"),
    [
        (
            {"status": "retiring", "status_date": date(2027, 1, 31)},
            "retirement",
            "Acme ML Engineer (AC-100) retires on 31 January 2027.",
        ),
        (
            {"status": "retired", "status_date": date(2026, 6, 30)},
            "retirement",
            "Acme ML Engineer (AC-100) retired on 30 June 2026.",
        ),
        ({"status": "beta"}, "status", "Acme ML Engineer (AC-100) is now in beta."),
        ({"cost_usd": 200}, "fee", "Acme ML Engineer (AC-100): fee changed from US$150 to US$200."),
        (
            {"cost_usd": None},
            "fee",
            "Acme ML Engineer (AC-100): the fee of US$150 is no longer published.",
        ),
        ({"cost_usd": 0}, "fee", "Acme ML Engineer (AC-100): fee changed from US$150 to free."),
    ],
    ids=["retiring", "retired", "beta", "fee", "fee-unpublished", "free"],
)
def test_each_change_a_reader_cares_about_is_one_entry(changes, kind, text):
    assert [(e.kind, e.text) for e in describe(BEFORE, after(**changes))] == [(kind, text)]


def test_leaving_beta_and_a_fee_change_at_once_are_two_entries():
    entries = describe(after(status="beta", cost_usd=None), after(cost_usd=165))

    assert [e.text for e in entries] == [
        "Acme ML Engineer (AC-100) is out of beta and generally available.",
        "Acme ML Engineer (AC-100): fee published, US$165.",
    ]


def test_a_moved_retirement_date_is_news_but_other_edits_are_not():
    retiring = after(status="retiring", status_date=date(2027, 1, 31))

    moved = describe(retiring, {**retiring, "status_date": date(2027, 3, 31)})

    assert [e.text for e in moved] == [
        "Acme ML Engineer (AC-100): retirement date now 31 March 2027."
    ]
    assert describe(BEFORE, after(name="Acme ML Engineer")) == []
