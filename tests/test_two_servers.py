"""
The site scaled out: two gunicorn app servers in production mode on one PostgreSQL and one
Redis, as a deploy with several app servers runs them. What one server writes, the other serves
on the very next request: a curator's edit in the admin shows on the public pages of the other
server (whose pages were loaded just before, so any cache there is warm), and one person's
ticks sent to both servers at once all land, and both servers show the same progress.

The servers read the test's own database, so this needs PostgreSQL: `make test-postgres` (which
CI runs) provides it; under `make test` (SQLite in memory) the module is skipped.
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from catalog.models import Certification
from catalog.tests.helpers import FormData
from conftest import PASSWORD, load_curated_content, make_user
from plans.models import ItemState, PlanItem
from plans.tests.conftest import PMLE, make_sized_plan
from tests.servers import free_port, redis_server, stop

PROJECT_DIR = Path(__file__).resolve().parent.parent
CSRF_IN_PAGE = re.compile(r'"x-csrftoken": "([^"]+)"')
TIMEOUT = 30

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason=(
            "two app servers need a database that other processes can open: "
            "run `make test-postgres` (CI does), not SQLite in memory"
        ),
    ),
    pytest.mark.django_db(transaction=True),
]


@dataclass
class Server:
    name: str
    url: str
    log: Path
    process: subprocess.Popen


@dataclass
class Servers:
    a: Server
    b: Server

    def logs(self) -> str:
        """Both servers' logs, for an assertion's message."""
        return "".join(
            f"\n--- gunicorn {server.name} ({server.url}) ---\n"
            + server.log.read_text(errors="replace")
            for server in (self.a, self.b)
        )


def _server_env(static_root: Path, redis_url: str | None = None) -> dict[str, str]:
    """Production settings, plain HTTP on the loopback, the test's database and Redis."""
    inherited = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "REDIS_", "CERTGUIDE_", "DATABASE_"))
    }
    db = connection.settings_dict
    database_url = (
        f"postgres://{quote(db['USER'], safe='')}:{quote(db['PASSWORD'], safe='')}"
        f"@{db['HOST']}:{db['PORT']}/{quote(db['NAME'], safe='')}"
    )
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "tests.app_server_settings",
        "CERTGUIDE_TEST_STATIC_ROOT": str(static_root),
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        # The cookies stay Secure and are sent by hand over plain HTTP.
        "DJANGO_SSL_REDIRECT": "false",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        # The servers' database is the test database that pytest-django made for this run.
        "DATABASE_URL": database_url,
    }
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


@pytest.fixture(scope="module")
def static_root(tmp_path_factory) -> Path:
    """The static files collected once, as a deploy does, outside the checkout."""
    root = tmp_path_factory.mktemp("static")
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=PROJECT_DIR,
        env=_server_env(root),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return root


def _start(name: str, env: dict[str, str], log: Path) -> Server:
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "certguide.wsgi"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", str(TIMEOUT)]
    # Each server would otherwise open the same control socket in the home directory.
    command += ["--no-control-socket"]
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, cwd=PROJECT_DIR, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    return Server(name, f"http://127.0.0.1:{port}", log, process)


def _wait_until_healthy(server: Server, servers_logs, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.process.poll() is None, f"gunicorn {server.name} stopped{servers_logs()}"
        try:
            response = requests.get(f"{server.url}/healthz", timeout=10)
        except requests.RequestException:  # not listening yet, or the worker still booting
            pass
        else:
            if response.status_code == 200:
                assert response.json()["database"] == "postgresql", response.text
                return
        time.sleep(0.1)
    raise AssertionError(
        f"gunicorn {server.name} did not answer /healthz in {seconds} s{servers_logs()}"
    )


@pytest.fixture
def servers(transactional_db, static_root, tmp_path) -> Iterator[Servers]:
    """Two gunicorn servers on the test database and one throw-away Redis; both are stopped
    before the test's tables are emptied, whatever the outcome."""
    with redis_server() as redis_url:
        env = _server_env(static_root, redis_url)
        started: list[Server] = []
        try:
            for name in ("A", "B"):
                started.append(_start(name, env, tmp_path / f"gunicorn-{name}.log"))
            both = Servers(*started)
            for server in started:
                _wait_until_healthy(server, both.logs)
            yield both
        finally:
            for server in started:
                stop(server.process)


@dataclass
class Visitor:
    """One person's browser on one server: it keeps its cookies (Secure ones too, which
    requests would not send over plain HTTP) and sends them by hand."""

    server: Server
    cookies: dict[str, str] = field(default_factory=dict)

    def on(self, server: Server) -> Visitor:
        """The same person, with a copy of the cookies, on another server."""
        return Visitor(server, dict(self.cookies))

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = kwargs.pop("headers", {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        response = requests.request(
            method,
            self.server.url + path,
            headers=headers,
            allow_redirects=False,
            timeout=TIMEOUT,
            **kwargs,
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, data, **kwargs) -> requests.Response:
        return self.request("POST", path, data=data, **kwargs)

    def sign_in(self, email: str) -> None:
        """The sign-in form, with the CSRF token from the page, as a person fills it in."""
        page = self.get("/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        response = self.post(
            "/accounts/login/",
            {"csrfmiddlewaretoken": token, "username": email, "password": PASSWORD},
        )
        assert response.status_code == 302, (response.status_code, response.text[:2000])
        assert "sessionid" in self.cookies


def signable(user):
    """The user with a password hash the servers can check: the test settings hash with MD5,
    which the site's own settings do not accept."""
    hasher = PBKDF2PasswordHasher()
    user.password = hasher.encode(PASSWORD, hasher.salt())
    user.save(update_fields=["password"])
    return user


def _admin_rename(curator: Visitor, certification: Certification, name: str) -> None:
    """Open the certification's change form in the admin, change its name, and save."""
    url = f"/admin/catalog/certification/{certification.pk}/change/"
    page = curator.get(url)
    assert page.status_code == 200, page.status_code
    parser = FormData()
    parser.feed(page.text)
    data: dict[str, list[str]] = {}
    for key, value in parser.pairs:
        data.setdefault(key, []).append(value)
    assert data["csrfmiddlewaretoken"]
    data["name"] = [name]
    data["_save"] = ["Save"]
    response = curator.post(url, data)
    assert response.status_code == 302, re.findall(
        r'class="errorlist[^>]*>(.*?)</ul>', response.text
    )


def _heading(name: str) -> str:
    return f"<h1>{escape(name)}</h1>"


def test_an_admin_edit_on_one_server_shows_on_the_other_at_once(servers, curator):
    load_curated_content()
    certification = Certification.objects.get(slug=PMLE)
    page = certification.get_absolute_url()
    catalog = "/certifications/"
    curator_on_a = Visitor(servers.a)
    curator_on_a.sign_in(signable(curator).email)

    for number, (writer, reader) in enumerate([(servers.a, servers.b), (servers.b, servers.a)]):
        before = Certification.objects.get(pk=certification.pk).name
        anonymous = Visitor(reader)
        # Both pages are served once by the reader first, so any cache of them there is warm.
        for path in (page, catalog):
            warm = anonymous.get(path)
            assert warm.status_code == 200, f"{path}: {warm.status_code}{servers.logs()}"
        assert _heading(before) in anonymous.get(page).text
        new_name = f"{before.split(' (')[0]} (renamed on {writer.name}, {number})"

        _admin_rename(curator_on_a.on(writer), certification, new_name)

        assert Certification.objects.get(pk=certification.pk).name == new_name
        detail = anonymous.get(page)
        assert detail.status_code == 200, servers.logs()
        assert _heading(new_name) in detail.text, (
            f"server {reader.name} still serves {before!r} on {page} after the edit on "
            f"{writer.name}{servers.logs()}"
        )
        listing = anonymous.get(catalog)
        assert escape(new_name) in listing.text, (
            f"server {reader.name}'s catalog list does not show {new_name!r}{servers.logs()}"
        )


def test_ticks_sent_to_both_servers_at_once_all_land(servers):
    load_curated_content()
    alice = signable(make_user("alice@example.com"))
    plan = make_sized_plan(alice, 16)  # 2 hours each
    items = list(plan.items.order_by("order"))
    ticked = items[:12]
    page = plan.get_absolute_url()
    signed_in = Visitor(servers.a)
    signed_in.sign_in(alice.email)
    # Two threads per server, three items each, released at the same moment.
    threads = [(servers.a, 0), (servers.b, 1), (servers.a, 2), (servers.b, 3)]
    start = threading.Barrier(len(threads))

    def tick(server: Server, number: int) -> list[int]:
        browser = signed_in.on(server)
        response = browser.get(page)
        assert response.status_code == 200, response.status_code
        headers = {
            "X-CSRFToken": CSRF_IN_PAGE.search(response.text).group(1),
            "HX-Request": "true",
        }
        start.wait(timeout=TIMEOUT)
        return [
            browser.post(
                f"{page}items/{item.pk}/state/", {"state": "done"}, headers=dict(headers)
            ).status_code
            for item in ticked[number :: len(threads)]
        ]

    with ThreadPoolExecutor(len(threads)) as pool:
        results = list(pool.map(lambda args: tick(*args), threads))

    assert [status for statuses in results for status in statuses] == [200] * len(ticked), (
        f"{results}{servers.logs()}"
    )
    states = dict(PlanItem.objects.filter(plan=plan).values_list("pk", "state"))
    assert {pk for pk, state in states.items() if state == ItemState.DONE} == {
        item.pk for item in ticked
    }
    for server in (servers.a, servers.b):
        text = signed_in.on(server).get(page).text
        assert "24 of 32 hours done · 12 of 16 items" in text, (
            f"server {server.name}'s plan page disagrees{servers.logs()}"
        )
        assert 'aria-valuenow="75"' in text
