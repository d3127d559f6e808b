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

    # the posterior means fall outside the scale and are brought back to its ends
    assert (lowest.level, highest.level) == (1.0, 5.0)


def test_an_unrated_skill_starts_from_a_wide_prior():
    assert adaptive.estimate(None, []) == adaptive.Estimate(2.5, 1.2)
    assert adaptive.estimate(3, []) == adaptive.Estimate(3.0, 0.8)


def test_the_chance_of_a_right_answer_follows_the_two_parameter_logistic():
    check = Item("check", "python", 3.0)
    sharp = Item("sharp", "python", 3.0, discrimination=4.0)

    # a person at the check's level is right half the time; one level above about 88 %, one
    # level below about 12 % (1 / (1 + e^-2)); a sharper check separates them more
    assert adaptive.probability_correct(check, 3.0) == 0.5
    assert adaptive.probability_correct(check, 4.0) == pytest.approx(0.8808, abs=1e-4)
    assert adaptive.probability_correct(check, 2.0) == pytest.approx(0.1192, abs=1e-4)
    assert adaptive.probability_correct(sharp, 3.5) == pytest.approx(0.8808, abs=1e-4)


def test_the_level_is_the_posterior_mean_near_the_top_of_the_scale():
    # Rated 4, right at 5 and wrong at 5.5: integrating prior times likelihood over a wide,
    # fine grid gives 4.591 +- 0.603; a grid cut short at 6 would pull it to 4.58.
    answers = [Response(Item("a", "python", 5.0), True), Response(Item("b", "python", 5.5), False)]

    found = adaptive.estimate(4, answers)

    assert (round(found.level, 2), round(found.se, 2)) == (4.59, 0.6)


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

    at_limit = SkillState.build("python", 3, given[:4], items[4:])
    one_short = SkillState.build("python", 3, given[:3], items[3:])
    before = SkillState.build("python", 3, given[:1], items[1:])
    empty = SkillState.build("python", 3, [], [])

    assert at_limit.finished and empty.finished
    assert not one_short.finished and not before.finished


def test_a_skill_stops_once_its_uncertainty_is_at_most_0_35():
    # Sharp checks (discrimination 4) near the level: the uncertainty falls from 0.8 to 0.57,
    # 0.38, then 0.33, before the limit of four checks.
    items = [Item(f"k{n}", "python", b, 4.0) for n, b in enumerate((3.0, 3.2, 2.8, 3.4))]
    answers = [Response(item, n % 2 == 0) for n, item in enumerate(items)]

    two = SkillState.build("python", 3, answers[:2], items[2:])
    three = SkillState.build("python", 3, answers[:3], items[3:])

    assert (round(two.current.se, 2), two.finished) == (0.38, False)
    assert (round(three.current.se, 2), three.finished) == (0.33, True)


def test_a_skills_state_is_estimated_from_its_answers():
    items = bank()
    state = SkillState.build("python", 3, [Response(items[4], True)], items[:4])

    assert state.skill == "python"
    assert state.current.level > 3
    assert state.current.se < 0.8


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


def test_the_next_check_across_skills_is_the_one_nearest_that_skills_level():
    states = [SkillState.build("python", 4, [], bank())]

    assert adaptive.choose_next(states, checks_allowed=10).difficulty == 4.0


def test_equally_informative_checks_across_skills_are_drawn_by_the_attempts_seed():
    twins = {"python": [Item("a", "python", 3.0), Item("b", "python", 3.0)]}

    def pick(seed: int) -> str:
        return adaptive.next_check(["python"], {"python": 3}, {}, twins, 10, seed=seed).key

    picks = {seed: pick(seed) for seed in range(20)}

    assert set(picks.values()) == {"a", "b"}
    assert all(pick(seed) == key for seed, key in picks.items())


def test_next_check_starts_an_unrated_skill_before_a_rated_one():
    items = {"maths": bank("maths"), "python": bank("python")}

    chosen = adaptive.next_check(["maths", "python"], {"maths": 3}, {}, items, 10)

    assert chosen.skill == "python"


def test_next_check_passes_over_a_skill_without_checks():
    chosen = adaptive.next_check(
        ["maths", "python"], {"maths": 3, "python": 3}, {}, {"python": bank()}, 10
    )

    assert chosen.skill == "python"


def test_the_checks_get_nothing_once_the_other_questions_take_all_35():
    assert [adaptive.checks_allowed(n) for n in (34, 35, 36)] == [1, 0, 0]
