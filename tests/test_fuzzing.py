"""Arbitrary input to every form and htmx endpoint: never a server error, and a refusal (4xx)
changes nothing that was saved.

Hypothesis draws text (unicode, control characters, markup), numbers far outside any range,
empty values and missing fields for each field the endpoint reads.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.models import Answer, Attempt, Question
from plans.models import Plan, PlanItem, StudyLog
from plans.tests.conftest import make_plan

ANY_VALUE = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["", " ", "0", "-1", "9" * 40, "2026-02-30", "1e309", "null", "<b>x</b>"]),
    st.dates().map(str),
)
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def form(fields: list[str]):
    """Some of `fields` (others missing), each with an arbitrary value, sometimes several."""
    return st.dictionaries(
        st.sampled_from(fields), st.one_of(ANY_VALUE, st.lists(ANY_VALUE, max_size=3))
    )


def saved_state() -> tuple:
    return (
        list(Answer.objects.values_list("pk", "choice_id").order_by("pk")),
        list(Attempt.objects.values_list("pk", "finished_at").order_by("pk")),
        list(
            Plan.objects.values_list(
                "pk",
                "target_date",
                "hours_per_week",
                "paused_on",
                "paused_weeks",
                "archived_at",
                "feed_token",
            ).order_by("pk")
        ),
        list(
            PlanItem.objects.values_list(
                "pk", "title", "hours", "url", "notes", "state", "order", "hours_spent"
            ).order_by("pk")
        ),
        list(StudyLog.objects.values_list("pk", "item_id", "day", "hours").order_by("pk")),
    )


@pytest.fixture
def world(alice, question_bank):
    plan = make_plan(alice)
    attempt = Attempt.objects.create(user=alice)
    question = Question.objects.active().filter(kind="knowledge").first()
    return {"plan": plan, "item": plan.items.first(), "attempt": attempt, "question": question}


def endpoints(world) -> dict[str, tuple[str, str, list[str]]]:
    plan, item, attempt = world["plan"], world["item"], world["attempt"]
    q = world["question"]
    return {
        "signup": ("post", reverse("signup"), ["email", "password1", "password2", "next"]),
        "login": ("post", reverse("login"), ["username", "password", "next"]),
        "password reset": ("post", reverse("password_reset"), ["email"]),
        "delete account": ("post", reverse("account-delete"), ["password"]),
        "answer": (
            "post",
            reverse("assessments:answer", args=[attempt.public_id]),
            ["question", "choice", f"q{q.pk}"],
        ),
        "section": (
            "post",
            reverse("assessments:section", args=[attempt.public_id, q.section]),
            [f"q{q.pk}", "finish"],
        ),
        "plan create": (
            "post",
            reverse("plans:plan-create", args=[plan.certification.slug]),
            ["target_date", "hours_per_week", "confirm_duplicate"],
        ),
        "replan": (
            "post",
            reverse("plans:plan-replan", args=[plan.pk]),
            ["target_date", "hours_per_week", "confirm"],
        ),
        "pause": ("post", reverse("plans:plan-pause", args=[plan.pk]), ["weeks"]),
        "feed address": ("post", reverse("plans:plan-feed", args=[plan.pk]), ["action"]),
        "item add": (
            "post",
            reverse("plans:item-add", args=[plan.pk]),
            ["title", "hours", "url", "notes"],
        ),
        "item edit": (
            "post",
            reverse("plans:item-edit", args=[plan.pk, item.pk]),
            ["title", "hours", "url", "notes"],
        ),
        "item state": ("post", reverse("plans:item-state", args=[plan.pk, item.pk]), ["state"]),
        "item log": ("post", reverse("plans:item-log", args=[plan.pk, item.pk]), ["hours"]),
        "item move": ("post", reverse("plans:item-move", args=[plan.pk, item.pk]), ["direction"]),
        "catalog filters": (
            "get",
            reverse("catalog:certification-list"),
            ["q", "provider", "level", "focus", "status", "include_retired", "max_cost", "sort"],
        ),
        "compare": ("get", reverse("catalog:certification-compare"), ["c"]),
    }


ENDPOINTS = [
    "signup",
    "login",
    "password reset",
    "delete account",
    "answer",
    "section",
    "plan create",
    "replan",
    "pause",
    "feed address",
    "item add",
    "item edit",
    "item state",
    "item log",
    "item move",
    "catalog filters",
    "compare",
]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
def test_arbitrary_input_never_breaks_the_site_or_a_saved_row(world, alice, endpoint, htmx):
    method, url, fields = endpoints(world)[endpoint]
    client = Client()
    client.force_login(alice)
    headers = {"HX-Request": "true"} if htmx else {}

    @FUZZ
    @given(data=form(fields))
    def check(data):
        cache.clear()
        before = saved_state()
        response = getattr(client, method)(url, data, headers=headers)
        assert response.status_code < 500, (data, response.status_code)
        if 400 <= response.status_code < 500:
            assert saved_state() == before, data
        if endpoint == "delete account" and response.status_code < 400:
            client.force_login(alice)  # never deleted: the password is not guessable here

    check()
