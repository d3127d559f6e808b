"""
Keys for parts of a page kept with Django's ``{% cache %}`` tag (the default cache: Redis when
``REDIS_URL`` is set): a part is rendered again exactly when something it shows has changed.

The key is a digest of everything the part shows: every field of the rows (and any value a view
set on them), the day, the site's release and the curated content's version, and the CSRF secret
of the person it is for when the part has forms, since they carry a token made from it.
"""

from __future__ import annotations

import hashlib

from django.db import models
from django.http import HttpRequest
from django.middleware.csrf import get_token

from certguide.lib import curated
from certguide.lib.pagecache import release


def fragment_key(request: HttpRequest, *shown: object) -> str:
    """The key of a part with forms in it, for the person making `request`."""
    get_token(request)  # the secret the part's tokens are made from, created if need be
    return content_key(request.META["CSRF_COOKIE"], *shown)


def content_key(*shown: object) -> str:
    """The key of a part without forms."""
    digest = hashlib.blake2b(digest_size=20)
    for part in (release(), curated.current_version(), *shown):
        digest.update(repr(_as_values(part)).encode())
        digest.update(b"\x00")
    return digest.hexdigest()


def _as_values(part: object) -> object:
    if isinstance(part, models.Model):
        # Its fields, annotations and values a view set; related rows are kept elsewhere.
        return type(part).__name__, [(k, v) for k, v in vars(part).items() if k[0] != "_"]
    if isinstance(part, (list, tuple)):
        return [_as_values(each) for each in part]
    return part
