from __future__ import annotations

from datetime import timedelta

from catalog.models import Certification
from plans.models import ItemKind, Plan
from plans.tests.conftest import PMLE, finish_assessment, make_plan, today
from plans.tests.test_services import PMLE_RATINGS

URL = f"/plans/new/{PMLE}/"


def post(client, weeks_ahead=40, hours=10, url=URL, **extra):
    data = {
        "target_date": (today() + timedelta(weeks=weeks_ahead)).isoformat(),
        "hours_per_week": hours,
        **extra,
    }
    return client.post(url, data)


def test_the_form_shows_the_plan_size_and_suggests_the_assessment(alice_client, catalog):
    response = alice_client.get(URL)

    assert response.status_code == 200
    assert "Plan your way to Google Cloud Professional Machine Learning Engineer" in response.text
    assert "13 items" in response.text and "83 hours" in response.text
    assert "Take the self-assessment first" in response.text
    assert response.context["form"]["hours_per_week"].value() == 6


def test_hours_are_prefilled_from_the_latest_assessment(alice, alice_client, question_bank):
    finish_assessment(alice, PMLE_RATINGS, hours_per_week="15")

    response = alice_client.get(URL)

    assert response.context["form"]["hours_per_week"].value() == 15
    assert "skill gaps from your latest self-assessment" in response.text


def test_create_redirects_to_the_new_plan(alice, alice_client, catalog):
    response = post(alice_client)

    plan = Plan.objects.get()
    assert response.status_code == 302
    assert response.headers["Location"] == f"/plans/{plan.pk}/"
    assert plan.user == alice
    assert plan.hours_per_week == 10
    assert plan.items.count() == 13


def test_create_with_an_assessment_puts_the_gaps_first(alice, alice_client, question_bank):
    finish_assessment(alice, PMLE_RATINGS)

    post(alice_client)

    # The first week reads the exam guide and takes the diagnostic; the gaps come next.
    kinds = [item.kind for item in Plan.objects.get().items.all()]
    assert kinds[:3] == [ItemKind.RESOURCE, ItemKind.DIAGNOSTIC, ItemKind.GAP]


def test_a_past_date_is_refused(alice_client, catalog):
    response = alice_client.post(
        URL, {"target_date": (today() - timedelta(days=1)).isoformat(), "hours_per_week": 6}
    )

    assert response.status_code == 400
    assert "Choose an exam date in the future." in response.text
    assert not Plan.objects.exists()


def test_a_date_more_than_three_years_ahead_is_refused(alice_client, catalog):
    response = post(alice_client, weeks_ahead=52 * 3 + 2)

    assert response.status_code == 400
    assert "within about three years" in response.text


def test_absurd_hours_are_refused(alice_client, catalog):
    for hours in (0, 61, -3, "lots"):
        response = post(alice_client, hours=hours)
        assert response.status_code == 400
    assert not Plan.objects.exists()


def test_an_impossible_plan_is_refused_and_offers_the_earliest_date(alice_client, catalog):
    response = post(alice_client, weeks_ahead=3)

    assert response.status_code == 400
    assert not Plan.objects.exists()
    suggested = today() + timedelta(weeks=9)  # 83 h at 10 h a week
    assert "only 3 weeks remain" in response.text
    assert response.context["suggestion"] == suggested
    assert f'name="target_date" value="{suggested.isoformat()}"' in response.text

    accepted = post(alice_client, weeks_ahead=9)

    assert accepted.status_code == 302
    assert Plan.objects.get().target_date == suggested


def test_a_second_plan_for_the_same_certification_asks_first(alice, alice_client, catalog):
    existing = make_plan(alice)

    page = alice_client.get(URL)
    assert "You already have a plan for" in page.text
    assert "Create another plan anyway" in page.text
    assert f'href="/plans/{existing.pk}/"' in page.text

    refused = post(alice_client)
    assert refused.status_code == 400
    assert Plan.objects.count() == 1

    confirmed = post(alice_client, confirm_duplicate="1")
    assert confirmed.status_code == 302
    assert Plan.objects.count() == 2


def test_an_archived_plan_does_not_count_as_a_duplicate(alice, alice_client, catalog):
    existing = make_plan(alice)
    alice_client.post(f"/plans/{existing.pk}/archive/")

    assert post(alice_client).status_code == 302


def test_a_retired_certification_answers_409_and_links_its_successors(alice_client, catalog):
    response = alice_client.get("/plans/new/aws-ml-specialty/")

    assert response.status_code == 409
    assert "has retired" in response.text
    assert 'href="/plans/new/aws-ml-engineer-associate/"' in response.text
    assert 'href="/plans/new/aws-generative-ai-developer-professional/"' in response.text

    posted = post(alice_client, url="/plans/new/aws-ml-specialty/")
    assert posted.status_code == 409
    assert not Plan.objects.exists()


def test_unknown_and_unpublished_certifications_are_404(alice_client, catalog):
    Certification.objects.filter(slug=PMLE).update(published=False)

    assert alice_client.get("/plans/new/no-such-exam/").status_code == 404
    assert alice_client.get(URL).status_code == 404
    assert post(alice_client).status_code == 404


def test_the_form_has_one_h1_and_labelled_fields(alice_client, catalog):
    response = alice_client.get(URL)

    assert response.text.count("<h1") == 1
    assert 'for="id_target_date"' in response.text
    assert 'for="id_hours_per_week"' in response.text
