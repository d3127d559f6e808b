"""
Whole public pages for visitors who are not signed in, rendered once per version of the
curated content.

A public page (the home page, the catalog, a certification, a comparison, a guide) shows the
same thing to every visitor without a session until a curator changes the content or the day
changes. Such a page is kept in the default cache (Redis when ``REDIS_URL`` is set, so every
app server shares it) under a key made of the curated content's version
(`certguide.lib.curated`), today's date, the htmx headers and the address (host, path and query). A
curator's change makes a new version, so the very next request, on any server, renders afresh;
old copies are never read again and expire. The key also holds a digest of the site's own code,
templates and reference data, so a deploy never serves a page rendered by the release before.

Two things in a page differ on every response: the CSRF token (in forms and htmx's headers) and
the nonce of its scripts. The kept copy is rendered with a placeholder in their place, and each
response fills in its own.

Requests with a session or messages, and responses that are personal (``private``), set a
cookie, change the session or are not a plain 200, are never kept.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache as once
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csp import get_nonce
from django.middleware.csrf import get_token
from django.utils import timezone

from certguide.lib import curated

CSRF_TOKEN_SLOT = "pagecacheCsrfTokenSlot"
NONCE_SLOT = "pagecacheNonceSlot"
KEPT_FOR_SECONDS = 24 * 60 * 60
_HTMX_HEADERS = (
    "HTTP_HX_REQUEST",
    "HTTP_HX_BOOSTED",
    "HTTP_HX_HISTORY_RESTORE_REQUEST",
    "HTTP_HX_TARGET",
    "HTTP_HX_TRIGGER",
    "HTTP_HX_TRIGGER_NAME",
)
_RELEASE_FOLDERS = ("certguide", "catalog", "assessments", "plans", "credentials", "guides")
_RELEASE_FOLDERS += ("templates", "static")
_RELEASE_FILES = ("*.py", "*.html", "*.json", "*.txt", "*.css", "*.js", "*.svg")
_INDENTATION = re.compile(r"\n[ \t]+")
_WHITE_SPACE_KEPT = ("<pre", "<textarea", "code-block")
# Set on the request while a page to keep is rendered; read by `slots()`.
_RENDERING_FOR_CACHE = "_page_cache_rendering"


def slots(request: HttpRequest) -> dict[str, str]:
    """Context processor: the placeholders, instead of this request's token and nonce, while a
    page to keep is rendered. Listed after Django's own, so it overrides them."""
    if getattr(request, _RENDERING_FOR_CACHE, False):
        return {"csrf_token": CSRF_TOKEN_SLOT, "csp_nonce": NONCE_SLOT}
    return {}


def public_page(view):
    """Keep the view's anonymous responses, as the module describes."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _may_share(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        kept = cache.get(key)
        if kept is None:
            setattr(request, _RENDERING_FOR_CACHE, True)
            try:
                response = view(request, *args, **kwargs)
            finally:
                setattr(request, _RENDERING_FOR_CACHE, False)
            if not _may_keep(request, response):
                return response
            if hasattr(response, "render"):
                response.render()  # a TemplateResponse (the sitemap) renders late otherwise
            body = _without_indentation(response.content.decode(response.charset))
            kept = (body, list(response.items()))
            cache.set(key, kept, KEPT_FOR_SECONDS)
        return _filled_in(request, *kept)

    return wrapper


def _may_share(request: HttpRequest) -> bool:
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _may_keep(request: HttpRequest, response: HttpResponse) -> bool:
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and not (session is not None and session.modified)
    )


@once
def release() -> str:
    """A digest of everything of the site's own that shapes a page: its code, templates, static
    files and reference data (the same on every server of one release)."""
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for folder in _RELEASE_FOLDERS:
        for pattern in _RELEASE_FILES:
            for path in sorted((base / folder).rglob(pattern)):
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _key(request: HttpRequest) -> str:
    parts = [
        release(),
        curated.current_version(),
        timezone.localdate().isoformat(),
        *(request.META.get(header, "") for header in _HTMX_HEADERS),
        request.build_absolute_uri(),
    ]
    return "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _without_indentation(body: str) -> str:
    """The page without the templates' indentation (about a sixth of a catalog page), which
    changes nothing on screen, except where white space is kept as written."""
    if any(marker in body for marker in _WHITE_SPACE_KEPT):
        return body
    return _INDENTATION.sub("\n", body)


def _filled_in(request: HttpRequest, body: str, headers: list[tuple[str, str]]) -> HttpResponse:
    if CSRF_TOKEN_SLOT in body:
        body = body.replace(CSRF_TOKEN_SLOT, get_token(request))
    if NONCE_SLOT in body:
        body = body.replace(NONCE_SLOT, str(get_nonce(request)))
    response = HttpResponse(body)
    for name, value in headers:
        if name.lower() != "content-length":
            response[name] = value
    return response
