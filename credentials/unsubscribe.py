"""One-click unsubscribe links: the person's id signed with the site's key (Django's signing),
so a link works signed out, for as long as the account exists, and cannot be forged or
pointed at someone else."""

from __future__ import annotations

from django.core import signing
from django.urls import reverse

SALT = "credentials.unsubscribe"


def token_for(user) -> str:
    return signing.dumps({"u": user.pk}, salt=SALT, compress=True)


def user_id_from(token: str) -> int | None:
    """The person the token was made for, or None when it was not made by this site."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    user_id = data.get("u") if isinstance(data, dict) else None
    return user_id if isinstance(user_id, int) else None


def path_for(user) -> str:
    return reverse("credentials:unsubscribe", args=[token_for(user)])
