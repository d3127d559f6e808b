"""Who may open what: every URL pattern of the URLconf, as five people, with and without htmx.

A pattern missing from `SITE` (or an admin pattern of an unknown shape) fails the walk, so a new
view cannot ship without saying who may see it. The people: an anonymous visitor, the owner
(alice), another person (bob), a curator and a superuser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from assessments.models import Answer, Attempt, Question
from catalog.models import CatalogChange, Certification, ChangeKind, Provider, Skill
from conftest import failed_sign_in
from credentials import unsubscribe
from credentials.models import Credential, ExamResult, ReminderPreference
from credentials.tasks import send_weekly_digest
from plans.models import Plan, PlanItem, StudyLog
from plans.services import new_feed_token
from plans.tests.conftest import make_plan

PUBLIC = "public"  # anyone: a page that answers
SIGNED_IN = "signed-in"  # anonymous → sign in; any signed-in person may use it
OWN_PLAN = "own-plan"  # anonymous → sign in; only the plan's owner, 404 for everyone else
OWN_ATTEMPT = "own-attempt"  # only the attempt's owner (or its browser), 404 for everyone else
OWN_CREDENTIAL = "own-credential"  # anonymous → sign in; only its holder, 404 for everyone else
SECRET_ADDRESS = "secret-address"  # whoever holds the secret in the URL, signed in or not; private

# URL name -> (who may use it, the method to try).
SITE: dict[str, tuple[str, str]] = {
    "home": (PUBLIC, "get"),
    "healthz": (PUBLIC, "get"),
    "signup": (PUBLIC, "get"),
    "signup-sent": (PUBLIC, "get"),
    "signup-confirm": (PUBLIC, "get"),
    "login": (PUBLIC, "get"),
    "logout": (SIGNED_IN, "post"),
    "password_reset": (PUBLIC, "get"),
    "password_reset_done": (PUBLIC, "get"),
    "password_reset_confirm": (PUBLIC, "get"),
    "password_reset_complete": (PUBLIC, "get"),
    "password_change": (SIGNED_IN, "get"),
    "password_change_done": (SIGNED_IN, "get"),
    "account": (SIGNED_IN, "get"),
    "account-data": (SIGNED_IN, "get"),
    "account-delete": (SIGNED_IN, "get"),
    "catalog:certification-list": (PUBLIC, "get"),
    "catalog:certification-compare": (PUBLIC, "get"),
    "catalog:certification-detail": (PUBLIC, "get"),
    "catalog:catalog-changes": (PUBLIC, "get"),
    "assessments:start": (PUBLIC, "get"),
    "assessments:how-we-score": (PUBLIC, "get"),
    "assessments:attempt-create": (PUBLIC, "post"),
    "assessments:resume": (OWN_ATTEMPT, "get"),
    "assessments:answer": (OWN_ATTEMPT, "post"),
    "assessments:finish": (OWN_ATTEMPT, "post"),
    "assessments:results": (OWN_ATTEMPT, "get"),
    "assessments:section": (OWN_ATTEMPT, "get"),
    "plans:dashboard": (SIGNED_IN, "get"),
    "plans:plan-create": (SIGNED_IN, "get"),
    "plans:plan-detail": (OWN_PLAN, "get"),
    "plans:plan-print": (OWN_PLAN, "get"),
    "plans:plan-ics": (OWN_PLAN, "get"),
    "plans:plan-feed": (OWN_PLAN, "post"),
    "plans:feed": (SECRET_ADDRESS, "get"),
    "plans:plan-replan": (OWN_PLAN, "post"),
    "plans:plan-pause": (OWN_PLAN, "post"),
    "plans:plan-resume": (OWN_PLAN, "post"),
    "plans:plan-archive": (OWN_PLAN, "post"),
    "plans:plan-follow-catalog": (OWN_PLAN, "post"),
    "plans:plan-refresh-gaps": (OWN_PLAN, "post"),
    "plans:plan-restore": (OWN_PLAN, "post"),
    "plans:item-add": (OWN_PLAN, "post"),
    "plans:item-state": (OWN_PLAN, "post"),
    "plans:item-log": (OWN_PLAN, "post"),
    "plans:item-edit": (OWN_PLAN, "get"),
    "plans:item-delete": (OWN_PLAN, "get"),
    "plans:item-move": (OWN_PLAN, "post"),
    "sitemap": (PUBLIC, "get"),
    "robots": (PUBLIC, "get"),
    "guides:index": (PUBLIC, "get"),
    "guides:assess-yourself": (PUBLIC, "get"),
    "guides:prerequisites": (PUBLIC, "get"),
    "guides:choosing-a-cloud": (PUBLIC, "get"),
    "guides:deep-learning-or-classical-ml": (PUBLIC, "get"),
    "guides:project-experience": (PUBLIC, "get"),
    "guides:salaries": (PUBLIC, "get"),
    "guides:keeping-current": (PUBLIC, "get"),
    "guides:for-skill": (PUBLIC, "get"),
    "credentials:credential-list": (SIGNED_IN, "get"),
    "credentials:credential-add": (SIGNED_IN, "get"),
    "credentials:credential-edit": (OWN_CREDENTIAL, "get"),
    "credentials:credential-delete": (OWN_CREDENTIAL, "post"),
    "credentials:exam-result": (OWN_PLAN, "get"),
    "credentials:reminders": (SIGNED_IN, "post"),
    # The signed link itself is the proof of whose digest it stops; it works signed out.
    "credentials:unsubscribe": (PUBLIC, "get"),
}

# RFC 8058 one-click unsubscribe: mail clients POST to the link without cookies or a CSRF
# token. The link's signature names the one person whose digest it stops (tests in
# credentials/tests/test_unsubscribe.py), so a forged request can do nothing else.
CSRF_EXEMPT = {"credentials:unsubscribe"}

# Admin pages of these models are the curators' work; every other model is people's data.
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
CURATED_MODELS = re.compile(r"^(catalog_\w+|assessments_question)$")
ADMIN_MODEL_PAGE = re.compile(
    r"^admin:(?P<model>[a-z_]+?_[a-z]+)_"
    r"(?P<action>changelist|add|history|delete|change|password_change)$"
)
ADMIN_SITE_PAGES = {
    "admin:index",
    "admin:app_list",
    "admin:password_change",
    "admin:password_change_done",
    "admin:jsi18n",
    "admin:autocomplete",
    "admin:login",
    "admin:logout",
    "admin:view_on_site",
}


@dataclass(frozen=True)
class Route:
    name: str
    route: str

    @property
    def label(self) -> str:
        return self.name or self.route


def all_routes(resolver=None, namespace="", prefix="") -> list[Route]:
    routes = []
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            child = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            routes += all_routes(entry, child, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            name = f"{namespace}{entry.name}" if entry.name else ""
            routes.append(Route(name, prefix + str(entry.pattern)))
    return routes


ROUTES = all_routes()
SITE_ROUTES = sorted({r.name for r in ROUTES if not r.route.startswith("admin/")})
ADMIN_ROUTES = sorted({r.name for r in ROUTES if r.route.startswith("admin/") and r.name})


def test_every_site_pattern_says_who_may_use_it():
    assert set(SITE_ROUTES) - set(SITE) == set(), "add each new URL to SITE"
    assert set(SITE) - set(SITE_ROUTES) == set(), "SITE lists a URL that no longer exists"


def test_every_admin_pattern_has_a_known_shape():
    unknown = [
        n for n in ADMIN_ROUTES if n not in ADMIN_SITE_PAGES and not ADMIN_MODEL_PAGE.match(n)
    ]
    assert unknown == []


@pytest.fixture
def people(db, question_bank, alice, bob, curator, superuser):
    return {
        "anonymous": None,
        "owner": alice,
        "other": bob,
        "curator": curator,
        "superuser": superuser,
    }


@pytest.fixture
def owned(people):
    alice = people["owner"]
    plan = make_plan(alice)
    new_feed_token(plan)
    # A finished assessment too, so that refreshing the plan's gap items has one to use.
    Attempt.objects.create(user=alice, finished_at=timezone.now())
    return {
        "plan": plan,
        "item": plan.items.first(),
        "attempt": Attempt.objects.create(user=alice),
        "certification": Certification.objects.published().first(),
        "credential": Credential.objects.create(
            user=alice, certification=plan.certification, earned_on=date(2025, 1, 2)
        ),
    }


def url_of(name: str, owned: dict) -> str:
    args = {
        "signup-confirm": ["MQ", "invalid-token"],
        "password_reset_confirm": ["MQ", "invalid-token"],
        "catalog:certification-detail": [owned["certification"].slug],
        "plans:plan-create": [owned["certification"].slug],
        "assessments:section": [owned["attempt"].public_id, "checks"],
        "guides:for-skill": [Skill.objects.first().slug],
        "credentials:unsubscribe": [unsubscribe.token_for(owned["plan"].user)],
        "plans:feed": [owned["plan"].feed_token],
    }.get(name)
    if args is None and SITE[name][0] == OWN_CREDENTIAL:
        args = [owned["credential"].pk]
    if args is None and name.startswith("assessments:") and SITE[name][0] == OWN_ATTEMPT:
        args = [owned["attempt"].public_id]
    if args is None and name.startswith("plans:item-") and name != "plans:item-add":
        args = [owned["plan"].pk, owned["item"].pk]
    elif args is None and SITE[name][0] == OWN_PLAN:
        args = [owned["plan"].pk]
    return reverse(name, args=args or [])


def post_data(name: str, owned: dict) -> dict:
    """A valid form, so that a 404 can only mean "not yours"."""
    if name == "assessments:answer":
        question = Question.objects.active().filter(kind="context").first()
        return {"question": question.pk, "choice": question.choices.first().pk}
    if name == "plans:item-state":
        return {"state": "done"}
    if name == "plans:item-move":
        return {"direction": "down"}
    if name == "plans:item-add":
        return {"title": "Read the docs", "hours": 2}
    if name == "credentials:reminders":
        return {"weekly_digest": "on"}
    if name == "plans:item-log":
        return {"hours": "1.5"}
    if name == "plans:plan-feed":
        return {"action": "new"}
    return {}


def keep_the_credential(owned: dict) -> None:
    """Removing a credential succeeds once; put it back so that each person's try means the
    same thing (a 404 is then "not yours", never "already gone")."""
    credential = owned["credential"]
    if not Credential.objects.filter(pk=credential.pk).exists():
        credential.save(force_insert=True)


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def expected(access: str, person: str) -> str:
    if access in {PUBLIC, SECRET_ADDRESS}:
        return "allowed"
    if person == "anonymous":
        return "404" if access == OWN_ATTEMPT else "sign-in"
    if access == SIGNED_IN or person == "owner":
        return "allowed"
    return "404"


def outcome(response) -> str:
    if response.status_code == 404:
        return "404"
    if response.status_code == 302 and response.headers["Location"].startswith(reverse("login")):
        return "sign-in"
    if response.status_code in {200, 302, 400}:
        return "allowed"
    return f"status {response.status_code}"


@pytest.mark.parametrize("name", SITE_ROUTES)
def test_each_site_url_answers_each_person_as_it_should(people, owned, name):
    access, method = SITE[name]
    url = url_of(name, owned)
    results, wanted = {}, {}
    for person, user in people.items():
        for htmx in (False, True):
            headers = {"HX-Request": "true"} if htmx else {}
            data = post_data(name, owned) if method == "post" else {}
            keep_the_credential(owned)
            response = getattr(client_for(user), method)(url, data, headers=headers)
            key = f"{person}{' (htmx)' if htmx else ''}"
            results[key] = outcome(response)
            wanted[key] = expected(access, person)
            if access != PUBLIC and results[key] == "allowed" == wanted[key]:
                cache_control = response.headers.get("Cache-Control", "")
                assert "private" in cache_control and "no-store" in cache_control, (key, url)

    assert results == wanted, url


@pytest.fixture
def admin_objects(owned, people):
    failed_sign_in("x@example.com")
    AccessLog.objects.create(username="x", ip_address="127.0.0.1", path_info="/")
    AccessFailureLog.objects.create(username="x", ip_address="127.0.0.1", path_info="/")
    return {
        "auth_group": Group.objects.first(),
        "auth_user": people["owner"],
        "axes_accessattempt": AccessAttempt.objects.first(),
        "axes_accesslog": AccessLog.objects.first(),
        "axes_accessfailurelog": AccessFailureLog.objects.first(),
        "catalog_certification": owned["certification"],
        "catalog_catalogchange": CatalogChange.objects.create(
            certification=owned["certification"],
            certification_name=owned["certification"].name,
            kind=ChangeKind.NEW_EXAM,
            text="Added to the catalog.",
        ),
        "catalog_provider": Provider.objects.first(),
        "catalog_skill": Skill.objects.first(),
        "assessments_question": Question.objects.first(),
        "plans_plan": Plan.objects.first(),
        "credentials_credential": owned["credential"],
        "credentials_examresult": ExamResult.objects.create(
            plan=owned["plan"], sat_on=date(2025, 1, 2), passed=False
        ),
        "credentials_reminderpreference": ReminderPreference.objects.create(user=people["owner"]),
        "django_tasks_database_dbtaskresult": queued_task(),
    }


def queued_task() -> DBTaskResult:
    with override_settings(TASKS=DATABASE_TASKS):
        result = send_weekly_digest.enqueue(0)
    return DBTaskResult.objects.get(pk=result.id)


def admin_url(name: str, objects: dict) -> tuple[str, str | None]:
    """The URL and the model it shows (None for the admin's own pages)."""
    match = ADMIN_MODEL_PAGE.match(name)
    if match is None:
        args = {
            "admin:app_list": ["catalog"],
            "admin:view_on_site": [
                ContentType.objects.get_for_model(Certification).pk,
                objects["catalog_certification"].pk,
            ],
        }.get(name, [])
        return reverse(name, args=args), None
    model, action = match["model"], match["action"]
    args = [] if action in {"changelist", "add"} else [objects[model].pk]
    return reverse(name, args=args), model


def admin_outcome(response) -> str:
    location = response.headers.get("Location", "")
    if response.status_code == 302 and location.startswith(("/admin/login/", reverse("login"))):
        return "sign-in"
    if response.status_code == 403:
        return "forbidden"
    return "allowed" if response.status_code in {200, 302} else f"status {response.status_code}"


def admin_expected(name: str, model: str | None, person: str) -> str:
    if name == "admin:login":
        return "allowed"
    if name == "admin:logout":
        return "sign-in" if person == "anonymous" else "allowed"
    if person in {"anonymous", "owner", "other"}:
        return "sign-in"
    # Sign-in records are written by django-axes alone; nobody adds one by hand.
    if re.match(r"admin:axes_\w+_add$", name):
        return "forbidden"
    if name == "admin:autocomplete":
        return "forbidden"  # without a field to complete, whoever asks
    # Questions and their answers are kept for past attempts: the admin never deletes them.
    if name == "admin:assessments_question_delete":
        return "forbidden"
    # The task queue's results are read-only in the admin: written by the worker alone.
    if re.match(r"admin:django_tasks_database_\w+_(add|delete)$", name):
        return "forbidden"
    if person == "superuser" or model is None or CURATED_MODELS.match(model):
        return "allowed"
    return "forbidden"


@pytest.mark.parametrize("name", ADMIN_ROUTES)
def test_each_admin_page_is_staff_only_and_people_are_superusers_only(people, admin_objects, name):
    url, model = admin_url(name, admin_objects)
    results, wanted = {}, {}
    for person, user in people.items():
        method = "post" if name == "admin:logout" else "get"
        results[person] = admin_outcome(getattr(client_for(user), method)(url))
        wanted[person] = admin_expected(name, model, person)

    assert results == wanted, url


def row_counts() -> tuple[int, ...]:
    return (
        User.objects.count(),
        Attempt.objects.count(),
        Answer.objects.count(),
        Plan.objects.count(),
        PlanItem.objects.count(),
        Credential.objects.count(),
        ExamResult.objects.count(),
        ReminderPreference.objects.filter(weekly_digest=True).count(),
        StudyLog.objects.count(),
    )


@pytest.mark.parametrize("name", sorted(set(SITE_ROUTES) - CSRF_EXEMPT))
def test_a_post_without_the_csrf_token_is_refused_everywhere(people, owned, name):
    url = url_of(name, owned)
    before = row_counts()
    for user in (None, people["owner"]):
        client = Client(enforce_csrf_checks=True)
        if user is not None:
            client.force_login(user)
        for headers in ({}, {"HX-Request": "true"}):
            response = client.post(url, post_data(name, owned), headers=headers)
            assert response.status_code == 403, (url, headers)

    assert row_counts() == before
