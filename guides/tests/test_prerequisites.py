"""The prerequisites guide: counts from the catalog's required skills, and the visitor's own
levels only from their own finished self-assessment."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from assessments.models import Attempt, Question
from catalog.models import Certification, RequiredSkill
from guides.tests.conftest import SIZES, finish_assessment

URL = reverse("guides:prerequisites")


def demand(response, skill: str) -> str:
    """The sentence under a skill's heading: "Needed at level 3 or above by 3 of 22 exams"."""
    section = response.text.split(f'id="skill-{skill}"', 1)[1]
    return re.search(r'class="prerequisite-demand"><strong>([^<]+)</strong>', section)[1]


def current_ml_exams() -> int:
    return Certification.objects.published().current().exclude(focus="adjacent").count()


def test_it_renders_for_anonymous_visitors_with_one_heading_and_its_own_title(
    client, question_bank
):
    response = client.get(URL)

    assert response.status_code == 200
    assert response.text.count("<h1") == 1
    assert "<title>The maths and Python that ML exams expect · Guides · certguide</title>" in (
        response.text
    )
    assert 'name="description" content="How many ML certification exams expect' in response.text


def test_each_maths_and_python_skill_says_how_many_current_exams_need_it(client, question_bank):
    total = current_ml_exams()
    needing = RequiredSkill.objects.filter(
        skill__slug="python",
        level__gte=3,
        certification__in=Certification.objects.published().current().exclude(focus="adjacent"),
    ).count()

    response = client.get(URL)

    assert demand(response, "python") == f"Needed at level 3 or above by {needing} of {total} exams"
    for skill in ("linear-algebra", "calculus", "probability-statistics", "data-libraries"):
        assert f'id="skill-{skill}"' in response.text
    assert 'id="skill-deep-learning"' not in response.text


def test_raising_an_exams_required_level_changes_the_count(client, question_bank):
    before = client.get(URL)
    required = RequiredSkill.objects.select_related("certification").filter(
        certification__in=Certification.objects.published().current().exclude(focus="adjacent"),
        skill__slug="linear-algebra",
        level__lt=3,
    )[0]
    required.level = 5
    required.save()

    after = client.get(URL)

    count = int(re.search(r"by (\d+) of", demand(before, "linear-algebra"))[1])
    assert demand(after, "linear-algebra").startswith(
        f"Needed at level 3 or above by {count + 1} of"
    )
    assert f"{required.certification.name}</a>: level 5" in after.text


def test_a_retired_or_unpublished_exam_is_not_counted(client, question_bank):
    total = current_ml_exams()
    Certification.objects.filter(slug="databricks-ml-associate").update(published=False)

    response = client.get(URL)

    assert f"of {total - 1} exams" in demand(response, "python")


def test_it_names_the_catalog_and_when_its_facts_were_checked(client, question_bank):
    Certification.objects.filter(slug="databricks-ml-associate").update(checked_on="2026-09-30")

    response = client.get(URL)

    assert "whose facts were checked between 30 September 2026 and" in response.text


def test_a_signed_in_person_with_a_finished_attempt_sees_their_own_levels(
    alice_client, alice, question_bank
):
    attempt = finish_assessment(alice, {"linear-algebra": 2, "python": 4})

    response = alice_client.get(URL)

    assert "Your level</th>" in response.text
    section = response.text.split('id="skill-python"', 1)[1].split("</section>", 1)[0]
    assert "Your level: level 4.0" in section
    section = response.text.split('id="skill-calculus"', 1)[1].split("</section>", 1)[0]
    assert "Your level: not assessed" in section
    assert reverse("assessments:results", args=[attempt.public_id]) in response.text


def test_without_a_finished_attempt_no_level_is_shown(alice_client, alice, question_bank):
    Attempt.objects.create(user=alice)  # started, not finished

    response = alice_client.get(URL)

    assert "Your level" not in response.text


def test_another_persons_attempt_never_shows(bob_client, alice, question_bank):
    attempt = finish_assessment(alice, {"python": 5})

    response = bob_client.get(URL)

    assert "Your level" not in response.text
    assert str(attempt.public_id) not in response.text


def test_an_anonymous_visitor_sees_no_one_elses_levels(client, alice, question_bank):
    finish_assessment(alice, {"python": 5})

    response = client.get(URL)

    assert "Your level" not in response.text


def test_check_yourself_leads_to_the_start_or_into_the_skills_question(
    alice_client, alice, question_bank
):
    start = reverse("assessments:start")
    assert f'<a href="{start}">Check yourself: Python in the self-assessment' in (
        alice_client.get(URL).text
    )

    attempt = Attempt.objects.create(user=alice)
    response = alice_client.get(URL)

    question = Question.objects.get(key="rate-python")
    into = reverse("assessments:section", args=[attempt.public_id, "experience"])
    assert f'<a href="{into}#question-{question.pk}">Check yourself: Python' in response.text


def test_it_is_never_kept_by_a_shared_cache(client, question_bank):
    assert "private" in client.get(URL).headers["Cache-Control"]


@pytest.mark.parametrize("extra", SIZES)
def test_anonymous_visitors_cost_three_queries_at_any_catalog_size(
    client, question_bank, make_certifications, django_assert_num_queries, extra
):
    make_certifications(extra)

    with django_assert_num_queries(3):
        # 1. the maths and programming skills
        # 2. the current ML certifications, joined to their providers
        # 3. their required skills, joined to the skills
        response = client.get(URL)

    assert response.status_code == 200


@pytest.mark.parametrize("extra", SIZES)
def test_a_signed_in_person_with_results_costs_nine_queries_at_any_catalog_size(
    alice_client, alice, question_bank, make_certifications, django_assert_num_queries, extra
):
    make_certifications(extra)
    finish_assessment(alice, {"python": 3})
    Attempt.objects.create(user=alice)

    with django_assert_num_queries(9):
        # 1-2. the session and the user
        # 3-5. the skills, the certifications, their required skills
        # 6. the person's latest finished attempt
        # 7. its answers, with their questions, skills and choices
        # 8. the person's unfinished attempt
        # 9. the self-rating questions of the skills, for "Check yourself"
        response = alice_client.get(URL)

    assert "Your level: level 3.0" in response.text
