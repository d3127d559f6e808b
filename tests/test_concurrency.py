"""Concurrent writes through a real server: 8 threads ticking one plan's items and answering
one attempt over HTTP, signed in with a session cookie and the CSRF token. The final state is
the one intended, and no request fails.

On PostgreSQL the server is pytest-django's live server. On SQLite that server would share the
test's single in-memory connection between its request threads, which is not how the site
runs, so there each request thread opens its own connection to a SQLite file (WAL, IMMEDIATE
transactions), as gunicorn's workers do.
"""

from __future__ import annotations

import copy
import re
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
import requests
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connection, connections
from django.test import Client
from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler
from django.utils import timezone

from assessments import services
from assessments.models import Answer, Attempt, Question
from certguide import backups
from conftest import load_curated_content, make_user
from plans.models import ItemState, Plan, PlanItem
from plans.tests.conftest import make_sized_plan

THREADS = 8
CSRF_IN_PAGE = re.compile(r'"x-csrftoken": "([^"]+)"')

pytestmark = pytest.mark.django_db(transaction=True)


class _OwnConnectionServer(ThreadedWSGIServer):
    """Each request thread opens its own connection to the given database."""

    def __init__(self, *args, settings_dict: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.settings_dict = settings_dict

    def process_request_thread(self, request, client_address):
        connections["default"] = type(connections["default"])(self.settings_dict)
        super().process_request_thread(request, client_address)


class _OwnConnectionServerThread(LiveServerThread):
    def __init__(self, settings_dict: dict):
        super().__init__("127.0.0.1", StaticFilesHandler)
        self.settings_dict = settings_dict

    def _create_server(self, connections_override=None):
        return _OwnConnectionServer(
            (self.host, self.port),
            QuietWSGIRequestHandler,
            allow_reuse_address=False,
            settings_dict=self.settings_dict,
        )


@pytest.fixture
def server_url(request, tmp_path) -> Iterator[str]:
    """The address of a server whose requests run concurrently against the test's data."""
    if connection.vendor != "sqlite":
        yield request.getfixturevalue("live_server").url
        return
    # A file copy of the migrated, empty test database, used by the test and the server alike.
    settings_dict = copy.deepcopy(connection.settings_dict)
    settings_dict["NAME"] = str(backups.backup(connection, tmp_path))
    in_memory = connections["default"]
    connections["default"] = type(in_memory)(settings_dict)
    thread = _OwnConnectionServerThread(settings_dict)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    try:
        if thread.error:
            raise thread.error
        yield f"http://127.0.0.1:{thread.port}"
    finally:
        thread.terminate()
        connections["default"].close()
        connections["default"] = in_memory


class SignedIn:
    """One thread's HTTP client: the person's session cookie and the page's CSRF token, sent
    as htmx sends them."""

    def __init__(self, base_url: str, session_key: str, page: str):
        self.base_url = base_url
        self.http = requests.Session()
        # The cookies are marked Secure (debug is off), so they are set by hand over http://.
        response = self.http.get(base_url + page, headers={"Cookie": f"sessionid={session_key}"})
        assert response.status_code == 200, response.status_code
        token = CSRF_IN_PAGE.search(response.text).group(1)
        self.headers = {
            "Cookie": f"sessionid={session_key}; csrftoken={response.cookies['csrftoken']}",
            "X-CSRFToken": token,
            "HX-Request": "true",
        }

    def post(self, path: str, data: dict) -> int:
        response = self.http.post(
            self.base_url + path, data=data, headers=self.headers, allow_redirects=False, timeout=30
        )
        return response.status_code


def session_for(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def run_together(work: Callable[[int], list[int]]) -> list[int]:
    """Run work(thread_number) in THREADS threads released at the same moment; every status."""
    start = threading.Barrier(THREADS)

    def released(number: int) -> list[int]:
        start.wait(timeout=30)
        return work(number)

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(released, range(THREADS)))
    return [status for statuses in results for status in statuses]


def test_ticks_of_one_plans_items_from_8_threads_all_land(server_url):
    load_curated_content()
    alice = make_user("alice@example.com")
    plan = make_sized_plan(alice, 4 * THREADS + 1)
    shared, *items = list(plan.items.all())
    # Each thread starts and then finishes (or skips) its own items, and all of them tick the
    # shared item done in between.
    intended = {
        item.pk: ItemState.SKIPPED if position % 4 == 3 else ItemState.DONE
        for position, item in enumerate(items)
    }
    intended[shared.pk] = ItemState.DONE
    session_key = session_for(alice)
    page = plan.get_absolute_url()

    def tick(number: int) -> list[int]:
        client = SignedIn(server_url, session_key, page)
        statuses = []
        for item in items[number::THREADS]:
            url = f"{page}items/{item.pk}/state/"
            statuses.append(client.post(url, {"state": ItemState.DOING}))
            statuses.append(client.post(f"{page}items/{shared.pk}/state/", {"state": "done"}))
            statuses.append(client.post(url, {"state": intended[item.pk]}))
        return statuses

    statuses = run_together(tick)

    assert statuses == [200] * (3 * len(items))
    final = dict(PlanItem.objects.filter(plan=plan).values_list("pk", "state"))
    assert final == intended


def test_concurrent_answers_to_one_attempt_keep_one_answer_per_question(server_url):
    load_curated_content()
    alice = make_user("alice@example.com")
    attempt = Attempt.objects.create(user=alice)
    # Context and self-ratings can change; a knowledge check is answered once (next test).
    questions = list(
        Question.objects.active().exclude(kind="knowledge").prefetch_related("choices")
    )
    shared, *others = questions
    shared_choice = shared.choices.all()[1]
    # Each thread answers its own questions twice (first choice, then last) and, in between,
    # the shared question with the same choice as every other thread.
    intended = {question.pk: list(question.choices.all())[-1].pk for question in others}
    intended[shared.pk] = shared_choice.pk
    session_key = session_for(alice)
    answer_url = f"/assessment/{attempt.public_id}/answer/"

    def answer(number: int) -> list[int]:
        client = SignedIn(server_url, session_key, f"/assessment/{attempt.public_id}/context/")
        statuses = []
        for question in others[number::THREADS]:
            first = question.choices.all()[0].pk
            statuses.append(client.post(answer_url, {"question": question.pk, "choice": first}))
            statuses.append(
                client.post(answer_url, {"question": shared.pk, "choice": shared_choice.pk})
            )
            last = intended[question.pk]
            statuses.append(client.post(answer_url, {"question": question.pk, "choice": last}))
        return statuses

    statuses = run_together(answer)

    assert statuses == [200] * (3 * len(others))
    answers = list(Answer.objects.filter(attempt=attempt).select_related("choice"))
    assert {answer.question_id: answer.choice_id for answer in answers} == intended
    assert len(answers) == len(questions)
    assert all(answer.is_correct == answer.choice.is_correct for answer in answers)


def test_concurrent_answers_to_the_pending_check_save_exactly_one(server_url):
    load_curated_content()
    alice = make_user("alice@example.com")
    attempt = Attempt.objects.create(user=alice)
    check = services.pending_check(attempt, services.active_questions())
    choices = list(check.choices.all())
    session_key = session_for(alice)
    answer_url = f"/assessment/{attempt.public_id}/answer/"

    def answer(number: int) -> list[int]:
        client = SignedIn(server_url, session_key, f"/assessment/{attempt.public_id}/checks/")
        chosen = choices[number % len(choices)]
        return [client.post(answer_url, {"question": check.pk, "choice": chosen.pk})]

    statuses = run_together(answer)

    saved = Answer.objects.get(attempt=attempt)
    assert saved.question == check
    same_choice = THREADS // len(choices) + (THREADS % len(choices) > choices.index(saved.choice))
    # The first to arrive wins; repeats of its choice are no-ops, other choices are refused.
    assert sorted(statuses) == [200] * same_choice + [409] * (THREADS - same_choice)


def test_8_simultaneous_create_plan_posts_make_one_plan(server_url):
    load_curated_content()
    alice = make_user("alice@example.com")
    slug = "google-professional-ml-engineer"
    session_key = session_for(alice)
    create_url = f"/plans/new/{slug}/"
    exam_date = (timezone.localdate() + timedelta(weeks=60)).isoformat()

    def create(number: int) -> list[int]:
        client = SignedIn(server_url, session_key, create_url)
        return [client.post(create_url, {"target_date": exam_date, "hours_per_week": 8})]

    statuses = run_together(create)

    assert Plan.objects.filter(user=alice, certification__slug=slug).count() == 1
    # One plan made; every other request is told there is one now, and made nothing.
    assert sorted(statuses) == [302] + [400] * (THREADS - 1)


def test_8_simultaneous_added_items_each_get_their_own_place(server_url):
    load_curated_content()
    alice = make_user("alice@example.com")
    plan = make_sized_plan(alice, 3)
    session_key = session_for(alice)
    page = plan.get_absolute_url()

    def add(number: int) -> list[int]:
        client = SignedIn(server_url, session_key, page)
        return [client.post(f"{page}items/new/", {"title": f"Mine {number}", "hours": 1})]

    statuses = run_together(add)

    assert statuses == [302] * THREADS
    orders = list(PlanItem.objects.filter(plan=plan).values_list("order", flat=True))
    assert len(orders) == 3 + THREADS
    assert len(set(orders)) == len(orders)
