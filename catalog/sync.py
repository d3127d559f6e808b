"""
Load the curated catalog file into the database, and write the database back to it.

A sync never loses a curator's work. Each provider, skill and certification (a certification
together with its domains, required skills, resources, successors and fact sources) keeps a
fingerprint of what the file said at the last sync, which makes a three-way comparison possible:

- the database equals the file: nothing to do;
- the database still equals the last sync, the file does not: the file changed, so the
  database is made to match it exactly (rows the file no longer has are removed: they came from
  the file, not from a curator);
- the database differs from the last sync, the file does not: a curator edited it in the admin
  and has not exported the edit yet; it is kept and reported;
- both differ: a conflict; it is reported and the database is left as it was.

A row synced before fingerprints were kept has none; it counts as edited in the admin only when
the admin history has an entry for it. `overwrite=True` makes the database match the file
whatever was edited. Rows are matched by a
stable key (a slug; a domain's name within its exam; a resource's address; a skill or successor),
so no sync duplicates one. Certifications that are in the database but not in the file (added
in the admin) are reported as "would remove" and only removed with `prune=True`. Providers and
skills are only ever added or updated: certifications and questions depend on them.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import ProtectedError

from catalog import changes
from catalog.models import (
    RENEWAL_FIELD_NAMES,
    Certification,
    ExamDomain,
    FactSource,
    Provider,
    RequiredSkill,
    Resource,
    Skill,
    Succession,
)

CATALOG_FILE = Path(__file__).resolve().parent / "data" / "catalog.json"

# The certification's own columns, in the file's order (the file also has `renewal`, an object).
CERTIFICATION_FIELDS = [
    "name",
    "exam_code",
    "level",
    "status",
    "status_date",
    "focus",
    "exam_format",
    "cost_usd",
    "cost_note",
    "duration_minutes",
    "question_count",
    "passing_score",
    "languages",
    "delivery",
    "validity_months",
    "recommended_years",
    "recommended_experience",
    "prerequisites",
    "summary",
    "exam_guide_url",
    "source_url",
    "source_kind",
    "checked_on",
    "published",
    "needs_review",
]
DATE_FIELDS = ("status_date", "checked_on")
DOMAIN_FIELDS = ["weight", "weight_min", "weight_max", "order", "topics"]
PROVIDER_FIELDS = ["name", "platform", "website"]
SKILL_FIELDS = ["name", "group", "order", "description"]
OVERWRITE_HINT = (
    "run export_catalog to keep the edit in the file, or sync_catalog --overwrite to discard it"
)


@dataclass
class SyncReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    would_remove: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    # Edited in the admin and not exported; the file has not changed: kept as edited.
    kept_edits: list[str] = field(default_factory=list)
    # Edited in the admin and changed in the file: kept as edited until --overwrite.
    conflicts: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.removed)

    def extend(self, other: SyncReport) -> None:
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.would_remove += other.would_remove
        self.removed += other.removed
        self.kept_edits += getattr(other, "kept_edits", [])
        self.conflicts += getattr(other, "conflicts", [])

    def lines(self, *, detailed: bool = True) -> list[str]:
        """What changed, row by row when `detailed`; always the conflicts, the kept admin edits,
        what would be removed, and a summary line."""
        lines = []
        if detailed:
            lines += [f"created {name}" for name in self.created]
            lines += [f"updated {name}" for name in self.updated]
            lines += [f"removed {name}" for name in self.removed]
        lines += [f"CONFLICT {text}" for text in self.conflicts]
        lines += [f"kept admin edits to {text}" for text in self.kept_edits]
        lines += [
            f"would remove {name} (not in the file; run with --prune)" for name in self.would_remove
        ]
        summary = (
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{self.unchanged} unchanged, {len(self.removed)} removed, "
            f"{len(self.would_remove)} not in the file"
        )
        if self.conflicts or self.kept_edits:
            summary += f", {len(self.conflicts)} conflicts, {len(self.kept_edits)} kept admin edits"
        lines.append(summary)
        return lines


def load_file(path: Path = CATALOG_FILE) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def fingerprint(item: dict[str, Any]) -> str:
    text = json.dumps(canonical(item), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def canonical(item: dict[str, Any]) -> dict[str, Any]:
    """A row in a form where two equal catalogs compare equal: sets (a domain's skills, the
    required skills, the successors) are sorted; lists whose order is shown are kept."""
    item = copy.deepcopy(item)
    if "domains" in item:
        for domain in item["domains"]:
            domain["skills"] = sorted(domain["skills"])
            domain["topics"] = [topic.strip() for topic in domain["topics"] if topic.strip()]
        item["domains"].sort(key=lambda d: (d["order"], d["name"]))
        item["required_skills"].sort(key=lambda r: r["skill"])
        item["successors"].sort(key=lambda s: s["slug"])
    return item


def _differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """The keys of a row whose values differ, in the row's order."""
    old, new = canonical(old), canonical(new)
    return [key for key in new if old.get(key) != new[key]] + [k for k in old if k not in new]


class InvalidCatalog(Exception):
    """The file holds a row the database would refuse; nothing was changed."""


def _validated(obj: models.Model, label: str) -> None:
    try:
        obj.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        problems = "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
        raise InvalidCatalog(f"{label}: {problems}") from error


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
        _validated(obj, label)
        obj.save()
        report.created.append(label)
        return obj
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        _validated(obj, label)
        obj.save(update_fields=changed)
        report.updated.append(f"{label} ({', '.join(changed)})")
    else:
        report.unchanged += 1
    return obj


def _remove(queryset, label, report: SyncReport) -> None:
    """Remove rows that came from the file and that the file no longer has."""
    for obj in queryset:
        obj.delete()
        report.removed.append(label(obj))


def _as_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _decide(
    stored: str, db_item: dict | None, file_item: dict, overwrite: bool, *, logged: bool = False
) -> str:
    """ "create", "same", "apply", "kept" (an admin edit the file does not have) or "conflict".

    A row synced before fingerprints were kept (`stored` is empty) counts as edited in the admin
    only if the admin history has an entry for it (`logged`)."""
    if db_item is None:
        return "create"
    if canonical(db_item) == canonical(file_item):
        return "same"
    edited_in_admin = fingerprint(db_item) != stored if stored else logged
    if overwrite or not edited_in_admin:
        return "apply"
    return "conflict" if not stored or fingerprint(file_item) != stored else "kept"


def _edited_in_the_admin(model: type[models.Model]) -> set[str]:
    """The primary keys (as text) of the rows the admin history has a change for."""
    content_type = ContentType.objects.get_for_model(model)
    return set(
        LogEntry.objects.filter(content_type=content_type).values_list("object_id", flat=True)
    )


def _edit_message(label: str, db_item: dict, file_item: dict, decision: str) -> str:
    differing = ", ".join(_differences(file_item, db_item))
    if decision == "kept":
        return f"{label} ({differing}): not in the file yet; {OVERWRITE_HINT}"
    return (
        f"{label}: edited in the admin and changed in the file since the last sync; they "
        f"differ in {differing}. Kept the database as it is: export it with export_catalog and "
        "merge the two, or run sync_catalog --overwrite to take the file's version"
    )


@transaction.atomic
def sync_catalog(
    data: dict[str, Any], *, prune: bool = False, overwrite: bool = False
) -> SyncReport:
    report = SyncReport()
    catalog_was_empty = not Certification.objects.exists()
    providers = _sync_simple(
        Provider, data["providers"], PROVIDER_FIELDS, "provider", overwrite, report
    )
    skills = _sync_simple(Skill, data["skills"], SKILL_FIELDS, "skill", overwrite, report)

    existing = {cert.slug: cert for cert in _exportable_certifications()}
    logged = _edited_in_the_admin(Certification)
    certifications: dict[str, Certification] = {}
    to_apply = []
    for item in data["certifications"]:
        cert = existing.get(item["slug"])
        db_item = _export_certification(cert) if cert else None
        decision = _decide(
            cert.synced_fingerprint if cert else "",
            db_item,
            item,
            overwrite,
            logged=bool(cert) and str(cert.pk) in logged,
        )
        label = f"certification {item['slug']}"
        if decision == "same":
            report.unchanged += _row_count(item)
            if cert.synced_fingerprint != fingerprint(item):
                cert.synced_fingerprint = fingerprint(item)
                cert.save(update_fields=["synced_fingerprint"])
        elif decision == "kept":
            report.kept_edits.append(_edit_message(label, db_item, item, decision))
        elif decision == "conflict":
            report.conflicts.append(_edit_message(label, db_item, item, decision))
        else:
            before = db_item and changes.facts_of(db_item)
            cert = _apply_certification(cert, item, providers, skills, report)
            to_apply.append((cert, item))
            entries = changes.describe(before, changes.facts_of(item))
            if before is None and catalog_was_empty:
                entries = []  # the first load of the catalog is not news
            changes.record(cert, entries)
        if cert is not None:
            certifications[item["slug"]] = cert
    for slug, cert in existing.items():
        certifications.setdefault(slug, cert)

    for cert, item in to_apply:
        _sync_successions(cert, item["successors"], certifications, report)
        cert.synced_fingerprint = fingerprint(item)
        cert.save(update_fields=["synced_fingerprint"])

    in_file = {item["slug"] for item in data["certifications"]}
    for cert in Certification.objects.exclude(slug__in=in_file).order_by("slug"):
        label = f"certification {cert.slug}"
        if not prune:
            report.would_remove.append(label)
            continue
        try:
            with transaction.atomic():
                cert.delete()
        except ProtectedError as error:
            report.conflicts.append(
                f"{label}: not removed, {len(error.protected_objects)} study plan(s) refer to it"
            )
        else:
            report.removed.append(label)
    return report


def _row_count(item: dict[str, Any]) -> int:
    """How many rows a certification in the file stands for, counted as the report counts."""
    return 1 + sum(
        len(item[key])
        for key in ("domains", "required_skills", "resources", "successors", "fact_sources")
    )


def _sync_simple(model, items, names, noun, overwrite, report) -> dict[str, models.Model]:
    """Providers and skills: each row on its own, with the same three-way check."""
    existing = {obj.slug: obj for obj in model.objects.all()}
    logged = _edited_in_the_admin(model)
    rows = {}
    for item in items:
        obj = existing.get(item["slug"])
        values = {name: item[name] for name in names}
        db_item = {name: getattr(obj, name) for name in names} if obj else None
        stored = obj.synced_fingerprint if obj else ""
        decision = _decide(
            stored, db_item, values, overwrite, logged=bool(obj) and str(obj.pk) in logged
        )
        label = f"{noun} {item['slug']}"
        if decision in ("create", "apply"):
            obj = _upsert(model, {"slug": item["slug"]}, values, label, report)
        elif decision == "same":
            report.unchanged += 1
        else:
            message = _edit_message(label, db_item, values, decision)
            (report.kept_edits if decision == "kept" else report.conflicts).append(message)
        if decision in ("create", "apply", "same") and obj.synced_fingerprint != fingerprint(
            values
        ):
            obj.synced_fingerprint = fingerprint(values)
            obj.save(update_fields=["synced_fingerprint"])
        rows[item["slug"]] = obj
    rows.update({slug: obj for slug, obj in existing.items() if slug not in rows})
    return rows


def _certification_values(item: dict[str, Any], providers) -> dict[str, Any]:
    values = {name: item[name] for name in CERTIFICATION_FIELDS}
    for name in DATE_FIELDS:
        values[name] = _as_date(values[name])
    values["provider"] = providers[item["provider"]]
    renewal = item["renewal"]
    values["renewal_kind"] = renewal["kind"]
    values |= {column: renewal[key] for key, column in RENEWAL_FIELD_NAMES.items()}
    return values


def _apply_certification(cert, item, providers, skills, report) -> Certification:
    """Make the certification and its rows (all but its successors) match the file."""
    cert = _upsert(
        Certification,
        {"slug": item["slug"]},
        _certification_values(item, providers),
        f"certification {item['slug']}",
        report,
    )
    _sync_requirements(cert, item["required_skills"], skills, report)
    _sync_domains(cert, item["domains"], skills, report)
    _sync_resources(cert, item["resources"], report)
    _sync_fact_sources(cert, item["fact_sources"], report)
    return cert


def _sync_requirements(cert, items, skills, report) -> None:
    for item in items:
        _upsert(
            RequiredSkill,
            {"certification": cert, "skill": skills[item["skill"]]},
            {"level": item["level"]},
            f"required skill {item['skill']} of {cert.slug}",
            report,
        )
    _remove(
        cert.required_skills.select_related("skill").exclude(
            skill__in=[skills[item["skill"]].pk for item in items]
        ),
        lambda r: f"required skill {r.skill.slug} of {cert.slug}",
        report,
    )


def _sync_domains(cert, items, skills, report) -> None:
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
    _remove(
        cert.domains.exclude(name__in=[item["name"] for item in items]),
        lambda d: f"domain '{d.name}' of {cert.slug}",
        report,
    )


def _sync_resources(cert, items, report) -> None:
    for order, item in enumerate(items, start=1):
        _upsert(
            Resource,
            {"certification": cert, "url": item["url"]},
            {"title": item["title"], "kind": item["kind"], "free": item["free"], "order": order},
            f"resource '{item['title']}' of {cert.slug}",
            report,
        )
    _remove(
        cert.resources.exclude(url__in=[item["url"] for item in items]),
        lambda r: f"resource '{r.title}' of {cert.slug}",
        report,
    )


def _sync_fact_sources(cert, items, report) -> None:
    """Fact sources have no key of their own: each is matched by its place in the list."""
    rows = list(cert.fact_sources.order_by("order", "pk"))
    for order, item in enumerate(items, start=1):
        values = {
            "fields": item["fields"],
            "url": item["url"],
            "kind": item["kind"],
            "checked_on": _as_date(item["checked_on"]),
            "note": item["note"],
            "order": order,
        }
        label = f"fact source {order} of {cert.slug}"
        if order <= len(rows):
            _upsert(FactSource, {"pk": rows[order - 1].pk}, values, label, report)
        else:
            source = FactSource(certification=cert, **values)
            _validated(source, label)
            source.save()
            report.created.append(label)
    _remove(rows[len(items) :], lambda f: f"fact source {f.order} of {cert.slug}", report)


def _sync_successions(cert, items, certifications, report) -> None:
    for item in items:
        _upsert(
            Succession,
            {"predecessor": cert, "successor": certifications[item["slug"]]},
            {"note": item["note"]},
            f"successor {item['slug']} of {cert.slug}",
            report,
        )
    _remove(
        cert.successions.select_related("successor").exclude(
            successor__in=[certifications[item["slug"]].pk for item in items]
        ),
        lambda s: f"successor {s.successor.slug} of {cert.slug}",
        report,
    )


def _exportable_certifications():
    return (
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
            models.Prefetch("fact_sources", FactSource.objects.order_by("order", "pk")),
        )
        .order_by("pk")
    )


def export_catalog() -> dict[str, Any]:
    """The database in the curated file's format, so admin edits can be reviewed and committed."""
    return {
        "providers": [
            {"slug": p.slug, **{name: getattr(p, name) for name in PROVIDER_FIELDS}}
            for p in Provider.objects.order_by("pk")
        ],
        "skills": [
            {"slug": s.slug, **{name: getattr(s, name) for name in SKILL_FIELDS}}
            for s in Skill.objects.order_by("pk")
        ],
        "certifications": [_export_certification(c) for c in _exportable_certifications()],
    }


def _export_certification(cert: Certification) -> dict[str, Any]:
    values = {name: getattr(cert, name) for name in CERTIFICATION_FIELDS}
    for name in DATE_FIELDS:
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
    for name in CERTIFICATION_FIELDS:
        if name == "recommended_years":
            exported["renewal"] = _export_renewal(cert)
        if name == "published":
            exported["fact_sources"] = [
                {
                    "fields": source.fields,
                    "url": source.url,
                    "kind": source.kind,
                    "checked_on": source.checked_on.isoformat(),
                    "note": source.note,
                }
                for source in cert.fact_sources.all()
            ]
        exported.setdefault(name, values[name])
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


def _export_renewal(cert: Certification) -> dict[str, Any]:
    return {
        "kind": cert.renewal_kind,
        **{key: getattr(cert, column) for key, column in RENEWAL_FIELD_NAMES.items()},
    }
