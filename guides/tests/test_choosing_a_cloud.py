"""Choosing a cloud: market shares with their source and date from the market file, each
platform's exams from the catalog, and the employer's cloud from the visitor's own answers."""

from __future__ import annotations

import copy

import pytest
from django.urls import reverse

from catalog.market import parse_market
from catalog.models import Certification, ExamDomain
from guides.tests.conftest import SIZES, finish_assessment

URL = reverse("guides:choosing-a-cloud")

MARKET = {
    "cloud_market_share": {
        "period": "Q9 2031",
        "source_name": "An analyst firm",
        "source_url": "https://example.com/shares",
        "source_kind": "analyst",
        "checked_on": "2031-01-15",
        "caveat": "Infrastructure only.",
        "shares": [
            {"provider": "gcp", "name": "Google Cloud", "percent": 41},
            {"provider": "aws", "name": "AWS", "percent": 17.5},
        ],
    },
    "wages": [],
}


@pytest.fixture
def market(monkeypatch):
    """The page reads the market file given here instead of the project's."""

    def use(data: dict) -> None:
        monkeypatch.setattr("guides.views.load_market", lambda: parse_market(data))

    use(MARKET)
    return use


def platform_section(response, platform: str) -> str:
    return response.text.split(f'id="platform-{platform}-heading"', 1)[1].split("</section>", 1)[0]


def test_it_renders_for_anonymous_and_signed_in_visitors(client, alice_client, question_bank):
    for visitor in (client, alice_client):
        response = visitor.get(URL)
        assert response.status_code == 200
        assert response.text.count("<h1") == 1
        assert "<title>Choosing a cloud certification · Guides · certguide</title>" in response.text


def test_market_shares_show_with_their_source_period_date_and_caveat(client, question_bank, market):
    response = client.get(URL)

    assert "Share of the cloud infrastructure market, Q9 2031" in response.text
    assert '<th scope="row">Google Cloud</th><td>41%</td>' in response.text
    assert '<th scope="row">AWS</th><td>17.5%</td>' in response.text
    assert (
        '<a href="https://example.com/shares" rel="noopener">An analyst firm</a>' in response.text
    )
    assert "checked on 15 January 2031" in response.text
    assert "Infrastructure only." in response.text
    # The platforms follow the shares: Google Cloud's exams come before AWS's.
    assert response.text.index('id="platform-gcp-heading"') < response.text.index(
        'id="platform-aws-heading"'
    )


def test_the_projects_market_file_is_what_the_page_shows(client, question_bank):
    from catalog.market import load_market

    share = load_market().cloud_market_share
    response = client.get(URL)

    assert share.source_url in response.text
    assert f"checked on {share.checked_on:%-d %B %Y}" in response.text
    for row in share.shares:
        assert f'<th scope="row">{row.name}</th>' in response.text


def test_without_a_market_figure_it_says_so_and_guesses_nothing(client, question_bank, market):
    data = copy.deepcopy(MARKET)
    data["cloud_market_share"] = None
    market(data)

    response = client.get(URL)

    assert "No market-share figure is in our reference file" in response.text
    assert "%</td>" not in response.text


def test_each_platforms_exams_and_domains_come_from_the_catalog(client, question_bank):
    cert = Certification.objects.get(slug="aws-ml-engineer-associate")
    cert.name = "AWS Renamed Engineer"
    cert.save()
    ExamDomain.objects.filter(pk=cert.domains.first().pk).update(name="Widget wrangling")

    response = client.get(URL)

    aws = platform_section(response, "aws")
    assert "AWS Renamed Engineer" in aws
    assert "Widget wrangling" in aws
    assert "Google Cloud Professional Machine Learning Engineer" in platform_section(
        response, "gcp"
    )
    assert "AWS Certified Machine Learning – Specialty" not in response.text  # retired


def test_the_employers_cloud_comes_from_the_persons_own_answers(alice_client, alice, question_bank):
    finish_assessment(alice, {}, cloud="aws")

    response = alice_client.get(URL)

    assert "you said your employer uses: <strong>Amazon Web Services (AWS)</strong>" in (
        response.text
    )
    assert "Your employer's cloud" in platform_section(response, "aws")
    assert "Your employer's cloud" not in platform_section(response, "azure")


def test_another_persons_cloud_never_shows(bob_client, alice, question_bank):
    finish_assessment(alice, {}, cloud="aws")

    response = bob_client.get(URL)

    assert "you said your employer uses" not in response.text
    assert "Amazon Web Services (AWS)" not in response.text
    assert "Your employer's cloud</span>" not in response.text


def test_an_attempt_without_the_cloud_answer_says_it_is_unknown(alice_client, alice, question_bank):
    finish_assessment(alice, {"python": 3})

    response = alice_client.get(URL)

    assert "does not say which cloud your employer uses" in response.text


def test_it_is_never_kept_by_a_shared_cache(client, question_bank):
    assert "private" in client.get(URL).headers["Cache-Control"]


@pytest.mark.parametrize("extra", SIZES)
def test_an_anonymous_visitor_costs_three_queries_at_any_catalog_size(
    client, question_bank, make_certifications, django_assert_num_queries, extra
):
    make_certifications(extra)

    with django_assert_num_queries(3):
        # 1. the current certifications, joined to their providers
        # 2. their exam domains
        # 3. the skills of those domains
        # (a visitor with no session has no attempts to look up)
        response = client.get(URL)

    assert response.status_code == 200


@pytest.mark.parametrize("extra", SIZES)
def test_a_signed_in_person_costs_seven_queries_at_any_catalog_size(
    alice_client, alice, question_bank, make_certifications, django_assert_num_queries, extra
):
    make_certifications(extra)
    finish_assessment(alice, {}, cloud="azure")

    with django_assert_num_queries(7):
        # 1-2. the session and the user
        # 3-5. the certifications, their domains, the domains' skills
        # 6. the person's latest finished attempt
        # 7. its answers, with their questions and choices
        response = alice_client.get(URL)

    assert "<strong>Microsoft Azure</strong>" in response.text
