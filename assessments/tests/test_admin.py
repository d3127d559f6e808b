import pytest
from django.urls import reverse

from assessments.models import Answer, Question
from assessments.tests.helpers import answer, choice_id, start
from catalog.models import Skill


def change_form_data(question: Question, **overrides) -> dict:
    choices = list(question.choices.filter(is_dont_know=False))
    data = {
        "key": question.key,
        "kind": question.kind,
        "skill": question.skill_id or "",
        "level": question.level or "",
        "difficulty": question.difficulty or "",
        "discrimination": question.discrimination or "",
        "context_field": question.context_field,
        "order": question.order,
        "text": question.text,
        "help": question.help,
        "explanation": question.explanation,
        "is_active": "on" if question.is_active else "",
        "choices-TOTAL_FORMS": len(choices),
        "choices-INITIAL_FORMS": len(choices),
        "choices-MIN_NUM_FORMS": 0,
        "choices-MAX_NUM_FORMS": 1000,
    }
    for n, choice in enumerate(choices):
        data |= {
            f"choices-{n}-id": choice.pk,
            f"choices-{n}-question": question.pk,
            f"choices-{n}-order": choice.order,
            f"choices-{n}-label": choice.label,
            f"choices-{n}-value": choice.value,
            f"choices-{n}-is_correct": "on" if choice.is_correct else "",
        }
    return data | overrides


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


def change_url(question: Question) -> str:
    return reverse("admin:assessments_question_change", args=[question.pk])


def test_a_curator_can_edit_a_question_and_its_choices(curator_client, question_bank):
    question = first_check()

    response = curator_client.post(
        change_url(question), change_form_data(question, text="A clearer stem?")
    )

    assert response.status_code == 302
    question.refresh_from_db()
    assert question.text == "A clearer stem?"
    assert question.choices.filter(is_dont_know=True).count() == 1


def first_check() -> Question:
    return Question.objects.filter(kind="knowledge").order_by("order").first()


def test_a_new_knowledge_check_gets_i_dont_know_and_keeps_it_out_of_the_curators_choices(
    curator_client, question_bank
):
    data = {
        "key": "new-python-check",
        "kind": "knowledge",
        "skill": Skill.objects.get(slug="python").pk,
        "level": 3,
        "difficulty": 2.75,
        "discrimination": "",
        "context_field": "",
        "order": 999,
        "text": "What does `len({1, 1, 2})` return?",
        "help": "",
        "explanation": "A set keeps one of each value.",
        "is_active": "on",
        "choices-TOTAL_FORMS": 3,
        "choices-INITIAL_FORMS": 0,
        "choices-MIN_NUM_FORMS": 0,
        "choices-MAX_NUM_FORMS": 1000,
    }
    for n, (label, correct) in enumerate([("2", True), ("3", False), ("1", False)]):
        data |= {
            f"choices-{n}-order": n + 1,
            f"choices-{n}-label": label,
            f"choices-{n}-value": "",
            f"choices-{n}-is_correct": "on" if correct else "",
        }

    response = curator_client.post(reverse("admin:assessments_question_add"), data)

    assert response.status_code == 302
    created = Question.objects.get(key="new-python-check")
    assert [c.label for c in created.choices.all()] == ["2", "3", "1", "I don't know"]
    page = curator_client.get(change_url(created))
    assert (
        "I don&#x27;t know" not in page.text.split('id="choices-group"')[1].split("</fieldset>")[0]
    )


def test_curators_see_each_checks_answers_and_calibration(curator_client, client, question_bank):
    check = first_check()
    for chosen in (check.choices.get(is_correct=True), check.choices.get(is_dont_know=True)):
        Answer.objects.create(
            attempt=start(client), question=check, choice=chosen, is_correct=chosen.is_correct
        )
    Question.objects.filter(pk=check.pk).update(
        calibrated_difficulty=3.1, calibrated_discrimination=1.7, calibration_responses=250
    )

    listing = curator_client.get(
        reverse("admin:assessments_question_changelist") + "?kind=knowledge"
    )
    detail = curator_client.get(change_url(check))

    row = listing.text.split(check.key, 1)[1].split("</tr>")[0]
    assert ">2<" in row and ">50%<" in row  # two answers, half right, half "I don't know"
    assert "3.10 / 1.70" in row
    assert "2 answers: 50% right, 50% " in detail.text


@pytest.mark.parametrize("correct_count", [0, 2])
def test_a_knowledge_check_needs_exactly_one_correct_choice(
    curator_client, question_bank, correct_count
):
    question = first_check()
    data = change_form_data(question)
    for n in range(question.choices.filter(is_dont_know=False).count()):
        data[f"choices-{n}-is_correct"] = "on" if n < correct_count else ""

    response = curator_client.post(change_url(question), data)

    assert response.status_code == 200
    assert "exactly one correct choice" in response.text
    assert question.choices.filter(is_correct=True).count() == 1


def test_retiring_a_question_keeps_past_attempts_intact(client, curator, question_bank):
    attempt = start(client)
    answer(client, attempt, "rate-python", choice_id("rate-python", 2))
    client.post(f"/assessment/{attempt.public_id}/finish/")
    question = Question.objects.get(key="rate-python")
    client.force_login(curator)

    client.post(
        reverse("admin:assessments_question_changelist"),
        {"action": "retire", "_selected_action": [question.pk]},
    )

    question.refresh_from_db()
    assert not question.is_active
    assert Answer.objects.filter(attempt=attempt, question=question).exists()
    delete_url = reverse("admin:assessments_question_delete", args=[question.pk])
    assert client.get(delete_url).status_code == 403
    new_attempt = start(client)
    section = client.get(f"/assessment/{new_attempt.public_id}/experience/")
    assert question.text not in section.text
