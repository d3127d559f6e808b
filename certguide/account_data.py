"""Everything certguide holds about a person, as one JSON document, and the way back.

The document (`FORMAT`, version 1) has:

- `account`: the email address, when the account was created and last signed in to;
- `settings`: the person's choices: `weekly_digest` (the reminder email, true or false) and
  `last_digest_on` (the day the last one was sent, or null);
- `attempts`: each self-assessment, with every answer (question key and text, the choice's label,
  whether it was right, when it was given);
- `plans`: each study plan, with its certification, dates, hours, pauses and every item with its
  state, hours, notes and link, and the hours logged on it day by day;
- `credentials`: the certifications the person holds: `certification` (the catalog's slug, or
  null for one it does not list), `name`, `issuer`, `earned_on`, `renewed_on` and `expires_on`
  (the latter only for one the catalog does not list; others are worked out from its rule).

`import_account` rebuilds a document in a new account (`manage.py import_account_data`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from assessments.models import Attempt
from assessments.portability import export_attempts, import_attempts
from credentials.portability import (
    export_credentials,
    export_settings,
    import_credentials,
    import_settings,
)
from plans.portability import export_plans, import_plans

FORMAT = "certguide-account-data"
VERSION = 1


def export_account(user: User) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "settings": export_settings(user),
        "attempts": export_attempts(user),
        "plans": export_plans(user),
        "credentials": export_credentials(user),
    }


class ImportRefused(Exception):
    """The document cannot be imported; the message says why."""


@dataclass(frozen=True)
class ImportReport:
    user: User
    attempts: int
    plans: int
    skipped_answers: int
    skipped_plans: int


@transaction.atomic
def import_account(data: dict[str, Any], email: str) -> ImportReport:
    """A new account for `email` holding the document's attempts and plans. The account has no
    password: its owner sets one with "Forgot your password?"."""
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise ImportRefused(f"This is not a {FORMAT} file of version {VERSION}.")
    email = User.objects.normalize_email(email).lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ImportRefused(f"{email} already has an account; import into a new address.")
    user = User(username=email, email=email)
    user.set_unusable_password()
    user.save()
    import_settings(user, data.get("settings", {}))
    import_credentials(user, data.get("credentials", []))
    return ImportReport(
        user=user,
        attempts=len(data["attempts"]),
        plans=len(data["plans"]),
        skipped_answers=import_attempts(user, data["attempts"]),
        skipped_plans=import_plans(user, data["plans"]),
    )


@transaction.atomic
def delete_account(user: User, session_attempt_ids: list[str]) -> None:
    """Remove the person and every row about them: attempts and answers, plans, items and the
    hours logged on them, credentials, exam results and the reminder choice (by cascade), the
    anonymous attempts this browser made before signing in, and the record of failed sign-ins
    with their email."""
    Attempt.objects.filter(user=None, public_id__in=session_attempt_ids).delete()
    AccessAttempt.objects.filter(username__iexact=user.email).delete()
    user.delete()
