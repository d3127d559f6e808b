"""Adaptive testing per skill with Item Response Theory. Plain Python: no Django, no database.

The ability scale
-----------------
Every skill is measured on the level scale of the self-rating questions, 1 to 5: 1 never used,
2 the basics with guidance, 3 routine work on one's own, 4 non-routine problems and failure
modes (what most professional exams ask), 5 expert. A knowledge check sits on the same scale:
its *difficulty* ``b`` is the level at which a person answers it correctly half the time, set
by the expert who wrote it and re-estimated from real answers by ``calibrate_items``.

The model (two-parameter logistic, 2PL)
---------------------------------------
The chance that a person at level ``θ`` answers a check correctly is

    P(θ) = 1 / (1 + exp(-a (θ - b)))

with ``a`` the check's *discrimination*, per level (``DEFAULT_DISCRIMINATION`` until a check
is calibrated: a person one level above ``b`` is right about 88 % of the time, one level below
about 12 %). "I don't know" is scored as not known, like a wrong answer; guessing is not
modelled, since the honest choice is offered and invited.

Estimating a level
------------------
* The self-rating ``r`` is the prior: Normal(``r``, ``PRIOR_SD``). A skill that was not rated
  starts from Normal(``UNRATED_PRIOR_MEAN``, ``UNRATED_PRIOR_SD``).
* The estimate is the posterior mean (expected a posteriori, EAP) over a grid of levels from
  -1 to 7, and its uncertainty the posterior standard deviation:

      level = ∫ θ L(θ) π(θ) dθ / ∫ L(θ) π(θ) dθ,   L(θ) = Π P(θ)^x (1 - P(θ))^(1-x)

  shown as "level 3.2 ± 0.4", the level clamped to 1-5.

Choosing the next check
-----------------------
* Within a skill: the unasked check with the most Fisher information at the current estimate,
  ``I(θ) = a² P(θ) (1 - P(θ))``, which is the check whose difficulty is nearest the estimate.
* Across skills: the skill whose estimate is least certain (largest ``se``), ties in taxonomy
  order, so every skill gets a check before any gets a second.
* A skill stops when its ``se`` is at most ``TARGET_SE``, after ``MAX_CHECKS_PER_SKILL`` checks,
  when its checks run out, or when it was rated 1 ("never used") and its one screening check
  was not answered correctly (a correct answer goes on as for any other skill).
* The whole assessment asks at most ``MAX_QUESTIONS`` questions: the checks get what the
  context and self-rating questions leave.

The IRT arithmetic (response function, EAP, information, item choice) is catpie's, a pure
Python port of the R package catR, so the web process carries no numerical library.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import catpie

MIN_LEVEL = 1.0
MAX_LEVEL = 5.0
# Levels the EAP integrates over (start, end, points 0.1 apart): wider than the scale, so the
# prior of a rating of 1 or 5 is not cut in half, which would pull every estimate inwards.
GRID = (-1.0, 7.0, 81)

DEFAULT_DISCRIMINATION = 2.0
PRIOR_SD = 0.8
UNRATED_PRIOR_MEAN = 2.5
UNRATED_PRIOR_SD = 1.2
NEVER_USED_RATING = 1

TARGET_SE = 0.35
MAX_CHECKS_PER_SKILL = 4
MAX_QUESTIONS = 35


@dataclass(frozen=True)
class Item:
    """A knowledge check as the model sees it."""

    key: str
    skill: str
    difficulty: float
    discrimination: float = DEFAULT_DISCRIMINATION

    @property
    def parameters(self) -> tuple[float, float, float, float]:
        # catpie's 4PL item: (a, b, guessing 0, inattention 1), which is the 2PL.
        return (self.discrimination, self.difficulty, 0.0, 1.0)


@dataclass(frozen=True)
class Response:
    item: Item
    correct: bool  # "I don't know" and wrong answers are both False


@dataclass(frozen=True)
class Estimate:
    level: float  # 1-5
    se: float


def prior(self_rating: int | None) -> tuple[float, float]:
    if self_rating is None:
        return (UNRATED_PRIOR_MEAN, UNRATED_PRIOR_SD)
    if not 1 <= self_rating <= 5:
        raise ValueError(f"self-rating must be 1..5, got {self_rating!r}")
    return (float(self_rating), PRIOR_SD)


def probability_correct(item: Item, level: float) -> float:
    return 1 / (1 + math.exp(-item.discrimination * (level - item.difficulty)))


def estimate(self_rating: int | None, responses: Sequence[Response]) -> Estimate:
    """The level the answers point to, starting from the self-rating."""
    mean, sd = prior(self_rating)
    if not responses:
        return Estimate(_clamp(mean), sd)
    bank = [response.item.parameters for response in responses]
    theta, se = catpie.estimateTheta(
        bank,
        list(range(len(bank))),
        [int(response.correct) for response in responses],
        method="EAP",
        priorPar=(mean, sd),
        parInt=GRID,
    )
    return Estimate(_clamp(theta), se)


def _clamp(level: float) -> float:
    return min(MAX_LEVEL, max(MIN_LEVEL, level))


@dataclass(frozen=True)
class SkillState:
    """Where one skill's test stands: its prior, the answers so far and what is left to ask."""

    skill: str
    rating: int | None
    responses: tuple[Response, ...]
    unasked: tuple[Item, ...]
    current: Estimate

    @classmethod
    def build(
        cls, skill: str, rating: int | None, responses: Sequence[Response], unasked: Sequence[Item]
    ) -> SkillState:
        return cls(skill, rating, tuple(responses), tuple(unasked), estimate(rating, responses))

    @property
    def finished(self) -> bool:
        if not self.unasked or len(self.responses) >= MAX_CHECKS_PER_SKILL:
            return True
        if self.rating == NEVER_USED_RATING and self.responses:
            # The screening check: only a right answer earns the skill more checks.
            return not any(response.correct for response in self.responses)
        return self.current.se <= TARGET_SE


def most_informative(items: Sequence[Item], level: float, seed: int = 0) -> Item:
    """The check, among ``items``, that tells most about a person at ``level``. Equally
    informative checks are drawn between with ``seed``, so one attempt always gets the same
    one and different people see different ones."""
    chosen = catpie.selectNextItem([item.parameters for item in items], level, [], seed=seed)
    return items[chosen.item]


def choose_next(states: Sequence[SkillState], checks_allowed: int, seed: int = 0) -> Item | None:
    """The next check across skills (``states`` in taxonomy order), or None when done."""
    if sum(len(state.responses) for state in states) >= checks_allowed:
        return None
    open_states = [state for state in states if not state.finished]
    if not open_states:
        return None
    # max() keeps the first of equals, so ties go to the skill earliest in the taxonomy.
    least_certain = max(open_states, key=lambda state: state.current.se)
    return most_informative(least_certain.unasked, least_certain.current.level, seed)


def next_check(
    skills: Sequence[str],
    ratings: Mapping[str, int | None],
    responses: Mapping[str, Sequence[Response]],
    bank: Mapping[str, Sequence[Item]],
    checks_allowed: int,
    seed: int = 0,
) -> Item | None:
    """The next knowledge check to ask, or None when the checks are done.

    ``skills`` is the taxonomy order; ``bank`` the active checks by skill; ``checks_allowed``
    how many checks the question budget leaves for the whole assessment.
    """
    states = []
    for skill in skills:
        given = responses.get(skill, ())
        asked = {response.item.key for response in given}
        unasked = [item for item in bank.get(skill, ()) if item.key not in asked]
        states.append(SkillState.build(skill, ratings.get(skill), given, unasked))
    return choose_next(states, checks_allowed, seed)


def checks_allowed(other_questions: int) -> int:
    """How many knowledge checks fit in the assessment beside its other questions."""
    return max(0, MAX_QUESTIONS - other_questions)
