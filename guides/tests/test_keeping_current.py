"""Keeping credentials current: each published certification's validity and renewal rule
from the catalog, with the rule's source."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from catalog.models import Certification
from guides.tests.conftest import SIZES, row_of

URL = reverse("guides:keeping-current")


def test_it_renders_for_anonymous_and_signed_in_visitors(client, alice_client, question_bank):
    for visitor in (client, alice_client):
        response = visitor.get(URL)
        assert response.status_code == 200
        assert response.text.count("<h1") == 1
        assert '<caption id="rules-caption">' in response.text


def test_each_row_shows_the_catalogs_validity_rule_and_source(client, question_bank):
    cert = Certification.objects.get(slug="google-professional-ml-engineer")

    row = row_of(client.get(URL), cert.name)

    assert "<td>2 years</td>" in row
    assert "Pass the current exam again, from 60 days before expiry" in row
    assert f'<a href="{cert.renewal_source_url}" rel="noopener">Source' in row


def test_changing_a_rule_in_the_catalog_changes_the_guide(client, question_bank):
    cert = Certification.objects.get(slug="google-professional-ml-engineer")
    cert.validity_months = 18
    cert.renewal_cost_usd = 75
    cert.save()

    row = row_of(client.get(URL), cert.name)

    assert "<td>18 months</td>" in row
    assert "US$75 each time" in row


def test_an_unpublished_validity_reads_not_published(client, question_bank):
    Certification.objects.filter(slug="nvidia-genai-llm-professional").update(validity_months=None)
    cert = Certification.objects.get(slug="nvidia-genai-llm-professional")

    row = row_of(client.get(URL), cert.name)

    assert "not published" in row.split("</td>", 1)[0]


def test_retired_certifications_come_last_and_are_marked(client, question_bank):
    response = client.get(URL)

    retired = Certification.objects.get(slug="aws-ml-specialty")
    current = Certification.objects.get(slug="salesforce-agentforce-specialist")
    assert response.text.index(current.name) < response.text.index(retired.name)
    assert "Retired</span>" in response.text.split(f">{retired.name}</a>", 1)[1][:80]


def test_the_counts_of_renewal_kinds_cover_every_current_certification(client, question_bank):
    response = client.get(URL)
    current = Certification.objects.published().current().count()

    assert f"How the {current} certifications you can sit are renewed" in response.text
    counts = response.text.split('id="kinds-heading"', 1)[1].split("</ul>", 1)[0]
    assert sum(int(n) for n in re.findall(r": (\d+)</li>", counts)) == current


@pytest.mark.parametrize("extra", SIZES)
def test_it_costs_one_query_at_any_catalog_size(
    client, question_bank, make_certifications, django_assert_num_queries, extra
):
    make_certifications(extra)

    with django_assert_num_queries(1):
        # 1. the published certifications, joined to their providers
        response = client.get(URL)

    assert response.status_code == 200


def test_signed_in_the_guide_lists_the_persons_own_credentials_and_windows(
    alice, alice_client, bob, question_bank
):
    from datetime import date

    from catalog.models import Certification
    from credentials.models import Credential

    cert = Certification.objects.get(slug="aws-ml-engineer-associate")
    Credential.objects.create(user=alice, certification=cert, earned_on=date(2025, 1, 10))
    Credential.objects.create(user=bob, name="Bob's own badge", earned_on=date(2025, 1, 10))

    response = alice_client.get(URL)

    held = response.text.split('id="held-heading"', 1)[1].split("</section>", 1)[0]
    assert f"<strong>{cert.name}</strong>" in held
    assert "Bob's own badge" not in response.text
    assert "private" in response["Cache-Control"]


def test_signed_out_the_guide_has_no_credentials_section(client, question_bank):
    assert 'id="held-heading"' not in client.get(URL).text
