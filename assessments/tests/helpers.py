"""Helpers for tests that take the self-assessment through the test client."""

from __future__ import annotations

from assessments.models import Attempt, Question


def start(client) -> Attempt:
    response = client.post("/assessment/new/")
    assert response.status_code == 302
    return Attempt.objects.order_by("-id").first()


def question(key: str) -> Question:
    return Question.objects.prefetch_related("choices").get(key=key)


def choice_id(key: str, position: int = 0) -> int:
    return question(key).choices.all()[position].pk


def correct_choice_id(key: str) -> int:
    return question(key).choices.get(is_correct=True).pk


def answer(client, attempt: Attempt, key: str, choice: int, *, htmx: bool = True):
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(
        f"/assessment/{attempt.public_id}/answer/",
        {"question": question(key).pk, "choice": choice},
        headers=headers,
    )
