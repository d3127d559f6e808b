"""Fixtures shared by every test: personas, collected static files and the real browser."""

from __future__ import annotations

import copy
import os
import shutil
from pathlib import Path

import pytest
from django.contrib.auth.models import User

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run
# beside one unless told it is safe, which it is here: the loop only drives the browser.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "correct horse battery staple 42"
CHROMIUM_PATHS = ("/usr/lib/chromium/chromium", "/usr/bin/chromium")
ARTIFACTS_DIR = Path(__file__).resolve().parent / "test-artifacts"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with empty rate-limit counters (every test client shares one address)
    and builds the curated content's values from its own rows."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


def make_user(email: str, **extra) -> User:
    return User.objects.create_user(username=email, email=email, password=PASSWORD, **extra)


def link_in_mail(message, marker: str) -> str:
    """The path of the first link in an email that contains `marker`."""
    line = next(line for line in message.body.splitlines() if marker in line)
    return "/" + line.strip().split("://", 1)[1].split("/", 1)[1]


def sign_up(client, email: str, password: str = PASSWORD, **extra):
    """Sign up as a person does: the form, then the confirmation link from the email."""
    from django.core import mail

    client.post(
        "/accounts/signup/", {"email": email, "password1": password, "password2": password, **extra}
    )
    return client.post(link_in_mail(mail.outbox[-1], "/accounts/signup/confirm/"))


def failed_sign_in(username: str, ip_address: str = "127.0.0.1"):
    """A record of failed sign-ins as django-axes keeps it."""
    from axes.models import AccessAttempt

    return AccessAttempt.objects.create(
        username=username,
        ip_address=ip_address,
        user_agent="",
        http_accept="*/*",
        path_info="/accounts/login/",
        failures_since_start=1,
        get_data="",
        post_data="",
    )


@pytest.fixture
def alice(db) -> User:
    """The owner in most tests."""
    return make_user("alice@example.com")


@pytest.fixture
def bob(db) -> User:
    """Another signed-up user, who must never see alice's data."""
    return make_user("bob@example.com")


@pytest.fixture
def curator(db) -> User:
    """Staff in the Curators group (made by a migration), who keep the catalog true."""
    from django.apps import apps
    from django.contrib.auth.models import Group

    from certguide.curators import GROUP_NAME, grant_curator_permissions

    user = make_user("curator@example.com", is_staff=True)
    if not Group.objects.filter(name=GROUP_NAME).exists():
        # A transactional test before this one flushed the tables, and the group with them;
        # tests/test_curators.py proves that the migration itself creates it.
        grant_curator_permissions(apps)
    user.groups.add(Group.objects.get(name=GROUP_NAME))
    return user


@pytest.fixture
def superuser(db) -> User:
    return make_user("admin@example.com", is_staff=True, is_superuser=True)


_curated_rows: dict[type, list] = {}


def load_curated_content() -> None:
    """Load the curated files as `make run` does. The first call syncs them for real (about a
    second); later calls insert copies of the rows that sync produced, in the same order."""
    from django.apps import apps
    from django.db import transaction

    from assessments import sync as question_sync
    from catalog import sync as catalog_sync

    if not _curated_rows:
        catalog_sync.sync_catalog(catalog_sync.load_file())
        question_sync.sync_questions(question_sync.load_file())
        for label in ("catalog", "assessments"):
            for model in apps.get_app_config(label).get_models(include_auto_created=True):
                _curated_rows[model] = list(model.objects.all())
        return
    # One transaction: the foreign keys are checked at commit, so the order of the models (an
    # auto-created many-to-many table comes before its model) does not matter in browser tests,
    # whose transactional database would otherwise check each insert on its own.
    with transaction.atomic():
        for model, rows in _curated_rows.items():
            model.objects.bulk_create(copy.copy(row) for row in rows)


@pytest.fixture
def question_bank(db):
    """The curated catalog and question bank, as `make run` loads them."""
    load_curated_content()


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice)
    return client


def chromium_path() -> str | None:
    for path in CHROMIUM_PATHS:
        if Path(path).exists():
            return path
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = chromium_path()
    if executable is None:
        if os.environ.get("CERTGUIDE_SKIP_BROWSER") == "1":
            pytest.skip("Chromium is not installed and CERTGUIDE_SKIP_BROWSER=1 was set.")
        pytest.fail(
            "Chromium is not installed: run 'apt-get install chromium' "
            "(or `make test`, which installs it)."
        )
    return {
        **browser_type_launch_args,
        "executable_path": executable,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the item so fixtures can tell whether the test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report
