"""Account mail, sent by the task worker so that a slow mail server never holds a web request.

The tasks carry only an account's id and the site's address: the links' tokens are made when
the mail is built, so no token is ever stored in the queue's table."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.tasks import task

from certguide import accounts


@task
def send_sign_up_email(user_id: int, site_url: str) -> bool:
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return False  # the account was deleted (or never confirmed and cleaned up) meanwhile
    accounts.mail_sign_up(user, site_url)
    return True


@task
def send_password_reset_email(user_id: int, domain: str, protocol: str) -> bool:
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return False
    accounts.mail_password_reset(user, domain, protocol)
    return True
