"""The benchmark's pure parts (scripts/bench_report.py): reading wrk's figures, ratios to the
reference and the targets' pass/short. No load is run here."""

from __future__ import annotations

import pytest

from scripts.bench_report import (
    Endpoint,
    Figures,
    Load,
    StaticDelivery,
    Transfer,
    first_load_verdict,
    fonts_in_css,
    growth_verdict,
    latency_verdict,
    memory_verdict,
    parse_wrk,
    profile_section,
    queries_verdict,
    reference_around,
    references_in_html,
    render,
    static_delivery_verdict,
    throughput_verdict,
)

WRK_OUTPUT = """\
Running 10s test @ http://127.0.0.1:40000
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     3.10ms    1.20ms  40.00ms   90.00%
  12000 requests in 10.00s, 9.00MB read
Requests/sec:   1200.00
bench-result {"requests": 12000, "duration_us": 10000000, "p50_us": 2500, "p99_us": 12750, \
"errors": {"connect": 0, "read": 1, "write": 0, "status": 2, "timeout": 0}}
"""


def figures(per_second: float, reference: float, *, p99_ms=10.0, queries=3) -> Figures:
    load = Load(requests=int(per_second * 10), seconds=10, p50_ms=2, p99_ms=p99_ms, errors=0)
    return Figures(load, reference, queries=queries, bytes=1000, gzip_bytes=400)


def test_it_reads_the_result_line_of_bench_lua():
    load = parse_wrk(WRK_OUTPUT)

    assert load == Load(requests=12000, seconds=10.0, p50_ms=2.5, p99_ms=12.75, errors=3)
    assert load.per_second == 1200.0


def test_it_refuses_output_without_the_result_line():
    with pytest.raises(ValueError, match="no result line"):
        parse_wrk("Requests/sec:   1200.00\n")


def test_each_endpoint_is_compared_with_the_reference_runs_either_side_of_it():
    references = [2000.0, 3000.0, 1000.0]

    assert reference_around(references, 0) == 2500.0
    assert reference_around(references, 1) == 2000.0


def test_throughput_passes_only_when_every_size_reaches_the_goal():
    page = Endpoint("catalog list", goal=0.5)

    assert throughput_verdict(page, [figures(1500, 2500), figures(1300, 2500)]).passed
    short = throughput_verdict(page, [figures(1500, 2500), figures(1000, 2500)])
    assert not short.passed
    assert str(short) == "**short** 0.600 / 0.400 (≥ 0.5)"


def test_fragments_have_the_tighter_latency_limit():
    fragment = Endpoint("tick an item (htmx)", goal=0.2, fragment=True)
    page = Endpoint("plan detail", goal=0.1)
    sizes = [figures(500, 2500, p99_ms=20.0)]

    assert not latency_verdict(fragment, sizes).passed
    assert latency_verdict(page, sizes).passed


def test_queries_must_be_within_budget_and_the_same_at_both_sizes():
    page = Endpoint("plan detail", goal=0.1)
    fragment = Endpoint("tick an item (htmx)", goal=0.2, fragment=True)

    assert queries_verdict(page, [figures(1, 1, queries=8), figures(1, 1, queries=8)]).passed
    assert not queries_verdict(fragment, [figures(1, 1, queries=6)]).passed
    grew = queries_verdict(page, [figures(1, 1, queries=4), figures(1, 1, queries=5)])
    assert not grew.passed
    assert "not the same at both sizes" in grew.text


def test_ten_times_the_data_may_cost_less_than_a_fifth_of_the_throughput():
    # Compared as ratios to each size's own reference: 0.5 then 0.45 keeps 90 %.
    assert growth_verdict(figures(1000, 2000), figures(900, 2000)).passed
    # The reference fell too, so the page kept its ratio: no cost from the data.
    assert growth_verdict(figures(1000, 2000), figures(500, 1000)).passed
    assert not growth_verdict(figures(1000, 2000), figures(800, 2000)).passed


def test_every_worker_must_stay_under_the_memory_limit():
    assert memory_verdict([80.0, 119.0]).passed
    assert not memory_verdict([80.0, 121.0]).passed
    assert not memory_verdict([]).passed


def test_the_report_has_a_table_per_size_and_a_verdict_per_target():
    page = Endpoint("home", goal=0.5)
    report = render(
        sizes=[
            ("32 certifications", [2000.0, 2000.0], [(page, figures(1200, 2000))]),
            ("320 certifications (10×)", [2000.0, 2000.0], [(page, figures(600, 2000))]),
        ],
        rss_mb=[90.0, 95.0],
        preamble="## Benchmark",
    )

    assert "### 32 certifications" in report
    assert "| home | 1200 | 2.0 | 10.0 | 0.600 | 3 | 1,000 | 400 |" in report
    assert "**short** 0.600 / 0.300 (≥ 0.5)" in report
    assert "**short** 0.50 of the throughput" in report
    assert "pass 90, 95 MB" in report


HOME = """<!doctype html><html><head>
<link rel="icon" href="/static/img/favicon.1.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/bootstrap/css/bootstrap.min.2.css">
<link rel="canonical" href="https://example.com/">
<script src="/static/js/a.3.js" defer></script>
<script nonce="x">inline()</script>
<link rel="stylesheet" href="/static/bootstrap/css/bootstrap.min.2.css">
</head><body><a href="/certifications/">Catalog</a><img src="/static/x.png" alt=""></body></html>
"""


def transfer(path: str, body: int, *, headers: int = 400, status: int = 200) -> Transfer:
    return Transfer(path, "script", status, "br", body_bytes=body, header_bytes=headers)


def test_the_first_load_is_what_the_head_makes_a_browser_fetch_once_each():
    assert references_in_html(HOME, "http://127.0.0.1:8000/") == [
        ("icon", "http://127.0.0.1:8000/static/img/favicon.1.svg"),
        ("stylesheet", "http://127.0.0.1:8000/static/bootstrap/css/bootstrap.min.2.css"),
        ("script", "http://127.0.0.1:8000/static/js/a.3.js"),
    ]


def test_fonts_in_a_stylesheet_are_fetched_but_inline_data_is_not():
    css = (
        '@font-face{src:url("../fonts/icons.woff2?v=1") format("woff2"),'
        "url(../fonts/icons.woff)}"
        '.x{background:url("data:image/svg+xml,%3csvg")}.y{background:url(bg.png)}'
    )

    assert fonts_in_css(css, "http://h/static/css/site.css") == [
        "http://h/static/fonts/icons.woff2?v=1",
        "http://h/static/fonts/icons.woff",
    ]


def test_the_first_load_counts_bodies_and_headers_against_120_kb():
    page = transfer("/", 99_000, headers=0)

    assert first_load_verdict([page, transfer("/a.js", 20_000, headers=1000)]).passed
    heavy = first_load_verdict([page, transfer("/a.js", 20_000, headers=1001)])
    assert not heavy.passed
    assert str(heavy) == "**short** 120.0 KB in 2 responses (≤ 120 KB)"


def test_a_missing_file_fails_the_first_load_however_light():
    verdict = first_load_verdict([transfer("/", 5000), transfer("/gone.js", 100, status=404)])

    assert not verdict.passed
    assert "not 200: /gone.js" in verdict.text


def test_a_hashed_static_file_must_be_compressed_and_cached_for_at_least_a_year():
    ten_years = "max-age=315360000, public, immutable"
    assert static_delivery_verdict(StaticDelivery("/static/a.1.css", "br", ten_years)).passed
    assert static_delivery_verdict(StaticDelivery("/static/a.1.css", "gzip", ten_years)).passed
    assert not static_delivery_verdict(StaticDelivery("/static/a.1.css", "", ten_years)).passed
    assert not static_delivery_verdict(
        StaticDelivery("/static/a.1.css", "br", "max-age=60, public")
    ).passed
    assert not static_delivery_verdict(
        StaticDelivery("/static/a.1.css", "br", "max-age=315360000, public")
    ).passed
    # s-maxage is not the browser's max-age.
    assert not static_delivery_verdict(
        StaticDelivery("/static/a.1.css", "br", "s-maxage=315360000, immutable")
    ).passed


def test_the_report_ends_with_the_first_load_when_it_was_measured():
    page = Endpoint("home", goal=0.5)
    report = render(
        sizes=[("32 certifications", [2000.0, 2000.0], [(page, figures(1200, 2000))])],
        rss_mb=[90.0],
        preamble="## Benchmark",
        first_load=[
            Transfer("/", "page", 200, "gzip", body_bytes=2_500, header_bytes=700),
            Transfer("/static/b.1.css", "stylesheet", 200, "br", 23_000, header_bytes=460),
        ],
        delivery=StaticDelivery("/static/b.1.css", "br", "max-age=315360000, immutable"),
    )

    assert "| `/` | page | gzip | 2,500 | 700 |" in report
    assert "| **total** | | | 25,500 | 1,160 |" in report
    assert "First-load weight: pass 26.7 KB in 2 responses (≤ 120 KB)." in report
    assert "A hashed static file: pass `/static/b.1.css`: br," in report


def test_the_reference_page_exists_only_in_the_benchmarks_urls(client, settings):
    assert client.get("/bench/reference/").status_code == 404

    settings.ROOT_URLCONF = "scripts.bench_urls"
    response = client.get("/bench/reference/")

    assert response.status_code == 200
    assert response.content == b"ok"
    # Behind the site's middleware, as every page is.
    assert "Content-Security-Policy" in response.headers


def test_the_profile_section_gives_each_endpoints_shares_and_slowest_functions():
    found = {
        "plan detail": {
            "ms": 31.25,
            "shares": {"templates": 0.5, "database": 0.125, "site code": 0.25, "framework": 0.125},
            "top": [("plans/views.py:plan_detail", 20.0), ("plans/services.py:plan_state", 4.5)],
        }
    }

    section = profile_section("32 certifications", found)

    assert "### Where the time goes, 32 certifications" in section
    assert (
        "| plan detail | 31.2 | 50% | 12% | 25% | 12% | "
        "`plans/views.py:plan_detail` 20.0; `plans/services.py:plan_state` 4.5 |"
    ) in section


def test_the_profile_counts_each_function_in_its_part_of_the_stack():
    from scripts.bench_profile import PROJECT_DIR, area

    site = PROJECT_DIR / "plans" / "services.py"
    packages = "/srv/.venv/lib/python3.13/site-packages"
    assert area(f"{packages}/django/template/base.py") == "templates"
    assert area(f"{packages}/crispy_forms/templatetags/crispy_forms_filters.py") == "templates"
    assert area(f"{packages}/django/db/models/query.py") == "database"
    assert area(str(site)) == "site code"
    assert area(f"{packages}/django/core/handlers/base.py") == "framework"
    assert area(str(PROJECT_DIR / "scripts" / "bench_urls.py")) == "framework"
