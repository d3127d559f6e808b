"""Time the recommendation engine for one results page at 20 and 200 certifications.

    .venv/bin/python scripts/results_timing.py

Builds synthetic certifications shaped like the catalog's (four domains, six required skills
each) and one person's skill levels, then times `recommend` plus `ranking_changes`, which is
what a results page computes; no database. Prints the median of several runs per size and the
ratio, which stays near the ratio of the sizes when the cost grows linearly.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assessments import scoring

SKILLS = [f"skill-{n}" for n in range(14)]
LEVELS = ("foundational", "associate", "professional", "specialty")
PLATFORMS = ("gcp", "aws", "azure", "databricks", "neutral")
RUNS = 15


def certifications(count: int, rng: random.Random) -> list[scoring.CertProfile]:
    certs = []
    for n in range(count):
        required = rng.sample(SKILLS, 6)
        certs.append(
            scoring.CertProfile(
                slug=f"cert-{n}",
                name=f"Certification {n}",
                level=rng.choice(LEVELS),
                platform=rng.choice(PLATFORMS),
                focus="mixed",
                is_current=True,
                successor_slugs=(),
                recommended_years=rng.choice((None, 1, 2)),
                required_levels={skill: rng.randint(2, 4) for skill in required},
                domains=tuple(
                    scoring.DomainShare(f"Domain {d}", rng.choice((0, 15, 25, 35)), tuple(part))
                    for d, part in enumerate((required[:2], required[2:4], required[4:], ()))
                ),
            )
        )
    return certs


def person(rng: random.Random) -> dict[str, scoring.SkillScore]:
    scores = {}
    for skill in SKILLS:
        level = rng.uniform(1, 5)
        scores[skill] = scoring.SkillScore(
            skill, scoring.level_points(level), None, 0, 0, "", level=level, se=0.5
        )
    return scores


def time_results(count: int) -> float:
    rng = random.Random(count)
    certs = certifications(count, rng)
    scores = person(rng)
    context = scoring.Context(cloud="aws", ml_years=2)
    names = {skill: skill for skill in SKILLS}
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        ranked = scoring.recommend(scores, context, certs, names)
        scoring.ranking_changes(ranked, scores, context, names)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def main() -> None:
    small, large = time_results(20), time_results(200)
    print(f"20 certifications:  {small:7.1f} ms per results computation (median of {RUNS})")
    print(f"200 certifications: {large:7.1f} ms per results computation (median of {RUNS})")
    print(f"ratio: {large / small:.1f} for 10 times the certifications")


if __name__ == "__main__":
    main()
