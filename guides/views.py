from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from assessments import adaptive, scoring
from catalog import renewal
from catalog.market import load_market
from catalog.models import Certification, Platform, RenewalKind, Skill, SkillGroup, Status
from certguide.lib.http import personal
from certguide.lib.pagecache import public_page
from credentials.services import held_credentials
from guides import figures, services
from guides.content import GUIDES, GUIDES_BY_SLUG
from plans.generation import SKILL_ACTIONS, choose_project


def _render_guide(request: HttpRequest, slug: str, context: dict) -> HttpResponse:
    guide = GUIDES_BY_SLUG[slug]
    others = [other for other in GUIDES if other.slug != slug]
    return render(request, guide.template_name, {"guide": guide, "others": others, **context})


@require_GET
@login_not_required
@public_page
def guide_index(request: HttpRequest) -> HttpResponse:
    return render(request, "guides/guide_index.html", {"guides": GUIDES})


@require_GET
@login_not_required
def guide_for_skill_redirect(request: HttpRequest, slug: str) -> HttpResponse:
    """A gap on the results page names a skill; this leads to the guide that helps close it."""
    skill = get_object_or_404(Skill, slug=slug)
    guide, fragment = figures.guide_for_skill(
        skill.slug, skill.group, scoring.PLATFORM_SKILLS.values()
    )
    url = GUIDES_BY_SLUG[guide].get_absolute_url()
    return redirect(f"{url}#{fragment}" if fragment else url)


@require_GET
@login_not_required
@public_page
def assess_yourself(request: HttpRequest) -> HttpResponse:
    checks = services.checks_per_skill()
    skills = Skill.objects.order_by("order", "name")
    groups: dict[str, list[tuple[Skill, int]]] = {}
    for skill in skills:
        groups.setdefault(skill.get_group_display(), []).append((skill, checks.get(skill.slug, 0)))
    context = {
        "length": services.assessment_length(),
        "skill_groups": list(groups.items()),
        "max_checks_per_skill": adaptive.MAX_CHECKS_PER_SKILL,
    }
    return _render_guide(request, "assess-yourself", context)


@dataclass(frozen=True)
class PrerequisiteRow:
    skill: Skill
    demand: figures.SkillDemand
    check_url: str
    practice: str
    own: scoring.SkillScore | None


@require_GET
@login_not_required
@personal
def prerequisites(request: HttpRequest) -> HttpResponse:
    skills = services.prerequisite_skills()
    exams = services.load_exams()
    standing = services.latest_standing(request, [skill.slug for skill in skills])
    check_urls = services.check_yourself_urls(request, skills)
    rows = [
        PrerequisiteRow(
            skill=skill,
            demand=figures.skill_demand(exams, skill.slug),
            check_url=check_urls[skill.slug],
            practice=SKILL_ACTIONS.get(skill.slug, ""),
            own=standing.levels.get(skill.slug) if standing else None,
        )
        for skill in skills
    ]
    context = {
        "rows": rows,
        "groups": [
            (group, SkillGroup(group).label, [row for row in rows if row.skill.group == group])
            for group in services.PREREQUISITE_GROUPS
        ],
        "exam_count": len(exams),
        "checked": figures.checked_between(exam.checked_on for exam in exams),
        "standing": standing,
        "basic_level": figures.BASIC_LEVEL,
        "demand_level": figures.DEMAND_LEVEL,
        "high_demand_level": figures.HIGH_DEMAND_LEVEL,
    }
    return _render_guide(request, "prerequisites", context)


@require_GET
@login_not_required
@personal
def choosing_a_cloud(request: HttpRequest) -> HttpResponse:
    market = load_market()
    share = market.cloud_market_share
    exams = services.load_exams(adjacent=True, skills=False, domains=True)
    by_share = [s.provider for s in share.shares] if share else []
    standing = services.latest_standing(request, [])
    labels = dict(Platform.choices)
    groups = figures.by_platform(exams, first=by_share)
    context = {
        "share": share,
        "platform_groups": [
            (platform, labels.get(platform, platform), members) for platform, members in groups
        ],
        "platform_keys": [platform for platform, _members in groups],
        "checked": figures.checked_between(exam.checked_on for exam in exams),
        "standing": standing,
    }
    return _render_guide(request, "choosing-a-cloud", context)


@require_GET
@login_not_required
@public_page
def deep_learning_or_classical_ml(request: HttpRequest) -> HttpResponse:
    exams = services.load_exams(domains=True)
    names = services.skills_by_slug([figures.CLASSICAL_ML, figures.DEEP_LEARNING])
    rows = figures.lean_rows(exams)
    context = {
        "rows": rows,
        "counts": [
            (figures.LEAN_LABELS[key], count)
            for key, count in figures.count_by((row.lean for row in rows), figures.LEANS)
        ],
        "exam_count": len(exams),
        "classical_skill": names.get(figures.CLASSICAL_ML),
        "deep_skill": names.get(figures.DEEP_LEARNING),
        "checked": figures.checked_between(exam.checked_on for exam in exams),
    }
    return _render_guide(request, "deep-learning-or-classical-ml", context)


@require_GET
@login_not_required
@public_page
def project_experience(request: HttpRequest) -> HttpResponse:
    certifications = services.certifications_with_hands_on_resources()
    rows = [
        (c, choose_project(c.provider.platform, c.focus), c.hands_on_resources)
        for c in certifications
    ]
    context = {
        "rows": rows,
        "checked": figures.checked_between(c.checked_on for c in certifications),
    }
    return _render_guide(request, "project-experience", context)


@require_GET
@login_not_required
@public_page
def salaries(request: HttpRequest) -> HttpResponse:
    wages = [(wage, figures.wage_rows(wage)) for wage in load_market().wages]
    return _render_guide(request, "salaries", {"wages": wages})


@dataclass(frozen=True)
class RenewalRow:
    certification: Certification
    validity: str | None
    summary: str


@require_GET
@login_not_required
@public_page
def keeping_current(request: HttpRequest) -> HttpResponse:
    certifications = services.certifications_with_renewal()
    current = [c for c in certifications if c.is_current]
    rows = [
        RenewalRow(
            certification=c,
            validity=figures.validity(c.validity_months, c.renewal_kind == RenewalKind.NO_EXPIRY),
            summary=renewal.summary(c.renewal_rule),
        )
        for c in certifications
    ]
    context = {
        "rows": rows,
        "kinds": figures.count_by(
            (c.get_renewal_kind_display() for c in current),
            order=[label for _value, label in RenewalKind.choices],
        ),
        "current_count": len(current),
        "retired": Status.RETIRED,
        "checked": figures.checked_between(c.checked_on for c in certifications),
        # Signed in, the person's own credentials with their windows, from the same rules.
        "held": (
            held_credentials(request.user, timezone.localdate())
            if request.user.is_authenticated
            else None
        ),
    }
    response = _render_guide(request, "keeping-current", context)
    if request.user.is_authenticated:
        patch_cache_control(response, private=True, no_store=True)
    return response
