import re

from django.test import Client

from assessments.models import Answer, Attempt, Question
from assessments.tests.helpers import (
    answer,
    choice_id,
    correct_choice_id,
    pending_check,
    question,
    start,
    wrong_choice_id,
)


def test_answering_with_htmx_returns_the_question_and_out_of_band_panels(client, question_bank):
    attempt = start(client)

    response = answer(
        client, attempt, "context-employer-cloud", choice_id("context-employer-cloud", 2)
    )

    assert response.status_code == 200
    html = response.text
    assert "<html" not in html
    assert html.lstrip().startswith(
        f'<fieldset id="question-{question("context-employer-cloud").pk}"'
    )
    assert "Saved" in html
    assert '<div id="assessment-progress" hx-swap-oob="innerHTML">' in html
    assert '<div id="recommendation-panel" hx-swap-oob="innerHTML">' in html
    assert "1 of at most 35 questions answered" in html
    saved = Answer.objects.get(attempt=attempt)
    assert saved.choice_id == choice_id("context-employer-cloud", 2)


def test_the_live_panel_shows_ranked_certifications_after_an_answer(client, question_bank):
    attempt = start(client)

    response = answer(
        client, attempt, "context-employer-cloud", choice_id("context-employer-cloud", 2)
    )

    panel = response.text.split('id="recommendation-panel"', 1)[1]
    assert "Your best fits so far" in panel
    assert panel.count("Readiness <strong>") == 3


def test_answering_without_htmx_redirects_back_to_the_question(client, question_bank):
    attempt = start(client)

    response = answer(client, attempt, "rate-python", choice_id("rate-python", 3), htmx=False)

    assert response.status_code == 302
    assert response.headers["Location"] == (
        f"/assessment/{attempt.public_id}/experience/#question-{question('rate-python').pk}"
    )
    assert Answer.objects.get(attempt=attempt).choice.value == "4"


def test_repeating_the_same_answer_changes_nothing(client, question_bank):
    attempt = start(client)
    answer(client, attempt, "rate-python", choice_id("rate-python", 3))
    first = Answer.objects.get(attempt=attempt)

    response = answer(client, attempt, "rate-python", choice_id("rate-python", 3))

    assert response.status_code == 200
    again = Answer.objects.get(attempt=attempt)
    assert (again.pk, again.choice_id, again.answered_at) == (
        first.pk,
        first.choice_id,
        first.answered_at,
    )


def test_a_rating_can_change_until_the_attempt_is_finished(client, question_bank):
    attempt = start(client)
    answer(client, attempt, "rate-python", choice_id("rate-python", 0))

    answer(client, attempt, "rate-python", choice_id("rate-python", 3))

    assert Answer.objects.get(attempt=attempt).choice.value == "4"


def test_a_knowledge_checks_answer_is_final(client, question_bank):
    attempt = start(client)
    check = pending_check(attempt)
    answer(client, attempt, check.key, wrong_choice_id(check.key))

    response = answer(client, attempt, check.key, correct_choice_id(check.key))

    assert response.status_code == 409
    assert "cannot be changed once given" in response.text
    saved = Answer.objects.get(attempt=attempt)
    assert (saved.choice_id, saved.is_correct) == (wrong_choice_id(check.key), False)


def test_an_answer_after_finishing_is_refused_and_changes_nothing(client, question_bank):
    attempt = start(client)
    answer(client, attempt, "rate-python", choice_id("rate-python", 1))
    client.post(f"/assessment/{attempt.public_id}/finish/")

    response = answer(client, attempt, "rate-python", choice_id("rate-python", 4))

    assert response.status_code == 409
    assert "This assessment is finished" in response.text
    assert Answer.objects.get(attempt=attempt).choice_id == choice_id("rate-python", 1)


def test_an_unknown_question_is_a_404_with_a_message(client, question_bank):
    attempt = start(client)

    response = client.post(
        f"/assessment/{attempt.public_id}/answer/",
        {"question": 999999, "choice": 1},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 404
    assert "That question does not exist" in response.text
    assert response.headers["HX-Retarget"] == "#assessment-errors"


def test_an_unknown_or_malformed_choice_is_a_400(client, question_bank):
    attempt = start(client)
    for bad in (999999, "abc", ""):
        response = answer(client, attempt, "rate-python", bad)
        assert response.status_code == 400
    assert not Answer.objects.exists()


def test_a_choice_from_another_question_is_refused(client, question_bank):
    attempt = start(client)
    answer(client, attempt, "rate-python", choice_id("rate-python", 2))

    response = answer(client, attempt, "rate-python", choice_id("rate-calculus", 0))

    assert response.status_code == 400
    assert "does not belong to this question" in response.text
    assert Answer.objects.get(attempt=attempt).choice_id == choice_id("rate-python", 2)


def test_another_visitors_attempt_is_a_404(client, question_bank):
    attempt = start(client)
    stranger = Client()

    response = answer(stranger, attempt, "rate-python", choice_id("rate-python", 2))

    assert response.status_code == 404
    assert stranger.get(f"/assessment/{attempt.public_id}/checks/").status_code == 404
    assert not Answer.objects.exists()


def test_another_users_attempt_is_a_404(client, question_bank, alice, bob):
    client.force_login(alice)
    attempt = start(client)
    assert attempt.user == alice
    bobs_client = Client()
    bobs_client.force_login(bob)

    response = answer(bobs_client, attempt, "rate-python", choice_id("rate-python", 2))

    assert response.status_code == 404


def test_answering_needs_the_csrf_token(question_bank):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/assessment/new/").status_code == 403
    strict.get("/assessment/")
    token = strict.cookies["csrftoken"].value
    strict.post("/assessment/new/", {"csrfmiddlewaretoken": token})
    attempt = Attempt.objects.get()
    url = f"/assessment/{attempt.public_id}/answer/"
    data = {"question": question("rate-python").pk, "choice": choice_id("rate-python", 1)}

    refused = strict.post(url, data, headers={"HX-Request": "true"})
    accepted = strict.post(url, data, headers={"HX-Request": "true", "X-CSRFToken": token})

    assert refused.status_code == 403
    assert accepted.status_code == 200
    assert Answer.objects.count() == 1


def test_answer_rejects_get(client, question_bank):
    attempt = start(client)

    assert client.get(f"/assessment/{attempt.public_id}/answer/").status_code == 405


def test_a_retired_question_is_refused_with_a_message_and_nothing_saved(client, question_bank):
    attempt = start(client)
    answer(client, attempt, "context-employer-cloud", choice_id("context-employer-cloud", 2))
    check = pending_check(attempt)
    Question.objects.filter(pk=check.pk).update(is_active=False)

    with_htmx = answer(client, attempt, check.key, correct_choice_id(check.key))
    without = answer(client, attempt, check.key, correct_choice_id(check.key), htmx=False)

    assert with_htmx.status_code == without.status_code == 410
    assert "retired from the assessment" in with_htmx.text
    assert "<html" not in with_htmx.text
    assert "retired from the assessment" in without.text
    assert [a.question.key for a in Answer.objects.filter(attempt=attempt)] == [
        "context-employer-cloud"
    ]


def test_a_kept_section_shows_each_new_answer_when_visited_again(client, question_bank):
    attempt = start(client)
    url = f"/assessment/{attempt.public_id}/experience/"
    rating = choice_id("rate-python", 3)
    first = client.get(url).text  # kept
    assert re.search(rf'value="{rating}"\s+id="q\d+-c{rating}">', first)

    answer(client, attempt, "rate-python", rating)
    again = client.get(url).text

    assert re.search(rf'value="{rating}"\s+id="q\d+-c{rating}" checked', again)
