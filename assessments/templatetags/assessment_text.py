import re

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

BACKTICKED = re.compile(r"`([^`]+)`")


@register.filter
def inline_code(text: str) -> SafeString:
    """Escape the text and show `backticked` spans (code in a question) as <code>."""
    escaped = str(conditional_escape(text))  # the spans below are already escaped text
    return mark_safe(BACKTICKED.sub(r"<code>\1</code>", escaped))
