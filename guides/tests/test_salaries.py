"""Salaries: only figures from the market file, each with its named, dated source and caveat;
a figure the file lacks is "not published", never a guess."""

from __future__ import annotations

import copy

import pytest
from django.urls import reverse

from catalog.market import load_market, parse_market

URL = reverse("guides:salaries")

WAGE = {
    "occupation": "Widget scientists",
    "soc_code": "99-9999",
    "period": "May 2030",
    "median_usd": 123456,
    "p10_usd": None,
    "p25_usd": 100000,
    "p75_usd": None,
    "p90_usd": 200000,
    "area": "Atlantis",
    "source_name": "A statistics office",
    "source_url": "https://example.com/wages",
    "checked_on": "2030-07-04",
    "caveat": "Base pay only.",
}


@pytest.fixture
def market(monkeypatch):
    def use(wages: list[dict]) -> None:
        data = {"cloud_market_share": None, "wages": copy.deepcopy(wages)}
        monkeypatch.setattr("guides.views.load_market", lambda: parse_market(data))

    return use


def test_it_renders_for_anonymous_and_signed_in_visitors(client, alice_client, db):
    for visitor in (client, alice_client):
        response = visitor.get(URL)
        assert response.status_code == 200
        assert response.text.count("<h1") == 1


def test_the_figures_are_the_files_with_their_source_date_area_and_caveat(client, db, market):
    market([WAGE])

    response = client.get(URL)

    assert "Annual wages of widget scientists, Atlantis, May 2030" in response.text
    assert '<th scope="row">Median (50th percentile)</th><td>US$123,456</td>' in response.text
    assert '<th scope="row">90th percentile</th><td>US$200,000</td>' in response.text
    assert '<a href="https://example.com/wages" rel="noopener">A statistics office</a>' in (
        response.text
    )
    assert "checked on 4 July 2030" in response.text
    assert "Base pay only." in response.text
    assert "(occupation code 99-9999)" in response.text


def test_a_figure_missing_from_the_file_reads_not_published(client, db, market):
    market([WAGE])

    response = client.get(URL)

    row = response.text.split('<th scope="row">75th percentile</th>', 1)[1].split("</tr>", 1)[0]
    assert "not published" in row
    assert "US$" not in row


def test_without_wage_figures_it_says_none_are_published_and_shows_no_amount(client, db, market):
    market([])

    response = client.get(URL)

    assert "holds no published wage figures" in response.text
    assert "US$" not in response.text.split("<main", 1)[1]


def test_the_projects_own_file_is_what_the_page_shows(client, db):
    (wage, *_) = load_market().wages

    response = client.get(URL)

    assert f"US${wage.median_usd:,}" in response.text
    assert wage.source_url in response.text
    assert f"checked on {wage.checked_on:%-d %B %Y}" in response.text


def test_it_makes_no_query(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(URL)

    assert response.status_code == 200
