"""Sign-up that reveals nothing: whether or not an email has an account, the visitor sees the same
page and the mailbox's owner gets the email that explains what to do next.

A new account stays inactive until its owner follows the link in the email, which proves the
address is theirs; an address that already has an account is told so by email instead.
"""

from __future__ import annotations

from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.models import User
from django.contrib.auth.tokens import PasswordResetTokenGenerator, default_token_generator
from django.core.mail import send_mail
from django.db.models import Q
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode


class SignUpTokenGenerator(PasswordResetTokenGenerator):
    """Like a password-reset token, but void once the account is confirmed (single use)."""

    key_salt = "certguide.accounts.SignUpTokenGenerator"

    def _make_hash_value(self, user: User, timestamp: int) -> str:
        return f"{super()._make_hash_value(user, timestamp)}{user.is_active}"


sign_up_tokens = SignUpTokenGenerator()


def find_account(email: str) -> User | None:
    return User.objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).first()


def request_sign_up(request: HttpRequest, email: str, password: str) -> None:
    """Create (or refresh) an unconfirmed account and have its link mailed, or have an existing
    account's owner told by email that someone tried to sign up with their address. The mail
    goes through the task worker, so a slow mail server never holds the request."""
    from certguide import tasks

    existing = find_account(email)
    if existing is None or not existing.is_active:
        user = existing or User(username=email, email=email, is_active=False)
        user.set_password(password)
        user.save()
        existing = user
    tasks.send_sign_up_email.enqueue(existing.pk, site_url(request))


def site_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def mail_sign_up(user: User, site_url: str) -> None:
    """The confirmation link for an unconfirmed account; for a confirmed one, the note that
    the address already has an account. The link is made here, in the worker, so it is never
    stored in the queue."""
    if user.is_active:
        _mail(user, "registration/signup_existing_email.txt", {"site_url": site_url})
        return
    link = reverse(
        "signup-confirm",
        args=[urlsafe_base64_encode(force_bytes(user.pk)), sign_up_tokens.make_token(user)],
    )
    _mail(user, "registration/signup_confirm_email.txt", {"site_url": site_url, "link": link})


def pending_account(uidb64: str, token: str) -> User | None:
    """The unconfirmed account a link belongs to, if the link is genuine and still valid."""
    try:
        pk = int(force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError):
        return None
    user = User.objects.filter(pk=pk, is_active=False).first()
    if user is None or not sign_up_tokens.check_token(user, token):
        return None
    return user


def confirm_account(user: User) -> None:
    user.is_active = True
    user.save(update_fields=["is_active"])


def mail_password_reset(user: User, domain: str, protocol: str) -> None:
    """Django's password-reset email, with a token made here, in the worker."""
    context = {
        "email": user.email,
        "domain": domain,
        "site_name": domain,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
        "protocol": protocol,
    }
    PasswordResetForm().send_mail(
        "registration/password_reset_subject.txt",
        "registration/password_reset_email.html",
        context,
        None,
        user.email,
    )


def _mail(user: User, template: str, context: dict) -> None:
    body = render_to_string(template, {"user": user, **context})
    subject, _, body = body.partition("\n\n")
    send_mail(subject.strip(), body, None, [user.email])
