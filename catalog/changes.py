"""What a change to a certification means to a reader of "What changed in the catalog".

`describe` is a plain function over the facts before and after an edit (the curated file's
names and values); the admin and sync call it where they make the change, and `record` writes
its entries. Only published certifications make news.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from catalog.models import CatalogChange, Certification, ChangeKind, Status

FACTS = ("name", "exam_code", "status", "status_date", "cost_usd", "published")


@dataclass(frozen=True)
class Entry:
    kind: str
    text: str


def facts_of(item: Mapping[str, Any]) -> dict[str, Any]:
    """The facts `describe` reads, from a row in the file's format (dates as ISO strings)."""
    facts = {name: item[name] for name in FACTS}
    if isinstance(facts["status_date"], str):
        facts["status_date"] = date.fromisoformat(facts["status_date"])
    return facts


def facts_of_certification(certification: Certification) -> dict[str, Any]:
    return {name: getattr(certification, name) for name in FACTS}


def _day(value: date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else "a date not yet published"


def _fee(cost: int | None) -> str:
    return "free" if cost == 0 else f"US${cost}"


def describe(before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> list[Entry]:
    if not after["published"]:
        return []
    name = after["name"] + (f" ({after['exam_code']})" if after["exam_code"] else "")
    if before is None or not before["published"]:
        text = f"{name} added to the catalog"
        if after["status"] == Status.BETA:
            text += ", in beta"
        return [Entry(ChangeKind.NEW_EXAM, text + ".")]
    entries = []
    status, status_date = after["status"], after["status_date"]
    if status != before["status"]:
        if status == Status.RETIRED:
            entries.append(Entry(ChangeKind.RETIREMENT, f"{name} retired on {_day(status_date)}."))
        elif status == Status.RETIRING:
            entries.append(Entry(ChangeKind.RETIREMENT, f"{name} retires on {_day(status_date)}."))
        elif status == Status.BETA:
            entries.append(Entry(ChangeKind.STATUS, f"{name} is now in beta."))
        elif before["status"] == Status.BETA:
            entries.append(
                Entry(ChangeKind.STATUS, f"{name} is out of beta and generally available.")
            )
        else:
            entries.append(Entry(ChangeKind.STATUS, f"{name} is active again, no longer retiring."))
    elif status in (Status.RETIRING, Status.RETIRED) and status_date != before["status_date"]:
        entries.append(
            Entry(ChangeKind.RETIREMENT, f"{name}: retirement date now {_day(status_date)}.")
        )
    old_fee, new_fee = before["cost_usd"], after["cost_usd"]
    if old_fee != new_fee:
        if old_fee is None:
            text = f"{name}: fee published, {_fee(new_fee)}."
        elif new_fee is None:
            text = f"{name}: the fee of {_fee(old_fee)} is no longer published."
        else:
            text = f"{name}: fee changed from {_fee(old_fee)} to {_fee(new_fee)}."
        entries.append(Entry(ChangeKind.FEE, text))
    return entries


def record(certification: Certification, entries: Iterable[Entry]) -> None:
    CatalogChange.objects.bulk_create(
        CatalogChange(
            certification=certification,
            certification_name=certification.name,
            kind=entry.kind,
            text=entry.text,
        )
        for entry in entries
    )
