"""
Seed the load check's people: each gets an account, a signed-in session, an unfinished
self-assessment and a study plan. Writes what the load users need as JSON (argv[1]).

Sessions are created here rather than by signing in over HTTP, so the load measures browsing,
answering and ticking, not password hashing or sign-in throttling.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import timedelta
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "certguide.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.utils import timezone  # noqa: E402

from assessments.models import SECTIONS, Attempt, Question  # noqa: E402
from catalog.models import Certification  # noqa: E402
from plans import services  # noqa: E402

PLAN_CERTIFICATION = "google-professional-ml-engineer"


def signed_in_session(user: User) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def seed_person(number: int) -> dict:
    email = f"load-{number:03d}@example.com"
    user, created = User.objects.get_or_create(username=email, defaults={"email": email})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    attempt = Attempt.objects.filter(user=user, finished_at=None).first() or (
        Attempt.objects.create(user=user)
    )
    plan = user.plans.first()
    if plan is None:
        today = timezone.localdate()
        plan = services.create_plan(
            user,
            services.plannable_certifications().get(slug=PLAN_CERTIFICATION),
            target_date=today + timedelta(weeks=30),
            hours_per_week=10,
            today=today,
            outcome=None,
        )
    return {
        "session": signed_in_session(user),
        "attempt": str(attempt.public_id),
        "plan": plan.pk,
        "items": list(plan.items.values_list("pk", flat=True)),
    }


def main() -> None:
    output, people = Path(sys.argv[1]), int(sys.argv[2])
    questions = list(Question.objects.active().with_choices())
    seed = {
        "people": [seed_person(number) for number in range(1, people + 1)],
        "certifications": list(Certification.objects.published().values_list("slug", flat=True)),
        "sections": [slug for slug in SECTIONS if any(q.section == slug for q in questions)],
        "questions": [
            {"id": question.pk, "choices": [choice.pk for choice in question.choices.all()]}
            for question in questions
        ],
    }
    output.write_text(json.dumps(seed))
    print(f"seeded {people} signed-in people, each with an attempt and a plan")


if __name__ == "__main__":
    main()
