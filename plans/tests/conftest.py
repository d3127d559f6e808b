"""Fixtures and small factories for the plan tests: the curated catalog, finished
self-assessments built from real questions, and plans of any size."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from assessments.models import Answer, Attempt, Question
from catalog.models import Certification
from plans import services
from plans.models import ItemKind, Plan, PlanItem, StudyLog

PMLE = "google-professional-ml-engineer"


# The plan arithmetic below is worked out by hand for these domain weights (Google's guide
# before its June 2026 revision); the curated file no longer states them, because the revised
# guide's weights are not confirmed, so the plan tests set them as their own data.
PMLE_WEIGHTS = [13, 14, 18, 20, 22, 13]


@pytest.fixture
def catalog(question_bank):
    """The curated catalog and question bank, as `make run` loads them (see the root conftest),
    with the Google exam's domain weights set to PMLE_WEIGHTS."""
    domains = Certification.objects.get(slug=PMLE).domains.order_by("order")
    assert domains.count() == len(PMLE_WEIGHTS)
    for domain, weight in zip(domains, PMLE_WEIGHTS, strict=True):
        domain.weight = weight
        domain.save(update_fields=["weight"])


def today() -> date:
    return timezone.localdate()


def certification(slug: str = PMLE) -> Certification:
    return services.plannable_certifications().get(slug=slug)


def finish_assessment(user, ratings: dict[str, int], hours_per_week: str | None = None) -> Attempt:
    """A finished attempt with a self-rating (1..5) per skill; a rating of r scores (r-1)*25.
    Skills left out have no evidence, which the generator counts as a score of 0."""
    attempt = Attempt.objects.create(user=user, finished_at=timezone.now())
    chosen = {f"rate-{skill}": str(rating) for skill, rating in ratings.items()}
    if hours_per_week is not None:
        chosen["context-hours-per-week"] = hours_per_week
    for key, value in chosen.items():
        question = Question.objects.get(key=key)
        choice = question.choices.get(value=value)
        Answer.objects.create(attempt=attempt, question=question, choice=choice)
    return attempt


def make_plan(user, slug: str = PMLE, *, weeks_ahead: int = 40, hours_per_week: int = 10) -> Plan:
    """A plan from the curated catalog, created the way the create view does it."""
    return services.create_plan(
        user,
        certification(slug),
        target_date=today() + timedelta(weeks=weeks_ahead),
        hours_per_week=hours_per_week,
        today=today(),
        outcome=None,
    )


def make_sized_plan(user, item_count: int, *, hours: int = 2, start: date | None = None) -> Plan:
    """A plan with `item_count` custom items of `hours` each, for query-count tests."""
    plan = Plan.objects.create(
        user=user,
        certification=Certification.objects.get(slug=PMLE),
        target_date=today() + timedelta(weeks=150),
        hours_per_week=6,
        start_date=start or today(),
    )
    PlanItem.objects.bulk_create(
        PlanItem(plan=plan, kind=ItemKind.CUSTOM, title=f"Item {n}", hours=hours, order=n)
        for n in range(1, item_count + 1)
    )
    return plan


def log_every_day(plan: Plan, days: int) -> None:
    """An hour logged on each item on each of the last `days` days, for query-count tests."""
    items = list(plan.items.all())
    StudyLog.objects.bulk_create(
        StudyLog(item=item, day=today() - timedelta(days=n), hours=1)
        for item in items
        for n in range(days)
    )
    PlanItem.objects.filter(plan=plan).update(hours_spent=days)


def items_of(plan: Plan) -> list[PlanItem]:
    return list(plan.items.all())


@pytest.fixture
def plan(alice, catalog) -> Plan:
    return make_plan(alice)


@pytest.fixture
def bob_client(client, bob):
    client.force_login(bob)
    return client
