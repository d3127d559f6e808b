"""The adaptive test's rules, as plain functions."""

import pytest

from assessments import adaptive
from assessments.adaptive import Item, Response, SkillState


def bank(skill="python", difficulties=(2.0, 2.5, 3.0, 3.5, 4.0, 4.5)):
    return [Item(f"{skill}-{b}", skill, b) for b in difficulties]


def test_a_rating_alone_is_the_level_with_the_priors_uncertainty():
    found = adaptive.estimate(3, [])

    assert (found.level, found.se) == (3.0, adaptive.PRIOR_SD)


def test_a_right_answer_above_the_rating_raises_the_level_and_a_wrong_one_below_lowers_it():
    hard, easy = Item("hard", "python", 4.0), Item("easy", "python", 2.0)

    assert adaptive.estimate(3, [Response(hard, True)]).level > 3
    assert adaptive.estimate(3, [Response(easy, False)]).level < 3


def test_every_answer_makes_the_level_more_certain():
    items = bank()
    answers = [Response(item, index % 2 == 0) for index, item in enumerate(items[:4])]

    uncertainties = [adaptive.estimate(3, answers[:n]).se for n in range(5)]

    assert uncertainties == sorted(uncertainties, reverse=True)
    assert len(set(uncertainties)) == 5


def test_the_level_stays_on_the_scale_whatever_the_answers():
    items = bank()

    lowest = adaptive.estimate(1, [Response(item, False) for item in items])
    highest = adaptive.estimate(5, [Response(item, True) for item in items])

    assert lowest.level == pytest.approx(1, abs=0.5) and lowest.level >= adaptive.MIN_LEVEL
    assert highest.level == pytest.approx(5, abs=0.5) and highest.level <= adaptive.MAX_LEVEL


def test_an_unrated_skill_starts_from_a_wide_prior():
    assert adaptive.estimate(None, []).se > adaptive.estimate(3, []).se


def test_a_self_rating_off_the_scale_is_refused():
    with pytest.raises(ValueError, match=r"1\.\.5"):
        adaptive.prior(6)


def test_the_next_check_is_the_one_nearest_the_current_level():
    items = bank()

    assert adaptive.most_informative(items, 3.1).difficulty == 3.0
    assert adaptive.most_informative(items, 4.4).difficulty == 4.5


def test_equally_informative_checks_are_drawn_by_seed_stably():
    twins = [Item("a", "python", 3.0), Item("b", "python", 3.0)]

    picks = {adaptive.most_informative(twins, 3.0, seed).key for seed in range(20)}

    assert picks == {"a", "b"}
    assert adaptive.most_informative(twins, 3.0, 7) == adaptive.most_informative(twins, 3.0, 7)


def test_a_never_used_skill_gets_one_screening_check_unless_it_is_answered_right():
    items = bank()
    screening = Response(items[0], False)

    wrong = SkillState.build("python", 1, [screening], items[1:])
    right = SkillState.build("python", 1, [Response(items[0], True)], items[1:])

    assert wrong.finished
    assert not right.finished


def test_a_skill_stops_at_its_check_limit_or_when_its_checks_run_out():
    items = bank()
    # Alternating answers keep the level uncertain, so only the limit stops it.
    given = [Response(item, index % 2 == 0) for index, item in enumerate(items)]

    at_limit = SkillState.build("python", 3, given[: adaptive.MAX_CHECKS_PER_SKILL], items[4:])
    before = SkillState.build("python", 3, given[:1], items[1:])
    empty = SkillState.build("python", 3, [], [])

    assert at_limit.finished and empty.finished
    assert not before.finished


def test_the_least_certain_skill_is_asked_first_ties_in_taxonomy_order():
    maths, python = bank("maths"), bank("python")
    states = [
        SkillState.build("maths", 3, [], maths),
        SkillState.build("python", None, [], python),  # unrated: the widest prior
    ]

    assert adaptive.choose_next(states, checks_allowed=10).skill == "python"
    rated_alike = [
        SkillState.build("maths", 3, [], maths),
        SkillState.build("python", 3, [], python),
    ]
    assert adaptive.choose_next(rated_alike, checks_allowed=10).skill == "maths"


def test_no_check_is_asked_beyond_the_assessments_budget():
    items = bank()
    states = [SkillState.build("python", 3, [Response(items[0], True)], items[1:])]

    assert adaptive.choose_next(states, checks_allowed=1) is None
    assert adaptive.choose_next(states, checks_allowed=2) is not None


def test_the_checks_get_what_the_other_questions_leave_of_35():
    assert adaptive.checks_allowed(20) == 15
    assert adaptive.checks_allowed(40) == 0


def test_next_check_never_repeats_a_check_already_answered():
    items = bank()
    first = adaptive.next_check(["python"], {"python": 3}, {}, {"python": items}, 10)
    answered = {"python": [Response(first, True)]}

    second = adaptive.next_check(["python"], {"python": 3}, answered, {"python": items}, 10)

    assert second is not None and second.key != first.key
    assert second.difficulty > first.difficulty  # a right answer moves the test up
