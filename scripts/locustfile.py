"""
The load check's people, for locust (run by scripts/loadtest.sh): each is signed in with a
pre-created session and browses the catalog, answers their self-assessment and ticks their
plan's items, with htmx requests as the browser sends them (CSRF token in a header).

Any answer other than the expected status, or a private page that sends a person to sign in,
counts as a failure.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
from pathlib import Path

from locust import HttpUser, between, task

SEED = json.loads(Path(os.environ["LOADTEST_SEED"]).read_text())
PEOPLE = itertools.cycle(SEED["people"])
CSRF_IN_PAGE = re.compile(r'"x-csrftoken": "([^"]+)"')
ITEM_STATES = ["doing", "done", "todo", "skipped"]


class Person(HttpUser):
    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.person = next(PEOPLE)
        self.plan_url = f"/plans/{self.person['plan']}/"
        self.attempt_url = f"/assessment/{self.person['attempt']}/"
        # Debug is off, so the cookies are Secure; over plain loopback HTTP they go by hand.
        session_cookie = f"sessionid={self.person['session']}"
        response = self.client.get(
            self.plan_url, headers={"Cookie": session_cookie}, name="/plans/[id]/"
        )
        token = CSRF_IN_PAGE.search(response.text)
        if response.status_code != 200 or token is None or "csrftoken" not in response.cookies:
            raise RuntimeError(f"could not open the plan page ({response.status_code})")
        self.client.headers["Cookie"] = (
            f"{session_cookie}; csrftoken={response.cookies['csrftoken']}"
        )
        self.htmx = {"X-CSRFToken": token.group(1), "HX-Request": "true"}

    def page(self, path: str, name: str, headers: dict | None = None) -> None:
        with self.client.get(path, name=name, headers=headers, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code} {response.error or ''}".strip())
            elif "/accounts/login/" in response.url:
                response.failure("sent to sign in")

    def post(self, path: str, name: str, data: dict) -> None:
        with self.client.post(
            path,
            data=data,
            name=name,
            headers=self.htmx,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code} {response.error or ''}".strip())

    @task(3)
    def catalog_list(self) -> None:
        self.page("/certifications/", "/certifications/")

    @task(2)
    def catalog_filter(self) -> None:
        self.page(
            "/certifications/?provider=aws&q=model",
            "/certifications/?filter (htmx)",
            headers={"HX-Request": "true"},
        )

    @task(3)
    def certification_detail(self) -> None:
        slug = random.choice(SEED["certifications"])
        self.page(f"/certifications/{slug}/", "/certifications/[slug]/")

    @task(1)
    def compare(self) -> None:
        first, second = random.sample(SEED["certifications"], 2)
        self.page(f"/certifications/compare/?c={first}&c={second}", "/certifications/compare/")

    @task(1)
    def assessment_section(self) -> None:
        section = random.choice(SEED["sections"])
        self.page(f"{self.attempt_url}{section}/", "/assessment/[id]/[section]/")

    @task(4)
    def answer(self) -> None:
        question = random.choice(SEED["questions"])
        choice = random.choice(question["choices"])
        self.post(
            f"{self.attempt_url}answer/",
            "/assessment/[id]/answer/ (htmx POST)",
            {"question": question["id"], "choice": choice},
        )

    @task(2)
    def plan_page(self) -> None:
        self.page(self.plan_url, "/plans/[id]/")

    @task(1)
    def dashboard(self) -> None:
        self.page("/plans/", "/plans/")

    @task(4)
    def tick(self) -> None:
        item = random.choice(self.person["items"])
        self.post(
            f"{self.plan_url}items/{item}/state/",
            "/plans/[id]/items/[id]/state/ (htmx POST)",
            {"state": random.choice(ITEM_STATES)},
        )
