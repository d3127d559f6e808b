"""Facts about the HTTP request that several parts of the site need the same way."""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.http import HttpRequest
from django.utils.cache import patch_cache_control


def client_ip(request: HttpRequest) -> str:
    """The address of the person's machine, as far as we can trust it.

    Each trusted reverse proxy appends the address it received the request from to
    X-Forwarded-For, so with N proxies the Nth entry from the right is the client; anything
    further left was written by the client itself and could be anything.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def personal(view):
    """Mark a view whose responses hold someone's own data: no shared cache, nothing on disk."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        response = view(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)
        return response

    return wrapper
