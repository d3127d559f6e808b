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


CONTEXT_KEYS = (
    "context-employer-cloud",
    "context-ml-experience",
    "context-developer-years",
    "context-preference",
    "context-hours-per-week",
    "context-goal",
)


def pending_check(attempt: Attempt) -> Question | None:
    from assessments import services

    return services.pending_check(attempt, services.active_questions())


def dont_know_choice_id(key: str) -> int:
    return question(key).choices.get(is_dont_know=True).pk


def wrong_choice_id(key: str) -> int:
    return question(key).choices.filter(is_correct=False, is_dont_know=False).first().pk


def rate_every_skill(client, attempt: Attempt, rating: int = 3) -> None:
    for rated in Question.objects.filter(kind="self_rating"):
        answer(client, attempt, rated.key, rated.choices.get(value=str(rating)).pk)
