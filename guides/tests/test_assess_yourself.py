"""Assess yourself honestly: what the self-assessment measures, from the skills taxonomy and
the question bank, and one way into it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from assessments.models import Question
from catalog.models import Skill

URL = reverse("guides:assess-yourself")


def test_it_renders_for_anonymous_and_signed_in_visitors(client, alice_client, question_bank):
    for visitor in (client, alice_client):
        response = visitor.get(URL)
        assert response.status_code == 200
        assert response.text.count("<h1") == 1
        assert "<title>Assess yourself honestly · Guides · certguide</title>" in response.text


def test_its_one_call_to_action_starts_the_self_assessment(client, question_bank):
    response = client.get(URL)

    cta = response.text.split('class="guide-cta', 1)[1].split("</section>", 1)[0]
    assert cta.count("<a ") == 1
    assert f'href="{reverse("assessments:start")}">Take the self-assessment</a>' in cta


def test_the_skills_and_their_checks_come_from_the_taxonomy_and_the_bank(client, question_bank):
    skill = Skill.objects.get(slug="calculus")
    skill.name = "Calculus, renamed"
    skill.save()
    checks = Question.objects.active().filter(kind="knowledge", skill=skill).count()

    response = client.get(URL)

    assert (
        f'<th scope="row">Calculus, renamed</th><td>{skill.description}</td><td>{checks}</td>'
        in (response.text)
    )


def test_the_length_follows_the_question_bank(client, question_bank):
    Question.objects.filter(key="context-goal").update(is_active=False)
    context = Question.objects.active().filter(kind="context").count()

    response = client.get(URL)

    assert f"<strong>About you</strong> ({context} questions)" in response.text


@pytest.mark.parametrize("extra", [0, 200])
def test_it_costs_three_queries_whatever_the_catalog_size(
    client, question_bank, make_certifications, django_assert_num_queries, extra
):
    make_certifications(extra)

    with django_assert_num_queries(3):
        # 1. the knowledge checks counted per skill
        # 2. the skills, in taxonomy order
        # 3. the active questions' kinds, for the assessment's length
        response = client.get(URL)

    assert response.status_code == 200
