"""Loading the curated catalog file into the database, and writing the database back to it."""

from __future__ import annotations

import json
import re
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from catalog.models import (
    Certification,
    ExamDomain,
    ExamFormat,
    FactSource,
    Focus,
    Level,
    Provider,
    RequiredSkill,
    Resource,
    ResourceKind,
    Skill,
    Succession,
)
from catalog.sync import export_catalog, load_file, sync_catalog

CATALOG_MODELS = [
    Provider,
    Skill,
    Certification,
    Succession,
    ExamDomain,
    RequiredSkill,
    Resource,
    FactSource,
]
# A retired certification and its two successors: enough to exercise every kind of row.
AWS_ML = (
    "aws-ml-specialty",
    "aws-ml-engineer-associate",
    "aws-generative-ai-developer-professional",
)


def catalog(*slugs: str) -> dict:
    """The curated file, or only the named certifications in it (with every provider and skill)."""
    data = load_file()
    if slugs:
        data["certifications"] = [c for c in data["certifications"] if c["slug"] in slugs]
    return data


def certification(data: dict, slug: str) -> dict:
    return next(item for item in data["certifications"] if item["slug"] == slug)


def domain(data: dict, slug: str, name: str) -> dict:
    return next(item for item in certification(data, slug)["domains"] if item["name"] == name)


def row_count() -> int:
    return sum(model.objects.count() for model in CATALOG_MODELS)


def snapshot() -> dict[str, list[dict]]:
    """Every catalog row, field by field, with its primary key and updated_at."""
    models = [*CATALOG_MODELS, ExamDomain.skills.through]
    return {model._meta.label: list(model.objects.order_by("pk").values()) for model in models}


def run(*args: str) -> list[str]:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue().splitlines()


SUMMARY = re.compile(
    r"(\d+) created, (\d+) updated, (\d+) unchanged, (\d+) removed, (\d+) not in the file"
)


def summary(lines: list[str]) -> tuple[int, ...]:
    """The command's counts; sync_catalog also loads the question bank, so they include it."""
    (counts,) = [tuple(map(int, m.groups())) for line in lines if (m := SUMMARY.fullmatch(line))]
    return counts


@pytest.fixture
def synced(db) -> dict:
    """The AWS machine-learning certifications, synced once; returns the data that was synced."""
    data = catalog(*AWS_ML)
    sync_catalog(data)
    return data


def add_certification() -> Certification:
    """A certification a curator added in the admin, which the file does not have."""
    return Certification.objects.create(
        provider=Provider.objects.get(slug="aws"),
        slug="curated-cert",
        name="A curator's addition",
        level=Level.ASSOCIATE,
        focus=Focus.MIXED,
        exam_format=ExamFormat.MULTIPLE_CHOICE,
        summary="Added in the admin.",
        source_url="https://example.com/exam",
        checked_on=date(2026, 11, 1),
        validity_months=24,
        renewal_kind="retake",
        renewal_source_url="https://example.com/renewal",
    )


def add_domain() -> ExamDomain:
    cert = Certification.objects.get(slug="aws-ml-specialty")
    return ExamDomain.objects.create(certification=cert, name="Curator's extra domain", order=9)


def add_resource() -> Resource:
    cert = Certification.objects.get(slug="aws-ml-specialty")
    return Resource.objects.create(
        certification=cert,
        title="Curator's notes",
        url="https://example.com/notes",
        kind=ResourceKind.DOCS,
    )


def add_required_skill() -> RequiredSkill:
    cert = Certification.objects.get(slug="aws-ml-specialty")
    skill = Skill.objects.get(slug="generative-ai")
    return RequiredSkill.objects.create(certification=cert, skill=skill, level=2)


def add_successor() -> Succession:
    return Succession.objects.create(
        predecessor=Certification.objects.get(slug="aws-ml-engineer-associate"),
        successor=Certification.objects.get(slug="aws-generative-ai-developer-professional"),
    )


ROWS_ADDED_IN_THE_ADMIN = [
    pytest.param(add_domain, "domain 'Curator's extra domain' of aws-ml-specialty", id="domain"),
    pytest.param(add_resource, "resource 'Curator's notes' of aws-ml-specialty", id="resource"),
    pytest.param(
        add_required_skill, "required skill generative-ai of aws-ml-specialty", id="required-skill"
    ),
    pytest.param(
        add_successor,
        "successor aws-generative-ai-developer-professional of aws-ml-engineer-associate",
        id="successor",
    ),
]


def test_the_first_sync_creates_the_catalog_and_reports_each_row(db):
    data = load_file()

    report = sync_catalog(data)

    assert Certification.objects.count() == len(data["certifications"])
    assert len(report.created) == len(set(report.created)) == row_count()
    for label in [
        "provider aws",
        "skill python",
        "certification aws-ml-specialty",
        "domain 'Modeling' of aws-ml-specialty",
        "required skill aws of aws-ml-specialty",
        "resource 'Official exam guide (legacy)' of aws-ml-specialty",
        "successor aws-ml-engineer-associate of aws-ml-specialty",
    ]:
        assert label in report.created
    assert (report.updated, report.unchanged, report.would_remove) == ([], 0, [])
    assert "created certification aws-ml-specialty" in report.lines()


def test_a_second_sync_changes_nothing(db):
    first = sync_catalog(load_file())
    before = snapshot()

    second = sync_catalog(load_file())

    assert (second.created, second.updated, second.removed, second.would_remove) == ([], [], [], [])
    assert second.unchanged == len(first.created)
    assert not second.changed
    assert snapshot() == before
    assert second.lines()[-1] == (
        f"0 created, 0 updated, {len(first.created)} unchanged, 0 removed, 0 not in the file"
    )


def test_a_changed_cost_is_reported_and_applied(synced):
    certification(synced, "aws-ml-specialty")["cost_usd"] = 330

    report = sync_catalog(synced)

    assert report.updated == ["certification aws-ml-specialty (cost_usd)"]
    assert "updated certification aws-ml-specialty (cost_usd)" in report.lines()
    assert report.unchanged == row_count() - 1
    assert Certification.objects.get(slug="aws-ml-specialty").cost_usd == 330


def test_changed_domain_weights_are_reported_and_applied(synced):
    domain(synced, "aws-ml-specialty", "Data Engineering")["weight"] = 22
    domain(synced, "aws-ml-specialty", "Modeling")["weight"] = 34

    report = sync_catalog(synced)

    assert report.updated == [
        "domain 'Data Engineering' of aws-ml-specialty (weight)",
        "domain 'Modeling' of aws-ml-specialty (weight)",
    ]
    assert report.unchanged == row_count() - 2
    weights = ExamDomain.objects.filter(certification__slug="aws-ml-specialty")
    assert dict(weights.values_list("name", "weight")) == {
        "Data Engineering": 22,
        "Exploratory Data Analysis": 24,
        "Modeling": 34,
        "Machine Learning Implementation and Operations": 20,
    }


def test_changed_domain_skills_are_reported_once_and_applied(synced):
    domain(synced, "aws-ml-specialty", "Modeling")["skills"] = ["deep-learning", "mlops"]

    report = sync_catalog(synced)

    assert report.updated == ["domain 'Modeling' of aws-ml-specialty (skills)"]
    assert report.unchanged == row_count() - 1
    modeling = ExamDomain.objects.get(certification__slug="aws-ml-specialty", name="Modeling")
    assert {s.slug for s in modeling.skills.all()} == {"deep-learning", "mlops"}


def test_a_domain_with_changed_weight_and_skills_is_one_update(synced):
    modeling = domain(synced, "aws-ml-specialty", "Modeling")
    modeling["weight"] = 34
    modeling["skills"] = ["deep-learning"]

    report = sync_catalog(synced)

    assert report.updated == ["domain 'Modeling' of aws-ml-specialty (weight, skills)"]
    assert report.unchanged == row_count() - 1


def test_a_changed_successor_note_is_reported_and_applied(synced):
    successor = certification(synced, "aws-ml-specialty")["successors"][0]
    successor["note"] = "Choose this for SageMaker work."

    report = sync_catalog(synced)

    assert report.updated == ["successor aws-ml-engineer-associate of aws-ml-specialty (note)"]
    succession = Succession.objects.get(
        predecessor__slug="aws-ml-specialty", successor__slug="aws-ml-engineer-associate"
    )
    assert succession.note == "Choose this for SageMaker work."


def test_a_certification_added_in_the_admin_is_listed_but_never_deleted(synced):
    row = add_certification()

    report = sync_catalog(synced)

    assert report.would_remove == ["certification curated-cert"]
    assert (
        "would remove certification curated-cert (not in the file; run with --prune)"
        in report.lines()
    )
    assert report.removed == []
    assert Certification.objects.filter(pk=row.pk).exists()


def test_prune_removes_a_certification_missing_from_the_file(synced):
    row = add_certification()

    report = sync_catalog(synced, prune=True)

    assert report.removed == ["certification curated-cert"]
    assert "removed certification curated-cert" in report.lines()
    assert not Certification.objects.filter(pk=row.pk).exists()
    assert export_catalog() == synced


@pytest.mark.parametrize(("add_row", "label"), ROWS_ADDED_IN_THE_ADMIN)
def test_a_row_added_in_the_admin_is_kept_as_an_edit_not_in_the_file(synced, add_row, label):
    row = add_row()
    before = snapshot()

    report = sync_catalog(synced, prune=True)

    owner = label.rsplit(" of ", 1)[1]
    assert [text.split(" (")[0] for text in report.kept_edits] == [f"certification {owner}"]
    assert any(
        line.startswith(f"kept admin edits to certification {owner}") for line in report.lines()
    )
    assert (report.removed, report.conflicts) == ([], [])
    assert type(row).objects.filter(pk=row.pk).exists()
    assert snapshot() == before


@pytest.mark.parametrize(("add_row", "label"), ROWS_ADDED_IN_THE_ADMIN)
def test_overwrite_removes_a_row_added_in_the_admin(synced, add_row, label):
    row = add_row()

    report = sync_catalog(synced, overwrite=True)

    assert report.removed == [label]
    assert f"removed {label}" in report.lines()
    assert report.kept_edits == []
    assert not type(row).objects.filter(pk=row.pk).exists()
    assert export_catalog() == synced


def test_export_of_a_freshly_synced_database_equals_the_file(db):
    sync_catalog(load_file())

    assert export_catalog() == load_file()


def test_sync_catalog_command_reports_each_change_and_a_summary(db):
    first = run("sync_catalog", "--verbosity", "2")
    second = run("sync_catalog")

    assert "created certification aws-ml-specialty" in first
    assert len(second) == 1, "without -v 2 only the summary is printed"
    rows = summary(first)[0]
    assert rows >= row_count()
    assert summary(first) == (rows, 0, 0, 0, 0)
    assert summary(second) == (0, 0, rows, 0, 0)


def test_sync_catalog_command_keeps_curated_rows_unless_told_to_prune(db):
    rows = summary(run("sync_catalog"))[0]
    add_certification()

    kept = run("sync_catalog")
    assert "would remove certification curated-cert (not in the file; run with --prune)" in kept
    assert summary(kept) == (0, 0, rows, 0, 1)
    assert Certification.objects.filter(slug="curated-cert").exists()

    pruned = run("sync_catalog", "--prune", "--verbosity", "2")
    assert "removed certification curated-cert" in pruned
    assert summary(pruned) == (0, 0, rows, 1, 0)
    assert not Certification.objects.filter(slug="curated-cert").exists()


def test_export_catalog_command_writes_the_file_back(db, tmp_path):
    sync_catalog(load_file())
    output = tmp_path / "catalog.json"

    lines = run("export_catalog", "--output", str(output))

    assert lines == [f"Wrote {output}"]
    assert json.loads(output.read_text(encoding="utf-8")) == load_file()


# What a curator would check in the data itself, as of November 2026.

HEADLINE_CERTIFICATIONS = [
    ("google-professional-ml-engineer", "active", None, {}),
    (
        "aws-ml-specialty",
        "retired",
        "2026-03-31",
        {
            "aws-ml-engineer-associate": "MLA-C01",
            "aws-generative-ai-developer-professional": "AIP-C01",
        },
    ),
    (
        "azure-ai-engineer-associate",
        "retired",
        "2026-06-30",
        {"azure-ai-apps-agents-developer": "AI-103"},
    ),
    ("tensorflow-developer-certificate", "retired", "2024-05-01", {}),
    ("databricks-ml-associate", "active", None, {}),
]


@pytest.mark.parametrize(("slug", "status", "status_date", "successors"), HEADLINE_CERTIFICATIONS)
def test_a_headline_certification_has_its_current_status(slug, status, status_date, successors):
    data = load_file()
    item = certification(data, slug)

    assert (item["status"], item["status_date"]) == (status, status_date)
    named = {s["slug"]: certification(data, s["slug"])["exam_code"] for s in item["successors"]}
    assert named == successors


def test_the_headline_exam_codes_are_the_ones_people_search_for():
    data = load_file()

    assert certification(data, "aws-ml-specialty")["exam_code"] == "MLS-C01"
    assert certification(data, "azure-ai-engineer-associate")["exam_code"] == "AI-102"


def test_the_catalog_has_at_least_14_certifications():
    assert len(load_file()["certifications"]) >= 14


def test_every_certification_names_its_source_and_when_it_was_checked():
    for item in load_file()["certifications"]:
        assert item["source_url"].startswith(("https://", "http://")), item["slug"]
        assert date.fromisoformat(item["checked_on"]), item["slug"]


def test_every_retired_or_retiring_certification_has_its_date():
    for item in load_file()["certifications"]:
        if item["status"] in ("retiring", "retired"):
            assert item["status_date"], item["slug"]
            date.fromisoformat(item["status_date"])
