"""The credentials' work with the database: recording an exam result on a plan, saving a
credential from a form, and reading what a person holds with its standing on a day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from credentials.models import Credential, ExamResult, ReminderPreference
from credentials.renewals import Standing
from plans import services as plan_services
from plans.models import Plan


@dataclass(frozen=True)
class HeldCredential:
    credential: Credential
    standing: Standing


def held_credentials(user, today: date) -> list[HeldCredential]:
    credentials = Credential.objects.for_user(user).with_certification()
    return [HeldCredential(c, c.standing(today)) for c in credentials]


@transaction.atomic
def record_pass(plan: Plan, sat_on: date) -> Credential:
    """The plan becomes a credential earned on `sat_on`; the plan is archived with its
    progress, so it can still be read."""
    ExamResult.objects.create(plan=plan, sat_on=sat_on, passed=True)
    credential = Credential.objects.create(
        user=plan.user, certification=plan.certification, earned_on=sat_on, plan=plan
    )
    plan_services.archive_plan(plan)
    return credential


@transaction.atomic
def record_fail(plan: Plan, sat_on: date, retake_on: date) -> ExamResult:
    """The plan now aims at the retake; every item keeps its state."""
    result = ExamResult.objects.create(plan=plan, sat_on=sat_on, passed=False, retake_on=retake_on)
    plan.target_date = retake_on
    plan.save(update_fields=["target_date", "updated_at"])
    return result


def apply_credential_form(credential: Credential, data: dict) -> Credential:
    credential.certification = data["certification"]
    credential.name = "" if data["certification"] else data["name"]
    credential.issuer = data["issuer"]
    credential.earned_on = data["earned_on"]
    credential.renewed_on = data["renewed_on"]
    credential.expires_on = None if data["certification"] else data["expires_on"]
    credential.save()
    return credential


def reminder_preference(user) -> ReminderPreference:
    """The person's choice, off unless they chose otherwise (nothing stored until then)."""
    return ReminderPreference.objects.filter(user=user).first() or ReminderPreference(user=user)


def set_weekly_digest(user, on: bool) -> bool:
    """Store the choice; returns whether it changed."""
    preference = ReminderPreference.objects.filter(user=user).first()
    if preference is None:
        if on:
            ReminderPreference.objects.create(user=user, weekly_digest=True)
        return on
    if preference.weekly_digest == on:
        return False
    preference.weekly_digest = on
    preference.save(update_fields=["weekly_digest", "updated_at"])
    return True
