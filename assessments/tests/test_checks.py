"""The knowledge checks through the site: one at a time, adaptive, honest, at most 35 questions."""

import re

from assessments import adaptive, services
from assessments.models import Answer, Attempt, Question
from assessments.tests.helpers import (
    CONTEXT_KEYS,
    answer,
    choice_id,
    correct_choice_id,
    dont_know_choice_id,
    pending_check,
    question,
    rate_every_skill,
    start,
    wrong_choice_id,
)


def checks_page(client, attempt: Attempt):
    return client.get(f"/assessment/{attempt.public_id}/checks/")


def answer_everything(client, attempt: Attempt, *, htmx: bool) -> None:
    for key in CONTEXT_KEYS:
        answer(client, attempt, key, choice_id(key, 1), htmx=htmx)
    rate_every_skill(client, attempt, rating=3)
    while (check := pending_check(attempt)) is not None:
        if htmx:
            response = answer(client, attempt, check.key, correct_choice_id(check.key))
            assert response.status_code == 200
        else:
            response = client.post(
                f"/assessment/{attempt.public_id}/checks/",
                {f"q{check.pk}": correct_choice_id(check.key)},
            )
            assert response.headers["Location"] == f"/assessment/{attempt.public_id}/checks/"


def test_a_whole_assessment_asks_at_most_35_questions_with_htmx(client, question_bank):
    attempt = start(client)

    answer_everything(client, attempt, htmx=True)

    asked = Answer.objects.filter(attempt=attempt).count()
    assert asked <= adaptive.MAX_QUESTIONS
    assert Question.objects.active().count() > adaptive.MAX_QUESTIONS  # the bank is bigger
    page = checks_page(client, attempt)
    assert "The knowledge checks are done" in page.text
    assert f"{asked} of {asked} questions answered" in page.text


def test_a_whole_assessment_asks_at_most_35_questions_without_javascript(client, question_bank):
    attempt = start(client)

    answer_everything(client, attempt, htmx=False)

    assert Answer.objects.filter(attempt=attempt).count() <= adaptive.MAX_QUESTIONS
    assert "The knowledge checks are done" in checks_page(client, attempt).text


def test_the_checks_page_shows_one_check_with_i_dont_know_last(client, question_bank):
    attempt = start(client)
    check = pending_check(attempt)

    html = checks_page(client, attempt).text

    assert html.count('class="question card') == 1
    assert f'id="question-{check.pk}"' in html
    shown = re.findall(rf'<input [^>]*name="q{check.pk}" value="(\d+)"', html)
    offered = [choice.pk for choice in services.order_choices(check, attempt)]
    assert [int(pk) for pk in shown] == offered  # every choice, in this attempt's order
    assert len(offered) == check.choices.count() and offered[-1] == dont_know_choice_id(check.key)
    assert "a lucky guess would tell us you know something you don" in html


def test_choices_are_shuffled_per_attempt_and_stable_within_it(client, question_bank):
    first, second = start(client), start(client)
    Attempt.objects.filter(pk=first.pk).update(choice_seed=1)
    Attempt.objects.filter(pk=second.pk).update(choice_seed=2)
    first.refresh_from_db()
    second.refresh_from_db()
    checks = list(Question.objects.filter(kind="knowledge").prefetch_related("choices"))

    def orders(attempt):
        return [[c.pk for c in services.order_choices(check, attempt)] for check in checks]

    assert orders(first) == orders(first)
    assert orders(first) != orders(second)
    written = [[c.pk for c in check.choices.all() if not c.is_dont_know] for check in checks]
    assert (
        sum(order[:-1] != kept for order, kept in zip(orders(first), written, strict=True))
        > len(checks) / 2
    )


def test_a_right_answer_brings_a_harder_check_and_a_wrong_one_an_easier_check(
    client, question_bank
):
    # One skill's checks only, so the second check is that skill's again.
    Question.objects.filter(kind="knowledge").exclude(skill__slug="python").update(is_active=False)
    climbing, falling = start(client), start(client)
    for attempt in (climbing, falling):
        answer(client, attempt, "rate-python", choice_id("rate-python", 2))
    first, falling_first = pending_check(climbing), pending_check(falling)
    assert falling_first.difficulty == first.difficulty  # the same start, nearest the rating

    answer(client, climbing, first.key, correct_choice_id(first.key))
    answer(client, falling, falling_first.key, wrong_choice_id(falling_first.key))

    assert pending_check(climbing).difficulty > first.difficulty
    assert pending_check(falling).difficulty < first.difficulty


def test_i_dont_know_counts_as_not_known_never_as_a_lucky_guess(client, question_bank):
    honest, wrong = start(client), start(client)
    for attempt in (honest, wrong):
        rate_every_skill(client, attempt, rating=3)
    check = pending_check(honest)

    answer(client, honest, check.key, dont_know_choice_id(check.key))
    answer(client, wrong, check.key, wrong_choice_id(check.key))

    def level(attempt):
        return services.outcome(services.attempt_answers(attempt), services.load_catalog()).scores[
            check.skill.slug
        ]

    saved = Answer.objects.get(attempt=honest, question=check)
    assert saved.is_dont_know and not saved.is_correct
    assert level(honest).level == level(wrong).level < 3
    assert (level(honest).dont_know, level(wrong).dont_know) == (1, 0)


def test_a_check_the_test_did_not_ask_is_refused_and_the_page_shows_the_real_one(
    client, question_bank
):
    attempt = start(client)
    asked = pending_check(attempt)
    other = Question.objects.filter(kind="knowledge").exclude(pk=asked.pk).first()

    response = answer(client, attempt, other.key, correct_choice_id(other.key))

    assert response.status_code == 409
    assert "not the one the assessment is asking now" in response.text
    assert f'id="question-{asked.pk}"' in response.text  # the pending check, out of band
    assert not Answer.objects.filter(attempt=attempt).exists()


def test_answering_a_check_with_htmx_swaps_in_the_next_check_and_the_panels(client, question_bank):
    attempt = start(client)
    first = pending_check(attempt)

    response = answer(client, attempt, first.key, correct_choice_id(first.key))

    following = pending_check(attempt)
    assert response.status_code == 200
    assert "<html" not in response.text
    assert response.text.lstrip().startswith("<form")
    assert f'id="question-{following.pk}"' in response.text
    assert f'id="question-{first.pk}"' not in response.text
    assert '<div id="assessment-progress" hx-swap-oob="innerHTML">' in response.text
    assert '<div id="recommendation-panel" hx-swap-oob="innerHTML">' in response.text


def test_a_skill_rated_never_used_gets_one_screening_check(client, question_bank):
    attempt = start(client)
    rate_every_skill(client, attempt, rating=1)
    skills_asked = []

    while (check := pending_check(attempt)) is not None:
        skills_asked.append(check.skill.slug)
        answer(client, attempt, check.key, wrong_choice_id(check.key))

    assert len(skills_asked) == len(set(skills_asked)) == 14


def test_the_plain_form_asks_for_an_answer_before_moving_on(client, question_bank):
    attempt = start(client)
    check = pending_check(attempt)

    response = client.post(f"/assessment/{attempt.public_id}/checks/", {})

    assert response.status_code == 400
    assert "Choose an answer, or “I don" in response.text
    assert pending_check(attempt) == check
    assert question(check.key).answers.count() == 0


def test_answering_a_check_without_htmx_opens_the_page_at_the_next_check(client, question_bank):
    attempt = start(client)
    check = pending_check(attempt)

    response = answer(client, attempt, check.key, correct_choice_id(check.key), htmx=False)

    assert response.headers["Location"] == f"/assessment/{attempt.public_id}/checks/#check-slot"
    assert pending_check(attempt) != check
