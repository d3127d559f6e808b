"""A curator's edits in the admin survive a plain sync: never duplicated, never overwritten
silently, and exported back to the file exactly."""

from __future__ import annotations

import copy
import json
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from catalog.models import Certification, ExamDomain, RequiredSkill, Resource, Skill, Succession
from catalog.sync import export_catalog, load_file, sync_catalog
from catalog.tests.helpers import admin_edit

SLUG = "aws-ml-specialty"
AWS_ML = (SLUG, "aws-ml-engineer-associate", "aws-generative-ai-developer-professional")


def field_for(data: dict, prefix: str, field: str, name: str) -> str:
    """The name of a field of the inline row called `name`: ("domains", "weight", "Modeling")
    gives "domains-2-weight"."""
    (row,) = [
        key.rsplit("-", 1)[0]
        for key, values in data.items()
        if re.fullmatch(rf"{prefix}-\d+-name", key) and values == [name]
    ]
    return f"{row}-{field}"


def domain_weights_on_the_page(client, slug: str) -> list[int]:
    page = client.get(reverse("catalog:certification-detail", args=[slug])).text
    return [int(w) for w in re.findall(r'<span class="domain-weight-label">(\d+)%</span>', page)]


def run(*args: str) -> list[str]:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue().splitlines()


@pytest.fixture
def curated(db):
    """The AWS certifications from the curated file, synced as `make run` does."""
    data = load_file()
    data["certifications"] = [c for c in data["certifications"] if c["slug"] in AWS_ML]
    sync_catalog(data)
    return data


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


def test_renaming_a_domain_in_the_admin_then_syncing_does_not_duplicate_it(db, curator_client):
    run("sync_catalog")  # as `make run` does
    cert = Certification.objects.get(slug=SLUG)
    names = list(cert.domains.values_list("name", flat=True))
    assert sum(domain_weights_on_the_page(curator_client, SLUG)) == 100

    def rename_first_domain(data):
        data[field_for(data, "domains", "name", names[0])] = [f"{names[0]} (renamed)"]

    admin_edit(curator_client, cert, rename_first_domain)
    # The next `make run`: a plain sync from a file that still has the old name.
    run("sync_catalog")

    weights = domain_weights_on_the_page(curator_client, SLUG)
    assert len(weights) == len(names)
    assert sum(weights) == 100
    assert sorted(cert.domains.values_list("name", flat=True)) == sorted(
        [f"{names[0]} (renamed)", *names[1:]]
    )


def test_a_weight_changed_in_the_admin_is_not_overwritten_by_a_plain_sync(curated, curator_client):
    cert = Certification.objects.get(slug=SLUG)
    first, second = cert.domains.order_by("order")[:2]

    def move_two_points(data):
        data[field_for(data, "domains", "weight", first.name)] = [str(first.weight + 2)]
        data[field_for(data, "domains", "weight", second.name)] = [str(second.weight - 2)]

    admin_edit(curator_client, cert, move_two_points)
    report = sync_catalog(curated)

    first.refresh_from_db()
    assert first.weight == domain_weights_on_the_page(curator_client, SLUG)[0]
    assert [line for line in report.lines() if line.startswith("kept admin edits")] == [
        f"kept admin edits to certification {SLUG} (domains): not in the file yet; "
        "run export_catalog to keep the edit in the file, or sync_catalog --overwrite to "
        "discard it"
    ]
    assert not report.changed


def test_a_sync_of_an_unchanged_database_reports_nothing_changed(curated):
    report = sync_catalog(curated)

    assert not report.changed
    assert (report.kept_edits, report.conflicts, report.would_remove) == ([], [], [])


def test_sync_catalog_command_reports_nothing_changed_after_make_run(db):
    run("sync_catalog")

    (summary,) = run("sync_catalog")

    assert summary.startswith("0 created, 0 updated, ")
    assert summary.endswith(" unchanged, 0 removed, 0 not in the file")


def test_an_admin_edit_and_a_file_change_conflict_and_the_database_is_kept(curated):
    Certification.objects.filter(slug=SLUG).update(summary="Edited by a curator.")
    ExamDomain.objects.filter(certification__slug=SLUG).update(topics="Curated topic")
    changed = copy.deepcopy(curated)
    next(c for c in changed["certifications"] if c["slug"] == SLUG)["cost_usd"] = 999

    report = sync_catalog(changed)

    assert len(report.conflicts) == 1
    assert report.conflicts[0].startswith(
        f"certification {SLUG}: edited in the admin and changed in the file since the last "
        "sync; they differ in cost_usd, summary, domains."
    )
    assert any(line.startswith(f"CONFLICT certification {SLUG}") for line in report.lines())
    cert = Certification.objects.get(slug=SLUG)
    assert cert.summary == "Edited by a curator."
    assert cert.cost_usd != 999
    assert set(cert.domains.values_list("topics", flat=True)) == {"Curated topic"}


def test_overwrite_takes_the_files_version_of_a_conflict(curated):
    Certification.objects.filter(slug=SLUG).update(summary="Edited by a curator.")
    changed = copy.deepcopy(curated)
    next(c for c in changed["certifications"] if c["slug"] == SLUG)["cost_usd"] = 999

    report = sync_catalog(changed, overwrite=True)

    assert report.conflicts == []
    assert f"certification {SLUG} (cost_usd, summary)" in report.updated
    assert export_catalog() == changed


def test_the_command_reports_a_conflict_and_overwrites_only_when_told(db):
    run("sync_catalog")
    Certification.objects.filter(slug=SLUG).update(summary="Edited by a curator.")
    Certification.objects.filter(slug=SLUG).update(synced_fingerprint="from an older file")

    kept = run("sync_catalog")
    assert any(
        line.startswith(f"CONFLICT certification {SLUG}: edited in the admin") for line in kept
    )
    assert Certification.objects.get(slug=SLUG).summary == "Edited by a curator."

    run("sync_catalog", "--overwrite")
    assert Certification.objects.get(slug=SLUG).summary != "Edited by a curator."
    (summary,) = run("sync_catalog")
    assert summary.startswith("0 created, 0 updated, ")


def test_a_file_change_to_an_unedited_certification_is_applied_exactly(curated):
    changed = copy.deepcopy(curated)
    item = next(c for c in changed["certifications"] if c["slug"] == SLUG)
    old_name = item["domains"][0]["name"]
    item["domains"][0]["name"] = "Renamed in the file"

    report = sync_catalog(changed)

    assert f"domain '{old_name}' of {SLUG}" in report.removed
    assert f"domain 'Renamed in the file' of {SLUG}" in report.created
    assert ExamDomain.objects.filter(certification__slug=SLUG).count() == len(item["domains"])
    assert export_catalog() == changed


# Edit in the admin -> sync keeps it -> export writes it -> a sync of the exported file is quiet.


def edit_domain():
    domain = ExamDomain.objects.filter(certification__slug=SLUG).order_by("order").first()
    domain.name = "A curator's better name"
    domain.save()


def edit_required_skill():
    RequiredSkill.objects.filter(certification__slug=SLUG).update(level=5)
    RequiredSkill.objects.create(
        certification=Certification.objects.get(slug=SLUG),
        skill=Skill.objects.exclude(required_by__certification__slug=SLUG).first(),
        level=1,
    )


def edit_resource():
    resource = Resource.objects.filter(certification__slug=SLUG).first()
    resource.title = "A clearer title"
    resource.save()


def edit_successor():
    Succession.objects.filter(predecessor__slug=SLUG).first().delete()
    Succession.objects.filter(predecessor__slug=SLUG).update(note="A curator's note.")


@pytest.mark.parametrize(
    ("edit", "part"),
    [
        (edit_domain, "domains"),
        (edit_required_skill, "required_skills"),
        (edit_resource, "resources"),
        (edit_successor, "successors"),
    ],
    ids=["domains", "required-skills", "resources", "successors"],
)
def test_an_edit_survives_sync_and_export_round_trips_exactly(curated, edit, part):
    edit()
    edited = export_catalog()
    assert edited != curated

    report = sync_catalog(curated)
    assert report.kept_edits and report.kept_edits[0].startswith(f"certification {SLUG} ({part})")
    assert export_catalog() == edited

    again = sync_catalog(json.loads(json.dumps(edited)))
    assert not again.changed
    assert (again.kept_edits, again.conflicts) == ([], [])
    # The exported file is now what the database was synced from: a later change applies.
    next(c for c in edited["certifications"] if c["slug"] == SLUG)["cost_usd"] = 123
    applied = sync_catalog(edited)
    assert applied.updated == [f"certification {SLUG} (cost_usd)"]
    assert export_catalog() == edited


def test_a_database_synced_before_fingerprints_takes_the_file_unless_the_admin_edited_it(
    curated, curator
):
    from django.contrib.admin.models import CHANGE, LogEntry
    from django.contrib.contenttypes.models import ContentType

    Certification.objects.update(synced_fingerprint="", summary="As an older file said.")
    edited = Certification.objects.get(slug=SLUG)
    LogEntry.objects.create(
        user=curator,
        content_type=ContentType.objects.get_for_model(Certification),
        object_id=str(edited.pk),
        object_repr=str(edited),
        action_flag=CHANGE,
        change_message="[]",
    )

    report = sync_catalog(curated)

    assert [text.split(":")[0] for text in report.conflicts] == [f"certification {SLUG}"]
    untouched = Certification.objects.exclude(slug=SLUG)
    assert "As an older file said." not in set(untouched.values_list("summary", flat=True))
    assert Certification.objects.get(slug=SLUG).summary == "As an older file said."
