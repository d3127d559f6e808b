"""
The benchmark: gunicorn in production mode on 127.0.0.1, a seeded data set, and a bounded
load from wrk against each page, reported as a ratio to a bare reference view measured in the
same run. Run with `make bench` (SQLite) or `make bench-postgres` (PostgreSQL and Redis).

Steps: a fresh database (SQLite in a temporary directory, or the DATABASE_URL given), migrate,
sync the curated catalog, collect static files, seed 1,000 people (scripts/bench_seed.py);
serve it with 2 sync gunicorn workers; for each endpoint, wrk for BENCH_SECONDS with 2 threads
and 8 connections, the reference before it (and once after the last); queries per request
(scripts/bench_queries.py) and response bytes; then the catalog grows to 10x and it all runs
again. Once, before the load: the home page's first load as a browser with an empty cache makes
it (the page and every stylesheet, script, icon and font it references, with the bytes as sent),
and how one hashed static file is compressed and cached. The tables go to stdout and to
bench-results.md. Everything started is stopped, and the temporary directory removed, whatever
the outcome.

Environment: BENCH_SECONDS (per endpoint, default 10), BENCH_REFERENCE_SECONDS (default 5),
BENCH_ENDPOINTS (comma-separated names, default all), BENCH_PEOPLE (default 1000),
BENCH_SCALE (default 10; 1 skips the larger size), BENCH_OUTPUT (default bench-results.md).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import platform
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import brotli  # whitenoise's .br files need it; it is in requirements.txt

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

from scripts.bench_report import (  # noqa: E402
    REFERENCE_PATH,
    Endpoint,
    Figures,
    StaticDelivery,
    Transfer,
    fonts_in_css,
    parse_wrk,
    reference_around,
    references_in_html,
    render,
)
from tests.servers import free_port, redis_server, stop  # noqa: E402

PY = sys.executable
WORKERS = 2
WRK_THREADS = 2
CONNECTIONS = 8
CSRF_IN_PAGE = re.compile(r'"x-csrftoken": "([^"]+)"')
DETAIL = "google-professional-ml-engineer"
COMPARED = ("google-professional-ml-engineer", "aws-ml-engineer-associate")

REFERENCE = Endpoint("reference", goal=1.0)
ENDPOINTS = [
    Endpoint("home", goal=0.5),
    Endpoint("catalog list", goal=0.5),
    Endpoint("catalog filter (htmx)", goal=0.5, fragment=True),
    Endpoint("certification detail", goal=0.5),
    Endpoint("compare", goal=0.5),
    Endpoint("assessment section", goal=0.10),
    Endpoint("answer one question (htmx)", goal=0.20, fragment=True),
    Endpoint("results", goal=0.10),
    Endpoint("plans dashboard", goal=0.10),
    Endpoint("plan detail", goal=0.10),
    Endpoint("tick an item (htmx)", goal=0.20, fragment=True),
]


def envint(name: str, default: int) -> int:
    value = os.environ.get(name, str(default))
    try:
        return int(value)
    except ValueError:
        raise SystemExit(f"{name} must be a whole number, not {value!r}") from None


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    body: str = ""

    def line(self) -> str:
        """The request as bench.lua reads it: tab-separated fields."""
        headers = [f"{name}: {value}" for name, value in self.headers.items()]
        return "\t".join([self.method, self.path, self.body, *headers])


@dataclass(frozen=True)
class Person:
    """A seeded, signed-in person: their records, session and CSRF token."""

    data: dict
    cookie: str
    csrf_token: str

    def headers(self, *, htmx: bool = False) -> dict[str, str]:
        headers = {"Cookie": self.cookie}
        if htmx:
            headers |= {"HX-Request": "true", "X-CSRFToken": self.csrf_token}
        return headers


def requests_for(name: str, people: list[Person], seed: dict) -> list[Request]:
    """What the load sends to an endpoint, cycled through: signed-in pages and actions spread
    over the signed-in people; the htmx posts alternate between two states, so every request
    changes something."""
    htmx = {"HX-Request": "true"}
    if name == "reference":
        return [Request("GET", "/" + REFERENCE_PATH)]
    if name == "home":
        return [Request("GET", "/")]
    if name == "catalog list":
        return [Request("GET", "/certifications/")]
    if name == "catalog filter (htmx)":
        return [Request("GET", "/certifications/?provider=aws&q=model", htmx)]
    if name == "certification detail":
        return [Request("GET", f"/certifications/{DETAIL}/")]
    if name == "compare":
        query = "&".join(f"c={slug}" for slug in COMPARED)
        return [Request("GET", f"/certifications/compare/?{query}")]
    if name == "assessment section":
        return [
            Request("GET", f"/assessment/{p.data['attempt']}/experience/", p.headers())
            for p in people
        ]
    if name == "answer one question (htmx)":
        return [
            Request(
                "POST",
                f"/assessment/{p.data['attempt']}/answer/",
                p.headers(htmx=True) | {"Content-Type": "application/x-www-form-urlencoded"},
                f"question={seed['question']}&choice={choice}",
            )
            for choice in seed["choices"]
            for p in people
        ]
    if name == "results":
        return [
            Request("GET", f"/assessment/{p.data['finished_attempt']}/results/", p.headers())
            for p in people
        ]
    if name == "plans dashboard":
        return [Request("GET", "/plans/", p.headers()) for p in people]
    if name == "plan detail":
        return [Request("GET", f"/plans/{p.data['plan']}/", p.headers()) for p in people]
    if name == "tick an item (htmx)":
        return [
            Request(
                "POST",
                f"/plans/{p.data['plan']}/items/{p.data['item']}/state/",
                p.headers(htmx=True) | {"Content-Type": "application/x-www-form-urlencoded"},
                f"state={state}",
            )
            for state in ("done", "todo")
            for p in people
        ]
    raise ValueError(f"no such endpoint: {name}")


# --- Processes -------------------------------------------------------------------------------


def _stop_on_signal(signum, frame) -> None:
    raise SystemExit(128 + signum)


def run(args: list[str], env: dict[str, str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=PROJECT_DIR, env=env, check=True, **kwargs)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def fetch(base: str, request: Request, extra: dict[str, str] | None = None) -> tuple[int, bytes]:
    http = urllib.request.Request(
        base + request.path,
        data=request.body.encode() if request.method == "POST" else None,
        headers=request.headers | (extra or {}),
        method=request.method,
    )
    try:
        with _opener.open(http, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_until_up(base: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped while starting; see its log above")
        with contextlib.suppress(OSError):
            if fetch(base, Request("GET", "/healthz"))[0] == 200:
                return
        time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer within {seconds:.0f} s")


def sign_in(base: str, data: dict) -> Person:
    """The person's cookies, set by hand (they are Secure, and this is plain HTTP on the
    loopback), and the CSRF token the page gives htmx."""
    cookie = f"sessionid={data['session']}"
    http = urllib.request.Request(f"{base}/plans/{data['plan']}/", headers={"Cookie": cookie})
    with _opener.open(http, timeout=30) as response:
        page = response.read().decode()
        set_cookies = response.headers.get_all("Set-Cookie") or []
    csrf_cookie = next(c.split(";")[0] for c in set_cookies if c.startswith("csrftoken="))
    token = CSRF_IN_PAGE.search(page).group(1)
    return Person(data=data, cookie=f"{cookie}; {csrf_cookie}", csrf_token=token)


def rss_mb(master: int) -> list[float]:
    children = Path(f"/proc/{master}/task/{master}/children")
    if not children.exists():
        return []
    sizes = []
    for pid in children.read_text().split():
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]) / 1024)
    return sizes


# --- Measuring -------------------------------------------------------------------------------


@dataclass
class Bench:
    base: str
    work: Path
    env: dict[str, str]
    seconds: int
    reference_seconds: int

    def load(self, name: str, requests: list[Request], seconds: int):
        script = self.work / "requests.txt"
        script.write_text("".join(request.line() + "\n" for request in requests))
        output = subprocess.run(
            [
                "wrk",
                f"-t{WRK_THREADS}",
                f"-c{CONNECTIONS}",
                f"-d{seconds}s",
                "--timeout",
                "10s",
                "--latency",
                "-s",
                str(PROJECT_DIR / "scripts" / "bench.lua"),
                self.base,
                "--",
                str(script),
            ],
            capture_output=True,
            text=True,
            timeout=seconds + 60,
            check=False,
        )
        if output.returncode != 0:
            raise SystemExit(f"wrk failed on {name}: {output.stderr.strip()}")
        return parse_wrk(output.stdout)

    def check(self, name: str, requests: list[Request]) -> None:
        """Every request answers 200 before the load (a redirect to sign in would not)."""
        for request in requests:
            status, _ = fetch(self.base, request)
            if status != 200:
                raise SystemExit(f"{name}: {request.method} {request.path} answered {status}")

    def size_of(self, request: Request) -> tuple[int, int]:
        plain = fetch(self.base, request, {"Accept-Encoding": "identity"})[1]
        compressed = fetch(self.base, request, {"Accept-Encoding": "gzip"})[1]
        return len(plain), len(compressed)

    def in_process(self, script: str, workload: dict[str, list[Request]]) -> dict:
        """What `script` prints (as JSON) after sending the workload's requests through
        Django's test client in a process of its own, with the server's settings."""
        path = self.work / "workload.json"
        path.write_text(
            json.dumps({name: [asdict(r) for r in reqs] for name, reqs in workload.items()})
        )
        output = run([PY, script, str(path)], self.env, capture_output=True, text=True)
        return json.loads(output.stdout.strip().splitlines()[-1])

    def queries(self, workload: dict[str, list[Request]]) -> dict[str, int]:
        return self.in_process("scripts/bench_queries.py", workload)

    def profiles(self, workload: dict[str, list[Request]]) -> dict[str, dict]:
        """Where each endpoint's time goes (scripts/bench_profile.py), after the load."""
        return self.in_process("scripts/bench_profile.py", workload)

    def measure(self, endpoints: list[Endpoint], workload: dict[str, list[Request]]):
        reference_requests = requests_for("reference", [], {})
        for name, requests in workload.items():
            self.check(name, requests)
        queries = self.queries(workload)
        sizes = {name: self.size_of(requests[0]) for name, requests in workload.items()}
        references, loads = [], []
        for endpoint in endpoints:
            reference = self.load("reference", reference_requests, self.reference_seconds)
            references.append(reference.per_second)
            loads.append(self.load(endpoint.name, workload[endpoint.name], self.seconds))
            print(
                f"  {endpoint.name:30} {loads[-1].per_second:8.0f} req/s "
                f"(reference {reference.per_second:.0f})",
                flush=True,
            )
        last = self.load("reference", reference_requests, self.reference_seconds)
        references.append(last.per_second)
        rows = [
            (
                endpoint,
                Figures(
                    load=load,
                    reference_per_second=reference_around(references, index),
                    queries=queries[endpoint.name],
                    bytes=sizes[endpoint.name][0],
                    gzip_bytes=sizes[endpoint.name][1],
                ),
            )
            for index, (endpoint, load) in enumerate(zip(endpoints, loads, strict=True))
        ]
        return references, rows


# What a browser sends on its first visit (urllib decodes nothing, so bodies stay as sent).
BROWSER_ACCEPT_ENCODING = "gzip, deflate, br"


def fetch_as_browser(url: str, kind: str) -> tuple[Transfer, bytes, str]:
    """One response as a browser receives it: its transfer, its decoded body, Cache-Control."""
    http = urllib.request.Request(url, headers={"Accept-Encoding": BROWSER_ACCEPT_ENCODING})
    try:
        response = _opener.open(http, timeout=30)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        sent = response.read()
        headers = response.headers
        status, reason = response.status, response.reason
    # The status line, each header line and the blank line after them.
    header_bytes = len(f"HTTP/1.1 {status} {reason}\r\n") + 2
    header_bytes += sum(len(f"{name}: {value}\r\n") for name, value in headers.items())
    encoding = (headers.get("Content-Encoding") or "").strip().lower()
    if encoding == "br":
        body = brotli.decompress(sent)
    elif encoding == "gzip":
        body = gzip.decompress(sent)
    elif encoding == "deflate":
        body = zlib.decompress(sent)
    else:
        body = sent
    transfer = Transfer(
        path=urlsplit(url).path,
        kind=kind,
        status=status,
        encoding=encoding,
        body_bytes=len(sent),
        header_bytes=header_bytes,
    )
    return transfer, body, headers.get("Cache-Control") or ""


def first_load(base: str) -> tuple[list[Transfer], StaticDelivery | None]:
    """The anonymous home page and everything it makes a browser fetch, once each, as sent;
    and the delivery of its first hashed stylesheet or script."""
    page, html, _ = fetch_as_browser(base + "/", "page")
    transfers, delivery = [page], None
    for kind, url in references_in_html(html.decode(), base + "/"):
        transfer, body, cache_control = fetch_as_browser(url, kind)
        transfers.append(transfer)
        if kind == "stylesheet":
            for font in fonts_in_css(body.decode(errors="replace"), url):
                transfers.append(fetch_as_browser(font, "font")[0])
        if delivery is None and kind in ("stylesheet", "script"):
            delivery = StaticDelivery(transfer.path, transfer.encoding, cache_control)
    return transfers, delivery


def machine() -> str:
    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{os.cpu_count()} cores{f' ({model})' if model else ''}, {platform.system()}"


def prepare_database(env: dict[str, str], work: Path, people: int) -> dict:
    """Migrate, load the curated catalog, collect static files and seed; what the load needs."""
    run([PY, "manage.py", "migrate", "--noinput", "-v0"], env)
    run([PY, "manage.py", "sync_catalog"], env, stdout=subprocess.DEVNULL)
    run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    seed_file = work / "seed.json"
    run([PY, "scripts/bench_seed.py", "people", str(seed_file), "--people", str(people)], env)
    return json.loads(seed_file.read_text())


def start_gunicorn(env: dict[str, str], port: int) -> subprocess.Popen:
    # Sync workers close the connection after each response, so wrk connects afresh for every
    # request, as most clients of a site behind a proxy would not; it is the same for every
    # endpoint and the reference.
    command = [PY, "-m", "gunicorn", "certguide.wsgi", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(WORKERS), "--worker-class", "sync", "--log-level", "warning"]
    # gunicorn's control socket has one default path per machine: two servers would share it.
    command += ["--no-control-socket"]
    return subprocess.Popen(command, cwd=PROJECT_DIR, env=env)


def main() -> None:
    parser = argparse.ArgumentParser(description="certguide's benchmark")
    parser.add_argument("--redis", action="store_true", help="start a Redis for the cache")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: run scripts/ensure-wrk.sh (make bench does)")
    seconds = envint("BENCH_SECONDS", 10)
    reference_seconds = envint("BENCH_REFERENCE_SECONDS", 5)
    people = envint("BENCH_PEOPLE", 1000)
    scale = envint("BENCH_SCALE", 10)
    output = PROJECT_DIR / os.environ.get("BENCH_OUTPUT", "bench-results.md")
    chosen = [n.strip() for n in os.environ.get("BENCH_ENDPOINTS", "").split(",") if n.strip()]
    unknown = set(chosen) - {e.name for e in ENDPOINTS}
    if unknown:
        raise SystemExit(f"BENCH_ENDPOINTS names no endpoint: {', '.join(sorted(unknown))}")
    endpoints = [e for e in ENDPOINTS if not chosen or e.name in chosen]

    signal.signal(signal.SIGTERM, _stop_on_signal)
    signal.signal(signal.SIGINT, _stop_on_signal)
    with contextlib.ExitStack() as cleanup:
        work = Path(cleanup.enter_context(tempfile.TemporaryDirectory(prefix="certguide-bench-")))
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "scripts.bench_settings",
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            # Plain HTTP on the loopback: no redirect to https (the cookies stay Secure and
            # are sent by hand).
            "DJANGO_SSL_REDIRECT": "false",
            "DJANGO_LOG_LEVEL": "WARNING",
            # The benchmark sends no mail; production settings refuse to start without a mailer.
            "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "CERTGUIDE_CONTENT_CACHE_DIR": str(work / "content-cache"),
            "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{work}/db.sqlite3",
        }
        if args.redis:
            env["REDIS_URL"] = cleanup.enter_context(redis_server())
        database = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite"
        cache = "Redis" if env.get("REDIS_URL") else "local memory and files"

        print(f"Seeding {people} people on {database}...", flush=True)
        seed = prepare_database(env, work, people)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_gunicorn(env, port)
        cleanup.callback(stop, server)
        wait_until_up(base, server)
        signed_in = [sign_in(base, data) for data in seed["people"]]
        workload = {e.name: requests_for(e.name, signed_in, seed) for e in endpoints}
        bench = Bench(base, work, env, seconds, reference_seconds)
        first_load_transfers, delivery = first_load(base)

        sizes = []
        print(
            f"{seed['certifications']} certifications, "
            f"wrk -t{WRK_THREADS} -c{CONNECTIONS} for {seconds} s each:"
        )
        references, rows = bench.measure(endpoints, workload)
        sizes.append((f"{seed['certifications']} certifications", references, rows))
        profiles = [(f"{seed['certifications']} certifications", bench.profiles(workload))]
        if scale > 1:
            grown = run(
                [PY, "scripts/bench_seed.py", "grow", "--factor", str(scale)],
                env,
                capture_output=True,
                text=True,
            )
            count = int(re.search(r"\d+", grown.stdout).group())
            print(f"{count} certifications ({scale}× the catalog):")
            references, rows = bench.measure(endpoints, workload)
            sizes.append((f"{count} certifications ({scale}×)", references, rows))
            profiles.append((f"{count} certifications ({scale}×)", bench.profiles(workload)))
        memory = rss_mb(server.pid)

    preamble = f"""
## Benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC

{machine()}; {database}, cache in {cache}; gunicorn with {WORKERS} sync workers, debug off;
{people} people with a finished assessment and a plan; `wrk -t{WRK_THREADS} -c{CONNECTIONS}`
for {seconds} s an endpoint, the reference for {reference_seconds} s before each and after
the last. Throughput is given as a ratio to the reference measured around it.
"""
    report = render(
        sizes=sizes,
        rss_mb=memory,
        preamble=preamble,
        first_load=first_load_transfers,
        delivery=delivery,
        profiles=profiles,
    )
    output.write_text(report)
    print()
    print(report)
    print(f"Written to {output}.")
    failed = [endpoint.name for _, _, rows in sizes for endpoint, f in rows if f.load.errors]
    if failed:
        raise SystemExit(f"Some requests failed under load: {', '.join(failed)}.")


if __name__ == "__main__":
    main()
