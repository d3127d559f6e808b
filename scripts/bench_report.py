"""
The benchmark's pure parts: reading wrk's figures, ratios to the reference, the targets'
pass/short and the Markdown report. No I/O beyond strings, so tests call these directly.
"""

from __future__ import annotations

import json
import re
import statistics
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin

# The reference page's address (served only with scripts/bench_settings.py).
REFERENCE_PATH = "bench/reference/"
# What wrk prints from bench.lua's done(): one line, this marker, then JSON.
RESULT_MARKER = "bench-result "

# The targets (see the README's "make bench" section).
FULL_PAGE_P99_MS = 50.0
FRAGMENT_P99_MS = 15.0
FULL_PAGE_QUERIES = 8
FRAGMENT_QUERIES = 5
# 10x the data may cost less than this share of the throughput (measured as ratio to the
# reference at each size, so a busier machine during one size does not count).
GROWTH_COST = 0.20
WORKER_RSS_MB = 120.0
# The home page's first load: its HTML and everything the browser fetches to show it, as sent
# over the wire to a browser that accepts gzip and Brotli (in bytes; KB is 1,000 bytes here).
FIRST_LOAD_BYTES = 120_000
# Static files named by their content's hash may be kept by browsers and proxies for a year or
# more; whitenoise gives them ten years (315,360,000 s) and "immutable".
FAR_FUTURE_SECONDS = 365 * 24 * 3600


@dataclass(frozen=True)
class Endpoint:
    name: str
    goal: float  # the least throughput, as a ratio to the reference
    fragment: bool = False  # an htmx fragment: tighter p99 and query budgets


@dataclass(frozen=True)
class Load:
    """One wrk run: throughput and latency at the given connections."""

    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class Figures:
    """An endpoint at one data size."""

    load: Load
    reference_per_second: float  # the reference measured around this endpoint
    queries: int
    bytes: int
    gzip_bytes: int

    @property
    def ratio(self) -> float:
        if not self.reference_per_second:
            return 0.0
        return self.load.per_second / self.reference_per_second


def parse_wrk(output: str) -> Load:
    """The figures from wrk's output with bench.lua (latencies and duration in microseconds)."""
    for line in output.splitlines():
        if line.startswith(RESULT_MARKER):
            data = json.loads(line[len(RESULT_MARKER) :])
            errors = data["errors"]
            return Load(
                requests=data["requests"],
                seconds=data["duration_us"] / 1_000_000,
                p50_ms=data["p50_us"] / 1000,
                p99_ms=data["p99_us"] / 1000,
                errors=sum(errors.values()),
            )
    raise ValueError("wrk printed no result line; was it run with scripts/bench.lua?")


def reference_around(references: list[float], index: int) -> float:
    """The reference for the index-th endpoint: the mean of the runs just before and after it
    (the reference is measured before every endpoint and once after the last)."""
    return statistics.fmean(references[index : index + 2])


@dataclass(frozen=True)
class Verdict:
    passed: bool
    text: str

    def __str__(self) -> str:
        return f"{'pass' if self.passed else '**short**'} {self.text}"


def throughput_verdict(endpoint: Endpoint, sizes: list[Figures]) -> Verdict:
    worst = min(figures.ratio for figures in sizes)
    shown = " / ".join(f"{figures.ratio:.3f}" for figures in sizes)
    return Verdict(worst >= endpoint.goal, f"{shown} (≥ {endpoint.goal:g})")


def latency_verdict(endpoint: Endpoint, sizes: list[Figures]) -> Verdict:
    limit = FRAGMENT_P99_MS if endpoint.fragment else FULL_PAGE_P99_MS
    worst = max(figures.load.p99_ms for figures in sizes)
    shown = " / ".join(f"{figures.load.p99_ms:.1f}" for figures in sizes)
    return Verdict(worst <= limit, f"{shown} ms (≤ {limit:g})")


def queries_verdict(endpoint: Endpoint, sizes: list[Figures]) -> Verdict:
    limit = FRAGMENT_QUERIES if endpoint.fragment else FULL_PAGE_QUERIES
    counts = [figures.queries for figures in sizes]
    same = len(set(counts)) == 1
    shown = " / ".join(str(count) for count in counts)
    note = "" if same else ", not the same at both sizes"
    return Verdict(max(counts) <= limit and same, f"{shown} (≤ {limit}{note})")


def growth_verdict(small: Figures, large: Figures) -> Verdict:
    kept = large.ratio / small.ratio if small.ratio else 0.0
    least = 1 - GROWTH_COST
    return Verdict(kept > least, f"{kept:.2f} of the throughput (> {least:.2f})")


def memory_verdict(rss_mb: list[float]) -> Verdict:
    shown = ", ".join(f"{rss:.0f}" for rss in rss_mb) or "not available"
    passed = bool(rss_mb) and max(rss_mb) < WORKER_RSS_MB
    return Verdict(passed, f"{shown} MB (< {WORKER_RSS_MB:g} each)")


# --- The home page's first load ---------------------------------------------------------------


class _References(HTMLParser):
    """What a browser fetches to show a page: stylesheets, icons, preloads and scripts."""

    FETCHED_LINKS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "manifest"}

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link" and values.get("href"):
            rel = set(values.get("rel", "").lower().split())
            if rel & self.FETCHED_LINKS:
                kind = "stylesheet" if "stylesheet" in rel else "icon" if "icon" in rel else "link"
                self.found.append((kind, values["href"]))
        elif tag == "script" and values.get("src"):
            self.found.append(("script", values["src"]))


def references_in_html(html: str, page_url: str) -> list[tuple[str, str]]:
    """(kind, absolute URL) of every file the page makes a browser fetch, once each, in order."""
    parser = _References()
    parser.feed(html)
    seen: dict[str, str] = {}
    for kind, href in parser.found:
        seen.setdefault(urljoin(page_url, href), kind)
    return [(kind, url) for url, kind in seen.items()]


_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
_FONT = re.compile(r"\.(woff2?|ttf|otf|eot)([?#].*)?$", re.IGNORECASE)


def fonts_in_css(css: str, css_url: str) -> list[str]:
    """Absolute URLs of the fonts a stylesheet loads with url(...); inline data: URLs cost no
    request, and images other than fonts are fetched only if a rule uses them."""
    urls = []
    for _, target in _CSS_URL.findall(css):
        if not target.startswith("data:") and _FONT.search(target):
            url = urljoin(css_url, target.strip())
            if url not in urls:
                urls.append(url)
    return urls


@dataclass(frozen=True)
class Transfer:
    """One response of the first load, as it went over the wire."""

    path: str
    kind: str  # page, stylesheet, script, icon, font
    status: int
    encoding: str  # the Content-Encoding, or "" for none
    body_bytes: int  # the body as sent (compressed when it was)
    header_bytes: int  # the status line and headers

    @property
    def total(self) -> int:
        return self.body_bytes + self.header_bytes


def first_load_verdict(transfers: list[Transfer]) -> Verdict:
    total = sum(t.total for t in transfers)
    failed = [t.path for t in transfers if t.status != 200]
    note = f", not 200: {', '.join(failed)}" if failed else ""
    return Verdict(
        total <= FIRST_LOAD_BYTES and not failed,
        f"{total / 1000:.1f} KB in {len(transfers)} responses (≤ {FIRST_LOAD_BYTES / 1000:g} KB"
        f"{note})",
    )


@dataclass(frozen=True)
class StaticDelivery:
    """How one hashed static file is served to a browser that accepts gzip and Brotli."""

    path: str
    encoding: str
    cache_control: str


def max_age(cache_control: str) -> int:
    match = re.search(r"(?:^|[,\s])max-age=(\d+)", cache_control)
    return int(match.group(1)) if match else 0


def static_delivery_verdict(delivery: StaticDelivery) -> Verdict:
    compressed = delivery.encoding in ("br", "gzip")
    far = max_age(delivery.cache_control) >= FAR_FUTURE_SECONDS
    immutable = "immutable" in delivery.cache_control
    encoding = delivery.encoding or "no compression"
    return Verdict(
        compressed and far and immutable,
        f"`{delivery.path}`: {encoding}, `Cache-Control: {delivery.cache_control or 'none'}` "
        f"(compressed, max-age ≥ {FAR_FUTURE_SECONDS:,} and immutable)",
    )


def first_load_section(transfers: list[Transfer], delivery: StaticDelivery | None) -> str:
    lines = [
        "### The home page's first load",
        "",
        "Anonymous, empty cache, `Accept-Encoding: gzip, deflate, br`; bytes as sent.",
        "",
        "| file | kind | encoding | body bytes | header bytes |",
        "|---|---|---|---:|---:|",
    ]
    for t in transfers:
        status = "" if t.status == 200 else f" ({t.status})"
        lines.append(
            f"| `{t.path}`{status} | {t.kind} | {t.encoding or 'none'} | {t.body_bytes:,} | "
            f"{t.header_bytes:,} |"
        )
    body = sum(t.body_bytes for t in transfers)
    headers = sum(t.header_bytes for t in transfers)
    lines += [
        f"| **total** | | | {body:,} | {headers:,} |",
        "",
        f"First-load weight: {first_load_verdict(transfers)}.",
    ]
    if delivery is not None:
        lines.append(f"A hashed static file: {static_delivery_verdict(delivery)}.")
    return "\n".join(lines)


def _size_table(title: str, reference: list[float], rows: list[tuple[Endpoint, Figures]]) -> str:
    lines = [
        f"### {title}",
        "",
        f"Reference: {statistics.fmean(reference):.0f} req/s "
        f"({min(reference):.0f}–{max(reference):.0f} over {len(reference)} runs).",
        "",
        "| endpoint | req/s | p50 ms | p99 ms | × reference | queries | bytes | gzip bytes |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for endpoint, figures in rows:
        load = figures.load
        errors = f" ({load.errors} errors)" if load.errors else ""
        lines.append(
            f"| {endpoint.name} | {load.per_second:.0f}{errors} | {load.p50_ms:.1f} | "
            f"{load.p99_ms:.1f} | {figures.ratio:.3f} | {figures.queries} | "
            f"{figures.bytes:,} | {figures.gzip_bytes:,} |"
        )
    return "\n".join(lines)


def render(
    *,
    sizes: list[tuple[str, list[float], list[tuple[Endpoint, Figures]]]],
    rss_mb: list[float],
    preamble: str,
    first_load: list[Transfer] | None = None,
    delivery: StaticDelivery | None = None,
    profiles: list[tuple[str, dict[str, dict]]] | None = None,
) -> str:
    """The whole report: a table per data size, then every target's pass/short, then the home
    page's first load when it was measured."""
    parts = [preamble.strip(), ""]
    for title, reference, rows in sizes:
        parts += [_size_table(title, reference, rows), ""]
    by_endpoint: dict[str, list[Figures]] = {}
    endpoints: dict[str, Endpoint] = {}
    for _, _, rows in sizes:
        for endpoint, figures in rows:
            endpoints[endpoint.name] = endpoint
            by_endpoint.setdefault(endpoint.name, []).append(figures)
    header = "| endpoint | throughput × reference | p99 | queries |"
    rule = "|---|---|---|---|"
    if len(sizes) > 1:
        header += " the larger catalog |"
        rule += "---|"
    parts += [
        "### Targets",
        "",
        "Figures are given for each data size in turn; a target passes only if it holds at "
        "every size.",
        "",
        header,
        rule,
    ]
    for name, figures in by_endpoint.items():
        endpoint = endpoints[name]
        cells = [
            throughput_verdict(endpoint, figures),
            latency_verdict(endpoint, figures),
            queries_verdict(endpoint, figures),
        ]
        if len(sizes) > 1:
            cells.append(growth_verdict(figures[0], figures[-1]))
        parts.append(f"| {name} | " + " | ".join(str(cell) for cell in cells) + " |")
    parts += ["", f"Gunicorn workers' memory (RSS) after the run: {memory_verdict(rss_mb)}.", ""]
    if first_load:
        parts += [first_load_section(first_load, delivery), ""]
    for title, by_endpoint in profiles or []:
        parts += [profile_section(title, by_endpoint), ""]
    return "\n".join(parts)


PROFILE_AREAS = ("templates", "database", "site code", "framework")


def profile_section(title: str, by_endpoint: dict[str, dict]) -> str:
    """Where each endpoint's time goes, from scripts/bench_profile.py."""
    lines = [
        f"### Where the time goes, {title}",
        "",
        "Twenty requests of each under cProfile, in one process with the same settings and "
        "data: milliseconds per request under the profiler (several times the real figure; "
        "read the shares), the share of each part of the stack, and the site's functions that "
        "took longest, with everything they called.",
        "",
        "| endpoint | ms profiled | " + " | ".join(PROFILE_AREAS) + " | the site's slowest |",
        "|---|---:|" + "---:|" * len(PROFILE_AREAS) + "---|",
    ]
    for name, found in by_endpoint.items():
        shares = [f"{found['shares'].get(area, 0):.0%}" for area in PROFILE_AREAS]
        top = "; ".join(f"`{function}` {ms:.1f}" for function, ms in found["top"]) or "—"
        lines.append(f"| {name} | {found['ms']:.1f} | " + " | ".join(shares) + f" | {top} |")
    return "\n".join(lines)
