"""catalog_report: a curator's weekly round of what is stale, unsourced or secondary-only."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO

from django.core.management import call_command

from catalog.curation import curation_report
from catalog.models import Certification, FactSource

TODAY = date(2026, 12, 2)


def report_for(make_certifications, **fields):
    (cert,) = make_certifications(1, **fields)
    return curation_report(Certification.objects.prefetch_related("fact_sources"), TODAY), cert


def test_a_fresh_vendor_sourced_certification_needs_nothing(make_certifications):
    report, _ = report_for(make_certifications, checked_on=TODAY - timedelta(days=180))

    assert report.clean
    assert report.lines() == [
        "Stale (not checked for 180 days): 0",
        "Unsourced or not yet confirmed: 0",
        "Secondary sources only (check the provider's own page): 0",
    ]


def test_a_certification_not_checked_for_181_days_is_stale(make_certifications):
    report, cert = report_for(make_certifications, checked_on=TODAY - timedelta(days=181))

    assert [f.slug for f in report.stale] == [cert.slug]
    assert f"  {cert.slug}: checked 2026-06-04 (181 days ago) <https://example.com/acme>" in (
        report.lines()
    )


def test_unconfirmed_facts_and_a_renewal_rule_without_source_are_unsourced(make_certifications):
    report, cert = report_for(
        make_certifications, needs_review=["passing_score", "domains"], renewal_source_url=""
    )

    assert [(f.slug, f.detail) for f in report.unsourced] == [
        (cert.slug, "passing score, exam domains, renewal rule has no source")
    ]


def test_secondary_only_until_one_fact_comes_from_the_provider(make_certifications):
    report, cert = report_for(make_certifications, source_kind="secondary")
    assert [f.slug for f in report.secondary_only] == [cert.slug]

    FactSource.objects.create(
        certification=cert,
        fields=["cost_usd"],
        url="https://example.com/acme/pricing",
        kind="vendor",
        checked_on=TODAY,
    )
    again = curation_report(Certification.objects.prefetch_related("fact_sources"), TODAY)
    assert again.secondary_only == []


def test_the_command_prints_the_round_for_published_certifications(make_certifications):
    make_certifications(1, source_kind="secondary")
    make_certifications(1, source_kind="secondary", published=False)
    out = StringIO()

    call_command("catalog_report", stdout=out)

    lines = out.getvalue().splitlines()
    assert "Secondary sources only (check the provider's own page): 1" in lines
    everything = StringIO()
    call_command("catalog_report", "--all", stdout=everything)
    assert "Secondary sources only (check the provider's own page): 2" in (
        everything.getvalue().splitlines()
    )
