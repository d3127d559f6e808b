"""Sign-up that reveals nothing: whether or not an email has an account, the visitor sees the same
page and the mailbox's owner gets the email that explains what to do next.

A new account stays inactive until its owner follows the link in the email, which proves the
address is theirs; an address that already has an account is told so by email instead.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.contrib.auth.tokens import PasswordResetTokenGenerator
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
    """Create (or refresh) an unconfirmed account and mail its link, or tell an existing
    account's owner by email that someone tried to sign up with their address."""
    existing = find_account(email)
    if existing is not None and existing.is_active:
        _mail(request, existing, "registration/signup_existing_email.txt", {})
        return
    user = existing or User(username=email, email=email, is_active=False)
    user.set_password(password)
    user.save()
    link = reverse(
        "signup-confirm",
        args=[urlsafe_base64_encode(force_bytes(user.pk)), sign_up_tokens.make_token(user)],
    )
    _mail(request, user, "registration/signup_confirm_email.txt", {"link": link})


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


def _mail(request: HttpRequest, user: User, template: str, context: dict) -> None:
    context = {"user": user, "site_url": request.build_absolute_uri("/").rstrip("/"), **context}
    body = render_to_string(template, context, request=request)
    subject, _, body = body.partition("\n\n")
    send_mail(subject.strip(), body, None, [user.email])
