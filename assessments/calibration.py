"""Re-estimate the knowledge checks' difficulty and discrimination from real answers.

Per skill, the answers of finished attempts form a matrix of checks × people, one column per
attempt that answered at least ``MIN_CHECKS_PER_PERSON`` of the skill's checks (a single
answer says nothing about how the checks relate); a check a person was not asked is missing,
"I don't know" counts as not known. girth's marginal maximum likelihood fit of the same 2PL
model the test uses (``girth.twopl_mml``) gives each check a discrimination ``a*`` and a
difficulty ``b*`` on a scale where abilities are Normal(0, 1).

That scale is put back on the level scale by mean/sigma linking on the skill's checks: the
linear map ``θ = A θ* + B`` that gives the fitted difficulties the mean and spread of the
expert-set ones, so ``b = A b* + B`` and ``a = a* / A``. The experts fix where the levels
are; the answers say which checks are harder than the experts thought and how sharply each
separates people.

A check's parameters are replaced only once it has ``MIN_RESPONSES`` answers from such
attempts: below a couple of hundred answers a 2PL discrimination estimate moves by 0.3 or
more from one sample to the next, which would make the test choose checks on noise.

Misfit is reported, and such a check keeps its expert-set parameters: a calibrated
discrimination below ``MIN_DISCRIMINATION`` (strong people barely do better than weak ones),
or a hard check that people at least a level above its difficulty get right less than half
the time. Keyed answers are never changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from django.db import transaction
from django.utils import timezone

from assessments.models import Answer, Question, QuestionKind

MIN_RESPONSES = 200
MIN_CHECKS_PER_PERSON = 2
MIN_DISCRIMINATION = 0.5
MAX_DISCRIMINATION = 6.0
MIN_DIFFICULTY, MAX_DIFFICULTY = 1.0, 5.5
STRONG_MARGIN = 1.0  # levels above a check's difficulty that make a person "strong" for it


@dataclass
class CheckFit:
    key: str
    responses: int
    expert_difficulty: float
    difficulty: float | None = None
    discrimination: float | None = None
    strong_right: float | None = None  # share right among people well above its difficulty
    misfit: str = ""
    updated: bool = False


@dataclass
class CalibrationReport:
    fits: list[CheckFit] = field(default_factory=list)
    skipped_skills: list[str] = field(default_factory=list)

    @property
    def updated(self) -> list[CheckFit]:
        return [fit for fit in self.fits if fit.updated]

    @property
    def misfits(self) -> list[CheckFit]:
        return [fit for fit in self.fits if fit.misfit]


def calibrate(*, min_responses: int = MIN_RESPONSES, dry_run: bool = False) -> CalibrationReport:
    report = CalibrationReport()
    checks = (
        Question.objects.active()
        .filter(kind=QuestionKind.KNOWLEDGE, difficulty__isnull=False, skill__isnull=False)
        .select_related("skill")
        .order_by("skill__order", "order", "pk")
    )
    by_skill: dict[str, list[Question]] = {}
    for check in checks:
        by_skill.setdefault(check.skill.slug, []).append(check)
    for skill, skill_checks in by_skill.items():
        fits = _calibrate_skill(skill_checks, min_responses)
        if fits is None:
            report.skipped_skills.append(skill)
            continue
        report.fits.extend(fits)
    if not dry_run:
        _save(report, {check.key: check for check in checks})
    return report


def _response_matrix(checks: list[Question]) -> tuple[np.ndarray, list[int]]:
    import girth

    index = {check.pk: row for row, check in enumerate(checks)}
    answers = Answer.objects.filter(
        question__in=checks, attempt__finished_at__isnull=False
    ).values_list("attempt_id", "question_id", "is_correct", "choice__is_dont_know")
    by_attempt: dict[int, dict[int, int]] = {}
    for attempt_id, question_id, is_correct, dont_know in answers:
        by_attempt.setdefault(attempt_id, {})[index[question_id]] = int(
            is_correct and not dont_know
        )
    people = [given for given in by_attempt.values() if len(given) >= MIN_CHECKS_PER_PERSON]
    matrix = np.full((len(checks), len(people)), girth.INVALID_RESPONSE, dtype=int)
    for column, given in enumerate(people):
        for row, value in given.items():
            matrix[row, column] = value
    counts = [int((matrix[row] != girth.INVALID_RESPONSE).sum()) for row in range(len(checks))]
    return matrix, counts


def _calibrate_skill(checks: list[Question], min_responses: int) -> list[CheckFit] | None:
    import girth

    matrix, counts = _response_matrix(checks)
    fits = [
        CheckFit(check.key, count, check.difficulty)
        for check, count in zip(checks, counts, strict=True)
    ]
    enough = [row for row, count in enumerate(counts) if count >= min_responses]
    if len(enough) < 2:
        return fits
    # Only checks with enough answers enter the fit; the rest would add noise to the scale.
    fitted = girth.twopl_mml(matrix[enough])
    raw_b = np.asarray(fitted["Difficulty"], dtype=float)
    raw_a = np.asarray(fitted["Discrimination"], dtype=float)
    if not (np.all(np.isfinite(raw_b)) and np.all(np.isfinite(raw_a))) or raw_b.std() == 0:
        return None
    expert_b = np.array([checks[row].difficulty for row in enough])
    scale, shift = _linking(raw_b, expert_b)
    # A check that fits badly should not bend the scale for the others: link again without it.
    fitting = raw_a / scale >= MIN_DISCRIMINATION
    if 2 <= fitting.sum() < len(enough):
        scale, shift = _linking(raw_b[fitting], expert_b[fitting])
    levels = scale * np.asarray(fitted["Ability"], dtype=float) + shift
    sub = matrix[enough]
    for position, row in enumerate(enough):
        fit = fits[row]
        fit.difficulty = round(float(scale * raw_b[position] + shift), 2)
        fit.discrimination = round(float(raw_a[position] / scale), 2)
        answered = sub[position] != girth.INVALID_RESPONSE
        strong = answered & (levels >= fit.difficulty + STRONG_MARGIN)
        if strong.any():
            fit.strong_right = float(sub[position][strong].mean())
        fit.misfit = _misfit(fit)
        # A misfitting check keeps its expert-set parameters until a curator has looked at it.
        fit.updated = not fit.misfit
        fit.difficulty = min(MAX_DIFFICULTY, max(MIN_DIFFICULTY, fit.difficulty))
        fit.discrimination = min(MAX_DISCRIMINATION, fit.discrimination)
    return fits


def _linking(raw_b: np.ndarray, expert_b: np.ndarray) -> tuple[float, float]:
    """The map from the fit's scale to the level scale: the same mean and spread as the experts'."""
    scale = float(expert_b.std() / raw_b.std()) if expert_b.std() > 0 and raw_b.std() > 0 else 1.0
    return scale, float(expert_b.mean() - scale * raw_b.mean())


def _misfit(fit: CheckFit) -> str:
    if fit.discrimination is not None and fit.discrimination < MIN_DISCRIMINATION:
        return (
            f"discrimination {fit.discrimination:.2f}: stronger people barely do better on it, "
            "or do worse; check the key and the wording"
        )
    if fit.strong_right is not None and fit.strong_right < 0.5:
        return (
            f"people a level or more above its difficulty get it right only "
            f"{fit.strong_right:.0%} of the time; check the key and the wording"
        )
    return ""


@transaction.atomic
def _save(report: CalibrationReport, checks: dict[str, Question]) -> None:
    now = timezone.now()
    for fit in report.fits:
        check = checks[fit.key]
        check.calibration_responses = fit.responses
        check.misfit = fit.misfit
        fields = ["calibration_responses", "misfit"]
        if fit.updated:
            check.calibrated_difficulty = fit.difficulty
            check.calibrated_discrimination = fit.discrimination
            check.calibrated_at = now
            fields += ["calibrated_difficulty", "calibrated_discrimination", "calibrated_at"]
        check.save(update_fields=fields)
