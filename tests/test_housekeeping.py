"""`manage.py clean_up`: what nobody will come back for goes; everything else stays."""

from datetime import timedelta
from io import StringIO

from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from assessments.models import Attempt
from assessments.tests.helpers import answer, choice_id, start
from conftest import failed_sign_in


def aged(attempt: Attempt, days: int) -> Attempt:
    Attempt.objects.filter(pk=attempt.pk).update(updated_at=timezone.now() - timedelta(days=days))
    return attempt


def session(expires_in: timedelta) -> str:
    store = SessionStore()
    store["visited"] = True
    store.set_expiry(timezone.now() + expires_in)
    store.save()
    return store.session_key


def failure(minutes_ago: int) -> AccessAttempt:
    row = failed_sign_in(f"x{minutes_ago}@example.com")
    AccessAttempt.objects.filter(pk=row.pk).update(
        attempt_time=timezone.now() - timedelta(minutes=minutes_ago)
    )
    return row


def test_clean_up_removes_only_what_is_old_and_abandoned(alice):
    aged(Attempt.objects.create(), days=31)  # abandoned for 31 days: removed
    recent_anonymous = aged(Attempt.objects.create(), days=29)
    old_but_finished = aged(
        Attempt.objects.create(finished_at=timezone.now() - timedelta(days=40)), 40
    )
    alices_old = aged(Attempt.objects.create(user=alice), days=400)
    session(timedelta(seconds=-1))
    live = session(timedelta(days=1))
    never_confirmed = User.objects.create_user("ghost@example.com", is_active=False)
    User.objects.filter(pk=never_confirmed.pk).update(
        date_joined=timezone.now() - timedelta(days=31)
    )
    just_signed_up = User.objects.create_user("new@example.com", is_active=False)
    failure(61)
    fresh_failure = failure(59)
    out = StringIO()

    call_command("clean_up", "--days", "30", stdout=out)

    remaining = set(Attempt.objects.values_list("pk", flat=True))
    assert remaining == {recent_anonymous.pk, old_but_finished.pk, alices_old.pk}
    assert set(Session.objects.values_list("session_key", flat=True)) == {live}
    assert set(User.objects.values_list("email", flat=True)) == {alice.email, just_signed_up.email}
    assert list(AccessAttempt.objects.all()) == [fresh_failure]
    assert out.getvalue().strip() == (
        "Removed 1 unfinished anonymous attempts, 1 expired sessions, 1 unconfirmed sign-ups "
        "and 1 expired sign-in failure records."
    )


def test_a_longer_period_keeps_more(db):
    aged(Attempt.objects.create(), days=31)

    call_command("clean_up", "--days", "60", stdout=StringIO())

    assert Attempt.objects.count() == 1


def test_an_old_attempt_answered_lately_is_kept(client, question_bank):
    attempt = start(client)
    answer(client, attempt, "rate-python", choice_id("rate-python", 2))
    aged(attempt, days=45)  # started long ago, but its latest answer is from today

    call_command("clean_up", "--days", "30", stdout=StringIO())

    assert Attempt.objects.filter(pk=attempt.pk).exists()
