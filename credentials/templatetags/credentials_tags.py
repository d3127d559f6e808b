"""Credentials content on other apps' pages, so that those apps never import this one."""

from __future__ import annotations

from django import template
from django.utils import timezone

from credentials import services

register = template.Library()


@register.inclusion_tag("credentials/_exam_result_form.html", takes_context=True)
def exam_result_form(context, plan) -> dict:
    """ "I passed" / "I didn't pass" on a plan's page; no query (an archived plan shows none)."""
    return {"plan": plan, "today": timezone.localdate(), "csrf_token": context.get("csrf_token")}


@register.inclusion_tag("credentials/_reminder_settings.html", takes_context=True)
def reminder_settings(context) -> dict:
    """The weekly-digest choice on the account page (one query)."""
    user = context["request"].user
    return {
        "preference": services.reminder_preference(user),
        "csrf_token": context.get("csrf_token"),
    }
