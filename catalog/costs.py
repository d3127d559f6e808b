"""What a certification costs to hold for three years: the exam fee plus the renewals its rule
asks for in that time, as a plain function over the typed renewal rule.

It lives in the catalog because the catalog's own pages show it and the catalog depends on no
other app; the credentials app reads it from here.

The rules, stated once:

- The credential is earned on day one and must stay valid through the next 36 months. A renewal
  is due at each expiry that falls inside those months: after `validity_months`, then after
  every `months_added` (the renewal's own extension, or else the validity). A validity of
  exactly 36 months therefore needs no renewal within three years.
- One renewal costs the rule's `cost_usd`. A re-take whose renewal cost is not published costs
  the exam's fee, since it is the same exam sat again. Any other unpublished figure (the fee,
  the validity, a renewal's cost) makes the total "not published": it is never guessed.
- The effort in hours is added only where the rule publishes it.
- Fees are in US dollars (the catalog's `cost_usd`); a fee that varies says so in its note.
"""

from __future__ import annotations

from dataclasses import dataclass

from catalog.models import RenewalKind, RenewalRule

HORIZON_MONTHS = 36
NOT_PUBLISHED = "not published"


@dataclass(frozen=True)
class ThreeYearCost:
    total_usd: int | None  # None: not published
    renewals: int | None  # renewals due within three years; None when the rule does not say
    renewal_hours: int | None  # hours of renewal work within three years, where published
    text: str

    @property
    def is_known(self) -> bool:
        return self.total_usd is not None

    @property
    def total_text(self) -> str:
        """The total alone, for a card: "US$400", "Free" or "not published"."""
        if self.total_usd is None:
            return NOT_PUBLISHED
        return money(self.total_usd).capitalize() if self.total_usd == 0 else money(self.total_usd)


def money(usd: int) -> str:
    return "free" if usd == 0 else f"US${usd:,}"


def _period(months: int) -> str:
    if months == 12:
        return "yearly"
    if months % 12 == 0:
        return f"every {months // 12} years"
    return "every month" if months == 1 else f"every {months} months"


def _term(months: int) -> str:
    if months % 12 == 0:
        years = months // 12
        return "1 year" if years == 1 else f"{years} years"
    return "1 month" if months == 1 else f"{months} months"


def renewals_within(validity_months: int, months_added: int, horizon: int = HORIZON_MONTHS) -> int:
    """How many expiries fall strictly inside the horizon: each one needs a renewal."""
    if validity_months <= 0 or months_added <= 0:
        raise ValueError("A validity and a renewal must add at least a month.")
    count, expiry = 0, validity_months
    while expiry < horizon:
        count += 1
        expiry += months_added
    return count


def _fee_now(fee_usd: int | None) -> str:
    if fee_usd is None:
        return "Exam fee not published"
    return "Free to sit" if fee_usd == 0 else f"{money(fee_usd)} now"


def three_year_cost(rule: RenewalRule, fee_usd: int | None) -> ThreeYearCost:
    """The exam fee and the renewals over three years, with one line that says how."""
    kind = rule.kind
    if kind == RenewalKind.UNKNOWN:
        return ThreeYearCost(None, None, None, "Not published: the renewal rule is not known.")
    if kind == RenewalKind.NO_EXPIRY:
        if fee_usd is None:
            return ThreeYearCost(None, 0, None, "Exam fee not published; it does not expire.")
        return ThreeYearCost(
            fee_usd, 0, None, f"{_fee_now(fee_usd)}, never expires: {_total(fee_usd)}."
        )
    validity = rule.validity_months
    if kind == RenewalKind.FIXED_TERM:
        if validity is None:
            lasting = "valid for a term not published, with no renewal"
        elif validity >= HORIZON_MONTHS:
            lasting = f"valid {_term(validity)}"
        else:
            lasting = f"valid {_term(validity)} only, with no renewal"
        if fee_usd is None:
            return ThreeYearCost(None, 0, None, f"Exam fee not published; {lasting}.")
        return ThreeYearCost(
            fee_usd, 0, None, f"{_fee_now(fee_usd)}, {lasting}: {_total(fee_usd)}."
        )

    # A rule with a way to renew.
    if validity is None:
        return ThreeYearCost(
            None, None, None, f"{_fee_now(fee_usd)}; how long it stays valid is not published."
        )
    months_added = rule.months_added or validity
    renewals = renewals_within(validity, months_added)
    hours = rule.effort_hours * renewals if rule.effort_hours is not None else None
    if renewals == 0:
        if fee_usd is None:
            return ThreeYearCost(None, 0, 0, f"Exam fee not published; valid {_term(validity)}.")
        return ThreeYearCost(
            fee_usd, 0, 0, f"{_fee_now(fee_usd)}, valid {_term(validity)}: {_total(fee_usd)}."
        )
    renewal_cost = rule.cost_usd
    if renewal_cost is None and kind == RenewalKind.RETAKE:
        renewal_cost = fee_usd
    how = _how(rule, months_added, renewal_cost, fee_usd)
    effort = f" (about {hours} h of renewal work)" if hours else ""
    if fee_usd is None or renewal_cost is None:
        return ThreeYearCost(None, renewals, hours, f"{_fee_now(fee_usd)}, {how}{effort}.")
    total = fee_usd + renewals * renewal_cost
    return ThreeYearCost(
        total, renewals, hours, f"{_fee_now(fee_usd)}, {how}{effort}: {_total(total)}."
    )


def _total(total: int) -> str:
    return "free over 3 years" if total == 0 else f"{money(total)} over 3 years"


def _how(rule: RenewalRule, months_added: int, renewal_cost: int | None, fee: int | None) -> str:
    period = _period(months_added)
    if rule.kind == RenewalKind.RETAKE:
        what = f"re-take {period}"
        if renewal_cost is None:
            return f"{what} at a fee not published"
        return what if renewal_cost == fee else f"{what} at {money(renewal_cost)}"
    if rule.kind == RenewalKind.ONLINE_ASSESSMENT:
        if renewal_cost == 0:
            return f"free renewal {period}"
        if renewal_cost is None:
            return f"online renewal {period} at a cost not published"
        return f"online renewal {period} at {money(renewal_cost)}"
    credits = f"{rule.credits} continuing-education credits" if rule.credits else None
    what = f"{credits or 'continuing education'} {period}"
    if renewal_cost is None:
        return f"{what} at a cost not published"
    return f"{what}, free" if renewal_cost == 0 else f"{what} at {money(renewal_cost)}"
