"""What a throttled visitor sees: sign-in lockouts (django-axes) and rate limits (django-ratelimit).

Both answer 429 Too Many Requests with a page that says when to try again.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from axes.models import AccessAttempt
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django_ratelimit.decorators import ratelimit

from certguide.lib.http import client_ip

TOO_MANY_REQUESTS = 429


def username_from_request(request: HttpRequest, credentials: dict | None) -> str:
    """Emails are case-insensitive here, so `Alice@…` and `alice@…` share one count."""
    username = (credentials or {}).get("username") or request.POST.get("username") or ""
    return username.strip().lower()


def unlocks_at(username: str, ip_address: str) -> datetime | None:
    """When the lockout of this username from this address ends."""
    latest = (
        AccessAttempt.objects.filter(username=username, ip_address=ip_address)
        .order_by("-attempt_time")
        .values_list("attempt_time", flat=True)
        .first()
    )
    return latest + settings.AXES_COOLOFF_TIME if latest else None


def minutes_until(moment: datetime, now: datetime) -> int:
    """Whole minutes to wait, rounded up, never less than one."""
    return max(1, -(-(moment - now) // timedelta(minutes=1)))


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    username = username_from_request(request, credentials)
    until = unlocks_at(username, client_ip(request)) or timezone.now() + settings.AXES_COOLOFF_TIME
    response = render(
        request,
        "errors/too_many_sign_ins.html",
        {"until": until, "minutes": minutes_until(until, timezone.now())},
        status=TOO_MANY_REQUESTS,
    )
    response["Retry-After"] = str(int((until - timezone.now()).total_seconds()) + 1)
    return response


def rate_limited(request: HttpRequest, exception: Exception) -> HttpResponse:
    response = render(request, "errors/too_many_requests.html", status=TOO_MANY_REQUESTS)
    # Counts run in fixed windows of at most an hour, so an hour is always long enough.
    response["Retry-After"] = "3600"
    return response


def _rate(group: str, request: HttpRequest) -> str | None:
    """The configured rate for `group`; signed-in people are not limited when creating attempts,
    since their attempts are theirs to keep and count toward nobody else's."""
    if group == "attempt_create" and request.user.is_authenticated:
        return None
    return settings.RATE_LIMITS[group]


def _client(group: str, request: HttpRequest) -> str:
    return client_ip(request)


def limit_posts(group: str):
    """Refuse POSTs from one address beyond `settings.RATE_LIMITS[group]` with the 429 page."""
    return ratelimit(group=group, key=_client, rate=_rate, method="POST", block=True)
