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

Readiness for one certification (0-100)
---------------------------------------
1. Exam share of a skill: each domain's weight (percent of the exam; the midpoint of a
   published range) is split evenly among the skills it exercises, then normalised so the
   domain weights add up to 100. Unknown weights (0) give no share.
2. Only skills with a required level above 1 are scored. Target = ``(level - 1) * 25``, the
   points of that level, so a person at the required level has no gap.
   Importance = ``exam share + 5 * level``, so a skill that fills a third of the exam counts
   far more than one merely listed, but a listed skill with no published share still counts.
3. Coverage of a skill = ``min(score / target, 1)``; an unassessed skill covers 0.
   Skill readiness = importance-weighted mean coverage * 100, rounded half up.
4. Context adjustments, each reported with its number:
   * employer cloud: +10 when the exam's platform is the employer's cloud; -8 when the exam is
     about another cloud platform than the employer's; +5 for a vendor-neutral exam when the
     employer has no cloud platform (none, or its own servers); nothing either way when the
     employer uses several clouds. With the goal of moving to another cloud, the employer's
     cloud gets no bonus and every other cloud platform's exam gets +4 instead;
   * experience: -4 per year of ML experience short of the exam's recommendation, at most -12;
   * focus: +6 when the exam's focus matches the preferred kind of work (deep learning,
     classical ML, generative AI) or the goal (moving into MLOps, generative AI); +3 for a
     generative-AI exam when the preference is deep learning, since it builds on deep learning;
   * level against ML experience, so the exam matches where the person is:

     ==========================  ============  =========  =========================
     ML experience               foundational  associate  professional / specialty
     ==========================  ============  =========  =========================
     1 year or less              +8            0          -8
     more than 1, under 3 years  -12           +4         0
     3 years or more             -16           0          +4
     ==========================  ============  =========  =========================

     A developer of ``DEVELOPER_YEARS_FOR_SOME_EXPERIENCE`` years or more who is new to ML
     takes the middle row.
     Foundational exams have low targets, so experienced people cover them fully; the
     penalty keeps them from outranking an exam at their own level.
5. Readiness = skill readiness + adjustments, clamped to 0-100.

The reasons list the skill readiness and every adjustment, so the listed numbers add up to
the readiness (a clamp is reported too). They also name up to two strengths (a skill at or
above its target and at least level 4) and the biggest gap (most importance left uncovered).
Gaps follow the taxonomy order (maths, programming, ML, production and platforms), so
foundations come first.

Ranking
-------
Adjacent credentials (governance, security, audit, business) are not ranked: the
self-assessment measures ML skills, not the legal, audit or security knowledge they test, so
a readiness for them would mean nothing. Only current certifications are ranked: readiness
high to low, then the total before clamping (so two capped 100s keep their real order), then
name, then slug. A retired
certification is scored too; if it would have been in the top 5 its name is shown on its
best-ranked current successor (``stands_in_for``) and it never appears itself.

Ranking changes
---------------
For each runner-up (ranks 2 to ``limit + 1``) every one of its gaps is tried at each multiple
of 5 above the current score, up to 100; the smallest raise that puts the runner-up at #1 (with
all readiness recomputed, the leader's included) is reported.
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
    (-12, 4, 0),
    (-16, 0, 4),
)

STAND_IN_TOP_N = 5
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

    @property
    def described_level(self) -> str:
        if self.level is None:
            return "not assessed"
        return f"level {self.level:.1f} ± {self.se:.1f}"


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
class Recommendation:
    cert: CertProfile
    readiness: int  # 0-100
    reasons: tuple[str, ...]
    gaps: tuple[Gap, ...]  # taxonomy order (foundations first), then largest first
    stands_in_for: tuple[str, ...] = ()  # names of retired certifications this one replaces
    uncapped: int | None = None  # the total before clamping; breaks ties among capped scores


@dataclass(frozen=True)
class _Adjustment:
    points: int
    why: str

    def describe(self) -> str:
        return f"{self.points:+d}: {self.why}"


def exam_shares(cert: CertProfile) -> dict[str, Fraction]:
    """Percent of the exam that exercises each skill named by its domains."""
    total_weight = sum(Fraction(domain.weight) for domain in cert.domains)
    shares: dict[str, Fraction] = {}
    if total_weight <= 0:
        return shares
    for domain in cert.domains:
        if domain.weight <= 0 or not domain.skills:
            continue
        per_skill = Fraction(domain.weight) * 100 / total_weight / len(domain.skills)
        for skill in domain.skills:
            shares[skill] = shares.get(skill, Fraction(0)) + per_skill
    return shares


def readiness(
    scores: Mapping[str, SkillScore],
    context: Context,
    cert: CertProfile,
    skill_names: Mapping[str, str],
) -> Recommendation:
    """How ready the person is for ``cert``, with the reasons and gaps behind the number."""
    shares = exam_shares(cert)
    taxonomy_position = {skill: index for index, skill in enumerate(skill_names)}

    weighted_coverage = Fraction(0)
    total_importance = Fraction(0)
    gaps: list[Gap] = []
    strengths: list[tuple[Fraction, int, str]] = []
    biggest_gap: tuple[Fraction, Gap] | None = None
    for skill, level in cert.required_levels.items():
        target = (level - 1) * POINTS_PER_LEVEL
        if target <= 0:
            continue
        share = shares.get(skill, Fraction(0))
        importance = share + POINTS_PER_REQUIRED_LEVEL * level
        score = _score_or_zero(scores, skill)
        coverage = min(Fraction(score, target), Fraction(1))
        weighted_coverage += importance * coverage
        total_importance += importance
        name = skill_names.get(skill, skill)
        if score < target:
            gap = Gap(skill, name, score, target, round_half_up(share))
            gaps.append(gap)
            missing = importance * (1 - coverage)
            if biggest_gap is None or missing > biggest_gap[0]:
                biggest_gap = (missing, gap)
        elif score >= STRONG_SCORE:
            strengths.append((importance, taxonomy_position.get(skill, len(skill_names)), skill))

    if total_importance:
        skill_readiness = round_half_up(weighted_coverage / total_importance * 100)
    else:
        # Every listed skill at level 1 asks for nothing; no list at all tells us nothing.
        skill_readiness = 100 if cert.required_levels else 0
    reasons = [
        f"Your skills cover {skill_readiness}/100 of what this exam expects, "
        "each skill weighted by how much of the exam uses it"
    ]
    strengths.sort(key=lambda item: (-item[0], item[1], item[2]))
    for _, _, skill in strengths[:MAX_STRENGTH_REASONS]:
        reasons.append(_strength_reason(skill, scores, cert, shares, skill_names))

    adjustments = _context_adjustments(context, cert)
    reasons.extend(adjustment.describe() for adjustment in adjustments)
    total = skill_readiness + sum(adjustment.points for adjustment in adjustments)
    clamped = max(0, min(100, total))
    if clamped != total:
        reasons.append(f"The total of {total} is capped to the 0-100 range")
    if biggest_gap is not None:
        reasons.append(f"Biggest gap: {biggest_gap[1].describe()}")

    gaps.sort(
        key=lambda gap: (
            taxonomy_position.get(gap.skill, len(skill_names)),
            gap.score - gap.target,
            gap.skill,
        )
    )
    return Recommendation(
        cert=cert, readiness=clamped, reasons=tuple(reasons), gaps=tuple(gaps), uncapped=total
    )


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


def _context_adjustments(context: Context, cert: CertProfile) -> list[_Adjustment]:
    adjustments = [
        _cloud_adjustment(context, cert),
        _experience_adjustment(context, cert),
        _focus_adjustment(context, cert),
        _level_adjustment(context, cert),
    ]
    return [adjustment for adjustment in adjustments if adjustment is not None]


def _cloud_adjustment(context: Context, cert: CertProfile) -> _Adjustment | None:
    exam_cloud = CLOUD_PLATFORMS.get(cert.platform)
    employer_cloud = CLOUD_PLATFORMS.get(context.cloud)
    if context.goal == SWITCH_CLOUD_GOAL and exam_cloud is not None:
        return _switch_cloud_adjustment(exam_cloud, employer_cloud)
    if exam_cloud is not None and cert.platform == context.cloud:
        return _Adjustment(
            EMPLOYER_CLOUD_BONUS,
            f"your employer runs on {employer_cloud}, the platform this exam is about",
        )
    if exam_cloud is not None and employer_cloud is not None:
        return _Adjustment(
            -OTHER_CLOUD_PENALTY,
            f"this exam is about {exam_cloud}, but your employer runs on {employer_cloud}",
        )
    if cert.platform == "neutral" and context.cloud in WITHOUT_CLOUD:
        return _Adjustment(
            NEUTRAL_WITHOUT_CLOUD_BONUS,
            "this exam is vendor-neutral and your employer has no cloud platform",
        )
    return None


def _switch_cloud_adjustment(
    exam_cloud: str | None, employer_cloud: str | None
) -> _Adjustment | None:
    """Someone leaving their employer's cloud is not held to it, nor pushed back towards it."""
    if exam_cloud is None or exam_cloud == employer_cloud:
        return None
    return _Adjustment(
        SWITCH_CLOUD_BONUS, f"it is about {exam_cloud}, and you want to work on a new cloud"
    )


def _experience_adjustment(context: Context, cert: CertProfile) -> _Adjustment | None:
    if cert.recommended_years is None:
        return None
    shortfall = Fraction(cert.recommended_years) - Fraction(context.ml_years)
    if shortfall <= 0:
        return None
    penalty = min(MAX_EXPERIENCE_PENALTY, round_half_up(PENALTY_PER_MISSING_YEAR * shortfall))
    if penalty == 0:
        return None
    return _Adjustment(
        -penalty,
        f"this exam recommends {_years(cert.recommended_years)} of ML experience; "
        f"you have {_experience(context.ml_years)}",
    )


def _focus_adjustment(context: Context, cert: CertProfile) -> _Adjustment | None:
    focus_words = FOCUS_WORDS.get(cert.focus)
    if focus_words is None:
        return None
    if FOCUS_FOR_PREFERENCE.get(context.preference) == cert.focus:
        return _Adjustment(FOCUS_BONUS, f"it focuses on {focus_words}, the work you prefer")
    if FOCUS_FOR_GOAL.get(context.goal) == cert.focus:
        return _Adjustment(FOCUS_BONUS, f"it focuses on {focus_words}, which matches your goal")
    if context.preference == "deep-learning" and cert.focus == "generative-ai":
        return _Adjustment(
            RELATED_FOCUS_BONUS,
            "it focuses on generative AI, which builds on the deep learning you prefer",
        )
    return None


def _level_adjustment(context: Context, cert: CertProfile) -> _Adjustment | None:
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
    return _Adjustment(points, why)


def _experience(years: float) -> str:
    return "none yet" if years <= 0 else f"about {_years(years)}"


def _years(years: float) -> str:
    number = int(years) if float(years).is_integer() else years
    return f"{number} year" if number == 1 else f"{number} years"


# --- Ranking ------------------------------------------------------------------------------


def _rank_key(recommendation: Recommendation) -> tuple[int, int, str, str]:
    uncapped = recommendation.uncapped
    return (
        -recommendation.readiness,
        -(recommendation.readiness if uncapped is None else uncapped),
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
    Adjacent credentials are left out (see the module's docstring)."""
    certs = [cert for cert in certs if cert.focus != ADJACENT_FOCUS]
    current = sorted(
        (readiness(scores, context, cert, skill_names) for cert in certs if cert.is_current),
        key=_rank_key,
    )
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


@dataclass(frozen=True)
class RankingChange:
    skill: str
    skill_name: str
    from_score: int
    to_score: int

    def describe(self) -> str:
        return (
            f"raise {self.skill_name} from level {points_level(self.from_score):.1f} "
            f"to {points_level(self.to_score):.1f} and this moves to #1"
        )


def ranking_changes(
    recommendations: Sequence[Recommendation],
    scores: Mapping[str, SkillScore],
    context: Context,
    skill_names: Mapping[str, str],
    limit: int = 3,
) -> dict[str, RankingChange]:
    """For each runner-up, the smallest single-skill improvement that makes it #1 (by slug)."""
    certs = [recommendation.cert for recommendation in recommendations]
    changes: dict[str, RankingChange] = {}
    for runner_up in recommendations[1 : limit + 1]:
        best: RankingChange | None = None
        for gap in runner_up.gaps:
            for to_score in _raised_scores(gap.score):
                if best is not None and to_score - gap.score >= best.to_score - best.from_score:
                    break
                trial_scores = _with_score(scores, gap.skill, to_score)
                leader = min(
                    (readiness(trial_scores, context, cert, skill_names) for cert in certs),
                    key=_rank_key,
                )
                if leader.cert.slug == runner_up.cert.slug:
                    best = RankingChange(gap.skill, gap.skill_name, gap.score, to_score)
                    break
        if best is not None:
            changes[runner_up.cert.slug] = best
    return changes


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
