"""
Seed the benchmark's data set, deterministically (a fixed random seed), with bulk inserts.

    bench_seed.py people OUTPUT.json [--people 1000] [--pool 16]
        People with a finished self-assessment (answers) and a study plan of about 40 items,
        some of them done. The first `--pool` people also get an unfinished assessment and a
        signed-in session; what the load needs about them is written to OUTPUT.json.
    bench_seed.py grow --factor 10
        Synthetic published certifications (copies of the curated ones, with their domains,
        required skills and resources) until the catalog is `--factor` times its curated size.

Run with the project's settings after `manage.py migrate` and `manage.py sync_catalog`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import uuid
from datetime import timedelta
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "certguide.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from assessments.models import Answer, Attempt, Question, QuestionKind  # noqa: E402
from catalog.models import Certification, ExamDomain, RequiredSkill, Resource  # noqa: E402
from plans import services  # noqa: E402
from plans.models import ItemKind, ItemState, Plan, PlanItem  # noqa: E402

RANDOM_SEED = 20261207
ITEMS_PER_PLAN = 40
KNOWLEDGE_CHECKS_PER_ATTEMPT = 15
SYNTHETIC_MARK = "synthetic"


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def signed_in_session(user: User) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def _answers(rng: random.Random, attempt: Attempt, questions, *, checks: int) -> list[Answer]:
    """Every context and self-rating question answered, and `checks` knowledge checks."""
    knowledge = [q for q in questions if q.kind == QuestionKind.KNOWLEDGE]
    asked = [q for q in questions if q.kind != QuestionKind.KNOWLEDGE]
    asked += rng.sample(knowledge, min(checks, len(knowledge)))
    answers = []
    for question in asked:
        choice = rng.choice(list(question.choices.all()))
        answers.append(
            Answer(attempt=attempt, question=question, choice=choice, is_correct=choice.is_correct)
        )
    return answers


def _plan_items(rng: random.Random, plan: Plan, drafts, skills, today) -> list[PlanItem]:
    """The generated items, padded with the person's own items to about ITEMS_PER_PLAN; the
    first third done, one in progress."""
    at_end = [d for d in drafts if d.kind in services.AT_END_KINDS]
    work = [d for d in drafts if d.kind not in services.AT_END_KINDS]
    items = [
        PlanItem(
            plan=plan,
            kind=draft.kind,
            title=draft.title[:200],
            detail=draft.detail,
            url=draft.url,
            hours=max(1, min(200, draft.hours)),
            skill=skills.get(draft.skill),
            source=draft.source,
        )
        for draft in work
    ]
    for number in range(1, max(0, ITEMS_PER_PLAN - len(drafts)) + 1):
        items.append(
            PlanItem(plan=plan, kind=ItemKind.CUSTOM, title=f"Practice set {number}", hours=2)
        )
    items += [
        PlanItem(
            plan=plan,
            kind=draft.kind,
            title=draft.title[:200],
            detail=draft.detail,
            hours=max(1, min(200, draft.hours)),
            source=draft.source,
        )
        for draft in at_end
    ]
    done = len(items) // 3
    for position, item in enumerate(items, start=1):
        item.order = position
        if position <= done:
            item.state = ItemState.DONE
            item.done_on = today - timedelta(days=rng.randint(1, 60))
        elif position == done + 1:
            item.state = ItemState.DOING
    return items


def seed_people(output: Path, people: int, pool: int) -> None:
    rng = random.Random(RANDOM_SEED)
    today = timezone.localdate()
    now = timezone.now()
    questions = list(Question.objects.active().with_choices())
    certifications = [c for c in services.plannable_certifications() if c.is_current]
    taxonomy = services.taxonomy()
    skills = {skill.slug: skill for skill in taxonomy}
    drafts = {c.pk: services.draft_items(c, None, taxonomy) for c in certifications}
    password = make_password(None)

    with transaction.atomic():
        users = User.objects.bulk_create(
            User(username=f"bench-{n:04d}@example.com", email=f"bench-{n:04d}@example.com")
            for n in range(1, people + 1)
        )
        for user in users:
            user.password = password
        User.objects.bulk_update(users, ["password"])
        finished = Attempt.objects.bulk_create(
            Attempt(
                public_id=_uuid(rng),
                user=user,
                finished_at=now - timedelta(days=rng.randint(1, 90)),
                choice_seed=rng.getrandbits(31),
            )
            for user in users
        )
        unfinished = Attempt.objects.bulk_create(
            Attempt(public_id=_uuid(rng), user=user, choice_seed=rng.getrandbits(31))
            for user in users[:pool]
        )
        answers = []
        for attempt in finished:
            answers += _answers(rng, attempt, questions, checks=KNOWLEDGE_CHECKS_PER_ATTEMPT)
        for attempt in unfinished:
            answers += _answers(rng, attempt, questions, checks=0)
        Answer.objects.bulk_create(answers, batch_size=2000)
        plans = []
        for user in users:
            cert = rng.choice(certifications)
            hours = services.total_hours(drafts[cert.pk]) + 2 * ITEMS_PER_PLAN
            plans.append(
                Plan(
                    user=user,
                    certification=cert,
                    # Room for every item at 8 hours a week, and some to spare.
                    target_date=today + timedelta(weeks=hours // 8 + 20),
                    hours_per_week=8,
                    start_date=today - timedelta(weeks=rng.randint(2, 10)),
                )
            )
        plans = Plan.objects.bulk_create(plans)
        items = []
        for plan in plans:
            items += _plan_items(rng, plan, drafts[plan.certification_id], skills, today)
        PlanItem.objects.bulk_create(items, batch_size=2000)

    self_rating = next(q for q in questions if q.kind == QuestionKind.SELF_RATING)
    seed = {"people": []}
    for user, attempt, plan in zip(users[:pool], unfinished, plans[:pool], strict=True):
        todo = plan.items.filter(state=ItemState.TODO).exclude(kind__in=services.AT_END_KINDS)
        seed["people"].append(
            {
                "session": signed_in_session(user),
                "attempt": str(attempt.public_id),
                "finished_attempt": str(finished[users.index(user)].public_id),
                "plan": plan.pk,
                "item": todo.first().pk,
            }
        )
    seed["certifications"] = Certification.objects.published().count()
    seed["question"] = self_rating.pk
    seed["choices"] = [choice.pk for choice in self_rating.choices.all()[:2]]
    output.write_text(json.dumps(seed, indent=1))
    print(
        f"seeded {people} people ({len(answers)} answers, {len(items)} plan items); "
        f"{pool} signed in for the load"
    )


def grow_catalog(factor: int) -> None:
    """Copies of the curated certifications until there are `factor` times as many."""
    curated = list(
        Certification.objects.exclude(slug__contains=f"-{SYNTHETIC_MARK}-").prefetch_related(
            "domains__skills", "required_skills", "resources"
        )
    )
    with transaction.atomic():
        for copy_number in range(1, factor):
            copies = Certification.objects.bulk_create(
                _copy(cert, copy_number, slug=f"{cert.slug}-{SYNTHETIC_MARK}-{copy_number}")
                for cert in curated
            )
            domains, links, required, resources = [], [], [], []
            for cert, clone in zip(curated, copies, strict=True):
                for domain in cert.domains.all():
                    domains.append((_copy(domain, None, certification=clone), domain))
                for skill in cert.required_skills.all():
                    required.append(_copy(skill, None, certification=clone))
                for resource in cert.resources.all():
                    resources.append(_copy(resource, None, certification=clone))
            ExamDomain.objects.bulk_create(clone for clone, _ in domains)
            for clone, domain in domains:
                links += [
                    ExamDomain.skills.through(examdomain=clone, skill=skill)
                    for skill in domain.skills.all()
                ]
            ExamDomain.skills.through.objects.bulk_create(links)
            RequiredSkill.objects.bulk_create(required)
            Resource.objects.bulk_create(resources)
    total = Certification.objects.published().count()
    print(f"the catalog now holds {total} published certifications")


def _copy(row, copy_number: int | None, **changes):
    clone = type(row)(
        **{
            field.attname: getattr(row, field.attname)
            for field in row._meta.concrete_fields
            if not field.primary_key
        }
    )
    if copy_number is not None:
        clone.name = f"{row.name} ({SYNTHETIC_MARK} {copy_number})"
        clone.synced_fingerprint = ""
    for name, value in changes.items():
        setattr(clone, name, value)
    return clone


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    people = commands.add_parser("people")
    people.add_argument("output", type=Path)
    people.add_argument("--people", type=int, default=1000)
    people.add_argument("--pool", type=int, default=16)
    grow = commands.add_parser("grow")
    grow.add_argument("--factor", type=int, default=10)
    args = parser.parse_args()
    if args.command == "people":
        seed_people(args.output, args.people, args.pool)
    else:
        grow_catalog(args.factor)


if __name__ == "__main__":
    main()
