"""Deep learning or classical ML: a live table of which way each current exam leans."""

from __future__ import annotations

import pytest
from django.urls import reverse

from catalog.models import Certification, RequiredSkill, Skill
from guides.tests.conftest import SIZES, row_of

URL = reverse("guides:deep-learning-or-classical-ml")


def test_it_renders_for_anonymous_and_signed_in_visitors(client, alice_client, question_bank):
    for visitor in (client, alice_client):
        response = visitor.get(URL)
        assert response.status_code == 200
        assert response.text.count("<h1") == 1
        assert '<caption id="lean-caption">' in response.text


def test_each_current_ml_exam_has_a_row_and_adjacent_or_retired_ones_do_not(client, question_bank):
    response = client.get(URL)

    assert "<strong>Classical ML</strong>" in row_of(
        response, "Databricks Certified Machine Learning Associate"
    )
    assert "TensorFlow Developer Certificate" not in response.text  # retired
    adjacent = Certification.objects.filter(focus="adjacent").first()
    assert adjacent.name not in response.text


def test_raising_the_deep_learning_level_turns_a_classical_exam_deep(client, question_bank):
    cert = Certification.objects.get(slug="databricks-ml-associate")
    RequiredSkill.objects.update_or_create(
        certification=cert, skill=Skill.objects.get(slug="deep-learning"), defaults={"level": 5}
    )

    row = row_of(client.get(URL), cert.name)

    assert "level 5" in row
    assert "<strong>Deep learning</strong>" in row


def test_the_counts_add_up_to_the_exams_shown(client, question_bank):
    response = client.get(URL)
    total = Certification.objects.published().current().exclude(focus="adjacent").count()

    assert f"Of the {total} ML exams you can sit today:" in response.text
    assert response.text.count('<th scope="row"><a href="/certifications/') == total


@pytest.mark.parametrize("extra", SIZES)
def test_it_costs_five_queries_at_any_catalog_size(
    client, question_bank, make_certifications, django_assert_num_queries, extra
):
    make_certifications(extra)

    with django_assert_num_queries(5):
        # 1. the current ML certifications, joined to their providers
        # 2. their required skills, joined to the skills
        # 3. their exam domains
        # 4. the skills of those domains
        # 5. the names of the classical-ML and deep-learning skills
        response = client.get(URL)

    assert response.status_code == 200
