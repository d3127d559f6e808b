"""A renewal rule in words, for the page: a plain function over the typed rule."""

from __future__ import annotations

from catalog.models import RenewalKind, RenewalRule


def _months(months: int) -> str:
    if months % 12 == 0:
        years = months // 12
        return "1 year" if years == 1 else f"{years} years"
    return "1 month" if months == 1 else f"{months} months"


def _days(days: int) -> str:
    return "1 day" if days == 1 else f"{days} days"


def summary(rule: RenewalRule) -> str:
    """One line: how the credential is kept current, when, at what cost, and what it adds.
    Figures that are not published are left out here and shown as such in the details."""
    if rule.kind == RenewalKind.NO_EXPIRY:
        return "Does not expire."
    if rule.kind == RenewalKind.UNKNOWN:
        return "The renewal rule is no longer published."
    validity = _months(rule.validity_months) if rule.validity_months else None
    if rule.kind == RenewalKind.FIXED_TERM:
        term = f"Valid for {validity}" if validity else "Valid for a fixed term not published"
        return f"{term}, with no way to renew; earn the newer credential instead."
    how = {
        RenewalKind.ONLINE_ASSESSMENT: "Pass an online renewal assessment",
        RenewalKind.RETAKE: "Pass the current exam again",
        RenewalKind.CONTINUING_EDUCATION: "Earn continuing-education credits",
    }[rule.kind]
    if rule.kind == RenewalKind.CONTINUING_EDUCATION and rule.credits is not None:
        how = f"Earn {rule.credits} continuing-education credits"
    parts = [how]
    if rule.window_days_before_expiry is not None:
        parts.append(f"from {_days(rule.window_days_before_expiry)} before expiry")
    if rule.grace_days_after_expiry:
        parts.append(f"up to {_days(rule.grace_days_after_expiry)} after it")
    text = " ".join(parts[:1]) + (", " + ", ".join(parts[1:]) if parts[1:] else "")
    if rule.cost_usd == 0:
        text += "; free"
    elif rule.cost_usd is not None:
        text += f"; US${rule.cost_usd} each time"
    if rule.months_added:
        text += f"; each renewal adds {_months(rule.months_added)}"
    return text + "."
