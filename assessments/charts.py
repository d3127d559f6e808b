"""Geometry for the server-rendered skill-profile chart (an SVG of horizontal bars)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from assessments.scoring import SkillScore

ROW_HEIGHT = 28
LABEL_WIDTH = 250
BAR_WIDTH = 360


@dataclass(frozen=True)
class Bar:
    label: str
    score: int | None
    y: int
    width: int

    @property
    def text(self) -> str:
        return "not assessed" if self.score is None else f"{self.score}/100"


@dataclass(frozen=True)
class Chart:
    bars: tuple[Bar, ...]
    height: int
    label_width: int = LABEL_WIDTH
    bar_width: int = BAR_WIDTH

    @property
    def width(self) -> int:
        return self.label_width + self.bar_width + 110

    @property
    def value_x(self) -> int:
        return self.label_width + self.bar_width + 8


def skill_chart(scores: Mapping[str, SkillScore], skill_names: Mapping[str, str]) -> Chart:
    bars = []
    for row, (slug, name) in enumerate(skill_names.items()):
        score = scores[slug].score if slug in scores else None
        bars.append(Bar(name, score, row * ROW_HEIGHT, round((score or 0) * BAR_WIDTH / 100)))
    return Chart(tuple(bars), height=len(bars) * ROW_HEIGHT)
