"""Curators keep the catalog true through the admin: its forms refuse facts that cannot be right."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.messages import get_messages
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertRedirects

from catalog.models import (
    Certification,
    ExamFormat,
    Focus,
    Level,
    Platform,
    Provider,
    RenewalKind,
    RequiredSkill,
    Resource,
    Skill,
    SkillGroup,
    Succession,
)

CHANGELIST_URL = reverse("admin:catalog_certification_changelist")
ADD_URL = reverse("admin:catalog_certification_add")
FORM_FIELDS = [
    "name",
    "slug",
    "provider",
    "exam_code",
    "published",
    "status",
    "status_date",
    "level",
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
    "renewal_kind",
    "renewal_window_days",
    "renewal_grace_days",
    "renewal_cost_usd",
    "renewal_effort_hours",
    "renewal_extends_months",
    "renewal_credits",
    "renewal_note",
    "renewal_source_url",
    "exam_guide_url",
    "source_url",
    "source_kind",
    "checked_on",
    "needs_review",
]
# The admin names each inline's fields after the related name: "domains-0-weight".
INLINE_PREFIXES = ["successions", "domains", "required_skills", "resources", "fact_sources"]


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


def certification(**fields) -> Certification:
    """An unsaved certification with every required fact; save it or post it through the admin."""
    provider, _ = Provider.objects.get_or_create(
        slug="aws", defaults={"name": "AWS", "platform": Platform.AWS}
    )
    values = {
        "provider": provider,
        "slug": "aws-ml-engineer-associate",
        "name": "AWS Certified Machine Learning Engineer – Associate",
        "exam_code": "MLA-C01",
        "level": Level.ASSOCIATE,
        "focus": Focus.MLOPS,
        "exam_format": ExamFormat.MULTIPLE_CHOICE,
        "cost_usd": 150,
        "summary": "Build, deploy and run models on SageMaker.",
        "source_url": "https://aws.amazon.com/certification/",
        "checked_on": timezone.localdate(),
        "validity_months": 36,
        "renewal_kind": RenewalKind.RETAKE,
        "renewal_source_url": "https://aws.amazon.com/certification/recertification/",
    }
    return Certification(**{**values, **fields})


def make_certification(**fields) -> Certification:
    cert = certification(**fields)
    cert.save()
    return cert


def change_url(cert: Certification) -> str:
    return reverse("admin:catalog_certification_change", args=[cert.pk])


def admin_form(cert: Certification, *, changes=None, **inlines: list[dict]) -> dict:
    """The certification form as a browser posts it: the fields, and each inline's new rows."""
    values = {**model_to_dict(cert, fields=FORM_FIELDS), **(changes or {})}
    data = {}
    for name, value in values.items():
        if name == "published":
            if value:
                data[name] = "on"
        elif name == "needs_review":
            # A field with a callable default also sends its initial value, in a hidden input.
            data[name] = data[f"initial-{name}"] = json.dumps(value)
        elif value is None:
            data[name] = ""
        else:
            data[name] = str(value)
    for prefix in INLINE_PREFIXES:
        rows = inlines.get(prefix, [])
        data |= {
            f"{prefix}-TOTAL_FORMS": str(len(rows)),
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
        for i, row in enumerate(rows):
            data |= {f"{prefix}-{i}-{name}": value for name, value in row.items()}
    return data


def domains(*weights: int) -> list[dict]:
    return [
        {"name": f"Domain {n}", "order": n, "weight": weight, "weight_min": "", "weight_max": ""}
        for n, weight in enumerate(weights, start=1)
    ]


def form_errors(response) -> dict[str, list[str]]:
    """Every error on the page: the form's by field, an inline row's as "domains-0-weight",
    and an inline's own (such as the weights' total) under its prefix."""
    errors = {name: list(e) for name, e in response.context["adminform"].form.errors.items()}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for i, row in enumerate(formset.errors):
            errors |= {f"{formset.prefix}-{i}-{name}": list(e) for name, e in row.items()}
        if formset.non_form_errors():
            errors[formset.prefix] = list(formset.non_form_errors())
    return errors


def test_the_add_form_saves_a_certification_with_its_inlines(curator_client):
    skill = Skill.objects.create(slug="aws", name="AWS", group=SkillGroup.PRODUCTION)
    data = admin_form(
        certification(),
        domains=domains(40, 30, 30),
        required_skills=[{"skill": skill.pk, "level": 4}],
        resources=[
            {"title": "Guide", "url": "https://aws.amazon.com/", "kind": "docs", "order": 1}
        ],
    )

    response = curator_client.post(ADD_URL, data)

    assert response.status_code == 302
    cert = Certification.objects.get(slug="aws-ml-engineer-associate")
    assert cert.domains.count() == 3
    assert cert.required_skills.get().level == 4
    assert cert.resources.get().url == "https://aws.amazon.com/"


@pytest.mark.parametrize("weights", [(40, 30, 30), (40, 30, 29), (40, 30, 31)], ids=sum)
def test_domain_weights_adding_up_to_100_give_or_take_1_are_accepted(curator_client, weights):
    response = curator_client.post(ADD_URL, admin_form(certification(), domains=domains(*weights)))

    assert response.status_code == 302
    cert = Certification.objects.get(slug="aws-ml-engineer-associate")
    assert tuple(cert.domains.values_list("weight", flat=True)) == weights


@pytest.mark.parametrize("weights", [(40, 30, 25), (40, 30, 28), (40, 30, 32)], ids=sum)
def test_domain_weights_not_adding_up_to_100_are_rejected(curator_client, weights):
    response = curator_client.post(ADD_URL, admin_form(certification(), domains=domains(*weights)))

    assert response.status_code == 200
    total = sum(weights)
    assert f"add up to {total}%" in response.text
    assert form_errors(response) == {
        "domains": [f"The domain weights add up to {total}%; they must add up to 100% (±1)."]
    }
    assert not Certification.objects.exists()


def test_a_retired_certification_needs_its_retirement_date(curator_client):
    data = admin_form(certification(), changes={"status": "retired", "status_date": None})

    response = curator_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert form_errors(response) == {
        "status_date": ["Give the date this certification retired on."]
    }
    assert not Certification.objects.exists()


def test_a_renewal_rule_that_contradicts_itself_is_refused(curator_client):
    data = admin_form(
        certification(),
        changes={"renewal_kind": "no-expiry", "validity_months": 24, "renewal_window_days": 90},
    )

    response = curator_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert form_errors(response) == {
        "validity_months": ["A credential that does not expire has no validity period."],
        "renewal_window_days": [
            "Only a credential that can be renewed has a renewal window or cost."
        ],
    }
    assert not Certification.objects.exists()


def test_an_active_certification_needs_a_renewal_rule(curator_client):
    data = admin_form(certification(), changes={"renewal_kind": "unknown"})

    response = curator_client.post(ADD_URL, data)

    assert list(form_errors(response)) == ["renewal_kind"]
    assert not Certification.objects.exists()


def test_a_successor_is_added_inline(curator_client):
    cert = make_certification(slug="aws-ml-specialty", status="retired", status_date="2026-03-31")
    successor = make_certification()
    data = admin_form(cert, successions=[{"successor": successor.pk, "note": "Closest match."}])

    response = curator_client.post(change_url(cert), data)

    assert response.status_code == 302
    assert list(cert.successors.all()) == [successor]


def test_a_certification_cannot_be_its_own_successor(curator_client):
    cert = make_certification(slug="aws-ml-specialty", status="retired", status_date="2026-03-31")
    data = admin_form(cert, successions=[{"successor": cert.pk, "note": ""}])

    response = curator_client.post(change_url(cert), data)

    assert response.status_code == 200
    assert form_errors(response) == {
        "successions-0-successor": ["A certification cannot succeed itself."]
    }
    assert not Succession.objects.exists()


@pytest.mark.parametrize("url", ["ftp://example.com/guide.pdf", "javascript:alert(1)"])
def test_a_source_that_is_not_a_web_address_is_rejected(curator_client, url):
    response = curator_client.post(ADD_URL, admin_form(certification(source_url=url)))

    assert response.status_code == 200
    assert list(form_errors(response)) == ["source_url"]
    assert not Certification.objects.exists()


@pytest.mark.parametrize("url", ["ftp://example.com/guide.pdf", "javascript:alert(1)"])
def test_a_resource_that_is_not_a_web_address_is_rejected(curator_client, url):
    resource = {"title": "Guide", "url": url, "kind": "docs", "free": "on", "order": "1"}

    response = curator_client.post(ADD_URL, admin_form(certification(), resources=[resource]))

    assert response.status_code == 200
    assert list(form_errors(response)) == ["resources-0-url"]
    assert not Resource.objects.exists()


@pytest.mark.parametrize("level", [0, 6])
def test_a_required_level_outside_1_to_5_is_rejected(curator_client, level):
    skill = Skill.objects.create(slug="python", name="Python", group=SkillGroup.PROGRAMMING)
    required = [{"skill": skill.pk, "level": level}]

    response = curator_client.post(ADD_URL, admin_form(certification(), required_skills=required))

    assert response.status_code == 200
    assert list(form_errors(response)) == ["required_skills-0-level"]
    assert not RequiredSkill.objects.exists()


def test_the_stale_filter_lists_only_certifications_checked_over_180_days_ago(curator_client):
    today = timezone.localdate()
    for days in [400, 181, 180, 0]:
        make_certification(slug=f"checked-{days}-days-ago", checked_on=today - timedelta(days))

    everything = curator_client.get(CHANGELIST_URL)
    stale = curator_client.get(CHANGELIST_URL, {"freshness": "stale"})

    assert len(everything.context["cl"].result_list) == 4
    assert {c.slug for c in stale.context["cl"].result_list} == {
        "checked-400-days-ago",
        "checked-181-days-ago",
    }


def test_mark_checked_today_updates_the_selected_certifications_and_logs_it(
    curator_client, curator
):
    long_ago = timezone.localdate() - timedelta(days=200)
    first, second, unselected = [
        make_certification(slug=slug, checked_on=long_ago) for slug in ["a", "b", "c"]
    ]
    data = {"action": "mark_checked_today", "_selected_action": [first.pk, second.pk], "index": "0"}

    response = curator_client.post(CHANGELIST_URL, data)

    assert response.status_code == 302
    for cert in [first, second, unselected]:
        cert.refresh_from_db()
    assert first.checked_on == second.checked_on == timezone.localdate()
    assert unselected.checked_on == long_ago
    entries = LogEntry.objects.filter(action_flag=CHANGE, user=curator)
    assert sorted(e.object_id for e in entries) == sorted([str(first.pk), str(second.pk)])
    assert {e.get_change_message() for e in entries} == {"Changed checked_on."}
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert messages == ["Marked 2 certification(s) as checked today."]


def test_an_admin_edit_is_saved_and_logged(curator_client, curator):
    cert = make_certification(cost_usd=235)

    response = curator_client.post(change_url(cert), admin_form(cert, changes={"cost_usd": 347}))

    assert response.status_code == 302
    cert.refresh_from_db()
    assert cert.cost_usd == 347
    entry = LogEntry.objects.get(object_id=str(cert.pk), action_flag=CHANGE)
    assert entry.user == curator
    assert entry.get_change_message() == "Changed Cost (US$)."


def test_an_admin_edit_shows_on_the_public_page_at_once(client, curator):
    cert = make_certification(cost_usd=235)
    assert "235" in client.get(cert.get_absolute_url()).text

    client.force_login(curator)
    client.post(change_url(cert), admin_form(cert, changes={"cost_usd": 347}))
    client.logout()
    page = client.get(cert.get_absolute_url()).text

    assert "347" in page
    assert "235" not in page


def test_an_unpublished_certification_is_not_shown_publicly(client, db):
    shown = make_certification(slug="shown")
    hidden = make_certification(slug="hidden", published=False)

    assert client.get(shown.get_absolute_url()).status_code == 200
    assert client.get(hidden.get_absolute_url()).status_code == 404


def test_a_signed_in_user_who_is_not_staff_is_sent_to_the_admin_login(alice_client):
    response = alice_client.get(CHANGELIST_URL)
    assertRedirects(
        response, f"{reverse('admin:login')}?next={CHANGELIST_URL}", fetch_redirect_response=False
    )

    response = alice_client.post(ADD_URL, admin_form(certification()))
    assertRedirects(
        response, f"{reverse('admin:login')}?next={ADD_URL}", fetch_redirect_response=False
    )
    assert not Certification.objects.exists()
