"""Background work for credentials, run by the Tasks framework's database worker
(`manage.py db_worker`); the daily schedule is kept by `manage.py crontask`."""

from __future__ import annotations

from crontask import cron
from django.tasks import task
from django.utils import timezone

from credentials import reminders


@cron("30 7 * * *")  # every day at 07:30 (TIME_ZONE); each person gets at most one a week
@task
def enqueue_weekly_digests() -> int:
    """One `send_weekly_digest` task per person due a digest; returns how many."""
    due = reminders.users_due(timezone.localdate())
    for user_id in due:
        send_weekly_digest.enqueue(user_id)
    return len(due)


@task
def send_weekly_digest(user_id: int) -> bool:
    return reminders.send_weekly_digest(user_id, timezone.localdate())
