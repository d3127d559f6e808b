"""
Count the database queries of each benchmark endpoint, through Django's test client against
the benchmark's database (run by scripts/bench.py with the same environment as gunicorn).

Reads a JSON file of {"endpoint name": [request, ...]} (the requests the load cycles through;
each {"method", "path", "headers", "body"}) and prints {"endpoint name": queries} as JSON.
The first request of each endpoint warms this process's caches, as a gunicorn worker's are
after a moment of load; the figure is the most any of the next few requests made.
"""

from __future__ import annotations

import json
import os
import sys
from http.cookies import SimpleCookie
from itertools import cycle, islice
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scripts.bench_settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

COUNTED = 4


def send(client: Client, request: dict) -> int:
    headers = dict(request["headers"])
    cookie = SimpleCookie(headers.pop("Cookie", ""))
    for name, morsel in cookie.items():
        client.cookies[name] = morsel.value
    # The test client does not check CSRF tokens; the load sends real ones.
    headers.pop("X-CSRFToken", None)
    if request["method"] == "POST":
        response = client.post(
            request["path"],
            request["body"],
            content_type="application/x-www-form-urlencoded",
            headers=headers,
        )
    else:
        response = client.get(request["path"], headers=headers)
    if response.status_code != 200:
        raise SystemExit(f"{request['method']} {request['path']} answered {response.status_code}")
    return response.status_code


def count(requests: list[dict]) -> int:
    client = Client(HTTP_HOST="127.0.0.1")
    ordered = cycle(requests)
    send(client, next(ordered))
    most = 0
    for request in islice(ordered, COUNTED):
        with CaptureQueriesContext(connection) as queries:
            send(client, request)
        most = max(most, len(queries))
    return most


def main() -> None:
    endpoints = json.loads(Path(sys.argv[1]).read_text())
    print(json.dumps({name: count(requests) for name, requests in endpoints.items()}))


if __name__ == "__main__":
    main()
