from __future__ import annotations

from plans.models import ItemKind, PlanItem
from plans.tests.conftest import items_of, make_sized_plan

EDIT = {"title": "Study: serving, my way", "hours": 7, "url": "https://example.com/notes"}


def test_the_edit_page_shows_the_item(alice_client, plan):
    item = items_of(plan)[0]

    response = alice_client.get(f"/plans/{plan.pk}/items/{item.pk}/edit/")

    assert response.status_code == 200
    assert response.context["form"]["title"].value() == item.title
    assert response.text.count("<h1") == 1


def test_editing_saves_title_notes_hours_and_link(alice_client, plan):
    item = items_of(plan)[0]

    response = alice_client.post(
        f"/plans/{plan.pk}/items/{item.pk}/edit/", {**EDIT, "notes": "Chapter 3 first"}
    )

    assert response.status_code == 302
    assert response.headers["Location"] == f"/plans/{plan.pk}/#item-{item.pk}"
    item.refresh_from_db()
    assert (item.title, item.hours, item.url, item.notes) == (
        "Study: serving, my way",
        7,
        "https://example.com/notes",
        "Chapter 3 first",
    )
    page = alice_client.get(f"/plans/{plan.pk}/")
    assert "Chapter 3 first" in page.text


def test_editing_keeps_the_state(alice_client, plan):
    item = items_of(plan)[0]
    alice_client.post(f"/plans/{plan.pk}/items/{item.pk}/state/", {"state": "done"})

    alice_client.post(f"/plans/{plan.pk}/items/{item.pk}/edit/", EDIT)

    item.refresh_from_db()
    assert item.state == "done"


def test_bad_edits_are_refused_and_nothing_changes(alice_client, plan):
    item = items_of(plan)[0]
    bad = [
        {**EDIT, "hours": 0},
        {**EDIT, "hours": 201},
        {**EDIT, "title": ""},
        {**EDIT, "url": "javascript:alert(1)"},
        {**EDIT, "url": "ftp://example.com/file"},
    ]
    for data in bad:
        response = alice_client.post(f"/plans/{plan.pk}/items/{item.pk}/edit/", data)
        assert response.status_code == 400, data
    saved = PlanItem.objects.get(pk=item.pk)
    assert (saved.title, saved.hours, saved.url) == (item.title, item.hours, item.url)


def test_adding_a_custom_item(alice_client, plan):
    response = alice_client.post(
        f"/plans/{plan.pk}/items/new/",
        {"title": "Mock exam with a friend", "hours": 3, "url": "", "notes": ""},
    )

    item = PlanItem.objects.get(title="Mock exam with a friend")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/plans/{plan.pk}/#item-{item.pk}"
    assert item.kind == ItemKind.CUSTOM
    assert items_of(plan)[-1].kind == ItemKind.EXAM


def test_adding_an_invalid_item_shows_the_form_again(alice_client, plan):
    response = alice_client.post(f"/plans/{plan.pk}/items/new/", {"title": "", "hours": 500})

    assert response.status_code == 400
    assert response.text.count("<h1") == 1
    assert plan.items.count() == 13


def test_removing_asks_first_then_removes(alice_client, plan):
    item = items_of(plan)[0]

    confirm = alice_client.get(f"/plans/{plan.pk}/items/{item.pk}/delete/")
    assert confirm.status_code == 200
    assert "Remove the item" in confirm.text
    assert PlanItem.objects.filter(pk=item.pk).exists()

    response = alice_client.post(f"/plans/{plan.pk}/items/{item.pk}/delete/")

    assert response.status_code == 302
    assert response.headers["Location"] == f"/plans/{plan.pk}/"
    assert not PlanItem.objects.filter(pk=item.pk).exists()


def test_moving_an_item_down_and_up(alice, alice_client, catalog):
    plan = make_sized_plan(alice, 3)
    first = items_of(plan)[0]

    down = alice_client.post(f"/plans/{plan.pk}/items/{first.pk}/move/", {"direction": "down"})

    assert down.status_code == 302
    assert down.headers["Location"] == f"/plans/{plan.pk}/#item-{first.pk}"
    assert [item.title for item in items_of(plan)] == ["Item 2", "Item 1", "Item 3"]

    alice_client.post(f"/plans/{plan.pk}/items/{first.pk}/move/", {"direction": "up"})

    assert [item.title for item in items_of(plan)] == ["Item 1", "Item 2", "Item 3"]


def test_moving_over_htmx_returns_the_week_list(alice, alice_client, catalog):
    plan = make_sized_plan(alice, 6)
    last = items_of(plan)[-1]

    response = alice_client.post(
        f"/plans/{plan.pk}/items/{last.pk}/move/",
        {"direction": "up"},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    assert "<html" not in response.text
    assert response.text.index("Item 6") < response.text.index("Item 5")
    assert f'id="move-up-{last.pk}"' in response.text


def test_moving_past_either_end_changes_nothing(alice, alice_client, catalog):
    plan = make_sized_plan(alice, 2)
    first, second = items_of(plan)

    alice_client.post(f"/plans/{plan.pk}/items/{first.pk}/move/", {"direction": "up"})
    alice_client.post(f"/plans/{plan.pk}/items/{second.pk}/move/", {"direction": "down"})

    assert [item.title for item in items_of(plan)] == ["Item 1", "Item 2"]


def test_a_bad_direction_is_a_400(alice, alice_client, catalog):
    plan = make_sized_plan(alice, 2)
    first = items_of(plan)[0]

    response = alice_client.post(
        f"/plans/{plan.pk}/items/{first.pk}/move/", {"direction": "sideways"}
    )

    assert response.status_code == 400


def test_archived_plans_refuse_every_item_change(alice_client, plan):
    item = items_of(plan)[0]
    before = [(i.pk, i.title, i.order, i.hours) for i in items_of(plan)]
    alice_client.post(f"/plans/{plan.pk}/archive/")
    base = f"/plans/{plan.pk}/items/{item.pk}"

    responses = [
        alice_client.get(f"{base}/edit/"),
        alice_client.post(f"{base}/edit/", EDIT),
        alice_client.get(f"{base}/delete/"),
        alice_client.post(f"{base}/delete/"),
        alice_client.post(f"{base}/move/", {"direction": "down"}),
        alice_client.post(f"/plans/{plan.pk}/items/new/", {"title": "More", "hours": 2}),
    ]

    assert [response.status_code for response in responses] == [409] * 6
    assert "archived" in responses[1].text
    assert [(i.pk, i.title, i.order, i.hours) for i in items_of(plan)] == before
