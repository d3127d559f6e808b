"""The catalog's filters and sort orders, applied to a queryset of certifications."""

from __future__ import annotations

from django.db.models import Case, F, Value, When

from catalog.models import CertificationQuerySet, Focus, Level

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
