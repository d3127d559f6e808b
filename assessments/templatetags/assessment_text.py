import re

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

BACKTICKED = re.compile(r"`([^`]+)`")


def _code(match: re.Match) -> str:
    code = match.group(1)
    if "\n" in code:
        # A block of several lines; still phrasing content, so it may sit in a legend.
        return f'<code class="code-block">{code}</code>'
    return f"<code>{code}</code>"


@register.filter
def inline_code(text: str) -> SafeString:
    """Escape the text and show `backticked` spans (code in a question) as <code>; a span of
    several lines keeps its line breaks."""
    escaped = str(conditional_escape(text))  # the spans below are already escaped text
    return mark_safe(BACKTICKED.sub(_code, escaped))
