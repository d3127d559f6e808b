from django.test import Client

from assessments.models import Answer, Attempt
from assessments.tests.helpers import (
    CONTEXT_KEYS,
    answer,
    choice_id,
    correct_choice_id,
    pending_check,
    question,
    start,
)
from conftest import PASSWORD, sign_up


def test_starting_creates_an_attempt_and_opens_the_context_section(client, question_bank):
    response = client.post("/assessment/new/", follow=True)

    attempt = Attempt.objects.get()
    assert attempt.user is None
    assert response.redirect_chain[-1][0] == f"/assessment/{attempt.public_id}/context/"
    assert "Self-assessment: About you" in response.text
    assert "0 of at most 35 questions answered" in response.text


def test_start_page_offers_to_continue_an_unfinished_attempt(client, question_bank):
    attempt = start(client)

    response = client.get("/assessment/")

    assert "Continue where you stopped" in response.text
    assert f"/assessment/{attempt.public_id}/" in response.text


def test_coming_back_resumes_at_the_first_unanswered_section(client, question_bank):
    attempt = start(client)
    for key in CONTEXT_KEYS:
        answer(client, attempt, key, choice_id(key, 1))

    response = client.get(f"/assessment/{attempt.public_id}/")

    assert response.headers["Location"] == f"/assessment/{attempt.public_id}/experience/"
    page = client.get(f"/assessment/{attempt.public_id}/context/")
    assert page.text.count(" checked>") == 6


def test_each_section_works_as_a_plain_form_that_saves_and_moves_on(client, question_bank):
    attempt = start(client)
    data = {
        f"q{question(key).pk}": choice_id(key, 0)
        for key in ("rate-linear-algebra", "rate-calculus")
    }

    response = client.post(f"/assessment/{attempt.public_id}/experience/", data)

    assert response.headers["Location"] == f"/assessment/{attempt.public_id}/checks/"
    assert Answer.objects.filter(attempt=attempt).count() == 2


def test_the_last_section_finishes_and_shows_the_results(client, question_bank):
    attempt = start(client)
    key = pending_check(attempt).key

    response = client.post(
        f"/assessment/{attempt.public_id}/checks/",
        {f"q{question(key).pk}": correct_choice_id(key), "finish": "1"},
    )

    attempt.refresh_from_db()
    assert attempt.is_finished
    assert response.headers["Location"] == f"/assessment/{attempt.public_id}/results/"


def test_a_bad_choice_on_the_plain_form_keeps_the_other_answers(client, question_bank):
    attempt = start(client)
    answer(client, attempt, "rate-calculus", choice_id("rate-calculus", 2))
    data = {
        f"q{question('rate-linear-algebra').pk}": choice_id("rate-linear-algebra", 1),
        f"q{question('rate-calculus').pk}": "not-a-choice",
    }

    response = client.post(f"/assessment/{attempt.public_id}/experience/", data)

    assert response.status_code == 400
    assert "Choose one of the answers" in response.text
    assert Answer.objects.get(question=question("rate-calculus")).choice_id == choice_id(
        "rate-calculus", 2
    )


def test_an_unknown_section_is_a_404(client, question_bank):
    attempt = start(client)

    assert client.get(f"/assessment/{attempt.public_id}/astrology/").status_code == 404


def test_signing_up_adopts_the_anonymous_attempt(client, question_bank):
    attempt = start(client)
    check = pending_check(attempt)
    answer(client, attempt, check.key, correct_choice_id(check.key))

    sign_up(client, "new@example.com")

    attempt.refresh_from_db()
    assert attempt.user.email == "new@example.com"
    assert attempt.answers.count() == 1
    account = client.get("/accounts/")
    assert f"/assessment/{attempt.public_id}/" in account.text


def test_signing_in_adopts_the_anonymous_attempt(client, question_bank, alice):
    attempt = start(client)
    answer(client, attempt, "rate-python", choice_id("rate-python", 4))

    client.post("/accounts/login/", {"username": alice.email, "password": PASSWORD})

    attempt.refresh_from_db()
    assert attempt.user == alice
    assert client.get(f"/assessment/{attempt.public_id}/experience/").status_code == 200


def test_adoption_never_takes_someone_elses_attempt(client, question_bank, alice, bob):
    other_browser = Client()
    theirs = start(other_browser)

    client.post("/accounts/login/", {"username": alice.email, "password": PASSWORD})

    theirs.refresh_from_db()
    assert theirs.user is None


def test_an_empty_question_bank_sends_the_visitor_back_with_a_message(client, db):
    attempt = start(client)

    response = client.get(f"/assessment/{attempt.public_id}/", follow=True)

    assert response.status_code == 200
    assert "The assessment has no questions yet" in response.text


def test_an_anonymous_visitors_attempt_pages_are_private(client, question_bank):
    attempt = start(client)
    pages = [
        "/assessment/",
        f"/assessment/{attempt.public_id}/context/",
        f"/assessment/{attempt.public_id}/results/",
    ]

    for page in pages:
        cache_control = client.get(page).headers.get("Cache-Control", "")
        assert "private" in cache_control and "no-store" in cache_control, page
