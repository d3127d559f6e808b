"""Beta exams, adjacent credentials, kinds of source and per-fact sources, as a reader sees them."""

from __future__ import annotations

import re
from datetime import date

from django.urls import reverse

from catalog.models import FactSource

LIST_URL = reverse("catalog:certification-list")


def card_slugs(response) -> list[str]:
    return re.findall(r'<h3 class="h5 card-title" id="card-([^"]+)">', response.text)


def fact(response, label: str) -> str:
    match = re.search(rf'<th scope="row">{re.escape(label)}</th>\s*<td>(.*?)</td>', response.text)
    assert match, f"no {label!r} row"
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(1))).strip()
    return re.sub(r" ([,.:])", r"\1", text)


def test_a_beta_is_listed_with_its_badge_and_can_be_chosen_alone(client, make_certifications):
    (beta,) = make_certifications(1, status="beta")
    (active,) = make_certifications(1)

    everything = client.get(LIST_URL)
    betas = client.get(LIST_URL, {"status": "beta"})

    assert set(card_slugs(everything)) == {beta.slug, active.slug}
    assert '<span class="badge text-bg-info">Beta</span>' in everything.text
    assert card_slugs(betas) == [beta.slug]


def test_a_beta_page_says_general_availability_is_not_confirmed(client, make_certifications):
    (beta,) = make_certifications(1, status="beta", status_date=date(2026, 4, 16))

    page = client.get(beta.get_absolute_url()).text

    assert "In beta since 16 April 2026" in page
    assert "the provider has not confirmed its general availability" in page
    assert "Start a study plan" in page


def test_adjacent_credentials_are_listed_by_default_and_one_tick_leaves_them_out(
    client, make_certifications
):
    (adjacent,) = make_certifications(1, focus="adjacent")
    (ml,) = make_certifications(1)

    shown = client.get(LIST_URL)
    hidden = client.get(LIST_URL, {"hide_adjacent": "on"})
    only = client.get(LIST_URL, {"focus": "adjacent"})

    assert set(card_slugs(shown)) == {adjacent.slug, ml.slug}
    assert '<span class="badge text-bg-light border">Adjacent</span>' in shown.text
    assert card_slugs(hidden) == [ml.slug]
    assert card_slugs(only) == [adjacent.slug]
    assert "Leave out adjacent credentials (governance, security, business)" in shown.text


def test_the_filters_summary_counts_the_filters_in_use(client, make_certifications):
    make_certifications(2)

    plain = client.get(LIST_URL).text
    filtered = client.get(LIST_URL, {"hide_adjacent": "on", "level": "associate"}).text
    fragment = client.get(LIST_URL, {"level": "associate"}, headers={"HX-Request": "true"}).text

    assert re.search(r'Filters <span id="filters-count">\(0\)</span></summary>', plain)
    assert re.search(r'Filters <span id="filters-count">\(2\)</span></summary>', filtered)
    assert '<span hx-swap-oob="innerHTML:#filters-count">(1)</span>' in fragment


def test_a_fee_names_its_currency_and_source(client, make_certifications):
    (cert,) = make_certifications(1, cost_usd=165, cost_note="The price differs by country.")

    page = client.get(cert.get_absolute_url())

    assert fact(page, "Cost") == (
        "US$165 The price differs by country. Source: the provider for Cost"
    )
    assert '<a href="https://example.com/acme" rel="noopener">the provider' in page.text


def test_a_fact_source_is_shown_beside_the_facts_it_sources(client, make_certifications):
    (cert,) = make_certifications(1, source_kind="secondary")
    FactSource.objects.create(
        certification=cert,
        fields=["cost_usd", "duration_minutes"],
        url="https://prep.example.com/acme",
        kind="secondary",
        checked_on=date(2026, 12, 2),
        note="The prep site lists US$150 and 90 minutes.",
    )

    page = client.get(cert.get_absolute_url())

    expected = (
        "Source: a secondary source for {label}, checked 2 December 2026: "
        "The prep site lists US$150 and 90 minutes."
    )
    assert fact(page, "Cost") == "US$150 " + expected.format(label="Cost")
    assert fact(page, "Duration") == "90 min " + expected.format(label="Duration")
    assert fact(page, "Questions") == "not published"
    assert "(a secondary source: a prep site, blog or mirror" in page.text
    assert '<span class="badge text-bg-light border">Secondary sources</span>' in page.text


def test_the_renewal_rule_is_spelled_out_with_its_source(client, make_certifications):
    (cert,) = make_certifications(
        1,
        validity_months=12,
        renewal_kind="online-assessment",
        renewal_window_days=180,
        renewal_cost_usd=0,
        renewal_note="Renew on the provider's site.",
    )

    page = client.get(cert.get_absolute_url())

    summary = (
        "Pass an online renewal assessment, from 180 days before expiry; free; "
        "each renewal adds 1 year."
    )
    assert fact(page, "Renewal") == summary
    assert f"<p>{summary}</p>" in page.text
    assert "<dt>Renewal opens</dt><dd>180 days before expiry</dd>" in page.text
    assert '<dt>Time it takes</dt><dd><span class="not-published">not published</span></dd>' in (
        page.text
    )
    assert 'Renewal rule stated at <a href="https://example.com/acme/renewal"' in page.text
