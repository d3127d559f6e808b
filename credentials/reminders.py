"""The weekly digest: who is due one, what it says (`credentials.digest` chooses) and sending it
at most once a week. The task worker calls these (`credentials.tasks`); so do the tests."""

from __future__ import annotations

import email.policy
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string

from credentials import digest, unsubscribe
from credentials.models import Credential, ReminderPreference
from plans import services as plan_services
from plans.models import Plan
from plans.services import OPEN_STATES


def _due(today: date) -> Q:
    return Q(weekly_digest=True) & (
        Q(last_digest_on__isnull=True) | Q(last_digest_on__lte=today - digest.WEEK)
    )


def users_due(today: date) -> list[int]:
    """People who asked for the digest and have not had one in the last 7 days."""
    return list(
        ReminderPreference.objects.filter(_due(today), user__is_active=True)
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )


def build_digest(user, today: date) -> digest.Digest | None:
    plans = (
        Plan.objects.for_user(user)
        .active()
        .filter(paused_on__isnull=True)
        .with_certification()
        .prefetch_related("items")
    )
    weeks = []
    for plan in plans:
        state = plan_services.plan_state(plan, plan.items.all(), today)
        this_week = state.this_week.all_items if state.this_week else []
        weeks.append(
            digest.PlanWeek(
                name=plan.certification.name,
                url=plan.get_absolute_url(),
                open_items=tuple(i.title for i in this_week if i.state in OPEN_STATES),
                hours_behind=state.pace.hours_behind,
            )
        )
    held = [
        digest.CredentialDates(c.title, c.standing(today))
        for c in Credential.objects.for_user(user).select_related("certification")
    ]
    return digest.choose(weeks, held, today)


def site_url() -> str:
    if not settings.SITE_URL:
        raise ImproperlyConfigured(
            "CERTGUIDE_SITE_URL is not set: the digest's links need the site's address."
        )
    return settings.SITE_URL.rstrip("/")


class DigestEmail(EmailMessage):
    """An email whose header lines may run to RFC 5322's hard limit of 998 characters, so that
    the List-Unsubscribe address, one long word, is sent as it is rather than as an encoded
    word that mail clients would not recognise as an address."""

    def message(self, *, policy=email.policy.default):
        return super().message(policy=policy.clone(max_line_length=998))


def digest_message(user, chosen: digest.Digest) -> EmailMessage:
    base = site_url()
    unsubscribe_url = base + unsubscribe.path_for(user)
    body = render_to_string(
        "credentials/digest_email.txt",
        {"digest": chosen, "site_url": base, "unsubscribe_url": unsubscribe_url},
    )
    subject, _, body = body.partition("\n\n")
    return DigestEmail(
        subject.strip(),
        body,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def send_weekly_digest(user_id: int, today: date) -> bool:
    """Send the person's digest if they want one, had none in 7 days and there is something to
    say. The week is claimed before sending (so two workers never both send) and given back if
    the mail server refuses. Returns whether a digest went out."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    preference = ReminderPreference.objects.filter(_due(today), user_id=user_id).first()
    if user is None or preference is None:
        return False
    chosen = build_digest(user, today)
    if chosen is None:
        return False
    message = digest_message(user, chosen)
    claimed = ReminderPreference.objects.filter(_due(today), pk=preference.pk)
    if not claimed.update(last_digest_on=today):
        return False
    try:
        message.send()
    except Exception:
        ReminderPreference.objects.filter(pk=preference.pk).update(
            last_digest_on=preference.last_digest_on
        )
        raise
    return True
