"""Score a self-assessment and recommend machine-learning certifications.

Plain Python on purpose: no Django, no database. Every function takes frozen dataclasses
and returns new ones, so the same inputs always give the same output.

Skill levels
------------
Each skill is measured as a level on the 1-5 scale, with its uncertainty, by the adaptive test
in ``assessments.adaptive`` (a 2PL item-response model; its docstring has the formulas): the
self-rating is the prior, the knowledge checks move it, "I don't know" counts as not known.
For the readiness arithmetic a level becomes points: ``score = (level - 1) * 25``, so level 1
is 0 and level 5 is 100. A self-rating with no checks gives the rated level itself.

When the checks move the estimate ``CALIBRATION_LEVELS`` or more away from the self-rating,
the self-rating is marked "overrated" (estimate lower) or "underrated" (estimate higher).
A skill with neither a rating nor a check is not assessed (``None``).

Readiness for one certification (0-100): how close the skills are
----------------------------------------------------------------------
1. Exam share of a skill: each domain's weight (percent of the exam; the midpoint of a
   published range) is split evenly among the skills it exercises. Domains without a
   published weight share what the published ones leave of 100 equally (all domains equally
   when none is published); published weights over 100 are scaled down to 100.
2. Only skills with a required level above 1 count. Target = ``(level - 1) * 25``, the
   points of that level, so a person at the required level has no gap.
   Importance = ``exam share + 5 * level``, so a skill that fills a third of the exam counts
   far more than one merely listed, but a listed skill with no share still counts.
3. Coverage of a skill = 1 at or above the target, else ``1 - (target - score) / 100``: each
   level short costs a quarter of the skill's weight. Readiness = importance-weighted mean
   coverage of the *assessed* skills * 100, rounded half up. A skill not assessed yet is left
   out of the score and lowers the *confidence* instead (the share of the importance that was
   assessed); with nothing assessed the readiness is ``None``, "not assessed".
4. Readiness is at most ``MAX_UNPROVEN_READINESS`` (99) while an assessed skill is below its
   target or a required skill is not assessed: 100 means every skill is there. In the fit,
   what is not assessed costs a point per ``UNASSESSED_POINTS_PER`` % of the exam's needs, so
   an exam known only in part does not outrank one known in full.

Fit: the ranking
----------------
Fit = readiness (0 when not assessed) + the factors below, each reported with its number,
those for under "why it fits" and those against under "what counts against it":

* employer cloud: +10 when the exam's platform is the employer's cloud; -8 when the exam is
  about another cloud platform than the employer's; +5 for a vendor-neutral exam when the
  employer has no cloud platform (none, or its own servers); nothing either way when the
  employer uses several clouds. With the goal of moving to another cloud, the employer's
  cloud gets no bonus and every other cloud's exam (Google Cloud, AWS, Azure, Oracle) gets +4
  instead;
* a platform the taxonomy has no skill for (Snowflake, Oracle Cloud): -10 unless the employer
  works on it, since the readiness cannot see that part of the exam;
* experience: -4 per year of ML experience short of the exam's recommendation, at most -12;
* focus: +6 when the exam's focus matches the preferred kind of work (deep learning,
  classical ML, generative AI) or the goal (moving into MLOps, generative AI); +3 for a
  generative-AI exam when the preference is deep learning, since it builds on deep learning;
* level against ML experience, so the exam matches where the person is:

  ==========================  ============  =========  =========================
  ML experience               foundational  associate  professional / specialty
  ==========================  ============  =========  =========================
  1 year or less              +8            0          -8
  more than 1, under 3 years  -20           +4         0
  3 years or more             -30           -8         +6
  ==========================  ============  =========  =========================

  A developer of ``DEVELOPER_YEARS_FOR_SOME_EXPERIENCE`` years or more who is new to ML
  takes the middle row. Foundational exams have low targets, so people with some experience
  meet them fully; the penalty keeps them below an exam at the person's own level even with
  the employer-cloud bonus.

The reasons also name up to two strengths (a skill at or above its target and at least level
4) and the biggest gap (most importance left uncovered). Gaps follow the taxonomy order
(maths, programming, ML, production and platforms), so foundations come first.

Ranking
-------
Adjacent credentials (governance, security, audit, business) are not ranked: the
self-assessment measures ML skills, not the legal, audit or security knowledge they test, so
a readiness for them would mean nothing. Only current certifications are ranked: fit high to
low, then readiness, then name, then slug. For someone with ``EXPERIENCED_MIN_YEARS`` of ML or
more, foundational exams are held out of the top three unless the goal is one of
``FOUNDATIONAL_GOALS``, and say why. A retired certification is scored too; if it would have
been in the top 5 its name is shown on its best-ranked current successor (``stands_in_for``)
and it never appears itself.

What would change the ranking
-----------------------------
See ``ranking_changes``: for every card of the top three, the smallest raise of one skill that
reorders it, or the statement that none does; its cost is bounded and independent of the
catalog's size.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

from assessments import adaptive

CALIBRATION_LEVELS = 0.75

POINTS_PER_REQUIRED_LEVEL = 5
POINTS_PER_LEVEL = 25

EMPLOYER_CLOUD_BONUS = 10
OTHER_CLOUD_PENALTY = 8
NEUTRAL_WITHOUT_CLOUD_BONUS = 5
SWITCH_CLOUD_BONUS = 4
SWITCH_CLOUD_GOAL = "switch-cloud"
WITHOUT_CLOUD = {"none", "on-premises"}
DEVELOPER_YEARS_FOR_SOME_EXPERIENCE = 3
PENALTY_PER_MISSING_YEAR = 4
MAX_EXPERIENCE_PENALTY = 12
FOCUS_BONUS = 6
RELATED_FOCUS_BONUS = 3
NEW_TO_ML_MAX_YEARS = 1
EXPERIENCED_MIN_YEARS = 3
LEVEL_STEPS = {"foundational": 0, "associate": 1, "professional": 2, "specialty": 2}
# Rows: new to ML (1 year or less), some experience (under 3 years), experienced (3+ years).
# Columns: foundational, associate, professional/specialty.
LEVEL_FIT_POINTS = (
    (8, 0, -8),
    (-20, 4, 0),
    (-30, -8, 6),
)
# Goals for which a foundational exam may lead even after years of ML.
FOUNDATIONAL_GOALS = {"first-ml-job"}

STAND_IN_TOP_N = 5
MAX_UNPROVEN_READINESS = 99
MISSING_LEVEL_POINTS = 25  # one level
UNASSESSED_POINTS_PER = 5  # fit loses a point per 5 % of the exam's needs not assessed
UNMEASURED_PLATFORM_PENALTY = 10
# The cloud platforms someone moving to "another cloud" means; data platforms are not clouds.
SWITCH_TARGETS = {"gcp", "aws", "azure", "oci"}
PLATFORM_SKILLS = {
    "gcp": "google-cloud",
    "aws": "aws",
    "azure": "azure",
    "databricks": "spark-databricks",
}
HELD_BACK_REASON = (
    "With your years of machine learning, a foundational exam would prove less than you "
    "already can, so it is not among your top three"
)
TOP_N = 3
STRONG_SCORE = 75  # level 4
MAX_STRENGTH_REASONS = 2
CHANGE_STEP = 5

CLOUD_PLATFORMS = {
    "gcp": "Google Cloud",
    "aws": "AWS",
    "azure": "Azure",
    "databricks": "Databricks",
    "snowflake": "Snowflake",
    "oci": "Oracle Cloud",
}
ADJACENT_FOCUS = "adjacent"
FOCUS_FOR_PREFERENCE = {
    "deep-learning": "deep-learning",
    "classical-ml": "classical-ml",
    "generative-ai": "generative-ai",
}
FOCUS_FOR_GOAL = {
    "move-into-mlops": "mlops",
    "generative-ai": "generative-ai",
}
FOCUS_WORDS = {
    "deep-learning": "deep learning",
    "classical-ml": "classical machine learning",
    "generative-ai": "generative AI",
    "mlops": "MLOps",
}


# --- Skill scores -------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckResult:
    """One answered knowledge check."""

    skill: str
    difficulty: float  # the level at which half the people answer it correctly
    correct: bool
    discrimination: float = adaptive.DEFAULT_DISCRIMINATION
    dont_know: bool = False
    key: str = ""


@dataclass(frozen=True)
class Evidence:
    """Everything one attempt said about skills."""

    self_ratings: Mapping[str, int]  # skill slug -> 1..5
    checks: Sequence[CheckResult]


@dataclass(frozen=True)
class SkillScore:
    skill: str
    score: int | None  # 0-100; None when the person gave no evidence for the skill
    self_rating: int | None
    checks_correct: int
    checks_total: int
    calibration: str  # "" | "overrated" | "underrated"
    level: float | None = None  # 1-5
    se: float | None = None  # the level's standard error
    dont_know: int = 0  # checks answered "I don't know"


def round_half_up(value: Fraction) -> int:
    return math.floor(value + Fraction(1, 2))


def level_points(level: float) -> int:
    """A level on the 1-5 scale as points on the 0-100 scale the readiness uses."""
    return round_half_up((Fraction(level) - 1) * POINTS_PER_LEVEL)


def points_level(points: int) -> float:
    return 1 + points / POINTS_PER_LEVEL


def score_skills(evidence: Evidence, skills: Sequence[str]) -> dict[str, SkillScore]:
    """Score every skill in ``skills`` (in that order) from one attempt's evidence."""
    checks_by_skill: dict[str, list[CheckResult]] = {skill: [] for skill in skills}
    for check in evidence.checks:
        if not adaptive.MIN_LEVEL - 0.5 <= check.difficulty <= adaptive.MAX_LEVEL + 0.5:
            raise ValueError(f"check difficulty must be a level 0.5-5.5, got {check.difficulty!r}")
        if check.skill in checks_by_skill:
            checks_by_skill[check.skill].append(check)
    return {
        skill: _score_one_skill(skill, evidence.self_ratings.get(skill), checks_by_skill[skill])
        for skill in skills
    }


def responses(checks: Sequence[CheckResult]) -> list[adaptive.Response]:
    return [
        adaptive.Response(
            adaptive.Item(check.key, check.skill, check.difficulty, check.discrimination),
            check.correct and not check.dont_know,
        )
        for check in checks
    ]


def _score_one_skill(
    skill: str, self_rating: int | None, checks: Sequence[CheckResult]
) -> SkillScore:
    correct = sum(1 for check in checks if check.correct and not check.dont_know)
    dont_know = sum(1 for check in checks if check.dont_know)
    if self_rating is None and not checks:
        return SkillScore(skill, None, None, 0, 0, "")
    found = adaptive.estimate(self_rating, responses(checks))
    calibration = ""
    if self_rating is not None and checks:
        if found.level <= self_rating - CALIBRATION_LEVELS:
            calibration = "overrated"
        elif found.level >= self_rating + CALIBRATION_LEVELS:
            calibration = "underrated"
    return SkillScore(
        skill=skill,
        score=level_points(found.level),
        self_rating=self_rating,
        checks_correct=correct,
        checks_total=len(checks),
        calibration=calibration,
        level=round(found.level, 2),
        se=round(found.se, 2),
        dont_know=dont_know,
    )


# --- Certifications and readiness ---------------------------------------------------------


@dataclass(frozen=True)
class Context:
    cloud: str = "none"  # a CLOUD_PLATFORMS key | several | on-premises | none
    ml_years: float = 0
    developer_years: float = 0
    preference: str = "both"  # deep-learning | classical-ml | both | generative-ai
    hours_per_week: int | None = None
    goal: str = ""


@dataclass(frozen=True)
class DomainShare:
    name: str
    weight: float  # percent of the exam (midpoint of a published range); 0 if unknown
    skills: tuple[str, ...]


@dataclass(frozen=True)
class CertProfile:
    slug: str
    name: str
    level: str  # foundational | associate | professional | specialty
    platform: str  # gcp | aws | azure | databricks | snowflake | oci | neutral
    focus: str  # classical-ml | deep-learning | generative-ai | mlops | mixed | adjacent
    is_current: bool  # active, beta or retiring; False for retired/closed
    successor_slugs: tuple[str, ...]
    recommended_years: float | None
    required_levels: Mapping[str, int]  # skill -> 1..5; target score = (level - 1) * 25
    domains: tuple[DomainShare, ...]
    # A beta exam can be sat, so it is ranked like an active one; the pages say it is a beta.
    is_beta: bool = False


@dataclass(frozen=True)
class Gap:
    skill: str
    skill_name: str
    score: int  # the person's score (0 when not assessed)
    target: int  # (required level - 1) * 25
    exam_share: int  # % of this exam that exercises the skill (rounded)

    def describe(self) -> str:
        text = (
            f"{self.skill_name} level {points_level(self.score):.1f} "
            f"(needs level {points_level(self.target):g})"
        )
        if self.exam_share > 0:
            text += f" — about {self.exam_share}% of this exam"
        return text


@dataclass(frozen=True)
class Factor:
    """One thing beyond skills that moves an exam up or down the ranking, in a person's words."""

    points: int
    why: str

    def describe(self) -> str:
        return f"{self.why[0].upper()}{self.why[1:]} ({self.points:+d})"


@dataclass(frozen=True)
class Recommendation:
    cert: CertProfile
    readiness: int | None  # 0-100; None when none of the skills it needs was assessed
    fit: int  # the ranking: readiness (0 when not assessed) plus the factors
    reasons: tuple[str, ...]  # why it fits: skills, strengths and the factors for it
    against: tuple[str, ...]  # what counts against it, the factors against it included
    gaps: tuple[Gap, ...]  # taxonomy order (foundations first), then largest first
    factors: tuple[Factor, ...] = ()
    unassessed: tuple[str, ...] = ()  # names of required skills with no evidence yet
    confidence: int = 100  # % of what the exam needs that was assessed
    weights_published: tuple[int, int] = (0, 0)  # domains with a published weight, all domains
    stands_in_for: tuple[str, ...] = ()  # names of retired certifications this one replaces
    held_back: bool = False  # kept out of the top three (a foundational exam, see recommend)
    published_weights_full: bool = False  # the published weights reach 100 on their own

    @property
    def fit_shown(self) -> int:
        return max(0, min(100, self.fit))

    @property
    def weights_note(self) -> str:
        published, domains = self.weights_published
        if domains == 0 or published == domains:
            return ""
        if published == 0:
            return f"No domain weights are published; its {domains} domains count equally."
        if self.published_weights_full:
            return (
                f"{published} of {domains} domain weights published, and they already add up "
                "to the whole exam; the others count for nothing here."
            )
        return f"{published} of {domains} domain weights published; the others share what is left."


def exam_shares(cert: CertProfile) -> dict[str, Fraction]:
    """Percent of the exam that exercises each skill named by its domains.

    Published weights keep their value and the domains without one share what they leave of
    100 equally (all domains equally when none is published); when every weight is published,
    or the published ones reach 100, they are scaled to add up to 100. A domain's share is split
    evenly among the skills it exercises."""
    domains = list(cert.domains)
    if not domains:
        return {}
    published = sum(Fraction(d.weight) for d in domains if d.weight > 0)
    unpublished = [d for d in domains if d.weight <= 0]
    if not unpublished or published >= 100:
        scale, each_unpublished = Fraction(100) / published, Fraction(0)
    else:
        scale, each_unpublished = Fraction(1), (100 - published) / len(unpublished)
    shares: dict[str, Fraction] = {}
    for domain in domains:
        if not domain.skills:
            continue
        weight = Fraction(domain.weight) * scale if domain.weight > 0 else each_unpublished
        for skill in domain.skills:
            shares[skill] = shares.get(skill, Fraction(0)) + weight / len(domain.skills)
    return shares


def _published_weights(cert: CertProfile) -> tuple[int, int]:
    return (sum(1 for d in cert.domains if d.weight > 0), len(cert.domains))


def readiness(
    scores: Mapping[str, SkillScore],
    context: Context,
    cert: CertProfile,
    skill_names: Mapping[str, str],
) -> Recommendation:
    """How ready the person is for ``cert`` and how well it fits them, with the reasons."""
    shares = exam_shares(cert)
    taxonomy_position = {skill: index for index, skill in enumerate(skill_names)}

    weighted_coverage = Fraction(0)
    assessed_importance = Fraction(0)
    total_importance = Fraction(0)
    gaps: list[Gap] = []
    unassessed: list[str] = []
    strengths: list[tuple[Fraction, int, str]] = []
    biggest_gap: tuple[Fraction, Gap] | None = None
    for skill, level in cert.required_levels.items():
        target = (level - 1) * POINTS_PER_LEVEL
        if target <= 0:
            continue
        share = shares.get(skill, Fraction(0))
        importance = share + POINTS_PER_REQUIRED_LEVEL * level
        total_importance += importance
        name = skill_names.get(skill, skill)
        skill_score = scores.get(skill)
        if skill_score is None or skill_score.score is None:
            unassessed.append(name)
            continue
        score = skill_score.score
        coverage = _coverage(score, target)
        weighted_coverage += importance * coverage
        assessed_importance += importance
        if score < target:
            gap = Gap(skill, name, score, target, round_half_up(share))
            gaps.append(gap)
            missing = importance * (1 - coverage)
            if biggest_gap is None or missing > biggest_gap[0]:
                biggest_gap = (missing, gap)
        elif score >= STRONG_SCORE:
            strengths.append((importance, taxonomy_position.get(skill, len(skill_names)), skill))

    skill_readiness = _skill_readiness(
        cert, weighted_coverage, assessed_importance, total_importance, bool(gaps)
    )
    confidence = (
        round_half_up(assessed_importance / total_importance * 100) if total_importance else 100
    )
    reasons = []
    if skill_readiness is not None:
        reasons.append(
            f"Your skills meet {skill_readiness}% of what this exam expects, "
            "each skill weighted by how much of the exam uses it"
        )
    strengths.sort(key=lambda item: (-item[0], item[1], item[2]))
    for _, _, skill in strengths[:MAX_STRENGTH_REASONS]:
        reasons.append(_strength_reason(skill, scores, cert, shares, skill_names))

    factors = tuple(_context_adjustments(context, cert, set(skill_names)))
    if skill_readiness is not None and confidence < 100:
        factors += (
            Factor(
                -round_half_up(Fraction(100 - confidence, UNASSESSED_POINTS_PER)),
                f"{100 - confidence}% of what it needs is not assessed yet",
            ),
        )
    reasons.extend(factor.describe() for factor in factors if factor.points > 0)
    against = [factor.describe() for factor in factors if factor.points < 0]
    if biggest_gap is not None:
        against.insert(0, f"Biggest gap: {biggest_gap[1].describe()}")
    if unassessed:
        against.append("Not assessed yet: " + ", ".join(unassessed))

    gaps.sort(
        key=lambda gap: (
            taxonomy_position.get(gap.skill, len(skill_names)),
            gap.score - gap.target,
            gap.skill,
        )
    )
    return Recommendation(
        cert=cert,
        readiness=skill_readiness,
        fit=(skill_readiness or 0) + sum(factor.points for factor in factors),
        reasons=tuple(reasons),
        against=tuple(against),
        gaps=tuple(gaps),
        factors=factors,
        unassessed=tuple(unassessed),
        confidence=confidence,
        weights_published=_published_weights(cert),
        published_weights_full=sum(d.weight for d in cert.domains if d.weight > 0) >= 100
        and any(d.weight <= 0 for d in cert.domains),
    )


def _coverage(score: int, target: int) -> Fraction:
    """How much of a skill's weight the person meets: each level short of the target costs a
    quarter, so being one level short of an easy exam is as close as one level short of a hard
    one (a share of the target would call level 1 against level 2 "nothing")."""
    if score >= target:
        return Fraction(1)
    return max(Fraction(0), 1 - Fraction(target - score, MISSING_LEVEL_POINTS * 4))


def _skill_readiness(
    cert: CertProfile,
    weighted_coverage: Fraction,
    assessed_importance: Fraction,
    total_importance: Fraction,
    has_gaps: bool,
) -> int | None:
    if not total_importance:
        # Every listed skill at level 1 asks for nothing; no list at all tells us nothing.
        return 100 if cert.required_levels else None
    if not assessed_importance:
        return None
    value = round_half_up(weighted_coverage / assessed_importance * 100)
    if has_gaps or assessed_importance < total_importance:
        # Not ready while a skill is short of its target, nor certain while one is unknown.
        value = min(value, MAX_UNPROVEN_READINESS)
    return value


def _score_or_zero(scores: Mapping[str, SkillScore], skill: str) -> int:
    skill_score = scores.get(skill)
    if skill_score is None or skill_score.score is None:
        return 0
    return skill_score.score


def _strength_reason(
    skill: str,
    scores: Mapping[str, SkillScore],
    cert: CertProfile,
    shares: Mapping[str, Fraction],
    skill_names: Mapping[str, str],
) -> str:
    name = skill_names.get(skill, skill)
    score = _score_or_zero(scores, skill)
    share = round_half_up(shares.get(skill, Fraction(0)))
    if share > 0:
        return (
            f"Strong in {name} (level {points_level(score):.1f}), "
            f"which is about {share}% of this exam"
        )
    required = cert.required_levels[skill]
    return (
        f"Strong in {name} (level {points_level(score):.1f}), "
        f"above the level {required} this exam expects"
    )


def _context_adjustments(context: Context, cert: CertProfile, measured: set[str]) -> list[Factor]:
    adjustments = [
        _cloud_adjustment(context, cert),
        _unmeasured_platform_adjustment(context, cert, measured),
        _experience_adjustment(context, cert),
        _focus_adjustment(context, cert),
        _level_adjustment(context, cert),
    ]
    return [adjustment for adjustment in adjustments if adjustment is not None]


def _cloud_adjustment(context: Context, cert: CertProfile) -> Factor | None:
    exam_cloud = CLOUD_PLATFORMS.get(cert.platform)
    employer_cloud = CLOUD_PLATFORMS.get(context.cloud)
    if context.goal == SWITCH_CLOUD_GOAL and cert.platform in SWITCH_TARGETS:
        return _switch_cloud_adjustment(exam_cloud, employer_cloud)
    if exam_cloud is not None and cert.platform == context.cloud:
        return Factor(
            EMPLOYER_CLOUD_BONUS,
            f"your employer runs on {employer_cloud}, the platform this exam is about",
        )
    if exam_cloud is not None and employer_cloud is not None:
        return Factor(
            -OTHER_CLOUD_PENALTY,
            f"this exam is about {exam_cloud}, but your employer runs on {employer_cloud}",
        )
    if cert.platform == "neutral" and context.cloud in WITHOUT_CLOUD:
        return Factor(
            NEUTRAL_WITHOUT_CLOUD_BONUS,
            "this exam is vendor-neutral and your employer has no cloud platform",
        )
    return None


def _unmeasured_platform_adjustment(
    context: Context, cert: CertProfile, measured: set[str]
) -> Factor | None:
    """An exam about a platform the assessment has no skill for would otherwise look ready to
    anyone; unless the person works on that platform, its platform part counts against it."""
    platform = CLOUD_PLATFORMS.get(cert.platform)
    if platform is None or PLATFORM_SKILLS.get(cert.platform) in measured:
        return None
    if context.cloud == cert.platform:
        return None
    return Factor(
        -UNMEASURED_PLATFORM_PENALTY,
        f"it tests {platform}, which this assessment does not measure, and you do not work on it",
    )


def _switch_cloud_adjustment(exam_cloud: str | None, employer_cloud: str | None) -> Factor | None:
    """Someone leaving their employer's cloud is not held to it, nor pushed back towards it."""
    if exam_cloud is None or exam_cloud == employer_cloud:
        return None
    return Factor(
        SWITCH_CLOUD_BONUS, f"it is about {exam_cloud}, and you want to work on a new cloud"
    )


def _experience_adjustment(context: Context, cert: CertProfile) -> Factor | None:
    if cert.recommended_years is None:
        return None
    shortfall = Fraction(cert.recommended_years) - Fraction(context.ml_years)
    if shortfall <= 0:
        return None
    penalty = min(MAX_EXPERIENCE_PENALTY, round_half_up(PENALTY_PER_MISSING_YEAR * shortfall))
    if penalty == 0:
        return None
    return Factor(
        -penalty,
        f"this exam recommends {_years(cert.recommended_years)} of ML experience; "
        f"you have {_experience(context.ml_years)}",
    )


def _focus_adjustment(context: Context, cert: CertProfile) -> Factor | None:
    focus_words = FOCUS_WORDS.get(cert.focus)
    if focus_words is None:
        return None
    if FOCUS_FOR_PREFERENCE.get(context.preference) == cert.focus:
        return Factor(FOCUS_BONUS, f"it focuses on {focus_words}, the work you prefer")
    if FOCUS_FOR_GOAL.get(context.goal) == cert.focus:
        return Factor(FOCUS_BONUS, f"it focuses on {focus_words}, which matches your goal")
    if context.preference == "deep-learning" and cert.focus == "generative-ai":
        return Factor(
            RELATED_FOCUS_BONUS,
            "it focuses on generative AI, which builds on the deep learning you prefer",
        )
    return None


def _level_adjustment(context: Context, cert: CertProfile) -> Factor | None:
    if context.ml_years <= NEW_TO_ML_MAX_YEARS:
        # Years of building software count for something: a seasoned developer new to ML
        # is ready for an associate exam sooner than a newcomer to both.
        band = 1 if context.developer_years >= DEVELOPER_YEARS_FOR_SOME_EXPERIENCE else 0
    elif context.ml_years < EXPERIENCED_MIN_YEARS:
        band = 1
    else:
        band = 2
    level_step = LEVEL_STEPS.get(cert.level)
    if level_step is None:
        return None
    points = LEVEL_FIT_POINTS[band][level_step]
    if points == 0:
        return None
    article = "an" if cert.level[0] in "aeiou" else "a"
    if context.ml_years <= 0:
        experience = "no ML experience yet"
    else:
        experience = f"{_years(context.ml_years)} of ML experience"
    if context.ml_years <= NEW_TO_ML_MAX_YEARS and band == 1:
        experience = f"{_years(context.developer_years)} as a developer and {experience}"
    if points > 0:
        why = f"{article} {cert.level} exam fits someone with {experience}"
    elif level_step > band:
        why = f"{article} {cert.level} exam is a big step with {experience}"
    else:
        why = f"{article} {cert.level} exam is below your experience ({experience})"
    return Factor(points, why)


def _experience(years: float) -> str:
    if years <= 0:
        return "none yet"
    return _years(years) if years < 1 else f"about {_years(years)}"


def _years(years: float) -> str:
    if 0 < years < 1:
        return "less than a year"
    number = int(years) if float(years).is_integer() else years
    return f"{number} year" if number == 1 else f"{number} years"


# --- Ranking ------------------------------------------------------------------------------


def _rank_key(recommendation: Recommendation) -> tuple[int, int, str, str]:
    return (
        -recommendation.fit,
        -(recommendation.readiness or 0),
        recommendation.cert.name,
        recommendation.cert.slug,
    )


def recommend(
    scores: Mapping[str, SkillScore],
    context: Context,
    certs: Sequence[CertProfile],
    skill_names: Mapping[str, str],
) -> list[Recommendation]:
    """Current certifications, best fit first; retired ones only show up via stands_in_for.
    Adjacent credentials are left out, and for someone with years of ML a foundational exam
    is held out of the top three (see the module's docstring)."""
    certs = [cert for cert in certs if cert.focus != ADJACENT_FOCUS]
    current = sorted(
        (readiness(scores, context, cert, skill_names) for cert in certs if cert.is_current),
        key=_rank_key,
    )
    current = _hold_back_foundational(current, context)
    retired = sorted(
        (readiness(scores, context, cert, skill_names) for cert in certs if not cert.is_current),
        key=_rank_key,
    )
    stand_ins: dict[str, list[str]] = {}
    for retired_recommendation in retired:
        retired_key = _rank_key(retired_recommendation)
        position = sum(1 for ranked in current if _rank_key(ranked) < retired_key)
        if position >= STAND_IN_TOP_N:
            continue
        successors = retired_recommendation.cert.successor_slugs
        best_successor = next((r for r in current if r.cert.slug in successors), None)
        if best_successor is not None:
            names = stand_ins.setdefault(best_successor.cert.slug, [])
            names.append(retired_recommendation.cert.name)
    return [
        replace(ranked, stands_in_for=tuple(stand_ins.get(ranked.cert.slug, ())))
        for ranked in current
    ]


def _hold_back_foundational(ranked: list[Recommendation], context: Context) -> list[Recommendation]:
    """With EXPERIENCED_MIN_YEARS of ML or more, foundational exams leave the top three unless
    the goal asks for one: they prove less than the person already has."""
    if context.ml_years < EXPERIENCED_MIN_YEARS or context.goal in FOUNDATIONAL_GOALS:
        return ranked
    top = [r for r in ranked if r.cert.level != "foundational"][:TOP_N]
    if not top:
        return ranked
    # Foundational exams ranked above the last of these give way to them.
    third = ranked.index(top[-1]) if len(top) == TOP_N else len(ranked)
    rest = [
        replace(r, held_back=True, against=(*r.against, HELD_BACK_REASON))
        if r.cert.level == "foundational" and position < third
        else r
        for position, r in enumerate(ranked)
        if r not in top
    ]
    return top + rest


@dataclass(frozen=True)
class RankingChange:
    """What would reorder one card: a single skill raised, or the news that none would."""

    climber: str  # name of the exam that would move up
    above: str  # name of the exam it would move above
    for_first: bool  # the card is the top pick: the change is the runner-up's
    skill_name: str = ""  # empty when no single change reorders the card
    from_score: int = 0
    to_score: int = 0

    @property
    def found(self) -> bool:
        return bool(self.skill_name)

    def describe(self) -> str:
        if not self.found:
            if self.for_first and not self.above:
                return "It is the only exam we can rank for you"
            if self.for_first:
                return "No single skill change would put another exam first"
            return f"No single skill change would move it above {self.above}"
        raise_text = (
            f"Raise {self.skill_name} from level {points_level(self.from_score):.1f} "
            f"to {points_level(self.to_score):.1f}"
        )
        if self.for_first:
            return f"{raise_text} and {self.climber} would come first instead"
        return f"{raise_text} and it would move above {self.above}"


def ranking_changes(
    recommendations: Sequence[Recommendation],
    scores: Mapping[str, SkillScore],
    context: Context,
    skill_names: Mapping[str, str],
    limit: int = TOP_N,
) -> dict[str, RankingChange]:
    """For each of the first ``limit`` cards (by slug), what would reorder it.

    A card below the first moves up when one of its gaps is raised far enough to rank it above
    the card just before it; the first card is reordered when the runner-up's gap is raised
    far enough to pass it. Each gap is tried at every multiple of ``CHANGE_STEP`` points above
    its score and only the two exams concerned are recomputed, so the search costs at most
    ``limit * gaps * (100 / CHANGE_STEP) * 2`` readiness computations (3 * R * 20 * 2 for an
    exam with R required skills), whatever the size of the catalog.
    """
    changes: dict[str, RankingChange] = {}
    for index, card in enumerate(recommendations[:limit]):
        if index == 0:
            if len(recommendations) < 2:
                changes[card.cert.slug] = RankingChange(card.cert.name, "", for_first=True)
                continue
            climber, above = recommendations[1], card
        else:
            climber, above = card, recommendations[index - 1]
        changes[card.cert.slug] = _smallest_change(
            climber, above, scores, context, skill_names, for_first=index == 0
        )
    return changes


def _smallest_change(
    climber: Recommendation,
    above: Recommendation,
    scores: Mapping[str, SkillScore],
    context: Context,
    skill_names: Mapping[str, str],
    *,
    for_first: bool,
) -> RankingChange:
    best = RankingChange(climber.cert.name, above.cert.name, for_first)
    for gap in climber.gaps:
        for to_score in _raised_scores(gap.score):
            if best.found and to_score - gap.score >= best.to_score - best.from_score:
                break
            trial = _with_score(scores, gap.skill, to_score)
            moved = readiness(trial, context, climber.cert, skill_names)
            passed = readiness(trial, context, above.cert, skill_names)
            if _rank_key(moved) < _rank_key(passed):
                best = replace(
                    best, skill_name=gap.skill_name, from_score=gap.score, to_score=to_score
                )
                break
    return best


def _raised_scores(score: int) -> range:
    first = (score // CHANGE_STEP + 1) * CHANGE_STEP
    return range(first, 101, CHANGE_STEP)


def _with_score(
    scores: Mapping[str, SkillScore], skill: str, new_score: int
) -> dict[str, SkillScore]:
    changed = dict(scores)
    existing = scores.get(skill)
    if existing is None:
        changed[skill] = SkillScore(skill, new_score, None, 0, 0, "")
    else:
        changed[skill] = replace(existing, score=new_score)
    return changed
