"""Small helpers every app's views share for answering htmx requests."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString


def wants_fragment(request: HttpRequest) -> bool:
    """An htmx request made by the page itself. A boosted link or a history restore (the back
    button after htmx cleared its cache) wants the whole page."""
    return bool(
        request.htmx and not request.htmx.boosted and not request.htmx.history_restore_request
    )


def out_of_band(template: str, partial: str, context: dict, request: HttpRequest) -> SafeString:
    """The partial `template#partial` swapped into the inside of the element with its name as
    id: the element itself (often an aria-live region) stays, so changes are announced."""
    inner = render_to_string(f"{template}#{partial}", context, request=request)
    return format_html('<div id="{}" hx-swap-oob="innerHTML">{}</div>', partial, inner)
