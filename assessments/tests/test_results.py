from datetime import date

import pytest

from assessments.models import Choice, Question
from assessments.tests.helpers import answer, choice_id, correct_choice_id, question, start
from catalog.models import Certification, ExamDomain, Provider, RequiredSkill, Skill


def finish(client, attempt):
    client.post(f"/assessment/{attempt.public_id}/finish/")


def answer_as_google_mlops_engineer(client, attempt):
    """A Google Cloud shop engineer, strong in MLOps and Google Cloud, some years in."""
    context = {
        "context-cloud": "gcp",
        "context-ml-years": "4",
        "context-cloud-years": "4",
        "context-preference": "both",
        "context-goal": "validate-role",
    }
    for key, value in context.items():
        chosen = question(key).choices.get(value=value)
        answer(client, attempt, key, chosen.pk)
    for skill in (
        "mlops",
        "google-cloud",
        "python",
        "data-libraries",
        "classical-ml",
        "deep-learning",
        "probability-statistics",
        "responsible-ai",
    ):
        answer(client, attempt, f"rate-{skill}", choice_id(f"rate-{skill}", 4))
        for level in (1, 2, 3):
            answer(
                client,
                attempt,
                f"check-{skill}-{level}",
                correct_choice_id(f"check-{skill}-{level}"),
            )


def test_results_rank_google_pmle_first_for_a_google_mlops_engineer(client, question_bank):
    attempt = start(client)
    answer_as_google_mlops_engineer(client, attempt)
    finish(client, attempt)

    response = client.get(f"/assessment/{attempt.public_id}/results/")

    assert response.status_code == 200
    top = response.context["outcome"].recommendations[0]
    assert top.cert.slug == "google-professional-ml-engineer"
    assert "Your top three" in response.text
    assert "Why it fits" in response.text
    assert "+10: " in response.text  # the employer-cloud bonus, with its number


def test_results_never_recommend_a_retired_certification(client, question_bank):
    attempt = start(client)
    answer_as_google_mlops_engineer(client, attempt)
    finish(client, attempt)

    response = client.get(f"/assessment/{attempt.public_id}/results/")

    ranked = {r.cert.slug for r in response.context["outcome"].recommendations}
    retired = set(Certification.objects.filter(status="retired").values_list("slug", flat=True))
    assert retired and not ranked & retired


def test_results_show_the_chart_its_table_and_the_reviewed_checks(client, question_bank):
    attempt = start(client)
    answer(client, attempt, "rate-calculus", choice_id("rate-calculus", 4))
    wrong = next(c for c in question("check-calculus-1").choices.all() if not c.is_correct)
    answer(client, attempt, "check-calculus-1", wrong.pk)
    finish(client, attempt)

    response = client.get(f"/assessment/{attempt.public_id}/results/")

    html = response.text
    assert '<svg class="skill-chart"' in html and 'role="img"' in html
    assert "Skill scores: self-rating, knowledge checks and the combined score" in html
    assert "Not quite" in html
    correct = question("check-calculus-1").choices.get(is_correct=True)
    assert f"Correct answer: {correct.label}" in html
    assert question("check-calculus-1").explanation in html
    assert "You rated yourself higher than your answers showed" in html


def test_results_of_an_unfinished_attempt_send_the_visitor_back_to_it(client, question_bank):
    attempt = start(client)

    response = client.get(f"/assessment/{attempt.public_id}/results/")

    assert response.headers["Location"] == f"/assessment/{attempt.public_id}/"


def test_signed_in_results_show_how_scores_moved(client, question_bank, alice):
    client.force_login(alice)
    first = start(client)
    answer(client, first, "rate-python", choice_id("rate-python", 1))
    finish(client, first)
    second = start(client)
    answer(client, second, "rate-python", choice_id("rate-python", 3))
    finish(client, second)

    response = client.get(f"/assessment/{second.public_id}/results/")

    assert "Since your previous assessment" in response.text
    assert "up 50" in response.text
    assert "Your other assessments" in response.text


# --- Query budgets: the same at two sizes of question bank and catalog ---------------------


def grow(extra: int) -> None:
    """Add `extra` questions and certifications, as a larger catalog would have."""
    provider = Provider.objects.first()
    skills = list(Skill.objects.all()[:2])
    for n in range(extra):
        q = Question.objects.create(
            key=f"extra-{n}",
            kind="self_rating",
            skill=skills[0],
            order=1000 + n,
            text=f"Extra {n}?",
        )
        for value in range(1, 6):
            Choice.objects.create(question=q, label=f"Level {value}", value=str(value), order=value)
        cert = Certification.objects.create(
            provider=provider,
            slug=f"extra-cert-{n}",
            name=f"Extra certification {n}",
            level="associate",
            focus="mixed",
            exam_format="multiple-choice",
            summary="Extra.",
            source_url="https://example.com/",
            checked_on=date(2026, 11, 1),
        )
        domain = ExamDomain.objects.create(certification=cert, name="Everything", weight=100)
        domain.skills.set(skills)
        for skill in skills:
            RequiredSkill.objects.create(certification=cert, skill=skill, level=3)


@pytest.mark.parametrize("extra", [0, 40])
def test_answering_takes_the_same_queries_whatever_the_size(
    client, question_bank, django_assert_num_queries, extra
):
    grow(extra)
    attempt = start(client)
    answer(client, attempt, "rate-python", choice_id("rate-python", 1))
    data = {"question": question("rate-python").pk, "choice": choice_id("rate-python", 2)}

    # session, the attempt (ownership); the question and its choices; saving: savepoint, the
    # answer, its update, release; the section: active questions with skills, their choices,
    # the attempt's answers with questions and choices; the catalog: skills, certifications
    # with providers, domains, domain skills, requirements, their skills, successions,
    # successor certifications.
    with django_assert_num_queries(19):
        client.post(
            f"/assessment/{attempt.public_id}/answer/", data, headers={"HX-Request": "true"}
        )


@pytest.mark.parametrize(("extra", "wrong_checks"), [(0, 2), (40, 12)])
def test_results_take_the_same_queries_whatever_the_size(
    client, question_bank, django_assert_num_queries, alice, extra, wrong_checks
):
    grow(extra)
    client.force_login(alice)
    attempt = start(client)
    checks = Question.objects.filter(kind="knowledge").order_by("order")[:wrong_checks]
    for check in checks:
        wrong = check.choices.filter(is_correct=False).first()
        answer(client, attempt, check.key, wrong.pk)
    finish(client, attempt)

    # session, user, the attempt; its answers with questions, skills and choices, and the
    # questions' choices (for the correct answers); the catalog: skills, certifications with
    # providers, domains, domain skills, requirements, their skills, successions, successor
    # certifications; the previous finished attempt; the other attempts.
    with django_assert_num_queries(15):
        response = client.get(f"/assessment/{attempt.public_id}/results/")
    assert response.text.count("Not quite") == wrong_checks


def test_a_score_that_dropped_reads_down_by_how_much(client, question_bank, alice):
    client.force_login(alice)
    first = start(client)
    answer(client, first, "rate-python", choice_id("rate-python", 4))
    finish(client, first)
    second = start(client)
    answer(client, second, "rate-python", choice_id("rate-python", 1))
    finish(client, second)

    response = client.get(f"/assessment/{second.public_id}/results/")

    assert "down 75" in response.text
