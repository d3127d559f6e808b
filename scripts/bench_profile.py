"""
Where each benchmark endpoint's time goes, through Django's test client under cProfile, against
the benchmark's database (run by scripts/bench.py with the same environment as gunicorn).

Reads the same JSON file as scripts/bench_queries.py and prints, as JSON, for each endpoint:
the milliseconds per request under the profiler (which slows everything down, so read the
shares rather than the total), the share of time spent in templates, the database, the site's
own code and the framework (middleware, request handling), and the site's functions that took
the most time, with everything they called. Each distinct request is sent once first, as a
worker's caches are warm after a moment of load.
"""

from __future__ import annotations

import cProfile
import json
import os
import pstats
import sys
import time
from itertools import cycle, islice
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scripts.bench_settings")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

from scripts.bench_queries import send  # noqa: E402

PROFILED = 20
WARMED = 64
SITE_PACKAGES = ("catalog", "assessments", "plans", "credentials", "guides", "certguide")
TOP = 4


def area(filename: str) -> str:
    """Which part of the stack a profiled function belongs to."""
    path = filename.replace("\\", "/")
    if "/django/template/" in path or "/templatetags/" in path or "crispy" in path:
        return "templates"
    if "/django/db/" in path or "sqlite3" in path or "psycopg" in path:
        return "database"
    relative = path.removeprefix(str(PROJECT_DIR) + "/")
    if relative != path and relative.split("/", 1)[0] in SITE_PACKAGES:
        return "site code"
    return "framework"


def profile(requests: list[dict]) -> dict:
    client = Client(HTTP_HOST="127.0.0.1")
    ordered = cycle(requests)
    for request in islice(ordered, min(len(requests), WARMED)):  # as a worker under load is
        send(client, request)
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for request in islice(ordered, PROFILED):
        send(client, request)
    profiler.disable()
    elapsed = time.perf_counter() - started
    stats = pstats.Stats(profiler).stats
    shares: dict[str, float] = {}
    for (filename, _line, _name), (_calls, _primitive, own, _total, _callers) in stats.items():
        shares[area(filename)] = shares.get(area(filename), 0.0) + own
    spent = sum(shares.values()) or 1.0
    site = [
        (f"{Path(filename).parent.name}/{Path(filename).name}:{name}", total)
        for (filename, _line, name), (_c, _p, _own, total, _callers) in stats.items()
        if area(filename) == "site code" and name not in ("wrapper", "inner", "__call__")
    ]
    site.sort(key=lambda entry: entry[1], reverse=True)
    return {
        "ms": round(elapsed / PROFILED * 1000, 2),
        "shares": {name: round(seconds / spent, 3) for name, seconds in shares.items()},
        "top": [(name, round(total / PROFILED * 1000, 2)) for name, total in site[:TOP]],
    }


def main() -> None:
    endpoints = json.loads(Path(sys.argv[1]).read_text())
    print(json.dumps({name: profile(requests) for name, requests in endpoints.items()}))


if __name__ == "__main__":
    main()
