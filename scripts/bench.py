"""
Serve certguide with gunicorn on 127.0.0.1 and measure the main pages: latency and worker memory.

Prints figures; asserts nothing. A bounded number of requests goes to this machine only.
Run with `make bench` (which loads the curated data first).
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
REQUESTS_PER_PAGE = 200
WORKERS = 2
PAGES = {
    "home": ("/", {}),
    "catalog list": ("/certifications/", {}),
    "catalog filter (htmx)": ("/certifications/?provider=aws&q=model", {"HX-Request": "true"}),
    "certification detail": ("/certifications/google-professional-ml-engineer/", {}),
    "compare": (
        "/certifications/compare/?c=google-professional-ml-engineer&c=aws-ml-engineer-associate",
        {},
    ),
    "health": ("/healthz", {}),
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(base: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1).read()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn did not start in time")


def measure(base: str, path: str, headers: dict[str, str]) -> list[float]:
    timings = []
    for _ in range(REQUESTS_PER_PAGE):
        request = urllib.request.Request(base + path, headers=headers)
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def worker_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def main() -> None:
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "benchmark-only-secret-key"),
        "DJANGO_DEBUG": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        # The benchmark sends no mail; production settings refuse to start without a mailer.
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=PROJECT_DIR,
        env=env,
        check=True,
    )
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "certguide.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            "--log-level",
            "warning",
        ],
        cwd=PROJECT_DIR,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, time.monotonic() + 30)
        print(f"gunicorn, {WORKERS} workers; {REQUESTS_PER_PAGE} sequential requests a page")
        print(f"{'page':26} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
        for name, (path, headers) in PAGES.items():
            timings = sorted(measure(base, path, headers))
            p95 = timings[int(len(timings) * 0.95) - 1]
            print(f"{name:26} {statistics.median(timings):8.1f} {p95:8.1f} {timings[-1]:8.1f}")
        workers = worker_pids(server.pid)
        memory = ", ".join(f"{rss_mib(pid):.0f} MiB" for pid in workers)
        print(f"worker memory (RSS) after the run: {memory or 'not available'}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
