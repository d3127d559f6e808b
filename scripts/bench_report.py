"""
The benchmark's pure parts: reading wrk's figures, ratios to the reference, the targets'
pass/short and the Markdown report. No I/O beyond strings, so tests call these directly.
"""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass

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
) -> str:
    """The whole report: a table per data size, then every target's pass/short."""
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
    return "\n".join(parts)
