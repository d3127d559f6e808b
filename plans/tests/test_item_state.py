from __future__ import annotations

from datetime import timedelta

from plans.models import ItemState
from plans.tests.conftest import items_of, make_sized_plan, today

HTMX = {"HX-Request": "true"}


def tick(client, item, state, *, htmx=True):
    return client.post(
        f"/plans/{item.plan_id}/items/{item.pk}/state/",
        {"state": state},
        headers=HTMX if htmx else {},
    )


def test_an_htmx_tick_returns_the_item_with_progress_and_pace_out_of_band(alice_client, plan):
    item = items_of(plan)[0]

    response = tick(alice_client, item, "done")

    assert response.status_code == 200
    text = response.text
    assert "<html" not in text
    assert text.startswith(f'<li id="item-{item.pk}"')
    assert "Mark not started" in text
    assert '<div id="plan-progress" hx-swap-oob="innerHTML">' in text
    assert f"{item.hours} of 83 hours done · 1 of 13 items" in text
    assert '<div id="plan-pace" hx-swap-oob="innerHTML">' in text
    item.refresh_from_db()
    assert item.state == ItemState.DONE


def test_the_out_of_band_regions_do_not_repeat_the_live_region_attributes(alice_client, plan):
    response = tick(alice_client, items_of(plan)[0], "done")

    # The live regions stay in the page; only their inside is replaced.
    assert "aria-live" not in response.text


def test_this_week_comes_back_when_it_changed(alice, alice_client, catalog):
    plan = make_sized_plan(alice, 10)
    first, *_, last = items_of(plan)

    in_this_week = tick(alice_client, first, "doing")
    later = tick(alice_client, last, "doing")

    assert '<div id="plan-this-week" hx-swap-oob="innerHTML">' in in_this_week.text
    assert "plan-this-week" not in later.text


def test_a_plain_tick_redirects_to_the_item(alice_client, plan):
    item = items_of(plan)[2]

    response = tick(alice_client, item, "doing", htmx=False)

    assert response.status_code == 302
    assert response.headers["Location"] == f"/plans/{plan.pk}/#item-{item.pk}"
    item.refresh_from_db()
    assert item.state == ItemState.DOING


def test_a_repeated_tick_is_a_no_op(alice_client, plan):
    item = items_of(plan)[0]
    tick(alice_client, item, "done")
    item.refresh_from_db()
    updated_at = item.updated_at

    response = tick(alice_client, item, "done")

    assert response.status_code == 200
    item.refresh_from_db()
    assert item.state == ItemState.DONE
    assert item.updated_at == updated_at
    assert "1 of 13 items" in response.text


def test_skipping_leaves_both_sides_of_the_progress_figure(alice_client, plan):
    first, second = items_of(plan)[:2]
    tick(alice_client, first, "done")

    response = tick(alice_client, second, "skipped")

    expected_total = 83 - second.hours
    assert f"{first.hours} of {expected_total} hours done · 1 of 12 items" in response.text


def test_skipping_regroups_the_weeks_in_one_response(alice, alice_client, catalog):
    plan = make_sized_plan(alice, 10)
    item = items_of(plan)[0]

    response = tick(alice_client, item, "skipped")

    # The week layout moved, so the whole week list comes back in place of the item.
    assert response.headers["HX-Retarget"] == "#plan-weeks"
    assert response.headers["HX-Reswap"] == "innerHTML"
    assert 'id="skipped-heading"' in response.text
    assert '<div id="plan-progress" hx-swap-oob="innerHTML">' in response.text


def test_marking_not_started_undoes_a_tick(alice_client, plan):
    item = items_of(plan)[0]
    tick(alice_client, item, "done")

    response = tick(alice_client, item, "todo")

    assert "0 of 83 hours done" in response.text
    item.refresh_from_db()
    assert item.state == ItemState.TODO


def test_a_bad_state_is_a_400_with_a_message(alice_client, plan):
    item = items_of(plan)[0]

    plain = tick(alice_client, item, "finished-ish", htmx=False)
    fragment = tick(alice_client, item, "finished-ish")
    missing = alice_client.post(f"/plans/{plan.pk}/items/{item.pk}/state/")

    assert plain.status_code == 400
    assert "is not a state an item can have" in plain.text
    assert fragment.status_code == 400
    assert fragment.headers["HX-Retarget"] == "#plan-errors"
    assert "<html" not in fragment.text
    assert missing.status_code == 400
    item.refresh_from_db()
    assert item.state == ItemState.TODO


def test_an_unknown_item_is_404(alice_client, plan):
    response = alice_client.post(f"/plans/{plan.pk}/items/999999/state/", {"state": "done"})

    assert response.status_code == 404


def test_an_item_of_another_plan_is_404(alice, alice_client, plan, catalog):
    other = make_sized_plan(alice, 3)
    foreign = items_of(other)[0]

    response = alice_client.post(f"/plans/{plan.pk}/items/{foreign.pk}/state/", {"state": "done"})

    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.state == ItemState.TODO


def test_ticking_an_archived_plan_is_refused_and_changes_nothing(alice_client, plan):
    item = items_of(plan)[0]
    alice_client.post(f"/plans/{plan.pk}/archive/")

    plain = tick(alice_client, item, "done", htmx=False)
    fragment = tick(alice_client, item, "done")

    assert plain.status_code == 409
    assert "archived" in plain.text
    assert fragment.status_code == 409
    assert fragment.headers["HX-Retarget"] == "#plan-errors"
    item.refresh_from_db()
    assert item.state == ItemState.TODO


def test_work_done_early_shows_as_ahead(alice, alice_client, catalog):
    plan = make_sized_plan(alice, 10, start=today() + timedelta(days=3))

    response = tick(alice_client, items_of(plan)[0], "done")

    assert "Ahead by 2 h" in response.text
