"""A person's credentials and reminder choice in their data download, and back.

A credential from the catalog is named by the certification's slug (and its name, for a
reader); one the catalog does not list keeps its own name. Expiry and renewal windows are not
exported: they are worked out from the catalog's rule when the data is read back."""

from __future__ import annotations

from datetime import date
from typing import Any

from catalog.models import Certification
from credentials.models import Credential, ReminderPreference

DATES = ("earned_on", "renewed_on", "expires_on")


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def export_credentials(user) -> list[dict[str, Any]]:
    credentials = Credential.objects.for_user(user).select_related("certification")
    return [
        {
            "certification": c.certification.slug if c.certification else None,
            "name": c.title,
            "issuer": c.issuer,
            **{name: _iso(getattr(c, name)) for name in DATES},
        }
        for c in credentials
    ]


def export_settings(user) -> dict[str, Any]:
    preference = ReminderPreference.objects.filter(user=user).first()
    return {
        "weekly_digest": bool(preference and preference.weekly_digest),
        "last_digest_on": _iso(preference.last_digest_on) if preference else None,
    }


def import_credentials(user, items: list[dict[str, Any]]) -> int:
    """Recreate the credentials; one whose certification the catalog no longer has is kept by
    its name, without a computed expiry. Returns how many were kept that way."""
    slugs = [item["certification"] for item in items if item.get("certification")]
    certifications = Certification.objects.in_bulk(slugs, field_name="slug")
    by_name = 0
    for item in items:
        certification = certifications.get(item.get("certification"))
        if item.get("certification") and certification is None:
            by_name += 1
        Credential.objects.create(
            user=user,
            certification=certification,
            name="" if certification else item["name"],
            issuer=item.get("issuer", ""),
            earned_on=_day(item["earned_on"]),
            renewed_on=_day(item.get("renewed_on")),
            expires_on=None if certification else _day(item.get("expires_on")),
        )
    return by_name


def import_settings(user, settings: dict[str, Any]) -> None:
    if settings.get("weekly_digest"):
        ReminderPreference.objects.create(
            user=user,
            weekly_digest=True,
            last_digest_on=_day(settings.get("last_digest_on")),
        )
