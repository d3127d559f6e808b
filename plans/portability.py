"""A person's study plans as plain data, for "download my data", and back again.

A plan names its certification by slug; a plan whose certification is no longer in the catalog
cannot be rebuilt and is skipped and counted.

Each item carries the hours logged on it (`hours_spent`) and its `logs`, one per day with hours
(decimal strings such as "1.5", so nothing is lost to floating point).

A plan's calendar feed address is left out: it is a secret that works like a password, and a
file can be passed around. A re-imported plan has no feed until its owner asks for one.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User

from catalog.models import Certification, Skill
from plans.models import Plan, PlanItem, StudyLog

PLAN_FIELDS = ["hours_per_week", "paused_weeks", "pause_after_week", "based_on_assessment"]
PLAN_DATES = ["target_date", "start_date", "paused_on", "pause_ends_on", "replanned_on"]
ITEM_FIELDS = ["kind", "title", "detail", "notes", "url", "hours", "state", "order"]
ITEM_DATES = ["done_on"]


def export_plans(user: User) -> list[dict[str, Any]]:
    plans = (
        Plan.objects.for_user(user)
        .select_related("certification")
        .prefetch_related("items__skill", "items__logs")
        .order_by("created_at", "pk")
    )
    return [
        {
            "certification": plan.certification.slug,
            "certification_name": plan.certification.name,
            **{name: getattr(plan, name) for name in PLAN_FIELDS},
            **{name: _iso(getattr(plan, name)) for name in PLAN_DATES},
            "archived_at": _iso(plan.archived_at),
            "created_at": _iso(plan.created_at),
            "items": [
                {
                    **{name: getattr(item, name) for name in ITEM_FIELDS},
                    **{name: _iso(getattr(item, name)) for name in ITEM_DATES},
                    "skill": item.skill.slug if item.skill else None,
                    "hours_spent": str(item.hours_spent),
                    "logs": [
                        {"day": log.day.isoformat(), "hours": str(log.hours)}
                        for log in item.logs.all()
                    ],
                }
                for item in plan.items.all()
            ],
        }
        for plan in plans
    ]


def import_plans(user: User, items: list[dict[str, Any]]) -> int:
    """Recreate the plans for `user`; returns how many could not be (certification unknown)."""
    certifications = Certification.objects.in_bulk(
        [item["certification"] for item in items], field_name="slug"
    )
    skills = Skill.objects.in_bulk(field_name="slug")
    skipped = 0
    for item in items:
        certification = certifications.get(item["certification"])
        if certification is None:
            skipped += 1
            continue
        plan = Plan.objects.create(
            user=user,
            certification=certification,
            archived_at=_moment(item["archived_at"]),
            **{name: item[name] for name in PLAN_FIELDS},
            # Files written before a date was exported simply lack it.
            **{name: _day(item.get(name)) for name in PLAN_DATES},
        )
        Plan.objects.filter(pk=plan.pk).update(created_at=_moment(item["created_at"]))
        created = PlanItem.objects.bulk_create(
            PlanItem(
                plan=plan,
                skill=skills.get(given["skill"]) if given["skill"] else None,
                # Files written before time was logged simply lack it.
                hours_spent=Decimal(given.get("hours_spent", "0")),
                **{name: given[name] for name in ITEM_FIELDS},
                **{name: _day(given.get(name)) for name in ITEM_DATES},
            )
            for given in item["items"]
        )
        StudyLog.objects.bulk_create(
            StudyLog(item=plan_item, day=_day(log["day"]), hours=Decimal(log["hours"]))
            for plan_item, given in zip(created, item["items"], strict=True)
            for log in given.get("logs", [])
        )
    return skipped


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None
