"""The guides' reads: catalog rows turned into the plain data `guides.figures` works on, and the
visitor's own self-assessment. Each function makes a fixed number of queries, whatever the
catalog's size."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Prefetch, QuerySet
from django.http import HttpRequest
from django.urls import reverse

from assessments import scoring
from assessments import services as assessment_services
from assessments.models import EXPERIENCE_SECTION, ContextField, Question, QuestionKind
from catalog.models import (
    Certification,
    Focus,
    RequiredSkill,
    Resource,
    ResourceKind,
    Skill,
)
from guides import figures
from guides.figures import Exam

# Resources a person builds with, as opposed to reads: shown beside the practice projects.
HANDS_ON_KINDS = (ResourceKind.PROJECT_IDEA, ResourceKind.COURSE, ResourceKind.DOCS)


def current_certifications(*, adjacent: bool) -> QuerySet[Certification]:
    """The published certifications a person can still sit, with their providers; without the
    adjacent credentials unless asked for."""
    certifications = Certification.objects.published().current()
    if not adjacent:
        certifications = certifications.exclude(focus=Focus.ADJACENT)
    return certifications.order_by("name")


def load_exams(*, adjacent: bool = False, skills: bool = True, domains: bool = False) -> list[Exam]:
    """The current certifications as plain exams: 1 query (the certifications with their
    providers), 1 more with `skills` (their required skills) and 2 more with `domains` (their
    domains; the skills each domain exercises)."""
    certifications = current_certifications(adjacent=adjacent)
    if skills:
        certifications = certifications.prefetch_related(
            Prefetch("required_skills", RequiredSkill.objects.select_related("skill"))
        )
    if domains:
        certifications = certifications.prefetch_related("domains__skills")
    return [_exam(certification, skills, domains) for certification in certifications]


def _exam(certification: Certification, with_skills: bool, with_domains: bool) -> Exam:
    exercising: dict[str, int] = {}
    domain_names: tuple[str, ...] = ()
    if with_domains:
        all_domains = list(certification.domains.all())
        domain_names = tuple(domain.name for domain in all_domains)
        for domain in all_domains:
            for skill in domain.skills.all():
                exercising[skill.slug] = exercising.get(skill.slug, 0) + 1
    return Exam(
        slug=certification.slug,
        name=certification.name,
        provider=certification.provider.name,
        platform=certification.provider.platform,
        level=certification.get_level_display(),
        focus=certification.get_focus_display(),
        status=certification.status,
        checked_on=certification.checked_on,
        required_levels=(
            {r.skill.slug: r.level for r in certification.required_skills.all()}
            if with_skills
            else {}
        ),
        domains_exercising=exercising,
        domain_names=domain_names,
    )


PREREQUISITE_GROUPS = figures.PREREQUISITE_GROUPS


def prerequisite_skills() -> list[Skill]:
    """The maths and programming skills of the taxonomy, in its order: 1 query."""
    return list(Skill.objects.filter(group__in=PREREQUISITE_GROUPS).order_by("order", "name"))


def skills_by_slug(slugs: Iterable[str]) -> dict[str, Skill]:
    return {skill.slug: skill for skill in Skill.objects.filter(slug__in=list(slugs))}


def certifications_with_hands_on_resources() -> list[Certification]:
    """The current ML certifications, each with its hands-on resources: 2 queries."""
    return list(
        current_certifications(adjacent=False).prefetch_related(
            Prefetch(
                "resources",
                Resource.objects.filter(kind__in=HANDS_ON_KINDS),
                to_attr="hands_on_resources",
            )
        )
    )


def certifications_with_renewal() -> list[Certification]:
    """Every published certification, current ones first: 1 query."""
    certifications = Certification.objects.published().order_by("name")
    return sorted(certifications, key=lambda certification: not certification.is_current)


def assessment_length() -> assessment_services.Length:
    """How long the self-assessment is: 1 query (the active questions' kinds)."""
    return assessment_services.assessment_length(list(Question.objects.active().only("kind")))


def checks_per_skill() -> dict[str, int]:
    """How many active knowledge checks each skill has, by skill slug: 1 query."""
    rows = (
        Question.objects.active()
        .filter(kind=QuestionKind.KNOWLEDGE)
        .values("skill__slug")
        .annotate(checks=Count("id"))
    )
    return {row["skill__slug"]: row["checks"] for row in rows}


# --- The visitor's own self-assessment ---------------------------------------------------


@dataclass(frozen=True)
class Standing:
    """What the visitor's latest finished self-assessment says, for the guides."""

    finished_at: datetime
    results_url: str
    levels: dict[str, scoring.SkillScore]  # by skill slug
    cloud: str | None  # the answer to the employer-cloud question, None when not answered
    cloud_label: str  # that answer as the person chose it


def latest_standing(request: HttpRequest, skill_slugs: Iterable[str]) -> Standing | None:
    """The visitor's own latest finished attempt (their account's, or this browser's), or None:
    2 queries when there is one (the attempt; its answers), 1 when there is none, and none for
    a visitor with neither an account nor an attempt in this browser."""
    attempt = (
        assessment_services.visitor_attempts(request).finished().order_by("-finished_at").first()
    )
    if attempt is None:
        return None
    answers = assessment_services.attempt_answers(attempt)
    evidence, _context = assessment_services.evidence_and_context(answers)
    cloud = next(
        (a for a in answers if a.question.context_field == ContextField.CLOUD),
        None,
    )
    return Standing(
        finished_at=attempt.finished_at,
        results_url=attempt.get_absolute_url(),
        levels=scoring.score_skills(evidence, list(skill_slugs)),
        cloud=cloud.choice.value if cloud else None,
        cloud_label=cloud.choice.label if cloud else "",
    )


def check_yourself_urls(request: HttpRequest, skills: Iterable[Skill]) -> dict[str, str]:
    """Where "Check yourself" leads for each skill: into the skill's question of the visitor's
    unfinished self-assessment when there is one (2 queries), else to its start page."""
    skills = list(skills)
    unfinished = assessment_services.unfinished_attempt(request)
    start = reverse("assessments:start")
    if unfinished is None:
        return {skill.slug: start for skill in skills}
    section = reverse("assessments:section", args=[unfinished.public_id, EXPERIENCE_SECTION])
    ratings = Question.objects.active().filter(kind=QuestionKind.SELF_RATING, skill__in=skills)
    by_skill = {slug: pk for pk, slug in ratings.values_list("pk", "skill__slug")}
    return {
        skill.slug: f"{section}#question-{by_skill[skill.slug]}"
        if skill.slug in by_skill
        else start
        for skill in skills
    }
