import pytest
from django.urls import reverse

from assessments.models import Answer, Question
from assessments.tests.helpers import answer, choice_id, start


def change_form_data(question: Question, **overrides) -> dict:
    choices = list(question.choices.all())
    data = {
        "key": question.key,
        "kind": question.kind,
        "skill": question.skill_id or "",
        "difficulty": question.difficulty or "",
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
    question = Question.objects.get(key="check-python-1")

    response = curator_client.post(
        change_url(question), change_form_data(question, text="A clearer stem?")
    )

    assert response.status_code == 302
    question.refresh_from_db()
    assert question.text == "A clearer stem?"


@pytest.mark.parametrize("correct_count", [0, 2])
def test_a_knowledge_check_needs_exactly_one_correct_choice(
    curator_client, question_bank, correct_count
):
    question = Question.objects.get(key="check-python-1")
    data = change_form_data(question)
    for n in range(question.choices.count()):
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
    section = client.get(f"/assessment/{new_attempt.public_id}/programming/")
    assert question.text not in section.text
