from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from catalog.models import Certification
from credentials.renewals import add_months
from credentials.tests.conftest import credential

URL = reverse("credentials:credential-list")
GOOGLE = "google-professional-ml-engineer"  # valid 24 months, window 60 days before expiry
AWS = "aws-ai-practitioner"  # valid 36 months, no window published
MICROSOFT = "azure-mlops-engineer-associate"  # valid 12 months, window 180 days before


def text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.text).split())


def card(response, pk: int) -> str:
    found = re.search(rf'<li id="credential-{pk}".*?</li>\s*(?=<li id="credential-|</ul>)',
                      response.text, re.S)  # fmt: skip
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(0)).split())


def test_it_asks_anonymous_visitors_to_sign_in(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert response.headers["Location"].startswith(reverse("login"))


def test_an_empty_list_says_how_to_add_one(alice_client):
    response = alice_client.get(URL)

    assert response.status_code == 200
    assert "No credentials yet." in text(response)
    assert "private" in response.headers["Cache-Control"]


@pytest.mark.parametrize(
    ("slug", "earned_days_ago", "state"),
    [
        (GOOGLE, 10, "Valid"),
        # 24 months on, less 45 days: inside the 60-day window, more than 30 days left.
        (GOOGLE, 731 - 45, "Renewal window open"),
        (GOOGLE, 731 - 20, "Expires within 30 days"),
        (GOOGLE, 800, "Expired"),
        (MICROSOFT, 365 - 100, "Renewal window open"),
        ("azure-ai-fundamentals", 400, "No expiry"),
        ("nvidia-agentic-ai-professional", 100, "Expiry not published"),
    ],
)
def test_each_credential_shows_its_state(
    alice_client, alice, catalog, slug, earned_days_ago, state
):
    held = credential(alice, slug, earned_on=timezone.localdate() - timedelta(days=earned_days_ago))

    response = alice_client.get(URL)

    assert f"{state}" in card(response, held.pk).split(" Earned ")[0]


def test_it_shows_the_dates_worked_out_from_the_rule(alice_client, alice, catalog):
    held = credential(alice, GOOGLE, earned_on=date(2026, 3, 10))

    shown = card(alice_client.get(URL), held.pk)

    assert "Earned 10 March 2026" in shown
    assert "Expires 10 March 2028" in shown
    assert "Renewal window Opens 10 January 2028, closes 9 April 2028" in shown
    assert "US$200 now, re-take every 2 years at US$100: US$300 over 3 years." in shown


def test_a_rule_without_a_window_says_it_is_not_published(alice_client, alice, catalog):
    held = credential(alice, AWS, earned_on=date(2026, 3, 10))

    shown = card(alice_client.get(URL), held.pk)

    assert "Expires 10 March 2029" in shown
    assert "Renew before it expires; when the window opens is not published" in shown


def test_a_credential_the_catalog_lacks_shows_its_own_expiry_or_none(alice_client, alice, catalog):
    dated = credential(alice, name="CKAD", issuer="CNCF", expires_on=date(2099, 1, 1))
    undated = credential(alice, name="In-house ML badge")

    response = alice_client.get(URL)

    assert "CNCF" in card(response, dated.pk)
    assert "Expires 1 January 2099" in card(response, dated.pk)
    assert "No expiry recorded" in card(response, undated.pk)


def test_a_retired_certification_says_what_it_means_for_the_holder(alice_client, alice, catalog):
    # AWS ML Specialty retired; fixed term of 36 months; its successor is the ML Engineer.
    earned = timezone.localdate() - timedelta(days=100)
    held = credential(alice, "aws-ml-specialty", earned_on=earned)
    valid_until = add_months(earned, 36) - timedelta(days=1)
    cert = Certification.objects.get(slug="aws-ml-specialty")
    successor = cert.successions.select_related("successor").first()

    shown = card(alice_client.get(URL), held.pk)

    assert f"was retired on {cert.status_date.day} {cert.status_date:%B %Y}" in shown
    assert f"still valid until {valid_until.day} {valid_until:%B %Y}" in shown
    assert "the provider no longer renews it" in shown
    assert successor.successor.name in shown


def test_it_never_shows_another_persons_credentials(alice_client, bob, catalog):
    credential(bob, name="Bob's secret badge")

    assert "Bob&#x27;s secret badge" not in alice_client.get(URL).text
    assert "No credentials yet." in text(alice_client.get(URL))


@pytest.mark.parametrize("extra", [0, 40])
def test_the_list_costs_four_queries_at_any_size(
    alice_client, alice, catalog, django_assert_num_queries, extra
):
    slugs = list(Certification.objects.values_list("slug", flat=True))
    for n in range(3 + extra):
        credential(alice, slugs[n % len(slugs)])
    credential(alice, name="Not in the catalog")

    # session, user, the credentials joined to their certifications and providers,
    # the successors of those certifications (with their providers)
    with django_assert_num_queries(4):
        response = alice_client.get(URL)

    assert response.text.count('class="card mb-3 credential ') == 4 + extra
