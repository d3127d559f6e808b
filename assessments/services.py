"""
The assessment's work with the database: saving answers, turning an attempt into the plain data
that `assessments.scoring` works on, and keeping anonymous attempts across sign-in.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from uuid import UUID

from django.db import IntegrityError, models
from django.http import HttpRequest
from django.utils import timezone

from assessments import adaptive, scoring
from assessments.models import (
    CHECKS_SECTION,
    SECTIONS,
    SKILL_GROUPS,
    Answer,
    Attempt,
    Choice,
    ContextField,
    Question,
    QuestionKind,
)
from catalog.models import Certification, ExamDomain, Skill
from certguide.lib import curated

SESSION_KEY = "assessment_attempts"


class AnswerRejected(Exception):
    """An answer that cannot be saved; the message is shown to the person."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


# --- Visitors and their attempts --------------------------------------------------------


def remember_in_session(request: HttpRequest, attempt: Attempt) -> None:
    ids = request.session.get(SESSION_KEY, [])
    if str(attempt.public_id) not in ids:
        request.session[SESSION_KEY] = [*ids, str(attempt.public_id)]


def session_attempt_ids(request: HttpRequest) -> list[str]:
    return list(request.session.get(SESSION_KEY, []))


def visitor_attempts(request: HttpRequest) -> models.QuerySet[Attempt]:
    """The attempts this visitor may see: their account's, or this browser session's."""
    if request.user.is_authenticated:
        return Attempt.objects.for_user(request.user)
    return Attempt.objects.filter(user=None, public_id__in=session_attempt_ids(request))


def adopt_session_attempts(request: HttpRequest) -> int:
    """Give the signed-in user the anonymous attempts this browser session made."""
    ids = session_attempt_ids(request)
    if not ids or not request.user.is_authenticated:
        return 0
    adopted = Attempt.objects.filter(user=None, public_id__in=ids).update(user=request.user)
    request.session[SESSION_KEY] = []
    return adopted


def start_attempt(request: HttpRequest) -> Attempt:
    user = request.user if request.user.is_authenticated else None
    attempt = Attempt.objects.create(user=user)
    if user is None:
        remember_in_session(request, attempt)
    return attempt


def unfinished_attempt(request: HttpRequest) -> Attempt | None:
    return visitor_attempts(request).filter(finished_at=None).first()


# --- Answers ------------------------------------------------------------------------------


def parse_choice(question: Question, raw_choice: str | None) -> Choice:
    try:
        choice_id = int(raw_choice or "")
    except ValueError:
        raise AnswerRejected("Choose one of the answers.") from None
    for choice in question.choices.all():
        if choice.pk == choice_id:
            return choice
    raise AnswerRejected("That answer does not belong to this question.")


def save_answer(
    attempt: Attempt, question: Question, choice: Choice, answers: dict[int, Answer]
) -> bool:
    """Save or change an answer, and keep `answers` (the attempt's, by question) in step with
    it; returns whether anything changed (a repeat is a no-op).

    A knowledge check is answered once, when the adaptive test asks it: changing it afterwards
    would let a person try every choice, and answering one it did not ask would skip the test.
    """
    if attempt.is_finished:
        raise AnswerRejected(
            "This assessment is finished, so its answers can no longer change.", status=409
        )
    if choice.question_id != question.pk:
        raise AnswerRejected("That answer does not belong to this question.")
    answer = answers.get(question.pk)
    if answer is not None and answer.choice_id == choice.pk:
        return False
    if question.is_knowledge_check:
        _check_may_be_answered(attempt, question, answer, answers)
    if answer is None:
        return _add_answer(attempt, question, choice, answers)
    answer.choice = choice
    answer.is_correct = choice.is_correct
    answer.save(update_fields=["choice", "is_correct", "answered_at"])
    return True


def _add_answer(
    attempt: Attempt, question: Question, choice: Choice, answers: dict[int, Answer]
) -> bool:
    # Two tabs may answer the same question at the same moment: the database keeps one
    # answer per question, and the one that lost learns what was saved. Only the question
    # that was pending can be a check's first answer, so nothing else needs a lock.
    try:
        answer = Answer.objects.create(
            attempt=attempt, question=question, choice=choice, is_correct=choice.is_correct
        )
    except IntegrityError:
        saved = Answer.objects.filter(attempt=attempt, question=question).first()
        if saved is None or saved.choice_id == choice.pk:
            return False
        if question.is_knowledge_check:
            raise AnswerRejected(
                "This check was answered a moment ago in another tab; the next one is waiting.",
                status=409,
            ) from None
        saved.choice = choice
        saved.is_correct = choice.is_correct
        saved.save(update_fields=["choice", "is_correct", "answered_at"])
        answer = saved
    answer.question = question
    answer.choice = choice
    answers[question.pk] = answer
    return True


def _check_may_be_answered(
    attempt: Attempt, question: Question, answer: Answer | None, answers: dict[int, Answer]
) -> None:
    if answer is not None:
        raise AnswerRejected(
            "A knowledge check's answer cannot be changed once given; the next check is waiting.",
            status=409,
        )
    if pending_check(attempt, active_questions(), answers) != question:
        raise AnswerRejected(
            "That check is not the one the assessment is asking now; here is the current one.",
            status=409,
        )


def finish_attempt(attempt: Attempt) -> None:
    if not attempt.is_finished:
        attempt.finished_at = timezone.now()
        attempt.save(update_fields=["finished_at", "updated_at"])


# --- Sections, the adaptive checks and progress ------------------------------------------


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int  # the most questions this person can still be asked, answered ones included
    done: bool = False  # every question the assessment will ask has been answered

    @property
    def percent(self) -> int:
        return round(self.answered * 100 / self.total) if self.total else 0


def active_questions() -> tuple[Question, ...]:
    """The questions the assessment asks, with their skills and choices. Shared by every
    request until the question bank changes: never modify them."""
    return curated.built(
        "active-questions", lambda: tuple(Question.objects.active().with_choices())
    )


def find_question(raw_pk: str | None) -> Question | None:
    """The question with this id, active or retired, or None."""
    try:
        pk = int(raw_pk or "")
    except ValueError:
        return None
    for question in active_questions():
        if question.pk == pk:
            return question
    return Question.objects.with_choices().filter(pk=pk).first()


def questions_by_section(questions: Sequence[Question]) -> dict[str, list[Question]]:
    sections: dict[str, list[Question]] = {slug: [] for slug in SECTIONS}
    for question in questions:
        sections[question.section].append(question)
    return {slug: items for slug, items in sections.items() if items}


def grouped_by_skill_group(questions: Sequence[Question]) -> list[tuple[str, list[Question]]]:
    """Self-ratings under the headings of their skill groups, in taxonomy order."""
    groups: dict[str, list[Question]] = {}
    for question in questions:
        group = question.skill.group if question.skill_id else ""
        groups.setdefault(group, []).append(question)
    return [(SKILL_GROUPS.get(group, "Other"), items) for group, items in groups.items()]


def answers_by_question(attempt: Attempt) -> dict[int, Answer]:
    answers = attempt.answers.select_related("question__skill", "choice")
    return {answer.question_id: answer for answer in answers}


def order_choices(question: Question, attempt: Attempt) -> list[Choice]:
    """A knowledge check's choices shuffled for this attempt, "I don't know" last; others as
    written (a scale reads in order)."""
    choices = list(question.choices.all())
    if not question.is_knowledge_check:
        return choices
    written = [choice for choice in choices if not choice.is_dont_know]
    random.Random(f"{attempt.choice_seed}-{question.pk}").shuffle(written)
    return written + [choice for choice in choices if choice.is_dont_know]


def check_item(question: Question) -> adaptive.Item:
    """The check as the model sees it: calibrated parameters once it has them."""
    if question.is_calibrated:
        difficulty = question.calibrated_difficulty
        discrimination = question.calibrated_discrimination
    else:
        difficulty = question.difficulty
        discrimination = question.discrimination or adaptive.DEFAULT_DISCRIMINATION
    return adaptive.Item(question.key, question.skill.slug, difficulty, discrimination)


def checks_allowed(questions: Iterable[Question]) -> int:
    other = sum(1 for question in questions if not question.is_knowledge_check)
    return adaptive.checks_allowed(other)


@dataclass(frozen=True)
class Length:
    """How long the assessment is: its fixed questions and the most checks it asks."""

    context: int
    ratings: int
    checks: int

    @property
    def total(self) -> int:
        return self.context + self.ratings + self.checks


def assessment_length(questions: Sequence[Question]) -> Length:
    kinds = [question.kind for question in questions]
    checks = min(kinds.count(QuestionKind.KNOWLEDGE), checks_allowed(questions))
    return Length(kinds.count(QuestionKind.CONTEXT), kinds.count(QuestionKind.SELF_RATING), checks)


def check_bank(questions: Sequence[Question]) -> dict[str, list[adaptive.Item]]:
    """The knowledge checks among ``questions`` as the model sees them, by skill, in taxonomy
    order; skills without checks are left out."""
    bank: dict[str, list[adaptive.Item]] = {slug: [] for slug in taxonomy_order(questions)}
    for question in questions:
        if question.is_knowledge_check and question.skill_id and question.difficulty is not None:
            bank[question.skill.slug].append(check_item(question))
    return {slug: items for slug, items in bank.items() if items}


def pending_check(
    attempt: Attempt, questions: Sequence[Question], answers: dict[int, Answer] | None = None
) -> Question | None:
    """The knowledge check the adaptive test asks next, or None when the checks are done."""
    if answers is None:
        answers = answers_by_question(attempt)
    ratings: dict[str, int | None] = {}
    responses: dict[str, list[adaptive.Response]] = {}
    for question in questions:
        answer = answers.get(question.pk)
        if answer is None or not question.skill_id:
            continue
        if question.kind == QuestionKind.SELF_RATING:
            ratings[question.skill.slug] = int(answer.choice.value)
        elif question.is_knowledge_check and question.difficulty is not None:
            responses.setdefault(question.skill.slug, []).append(
                adaptive.Response(
                    check_item(question), answer.is_correct and not answer.is_dont_know
                )
            )
    order, bank = _order_and_bank(questions)
    item = adaptive.next_check(
        order, ratings, responses, bank, checks_allowed(questions), seed=attempt.choice_seed
    )
    by_key = {question.key: question for question in questions}
    return by_key[item.key] if item is not None else None


def _order_and_bank(
    questions: Sequence[Question],
) -> tuple[list[str], dict[str, list[adaptive.Item]]]:
    """The taxonomy order and the check bank of `questions`; for the live question bank, which
    is built once per version of the curated content, they are worked out once as well."""

    def work_out():
        return taxonomy_order(questions), check_bank(questions)

    if questions is active_questions():
        return curated.built("check-order-and-bank", work_out)
    return work_out()


def taxonomy_order(questions: Iterable[Question]) -> list[str]:
    """The slugs of the skills these questions measure, in the taxonomy's order."""
    skills = {question.skill for question in questions if question.skill_id}
    return [skill.slug for skill in sorted(skills, key=lambda skill: (skill.order, skill.name))]


def progress(
    questions: Sequence[Question], answers: dict[int, Answer], pending: Question | None
) -> Progress:
    other = [question for question in questions if not question.is_knowledge_check]
    answered_other = sum(1 for question in other if question.pk in answers)
    asked_checks = sum(1 for q in questions if q.is_knowledge_check and q.pk in answers)
    answered = answered_other + asked_checks
    if pending is None and answered_other == len(other):
        return Progress(answered, answered, done=True)
    return Progress(answered, len(other) + checks_allowed(questions))


def first_unanswered_section(
    sections: dict[str, list[Question]], answers: dict[int, Answer]
) -> str:
    for slug, questions in sections.items():
        if slug == CHECKS_SECTION:
            return slug
        if any(question.pk not in answers for question in questions):
            return slug
    return list(sections)[-1]


# --- From the database to the scoring module's plain data -------------------------------


@dataclass(frozen=True)
class Catalog:
    skill_names: dict[str, str]
    certifications: tuple[scoring.CertProfile, ...]


def load_catalog() -> Catalog:
    """Every published certification as a scoring profile, built once per catalog version."""
    return curated.built("scoring-catalog", _build_catalog)


def _build_catalog() -> Catalog:
    skills = Skill.objects.order_by("order", "name")
    certifications = Certification.objects.published().prefetch_related(
        models.Prefetch("domains", ExamDomain.objects.prefetch_related("skills")),
        "required_skills__skill",
        "successions__successor",
    )
    return Catalog(
        skill_names={skill.slug: skill.name for skill in skills},
        certifications=tuple(_profile(cert) for cert in certifications),
    )


def _profile(cert: Certification) -> scoring.CertProfile:
    return scoring.CertProfile(
        slug=cert.slug,
        name=cert.name,
        level=cert.level,
        platform=cert.provider.platform,
        focus=cert.focus,
        is_current=cert.is_current,
        is_beta=cert.is_beta,
        successor_slugs=tuple(s.successor.slug for s in cert.successions.all()),
        recommended_years=cert.recommended_years,
        required_levels={r.skill.slug: r.level for r in cert.required_skills.all()},
        domains=tuple(
            scoring.DomainShare(
                name=domain.name,
                weight=domain.weight_estimate or 0,
                skills=tuple(skill.slug for skill in domain.skills.all()),
            )
            for domain in cert.domains.all()
        ),
    )


def evidence_and_context(answers: list[Answer]) -> tuple[scoring.Evidence, scoring.Context]:
    ratings: dict[str, int] = {}
    checks: list[scoring.CheckResult] = []
    context_values: dict[str, str] = {}
    for answer in answers:
        question = answer.question
        if question.kind == "self_rating" and question.skill_id:
            ratings[question.skill.slug] = int(answer.choice.value)
        elif question.kind == "knowledge" and question.skill_id and question.difficulty:
            item = check_item(question)
            checks.append(
                scoring.CheckResult(
                    item.skill,
                    item.difficulty,
                    answer.is_correct,
                    discrimination=item.discrimination,
                    dont_know=answer.is_dont_know,
                    key=item.key,
                )
            )
        elif question.kind == "context":
            context_values[question.context_field] = answer.choice.value
    return scoring.Evidence(ratings, tuple(checks)), _context(context_values)


def _context(values: dict[str, str]) -> scoring.Context:
    def number(name: str) -> float:
        try:
            return float(values.get(name, 0))
        except ValueError:
            return 0.0

    hours = values.get(ContextField.HOURS_PER_WEEK)
    return scoring.Context(
        cloud=values.get(ContextField.CLOUD, "none"),
        ml_years=number(ContextField.ML_YEARS),
        developer_years=number(ContextField.DEVELOPER_YEARS),
        preference=values.get(ContextField.PREFERENCE, "both"),
        hours_per_week=int(hours) if hours and hours.isdigit() else None,
        goal=values.get(ContextField.GOAL, ""),
    )


@dataclass(frozen=True)
class SkillAgainstTarget:
    name: str
    level: float | None
    se: float | None
    required: int

    @property
    def percent(self) -> int:
        """The level's place on the 0-5 axis the bars are drawn on."""
        return round((self.level or 0) * 20)

    @property
    def target_percent(self) -> int:
        return self.required * 20

    @property
    def met(self) -> bool:
        return self.level is not None and self.level >= self.required


@dataclass(frozen=True)
class Outcome:
    """Everything the result views show for one attempt."""

    scores: dict[str, scoring.SkillScore]
    context: scoring.Context
    recommendations: list[scoring.Recommendation]
    changes: dict[str, scoring.RankingChange]
    skill_names: dict[str, str]
    finished_at: datetime | None = None  # the attempt's, where the caller knows it

    @property
    def top(self) -> list[scoring.Recommendation]:
        return self.recommendations[: scoring.TOP_N]

    @property
    def top_with_changes(self) -> list[tuple[scoring.Recommendation, scoring.RankingChange | None]]:
        return [(rec, self.changes.get(rec.cert.slug)) for rec in self.top]

    @property
    def top_pick_skills(self) -> list[SkillAgainstTarget]:
        """The top pick's required skills, each with the person's level against its target."""
        if not self.recommendations:
            return []
        required = self.recommendations[0].cert.required_levels
        rows = []
        for slug, name in self.skill_names.items():
            if required.get(slug, 1) <= 1:
                continue
            score = self.scores.get(slug)
            level = score.level if score is not None else None
            rows.append(
                SkillAgainstTarget(name, level, score.se if score else None, required[slug])
            )
        return rows

    @property
    def skill_rows(self) -> list[tuple[str, scoring.SkillScore]]:
        return [(name, self.scores[slug]) for slug, name in self.skill_names.items()]


def attempt_answers(attempt: Attempt) -> list[Answer]:
    return list(
        attempt.answers.select_related("question__skill", "choice").order_by(
            "question__order", "question_id"
        )
    )


def outcome(answers: list[Answer], catalog: Catalog, *, with_changes: bool = True) -> Outcome:
    evidence, context = evidence_and_context(answers)
    scores = scoring.score_skills(evidence, list(catalog.skill_names))
    recommendations = scoring.recommend(
        scores, context, catalog.certifications, catalog.skill_names
    )
    changes = (
        scoring.ranking_changes(recommendations, scores, context, catalog.skill_names)
        if with_changes
        else {}
    )
    return Outcome(scores, context, recommendations, changes, catalog.skill_names)


def finished_outcome(
    attempt: Attempt, catalog: Catalog, answers: Callable[[], list[Answer]] | None = None
) -> Outcome:
    """A finished assessment's results. They depend only on its answers, which no longer
    change, and the curated content: each is worked out once per version of the content.
    `answers()` gives the answers when they are needed (by default, they are read)."""

    def work_out() -> Outcome:
        found = outcome(answers() if answers else attempt_answers(attempt), catalog)
        return replace(found, finished_at=attempt.finished_at)

    return curated.built_for("finished-outcomes", (attempt.pk, attempt.finished_at), work_out)


def outcome_so_far(answers: list[Answer]) -> Outcome:
    """The live recommendations for answers given so far. The same answers (the first few are
    often the same for many people, and the page is read again between answers) are worked out
    once per version of the curated content."""
    given = tuple((a.question_id, a.choice_id, a.is_correct) for a in answers)
    return curated.built_for(
        "outcomes-so-far",
        given,
        lambda: outcome(answers, load_catalog(), with_changes=False),
    )


def latest_finished_outcome(user) -> Outcome | None:
    """The person's most recent finished assessment, for plan generation."""
    attempt = Attempt.objects.for_user(user).finished().order_by("-finished_at").first()
    if attempt is None:
        return None
    return finished_outcome(attempt, load_catalog())


def parse_public_id(raw: str) -> UUID | None:
    try:
        return UUID(str(raw))
    except ValueError:
        return None


# --- History -------------------------------------------------------------------------------


def past_attempts(request: HttpRequest, exclude: Attempt | None = None) -> list[Attempt]:
    if not request.user.is_authenticated:
        return []
    attempts = Attempt.objects.for_user(request.user).order_by("-created_at")
    if exclude is not None:
        attempts = attempts.exclude(pk=exclude.pk)
    return list(attempts[:20])


def previous_finished_attempt(attempt: Attempt) -> Attempt | None:
    if attempt.user_id is None:
        return None
    return (
        Attempt.objects.for_user(attempt.user_id)
        .finished()
        .filter(finished_at__lt=attempt.finished_at)
        .order_by("-finished_at")
        .first()
    )


@dataclass(frozen=True)
class Movement:
    skill_name: str
    before: float | None  # levels
    after: float | None

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 1)

    @property
    def describe_change(self) -> str:
        if self.change is None:
            return "—"
        if self.change == 0:
            return "no change"
        return f"up {self.change:.1f}" if self.change > 0 else f"down {-self.change:.1f}"


def score_movements(previous: Attempt, current: Outcome, catalog: Catalog) -> list[Movement]:
    """How each skill score moved since the person's previous finished assessment."""
    before = finished_outcome(previous, catalog).scores
    return [
        Movement(name, before[slug].level, current.scores[slug].level)
        for slug, name in catalog.skill_names.items()
        if before[slug].level is not None or current.scores[slug].level is not None
    ]
