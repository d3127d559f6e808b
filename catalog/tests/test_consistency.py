"""Every published certification's page, checked against itself and against the curated file:
no statement on a page contradicts another one."""

from __future__ import annotations

import re
from datetime import date

import pytest

from catalog.sync import load_file

PUBLISHED = [item for item in load_file()["certifications"] if item["published"]]


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def section(page: str, heading_id: str) -> str:
    match = re.search(rf'<section aria-labelledby="{heading_id}".*?</section>', page, re.S)
    assert match, f"no section {heading_id}"
    return match.group(0)


def fact_row(page: str, label: str) -> str:
    match = re.search(rf'<th scope="row">{re.escape(label)}</th>\s*<td>(.*?)</td>', page, re.S)
    assert match, f"no {label!r} row"
    return text_of(match.group(1))


@pytest.fixture
def page(client, catalog_data):
    def get(slug: str) -> str:
        response = client.get(f"/certifications/{slug}/")
        assert response.status_code == 200
        return response.text

    return get


@pytest.mark.parametrize("item", PUBLISHED, ids=[item["slug"] for item in PUBLISHED])
def test_the_page_never_contradicts_itself(page, item):
    html = page(item["slug"])
    unconfirmed = re.search(r"Not yet confirmed: ([^.]*)\.", html)
    unconfirmed = unconfirmed.group(1) if unconfirmed else ""
    domains = section(html, "domains-heading")

    # Domains in doubt above a list of weights: the page says where the weights come from.
    weighted = [
        d for d in item["domains"] if d["weight"] is not None or d["weight_min"] is not None
    ]
    if "exam domains" in unconfirmed and weighted:
        assert "These domains come from" in domains

    # A retirement date is never stated in the banner and doubted in the facts.
    if item["status"] in ("retiring", "retired"):
        verb = "Retired on" if item["status"] == "retired" else "Retiring on"
        assert f'<h2 id="status-heading" class="h5">{verb} ' in html
        assert "retirement date" not in unconfirmed

    # Exact weights account for the whole exam, or the page says how many are published.
    exact = [d["weight"] for d in item["domains"] if d["weight"] is not None]
    if item["domains"] and len(exact) == len(item["domains"]):
        assert abs(sum(exact) - 100) <= 1, f"weights add up to {sum(exact)}"
        assert "domain weights published" not in domains
    elif item["domains"]:
        noun = "weight" if len(item["domains"]) == 1 else "weights"
        statement = f"{len(weighted)} of {len(item['domains'])} domain {noun} published"
        assert statement in text_of(domains)

    # A fee names its currency and its source.
    cost = fact_row(html, "Cost")
    if item["cost_usd"] is None:
        assert cost.startswith("not published")
    else:
        expected = "Free" if item["cost_usd"] == 0 else f"US${item['cost_usd']}"
        assert cost.startswith(expected)
        assert "Source:" in cost

    # Validity and renewal agree with each other.
    valid = fact_row(html, "Valid for")
    if item["renewal"]["kind"] == "no-expiry":
        assert valid.startswith("Does not expire")
        assert item["validity_months"] is None
    elif item["validity_months"]:
        assert valid.split()[0] == str(item["validity_months"])
    if item["status"] == "beta":
        assert "In beta" in html


@pytest.mark.parametrize("item", PUBLISHED, ids=[item["slug"] for item in PUBLISHED])
def test_every_published_certification_has_a_source_a_2026_check_and_a_renewal_rule(item):
    assert item["source_url"].startswith("https://"), item["source_url"]
    assert item["source_kind"] in ("vendor", "secondary")
    assert date.fromisoformat(item["checked_on"]).year == 2026
    renewal = item["renewal"]
    assert renewal["kind"] in (
        "online-assessment",
        "retake",
        "continuing-education",
        "no-expiry",
        "fixed-term",
        "unknown",
    )
    if renewal["kind"] == "unknown":
        assert item["status"] == "retired", "only a retired exam may have lost its renewal rule"
    else:
        assert renewal["source_url"].startswith("https://")
    for source in item["fact_sources"]:
        assert source["url"].startswith("https://")
        assert date.fromisoformat(source["checked_on"]).year == 2026


def test_the_catalog_has_at_least_30_published_certifications():
    assert len(PUBLISHED) >= 30
