from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.core.validators import slug_re
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from catalog import comparison, renewal
from catalog import facts as catalog_facts
from catalog.facts import facts, unconfirmed_labels
from catalog.forms import MAX_SEARCH_LENGTH, CatalogFilterForm
from catalog.models import CatalogChange, Certification
from catalog.queries import compare_choices, filter_catalog, more_to_choose
from certguide.lib.htmx import wants_fragment
from certguide.lib.pagecache import public_page

# Pages that moved when two entries became one credential: old links keep working.
MOVED_SLUGS = {
    "azure-ai-fundamentals-ai-900": "azure-ai-fundamentals",
    "azure-ai-fundamentals-ai-901": "azure-ai-fundamentals",
}


CATALOG_PAGE_SIZE = 36


@require_GET
@login_not_required
@public_page
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
def certification_list(request: HttpRequest) -> HttpResponse:
    form = CatalogFilterForm(request.GET)
    matching = filter_catalog(Certification.objects.published(), **form.filters)
    # Like the filters, a page number that does not exist is not an error: one past either end
    # shows the last page, one that is not a number the first.
    page = Paginator(matching, CATALOG_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "certifications": list(page),
        "page": page,
        "total": page.paginator.count,
    }
    if wants_fragment(request):
        context["fragment"] = True
        return render(request, "catalog/certification_list.html#catalog-results", context)
    return render(request, "catalog/certification_list.html", context)


@require_GET
@login_not_required
@public_page
def certification_detail(request: HttpRequest, slug: str) -> HttpResponse:
    if slug in MOVED_SLUGS:
        return redirect("catalog:certification-detail", MOVED_SLUGS[slug], permanent=True)
    certification = get_object_or_404(Certification.objects.published().with_details(), slug=slug)
    domains = list(certification.domains.all())
    context = {
        "certification": certification,
        "facts": facts(certification),
        "unconfirmed": unconfirmed_labels(certification),
        "retirement_date_unconfirmed": catalog_facts.retirement_date_unconfirmed(certification),
        "domain_weights": catalog_facts.domain_weights(domains),
        "domain_sources": catalog_facts.sources_for(certification, ["domains"]),
        "renewal_summary": renewal.summary(certification.renewal_rule),
        "renewal_sources": catalog_facts.sources_for(certification, ["renewal"]),
        "others": compare_choices(Certification.objects.published(), related_to=certification),
    }
    return render(request, "catalog/certification_detail.html", context)


@require_GET
@login_not_required
@public_page
def certification_compare(request: HttpRequest) -> HttpResponse:
    slugs = [slug.strip() for slug in request.GET.getlist("c") if slug.strip()]
    find = request.GET.get("find", "").strip()[:MAX_SEARCH_LENGTH]
    certifications: list[Certification] = []
    problem = comparison.selection_problem(slugs) if slugs else None
    if find:
        problem = None  # still choosing: the picker shows what was found, nothing is compared
    elif slugs and problem is None:
        # A value that is not a slug names no certification (and PostgreSQL refuses some
        # characters outright): it is reported as unknown without reaching the database.
        queried = [slug for slug in slugs if slug_re.fullmatch(slug)]
        found = {
            c.slug: c
            for c in Certification.objects.published().for_comparison().filter(slug__in=queried)
        }
        problem = comparison.unknown_problem(slugs, found)
        certifications = [] if problem else [found[slug] for slug in slugs]
    choices = compare_choices(Certification.objects.published(), ticked=slugs, find=find)
    context = {
        "certifications": certifications,
        "fact_rows": comparison.fact_rows(certifications),
        "skill_rows": comparison.skill_rows(certifications),
        "problem": problem,
        "selected": slugs,
        "choices": choices,
        "more_to_choose": more_to_choose(choices, slugs),
        "find": find,
    }
    return render(
        request, "catalog/certification_compare.html", context, status=400 if problem else 200
    )


CHANGES_SHOWN = 200


@require_GET
@login_not_required
@public_page
def catalog_changes(request: HttpRequest) -> HttpResponse:
    """New exams, retirements, status and fee changes, newest first."""
    entries = list(CatalogChange.objects.select_related("certification")[:CHANGES_SHOWN])
    return render(request, "catalog/catalog_changes.html", {"entries": entries})
