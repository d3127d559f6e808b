"""Building project experience: the plans' practice project and the catalog's hands-on
resources for each current ML certification."""

from __future__ import annotations

import pytest
from django.urls import reverse

from catalog.models import Certification, Resource
from guides.tests.conftest import SIZES, row_of
from plans.generation import choose_project

URL = reverse("guides:project-experience")


def test_it_renders_for_anonymous_and_signed_in_visitors(client, alice_client, question_bank):
    for visitor in (client, alice_client):
        response = visitor.get(URL)
        assert response.status_code == 200
        assert response.text.count("<h1") == 1
        assert "How to document a project" in response.text


def test_each_certification_shows_the_practice_project_its_plan_would_have(client, question_bank):
    cert = Certification.objects.select_related("provider").get(slug="aws-ml-engineer-associate")
    idea = choose_project(cert.provider.platform, cert.focus)

    row = row_of(client.get(URL), cert.name)

    assert idea.detail in row


def test_the_hands_on_resources_come_from_the_catalog(client, question_bank):
    cert = Certification.objects.get(slug="databricks-ml-associate")
    Resource.objects.create(
        certification=cert,
        title="Build a churn model on the lakehouse",
        url="https://example.com/churn",
        kind="project-idea",
        free=False,
    )
    Resource.objects.create(
        certification=cert,
        title="A practice test",
        url="https://example.com/t",
        kind="practice-exam",
    )

    row = row_of(client.get(URL), cert.name)

    assert '<a href="https://example.com/churn" rel="noopener">Build a churn model' in row
    assert "(project idea, paid)" in row
    assert "A practice test" not in row  # not something to build with


@pytest.mark.parametrize("extra", SIZES)
def test_it_costs_two_queries_at_any_catalog_size(
    client, question_bank, make_certifications, django_assert_num_queries, extra
):
    make_certifications(extra)

    with django_assert_num_queries(2):
        # 1. the current ML certifications, joined to their providers
        # 2. their hands-on resources
        response = client.get(URL)

    assert response.status_code == 200
