"""A person's self-assessments as plain data, for "download my data", and back again.

Answers name their question by its stable key and their choice by its label, so a file still
imports after the question bank has been reordered; an answer whose question or choice no longer
exists is skipped and counted.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Prefetch

from assessments.models import Answer, Attempt, Question


def export_attempts(user: User) -> list[dict[str, Any]]:
    attempts = Attempt.objects.for_user(user).prefetch_related(
        Prefetch("answers", Answer.objects.select_related("question", "choice").order_by("pk"))
    )
    return [
        {
            "created_at": attempt.created_at.isoformat(),
            "finished_at": attempt.finished_at.isoformat() if attempt.finished_at else None,
            "answers": [
                {
                    "question": answer.question.key,
                    "question_text": answer.question.text,
                    "choice": answer.choice.label,
                    "is_correct": answer.is_correct,
                    "answered_at": answer.answered_at.isoformat(),
                }
                for answer in attempt.answers.all()
            ],
        }
        for attempt in attempts.order_by("created_at", "pk")
    ]


def import_attempts(user: User, items: list[dict[str, Any]]) -> int:
    """Recreate the attempts for `user`; returns how many answers could not be matched."""
    questions = {q.key: q for q in Question.objects.prefetch_related("choices")}
    skipped = 0
    for item in items:
        attempt = Attempt.objects.create(user=user)
        # created_at and answered_at are set automatically on save; the file's moments win.
        Attempt.objects.filter(pk=attempt.pk).update(
            created_at=_moment(item["created_at"]), finished_at=_moment(item["finished_at"])
        )
        for given in item["answers"]:
            question = questions.get(given["question"])
            choices = question.choices.all() if question else ()
            choice = next((c for c in choices if c.label == given["choice"]), None)
            if choice is None:
                skipped += 1
                continue
            answer = Answer.objects.create(
                attempt=attempt, question=question, choice=choice, is_correct=given["is_correct"]
            )
            Answer.objects.filter(pk=answer.pk).update(answered_at=_moment(given["answered_at"]))
    return skipped


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None
