"""Geometry for the server-rendered skill-profile chart (an SVG of horizontal bars).

Each skill's name sits above its bar, so the chart stays narrow enough to read on a phone
without cropping or shrinking the text to nothing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from assessments.scoring import SkillScore

ROW_HEIGHT = 44
LABEL_HEIGHT = 18  # the name's line above the bar
BAR_WIDTH = 300
MAX_LEVEL = 5


@dataclass(frozen=True)
class Bar:
    label: str
    level: float | None
    se: float | None
    y: int
    width: int
    low_x: int = 0  # the uncertainty whisker: level - se to level + se
    high_x: int = 0

    @property
    def text(self) -> str:
        return "not assessed" if self.level is None else f"{self.level:.1f} ± {self.se:.1f}"


@dataclass(frozen=True)
class Chart:
    bars: tuple[Bar, ...]
    height: int
    bar_width: int = BAR_WIDTH
    label_height: int = LABEL_HEIGHT

    @property
    def width(self) -> int:
        return self.bar_width + 90

    @property
    def value_x(self) -> int:
        return self.bar_width + 8


def _x(level: float) -> int:
    """Pixels from the bar's start for a level on the 0-5 axis."""
    return round(min(max(level, 0), MAX_LEVEL) * BAR_WIDTH / MAX_LEVEL)


def skill_chart(scores: Mapping[str, SkillScore], skill_names: Mapping[str, str]) -> Chart:
    bars = []
    for row, (slug, name) in enumerate(skill_names.items()):
        score = scores.get(slug)
        if score is None or score.level is None:
            bars.append(Bar(name, None, None, row * ROW_HEIGHT, 0))
            continue
        bars.append(
            Bar(
                name,
                score.level,
                score.se,
                row * ROW_HEIGHT,
                _x(score.level),
                low_x=_x(score.level - score.se),
                high_x=_x(score.level + score.se),
            )
        )
    return Chart(tuple(bars), height=len(bars) * ROW_HEIGHT)
