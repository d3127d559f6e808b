"""Removing what nobody will come back for: rows that only cost space and hold stray data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session

from assessments.models import Attempt

DEFAULT_DAYS = 30


@dataclass(frozen=True)
class CleanUpReport:
    anonymous_attempts: int
    sessions: int
    unconfirmed_accounts: int
    sign_in_failures: int

    def line(self) -> str:
        return (
            f"Removed {self.anonymous_attempts} unfinished anonymous attempts, "
            f"{self.sessions} expired sessions, {self.unconfirmed_accounts} unconfirmed "
            f"sign-ups and {self.sign_in_failures} expired sign-in failure records."
        )


def clean_up(now: datetime, days: int = DEFAULT_DAYS) -> CleanUpReport:
    """Delete unfinished anonymous attempts untouched for `days` (an answer touches one),
    sessions past their expiry, accounts never confirmed within `days`, and sign-in failures
    older than the cool-off.
    Finished anonymous attempts stay: their results page may be bookmarked."""
    cutoff = now - timedelta(days=days)
    return CleanUpReport(
        anonymous_attempts=_delete(
            Attempt.objects.filter(user=None, finished_at=None, updated_at__lt=cutoff).exclude(
                answers__answered_at__gte=cutoff
            )
        ),
        sessions=_delete(Session.objects.filter(expire_date__lt=now)),
        unconfirmed_accounts=_delete(
            User.objects.filter(is_active=False, last_login=None, date_joined__lt=cutoff)
        ),
        sign_in_failures=_delete(
            AccessAttempt.objects.filter(attempt_time__lt=now - settings.AXES_COOLOFF_TIME)
        ),
    )


def _delete(queryset) -> int:
    """How many rows of the queryset's own model went (not counting what cascaded with them)."""
    _, per_model = queryset.delete()
    return per_model.get(queryset.model._meta.label, 0)
