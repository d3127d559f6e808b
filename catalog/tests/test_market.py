"""The market and salary reference: every figure has its source and date, and adds up."""

from __future__ import annotations

import copy

import pytest

from catalog.market import InvalidMarketData, load_market, parse_market

VALID = {
    "cloud_market_share": {
        "period": "Q3 2026",
        "source_name": "An analyst",
        "source_url": "https://example.com/share",
        "source_kind": "analyst",
        "checked_on": "2026-12-02",
        "shares": [
            {"provider": "aws", "name": "AWS", "percent": 29},
            {"provider": "azure", "name": "Microsoft Azure", "percent": 22},
        ],
    },
    "wages": [
        {
            "occupation": "Data scientists",
            "soc_code": "15-2051",
            "period": "May 2025",
            "median_usd": 112590,
            "p10_usd": 63650,
            "p90_usd": None,
            "area": "United States",
            "source_name": "BLS OEWS",
            "source_url": "https://www.bls.gov/oes/",
            "checked_on": "2026-12-02",
            "caveat": "",
        }
    ],
}


def broken(change) -> dict:
    data = copy.deepcopy(VALID)
    change(data)
    return data


def test_a_valid_file_reads_as_typed_figures():
    market = parse_market(VALID)

    assert [s.name for s in market.cloud_market_share.shares] == ["AWS", "Microsoft Azure"]
    assert market.cloud_market_share.checked_on.isoformat() == "2026-12-02"
    (wage,) = market.wages
    assert (wage.median_usd, wage.p90_usd) == (112590, None)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["wages"][0].update(source_url=""),
            "wage of Data scientists: give the https:// address of its source.",
        ),
        (
            lambda d: d["wages"][0].update(median_usd="about 110k"),
            "wage of Data scientists: median_usd must be a whole number of dollars or null.",
        ),
        (
            lambda d: d["wages"][0].update(p10_usd=200000),
            "wage of Data scientists: the percentiles and the median are out of order.",
        ),
        (
            lambda d: d["cloud_market_share"]["shares"][0].update(percent=90),
            "cloud market share: the shares add up to 112%.",
        ),
        (
            lambda d: d["cloud_market_share"].update(checked_on="last week"),
            "cloud market share: give the date it was checked (YYYY-MM-DD).",
        ),
    ],
    ids=["no-source", "text-figure", "out-of-order", "over-100", "no-date"],
)
def test_a_figure_that_cannot_be_right_is_refused_with_its_name(change, message):
    with pytest.raises(InvalidMarketData) as error:
        parse_market(broken(change))

    assert str(error.value) == message


def test_the_projects_market_file_reads_and_was_checked_in_2026():
    market = load_market()

    dates = [w.checked_on for w in market.wages]
    if market.cloud_market_share:
        dates.append(market.cloud_market_share.checked_on)
    assert dates, "the file holds no figures"
    assert all(d.year == 2026 for d in dates)
