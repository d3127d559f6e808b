"""The catalog's filters and sort orders, and the choices offered for a comparison, applied to
a queryset of certifications."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.validators import slug_re
from django.db.models import Case, F, Q, Value, When

from catalog.models import Certification, CertificationQuerySet, Focus, Level, Status

LEVEL_RANK = Case(
    *(When(level=level, then=Value(rank)) for rank, level in enumerate(Level.values)),
    default=Value(len(Level.values)),
)

# Unknown figures sort last: a certification without a published cost is not the cheapest.
SORT_CHOICES = [
    ("name", "Name (A to Z)"),
    ("cost", "Cost (lowest first)"),
    ("duration", "Duration (shortest first)"),
    ("level", "Level (foundational first)"),
]
ORDERINGS = {
    "name": ["name"],
    "cost": [F("cost_usd").asc(nulls_last=True), "name"],
    "duration": [F("duration_minutes").asc(nulls_last=True), "name"],
    "level": [LEVEL_RANK.asc(), "name"],
}


def filter_catalog(
    certifications: CertificationQuerySet,
    *,
    q: str = "",
    provider: str = "",
    level: str = "",
    focus: str = "",
    status: str = "",
    include_retired: bool = False,
    hide_adjacent: bool = False,
    max_cost: int | None = None,
    sort: str = "",
) -> CertificationQuerySet:
    """Apply the catalog's filters. Retired certifications are left out unless asked for, either
    with `include_retired` or by choosing the retired status; adjacent credentials are listed
    unless `hide_adjacent`; a maximum cost leaves out the certifications whose cost is not
    published."""
    if provider:
        certifications = certifications.filter(provider__slug=provider)
    if level:
        certifications = certifications.filter(level=level)
    if focus:
        certifications = certifications.filter(focus=focus)
    if status:
        certifications = certifications.filter(status=status)
    elif not include_retired:
        certifications = certifications.current()
    if hide_adjacent:
        certifications = certifications.exclude(focus=Focus.ADJACENT)
    if max_cost is not None:
        certifications = certifications.filter(cost_usd__lte=max_cost)
    if q:
        certifications = certifications.search(q)
    return certifications.order_by(*ORDERINGS[sort or "name"])


# However large the catalog grows, a "compare with" control offers this many certifications.
COMPARE_CHOICES = 40
# Ticked certifications beyond this many are not looked up (a comparison takes at most 4).
TICKED_LOOKED_UP = 10


def compare_choices(
    certifications: CertificationQuerySet,
    *,
    ticked: Sequence[str] = (),
    related_to: Certification | None = None,
    find: str = "",
) -> list[Certification]:
    """What a "compare with" control offers, in one query: the certifications already ticked,
    then at most `COMPARE_CHOICES` others, matching `find` when given, current before retired,
    and those closest to `related_to` (same provider, then same level) first; grouped by
    provider."""
    ticked = [slug for slug in ticked if slug_re.fullmatch(slug)][:TICKED_LOOKED_UP]
    others = certifications.exclude(slug__in=ticked)
    if related_to is not None:
        others = others.exclude(pk=related_to.pk)
    if find:
        others = others.search(find)
    ranks = [
        Case(When(slug__in=ticked, then=Value(0)), default=Value(1)),
        Case(When(status=Status.RETIRED, then=Value(1)), default=Value(0)),
    ]
    if related_to is not None:
        ranks.append(
            Case(When(provider_id=related_to.provider_id, then=Value(0)), default=Value(1))
        )
        ranks.append(Case(When(level=related_to.level, then=Value(0)), default=Value(1)))
    offered = certifications.filter(Q(slug__in=ticked) | Q(pk__in=others.values("pk")))
    chosen = offered.order_by(*ranks, "provider__name", "name")[: len(ticked) + COMPARE_CHOICES]
    return sorted(chosen, key=lambda c: (c.provider.name, c.name))


def more_to_choose(choices: list[Certification], ticked: Sequence[str]) -> bool:
    """Whether `compare_choices` may have left some certifications out."""
    return len([c for c in choices if c.slug not in ticked]) >= COMPARE_CHOICES
