"""
Load the curated catalog file into the database, and write the database back to it.

`sync_catalog` is idempotent: a second run with the same data changes nothing. Facts that changed
in the file are updated. Certifications, and the domains, required skills, resources and
successors of curated ones, that exist in the database but not in the file (added by a curator in
the admin) are never deleted silently: they are reported as "would remove", and only removed when
the caller passes `prune=True`. Providers and skills are only ever added or updated: certifications
and questions depend on them, so removing one is a curator's decision in the admin.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.db import models, transaction

from catalog.models import (
    Certification,
    ExamDomain,
    Provider,
    RequiredSkill,
    Resource,
    Skill,
    Succession,
)

CATALOG_FILE = Path(__file__).resolve().parent / "data" / "catalog.json"

CERTIFICATION_FIELDS = [
    "name",
    "exam_code",
    "level",
    "status",
    "status_date",
    "focus",
    "exam_format",
    "cost_usd",
    "duration_minutes",
    "question_count",
    "passing_score",
    "languages",
    "delivery",
    "validity_months",
    "renewal",
    "recommended_years",
    "recommended_experience",
    "prerequisites",
    "summary",
    "exam_guide_url",
    "source_url",
    "checked_on",
    "published",
    "needs_review",
]
DOMAIN_FIELDS = ["weight", "weight_min", "weight_max", "order", "topics"]


@dataclass
class SyncReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    would_remove: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.removed)

    def extend(self, other: SyncReport) -> None:
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.would_remove += other.would_remove
        self.removed += other.removed

    def lines(self, *, detailed: bool = True) -> list[str]:
        """What changed, row by row when `detailed`, and always what would be removed and a
        summary line."""
        lines = []
        if detailed:
            lines += [f"created {name}" for name in self.created]
            lines += [f"updated {name}" for name in self.updated]
            lines += [f"removed {name}" for name in self.removed]
        lines += [
            f"would remove {name} (not in the file; run with --prune)" for name in self.would_remove
        ]
        lines.append(
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{self.unchanged} unchanged, {len(self.removed)} removed, "
            f"{len(self.would_remove)} not in the file"
        )
        return lines


def load_file(path: Path = CATALOG_FILE) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _upsert(
    model: type[models.Model],
    lookup: dict[str, Any],
    values: dict[str, Any],
    label: str,
    report: SyncReport,
) -> models.Model:
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.full_clean(validate_unique=False, validate_constraints=False)
        obj.save()
        report.created.append(label)
        return obj
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.full_clean(validate_unique=False, validate_constraints=False)
        obj.save(update_fields=changed)
        report.updated.append(f"{label} ({', '.join(changed)})")
    else:
        report.unchanged += 1
    return obj


def _remove_missing(queryset, keep: set, key: str, label, prune: bool, report: SyncReport) -> None:
    for obj in queryset.exclude(**{f"{key}__in": keep}):
        if prune:
            obj.delete()
            report.removed.append(label(obj))
        else:
            report.would_remove.append(label(obj))


def _as_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@transaction.atomic
def sync_catalog(data: dict[str, Any], *, prune: bool = False) -> SyncReport:
    report = SyncReport()
    providers = {}
    for item in data["providers"]:
        values = {k: item[k] for k in ("name", "platform", "website")}
        providers[item["slug"]] = _upsert(
            Provider, {"slug": item["slug"]}, values, f"provider {item['slug']}", report
        )
    skills = {}
    for item in data["skills"]:
        values = {k: item[k] for k in ("name", "group", "order", "description")}
        skills[item["slug"]] = _upsert(
            Skill, {"slug": item["slug"]}, values, f"skill {item['slug']}", report
        )

    certifications = {}
    for item in data["certifications"]:
        values = {name: item[name] for name in CERTIFICATION_FIELDS}
        values["status_date"] = _as_date(values["status_date"])
        values["checked_on"] = _as_date(values["checked_on"])
        values["provider"] = providers[item["provider"]]
        cert = _upsert(
            Certification, {"slug": item["slug"]}, values, f"certification {item['slug']}", report
        )
        certifications[item["slug"]] = cert
        _sync_requirements(cert, item["required_skills"], skills, prune, report)
        _sync_domains(cert, item["domains"], skills, prune, report)
        _sync_resources(cert, item["resources"], prune, report)

    for item in data["certifications"]:
        _sync_successions(
            certifications[item["slug"]], item["successors"], certifications, prune, report
        )

    _remove_missing(
        Certification.objects.all(),
        set(certifications),
        "slug",
        lambda c: f"certification {c.slug}",
        prune,
        report,
    )
    return report


def _sync_requirements(cert, items, skills, prune, report) -> None:
    for item in items:
        _upsert(
            RequiredSkill,
            {"certification": cert, "skill": skills[item["skill"]]},
            {"level": item["level"]},
            f"required skill {item['skill']} of {cert.slug}",
            report,
        )
    _remove_missing(
        cert.required_skills.select_related("skill"),
        {skills[item["skill"]].pk for item in items},
        "skill",
        lambda r: f"required skill {r.skill.slug} of {cert.slug}",
        prune,
        report,
    )


def _sync_domains(cert, items, skills, prune, report) -> None:
    for item in items:
        values = {name: item[name] for name in DOMAIN_FIELDS if name != "topics"}
        values["topics"] = "\n".join(item["topics"])
        label = f"domain '{item['name']}' of {cert.slug}"
        unchanged_before = report.unchanged
        domain = _upsert(
            ExamDomain, {"certification": cert, "name": item["name"]}, values, label, report
        )
        wanted = {skills[slug].pk for slug in item["skills"]}
        if set(domain.skills.values_list("pk", flat=True)) != wanted:
            domain.skills.set(wanted)
            # Count each domain once: as updated, not also as unchanged or updated twice.
            if report.unchanged > unchanged_before:
                report.unchanged -= 1
                report.updated.append(f"{label} (skills)")
            elif label not in report.created:
                report.updated[-1] = f"{report.updated[-1][:-1]}, skills)"
    _remove_missing(
        cert.domains.all(),
        {item["name"] for item in items},
        "name",
        lambda d: f"domain '{d.name}' of {cert.slug}",
        prune,
        report,
    )


def _sync_resources(cert, items, prune, report) -> None:
    for order, item in enumerate(items, start=1):
        _upsert(
            Resource,
            {"certification": cert, "url": item["url"], "title": item["title"]},
            {"kind": item["kind"], "free": item["free"], "order": order},
            f"resource '{item['title']}' of {cert.slug}",
            report,
        )
    keep = {(item["url"], item["title"]) for item in items}
    for resource in cert.resources.all():
        if (resource.url, resource.title) in keep:
            continue
        label = f"resource '{resource.title}' of {cert.slug}"
        if prune:
            resource.delete()
            report.removed.append(label)
        else:
            report.would_remove.append(label)


def _sync_successions(cert, items, certifications, prune, report) -> None:
    for item in items:
        _upsert(
            Succession,
            {"predecessor": cert, "successor": certifications[item["slug"]]},
            {"note": item["note"]},
            f"successor {item['slug']} of {cert.slug}",
            report,
        )
    _remove_missing(
        cert.successions.select_related("successor"),
        {certifications[item["slug"]].pk for item in items},
        "successor",
        lambda s: f"successor {s.successor.slug} of {cert.slug}",
        prune,
        report,
    )


def export_catalog() -> dict[str, Any]:
    """The database in the curated file's format, so admin edits can be reviewed and committed."""
    certifications = (
        Certification.objects.select_related("provider")
        .prefetch_related(
            models.Prefetch(
                "required_skills", RequiredSkill.objects.select_related("skill").order_by("pk")
            ),
            models.Prefetch(
                "domains", ExamDomain.objects.prefetch_related("skills").order_by("order", "pk")
            ),
            models.Prefetch("resources", Resource.objects.order_by("order", "pk")),
            models.Prefetch(
                "successions", Succession.objects.select_related("successor").order_by("pk")
            ),
        )
        .order_by("pk")
    )
    return {
        "providers": [
            {"slug": p.slug, "name": p.name, "platform": p.platform, "website": p.website}
            for p in Provider.objects.order_by("pk")
        ],
        "skills": [
            {
                "slug": s.slug,
                "name": s.name,
                "group": s.group,
                "order": s.order,
                "description": s.description,
            }
            for s in Skill.objects.order_by("pk")
        ],
        "certifications": [_export_certification(cert) for cert in certifications],
    }


def _export_certification(cert: Certification) -> dict[str, Any]:
    values = {name: getattr(cert, name) for name in CERTIFICATION_FIELDS}
    for name in ("status_date", "checked_on"):
        values[name] = values[name].isoformat() if values[name] else None
    exported = {
        "slug": cert.slug,
        "provider": cert.provider.slug,
        "name": cert.name,
        "exam_code": cert.exam_code,
        "level": cert.level,
        "status": cert.status,
        "status_date": values["status_date"],
        "successors": [{"slug": s.successor.slug, "note": s.note} for s in cert.successions.all()],
    }
    exported.update({name: values[name] for name in CERTIFICATION_FIELDS if name not in exported})
    exported["domains"] = [
        {
            "name": d.name,
            "weight": d.weight,
            "weight_min": d.weight_min,
            "weight_max": d.weight_max,
            "order": d.order,
            "topics": d.topic_list,
            "skills": [s.slug for s in sorted(d.skills.all(), key=lambda s: s.order)],
        }
        for d in cert.domains.all()
    ]
    exported["required_skills"] = [
        {"skill": r.skill.slug, "level": r.level} for r in cert.required_skills.all()
    ]
    exported["resources"] = [
        {"title": r.title, "url": r.url, "kind": r.kind, "free": r.free}
        for r in cert.resources.all()
    ]
    return exported
