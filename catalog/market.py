"""The market and salary reference (catalog/data/market.json): cloud market shares and US
wages, each figure with its source and the date it was checked. Read by the guides.

`load_market` checks the file as it reads it, so a figure without its source, a share that
does not add up, or a guessed number written as text stops with the figure named."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

MARKET_FILE = Path(__file__).resolve().parent / "data" / "market.json"
SOURCE_KINDS = ("vendor", "secondary", "analyst", "government")
PERCENTILES = ("p10_usd", "p25_usd", "median_usd", "p75_usd", "p90_usd")


class InvalidMarketData(ValueError):
    pass


@dataclass(frozen=True)
class Share:
    provider: str
    name: str
    percent: float


@dataclass(frozen=True)
class CloudMarketShare:
    period: str
    source_name: str
    source_url: str
    source_kind: str
    checked_on: date
    shares: tuple[Share, ...]
    caveat: str = ""


@dataclass(frozen=True)
class Wage:
    occupation: str
    soc_code: str
    period: str
    median_usd: int | None
    p10_usd: int | None
    p25_usd: int | None
    p75_usd: int | None
    p90_usd: int | None
    area: str
    source_name: str
    source_url: str
    checked_on: date
    caveat: str = ""


@dataclass(frozen=True)
class Market:
    cloud_market_share: CloudMarketShare | None
    wages: tuple[Wage, ...]


def _source(row: dict, where: str) -> tuple[str, date]:
    url = row.get("source_url") or ""
    if not url.startswith("https://"):
        raise InvalidMarketData(f"{where}: give the https:// address of its source.")
    try:
        checked = date.fromisoformat(row["checked_on"])
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidMarketData(f"{where}: give the date it was checked (YYYY-MM-DD).") from error
    return url, checked


def _amount(row: dict, name: str, where: str) -> int | None:
    value = row.get(name)
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise InvalidMarketData(f"{where}: {name} must be a whole number of dollars or null.")
    return value


def parse_market(data: dict) -> Market:
    share = None
    if data.get("cloud_market_share"):
        row = data["cloud_market_share"]
        url, checked = _source(row, "cloud market share")
        if row.get("source_kind") not in SOURCE_KINDS:
            raise InvalidMarketData(f"cloud market share: source_kind is one of {SOURCE_KINDS}.")
        shares = tuple(
            Share(provider=s["provider"], name=s["name"], percent=s["percent"])
            for s in row["shares"]
        )
        total = sum(s.percent for s in shares)
        if any(s.percent < 0 for s in shares) or total > 100:
            raise InvalidMarketData(f"cloud market share: the shares add up to {total}%.")
        share = CloudMarketShare(
            period=row["period"],
            source_name=row["source_name"],
            source_url=url,
            source_kind=row["source_kind"],
            checked_on=checked,
            shares=shares,
            caveat=row.get("caveat", ""),
        )
    wages = []
    for row in data.get("wages", []):
        where = f"wage of {row.get('occupation', '?')}"
        url, checked = _source(row, where)
        amounts = {name: _amount(row, name, where) for name in PERCENTILES}
        ordered = [amounts[name] for name in PERCENTILES if amounts[name] is not None]
        if ordered != sorted(ordered):
            raise InvalidMarketData(f"{where}: the percentiles and the median are out of order.")
        wages.append(
            Wage(
                occupation=row["occupation"],
                soc_code=row["soc_code"],
                period=row["period"],
                area=row["area"],
                source_name=row["source_name"],
                source_url=url,
                checked_on=checked,
                caveat=row.get("caveat", ""),
                **amounts,
            )
        )
    return Market(cloud_market_share=share, wages=tuple(wages))


def load_market(path: Path = MARKET_FILE) -> Market:
    return parse_market(json.loads(path.read_text(encoding="utf-8")))
