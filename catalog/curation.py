"""A curator's weekly round: which certifications are stale, unsourced or secondary-only.

`curation_report` reads certifications whose fact sources are prefetched and does no queries
of its own, so the command that prints it and the tests that check it see the same thing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from catalog.facts import unconfirmed_labels
from catalog.models import STALE_AFTER, Certification, RenewalKind, SourceKind


@dataclass(frozen=True)
class Finding:
    slug: str
    name: str
    detail: str
    url: str = ""


@dataclass
class CurationReport:
    stale: list[Finding] = field(default_factory=list)
    unsourced: list[Finding] = field(default_factory=list)
    secondary_only: list[Finding] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.stale or self.unsourced or self.secondary_only)

    def lines(self) -> list[str]:
        sections = [
            (f"Stale (not checked for {STALE_AFTER.days} days)", self.stale),
            ("Unsourced or not yet confirmed", self.unsourced),
            ("Secondary sources only (check the provider's own page)", self.secondary_only),
        ]
        lines = []
        for title, findings in sections:
            lines.append(f"{title}: {len(findings)}")
            for finding in findings:
                url = f" <{finding.url}>" if finding.url else ""
                lines.append(f"  {finding.slug}: {finding.detail}{url}")
        return lines


def curation_report(certifications: Iterable[Certification], today: date) -> CurationReport:
    report = CurationReport()
    for cert in sorted(certifications, key=lambda c: c.slug):
        if cert.checked_on < today - STALE_AFTER:
            days = (today - cert.checked_on).days
            report.stale.append(
                Finding(
                    cert.slug,
                    cert.name,
                    f"checked {cert.checked_on} ({days} days ago)",
                    cert.source_url,
                )
            )
        missing = list(unconfirmed_labels(cert))
        if cert.renewal_kind != RenewalKind.UNKNOWN and not cert.renewal_source_url:
            missing.append("renewal rule has no source")
        if missing:
            report.unsourced.append(Finding(cert.slug, cert.name, ", ".join(missing)))
        vendor_sources = [s for s in cert.fact_sources.all() if s.kind == SourceKind.VENDOR]
        if cert.source_kind == SourceKind.SECONDARY and not vendor_sources:
            report.secondary_only.append(
                Finding(
                    cert.slug, cert.name, "no fact from the provider's own page", cert.source_url
                )
            )
    return report
