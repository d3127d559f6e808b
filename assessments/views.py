from __future__ import annotations

import copy
import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import reswap, retarget

from assessments import adaptive, services
from assessments.charts import skill_chart
from assessments.models import CHECKS_SECTION, SECTIONS, Answer, Attempt, Question
from certguide.lib.fragments import content_key, fragment_key
from certguide.lib.htmx import out_of_band, wants_fragment
from certguide.lib.http import personal
from certguide.throttling import limit_posts


def _get_attempt_for_visitor(request: HttpRequest, public_id) -> Attempt:
    """The visitor's own attempt (their account's or this session's); anyone else's is a 404."""
    return get_object_or_404(services.visitor_attempts(request), public_id=public_id)


def _locate_section(sections: dict[str, list[Question]], section: str) -> tuple[int, list[str]]:
    if section not in sections:
        raise Http404("No such section.")
    slugs = list(sections)
    return slugs.index(section), slugs


def _for_display(question: Question, attempt: Attempt, answers: dict[int, Answer]) -> Question:
    """A copy of the question carrying this attempt's answer and choice order: the question
    itself is shared by every request."""
    shown = copy.copy(question)
    shown.current_answer = answers.get(question.pk)
    shown.ordered_choices = services.order_choices(question, attempt)
    return shown


def _section_context(
    attempt: Attempt, section: str | None = None, answers: dict[int, Answer] | None = None
) -> dict:
    questions = services.active_questions()
    sections = services.questions_by_section(questions)
    if answers is None:
        answers = services.answers_by_question(attempt)
    section = section or services.first_unanswered_section(sections, answers)
    index, slugs = _locate_section(sections, section)
    pending = services.pending_check(attempt, questions, answers)
    progress = services.progress(questions, answers, pending)
    if section == CHECKS_SECTION:
        pending = _for_display(pending, attempt, answers) if pending else None
        shown = [pending] if pending else []
    else:
        shown = [_for_display(question, attempt, answers) for question in sections[section]]
    chosen = [(q.pk, q.current_answer and q.current_answer.choice_id) for q in shown if q]
    return {
        "attempt": attempt,
        "section": section,
        # The questions, their order and the answers chosen are all the list shows.
        "questions_key": content_key(attempt.public_id, section, chosen),
        "section_title": SECTIONS[section],
        "section_number": index + 1,
        "sections": [(slug, SECTIONS[slug]) for slug in slugs],
        "questions": shown,
        "question_groups": services.grouped_by_skill_group(shown),
        "pending": pending,
        "checks_asked": sum(1 for q in questions if q.is_knowledge_check and q.pk in answers),
        "answers": answers,
        "progress": progress,
        "next_section": slugs[index + 1] if index + 1 < len(slugs) else None,
        "previous_section": slugs[index - 1] if index > 0 else None,
        "live": services.outcome_so_far([answers[q.pk] for q in questions if q.pk in answers]),
    }


@require_GET
@login_not_required
@personal
def start(request: HttpRequest) -> HttpResponse:
    questions = services.active_questions()
    context = {
        "unfinished": services.unfinished_attempt(request),
        "length": services.assessment_length(questions),
    }
    return render(request, "assessments/start.html", context)


@require_POST
@login_not_required
@limit_posts("attempt_create")
def attempt_create(request: HttpRequest) -> HttpResponse:
    attempt = services.start_attempt(request)
    return redirect("assessments:resume", attempt.public_id)


@require_GET
@login_not_required
@personal
def resume(request: HttpRequest, public_id) -> HttpResponse:
    attempt = _get_attempt_for_visitor(request, public_id)
    if attempt.is_finished:
        return redirect("assessments:results", attempt.public_id)
    sections = services.questions_by_section(services.active_questions())
    if not sections:
        messages.info(request, "The assessment has no questions yet: please come back later.")
        return redirect("assessments:start")
    section = services.first_unanswered_section(sections, services.answers_by_question(attempt))
    return redirect("assessments:section", attempt.public_id, section)


@require_http_methods(["GET", "POST"])
@login_not_required
@personal
def section(request: HttpRequest, public_id, section: str) -> HttpResponse:
    attempt = _get_attempt_for_visitor(request, public_id)
    if attempt.is_finished:
        return redirect("assessments:results", attempt.public_id)
    if request.method == "POST":
        return _save_section(request, attempt, section)
    return render(request, "assessments/attempt_section.html", _section_context(attempt, section))


def _save_section(request: HttpRequest, attempt: Attempt, section: str) -> HttpResponse:
    """Without JavaScript: save every answer given on the section's form, then move on."""
    questions = services.active_questions()
    sections = services.questions_by_section(questions)
    index, slugs = _locate_section(sections, section)
    answers = services.answers_by_question(attempt)
    errors = []
    posted = [question for question in sections[section] if f"q{question.pk}" in request.POST]
    if section == CHECKS_SECTION and not posted and "finish" not in request.POST:
        errors.append("Choose an answer, or “I don't know”, then press Answer.")
    for question in posted:
        raw_choice = request.POST.get(f"q{question.pk}")
        try:
            choice = services.parse_choice(question, raw_choice)
            services.save_answer(attempt, question, choice, answers)
        except services.AnswerRejected as rejected:
            errors.append(f"{question.text} — {rejected.message}")
    if errors:
        for error in errors:
            messages.error(request, error)
        return render(
            request,
            "assessments/attempt_section.html",
            _section_context(attempt, section, answers),
            status=400,
        )
    if "finish" in request.POST:
        services.finish_attempt(attempt)
        return redirect("assessments:results", attempt.public_id)
    if section == CHECKS_SECTION:
        return redirect("assessments:section", attempt.public_id, section)
    next_section = slugs[index + 1] if index + 1 < len(slugs) else section
    return redirect("assessments:section", attempt.public_id, next_section)


@require_POST
@login_not_required
@personal
def answer(request: HttpRequest, public_id) -> HttpResponse:
    attempt = _get_attempt_for_visitor(request, public_id)
    question = services.find_question(request.POST.get("question"))
    if question is None:
        return _rejected(request, attempt, "That question does not exist.", 404)
    if not question.is_active:
        message = "That question has been retired from the assessment; its answer is not needed."
        return _rejected(request, attempt, message, 410)
    raw_choice = request.POST.get("choice") or request.POST.get(f"q{question.pk}")
    answers = services.answers_by_question(attempt)
    try:
        choice = services.parse_choice(question, raw_choice)
        services.save_answer(attempt, question, choice, answers)
    except services.AnswerRejected as rejected:
        response = _rejected(request, attempt, rejected.message, rejected.status)
        if question.is_knowledge_check and wants_fragment(request) and not attempt.is_finished:
            # Show the check that is really pending (another tab may have answered this one).
            context = _section_context(attempt, CHECKS_SECTION, answers)
            template = "assessments/attempt_section.html"
            slot = out_of_band(template, "check-slot", context, request)
            response.content += slot.encode()
        return response

    if not wants_fragment(request):
        url = reverse("assessments:section", args=[attempt.public_id, question.section])
        # An answered check gives way to the next one, so the page opens at the check slot.
        anchor = "check-slot" if question.is_knowledge_check else f"question-{question.pk}"
        return redirect(f"{url}#{anchor}")
    context = _section_context(attempt, question.section, answers)
    template = "assessments/attempt_section.html"
    if question.is_knowledge_check:
        # The answered check gives way to the next one (or to the end of the checks).
        swapped = render_to_string(f"{template}#check-slot", context, request=request)
    else:
        answered = next(q for q in context["questions"] if q.pk == question.pk)
        swapped = render_to_string(
            f"{template}#assessment-question", {**context, "question": answered}, request=request
        )
    return HttpResponse(
        swapped
        + out_of_band(template, "assessment-progress", context, request)
        + out_of_band(template, "recommendation-panel", context, request)
        + out_of_band(template, "live-summary", context, request)
    )


def _rejected(request: HttpRequest, attempt: Attempt, message: str, status: int) -> HttpResponse:
    if wants_fragment(request):
        response = render(
            request, "assessments/_answer_error.html", {"message": message}, status=status
        )
        return reswap(retarget(response, "#assessment-errors"), "innerHTML")
    return render(
        request,
        "assessments/answer_rejected.html",
        {"message": message, "attempt": attempt},
        status=status,
    )


@require_POST
@login_not_required
@personal
def finish(request: HttpRequest, public_id) -> HttpResponse:
    attempt = _get_attempt_for_visitor(request, public_id)
    services.finish_attempt(attempt)
    return redirect("assessments:results", attempt.public_id)


# However large the catalog, the results rank this many certifications in their table.
RANKED_SHOWN = 30


@require_GET
@login_not_required
@personal
def results(request: HttpRequest, public_id) -> HttpResponse:
    attempt = _get_attempt_for_visitor(request, public_id)
    if not attempt.is_finished:
        return redirect("assessments:resume", attempt.public_id)
    # The answers are read only when the results or their kept copy are out of date.
    answers = functools.cache(lambda: services.attempt_answers(attempt))

    def reviewed_checks() -> list[Answer]:
        return sorted(
            (a for a in answers() if a.question.is_knowledge_check),
            key=lambda a: (a.question.skill.order, a.question.order),
        )

    catalog = services.load_catalog()
    outcome = services.finished_outcome(attempt, catalog, answers)
    previous = services.previous_finished_attempt(attempt)

    context = {
        "attempt": attempt,
        "outcome": outcome,
        "chart": skill_chart(outcome.scores, outcome.skill_names),
        "ranking": outcome.recommendations[:RANKED_SHOWN],
        "reviewed_checks": reviewed_checks,
        "movements": services.score_movements(previous, outcome, catalog) if previous else None,
        "past_attempts": services.past_attempts(request, exclude=attempt),
        # A finished assessment's results change only with the curated content or a release.
        "results_key": fragment_key(request, attempt, request.user.is_authenticated),
    }
    return render(request, "assessments/results.html", context)


@require_GET
@login_not_required
def how_we_score(request: HttpRequest) -> HttpResponse:
    context = {
        "max_checks": adaptive.MAX_CHECKS_PER_SKILL,
        "max_questions": adaptive.MAX_QUESTIONS,
    }
    return render(request, "assessments/how_we_score.html", context)
