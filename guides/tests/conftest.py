"""Fixtures for the guides' tests: the curated catalog and question bank (root conftest), the
catalog's factory for many extra certifications, and finished self-assessments."""

from __future__ import annotations

import pytest
from django.utils import timezone

from assessments.models import Answer, Attempt, Question
from catalog.tests.conftest import make_certifications  # noqa: F401  (a fixture)

# Two catalog sizes for the query budgets: the curated catalog, and 200 certifications more.
SIZES = [0, 200]


def finish_assessment(user, ratings: dict[str, int], cloud: str | None = None) -> Attempt:
    """A finished attempt with a self-rating (1..5) per skill slug and, if given, the answer to
    the employer-cloud question (a choice value such as "aws")."""
    attempt = Attempt.objects.create(user=user, finished_at=timezone.now())
    chosen = {f"rate-{skill}": str(rating) for skill, rating in ratings.items()}
    if cloud is not None:
        chosen["context-employer-cloud"] = cloud
    for key, value in chosen.items():
        question = Question.objects.get(key=key)
        Answer.objects.create(
            attempt=attempt, question=question, choice=question.choices.get(value=value)
        )
    return attempt


@pytest.fixture
def bob_client(client, bob):
    client.force_login(bob)
    return client


def row_of(response, name: str) -> str:
    """The table row of a linked name on a guide page."""
    return response.text.split(f">{name}</a>", 1)[1].split("</tr>", 1)[0]
