"""Print how close the adaptive test's levels come to synthetic people's true levels."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from assessments import adaptive, services, simulation


class Command(BaseCommand):
    help = (
        "Run the adaptive test on synthetic people with known levels (answers drawn from the "
        "model) and print how often its estimate is within half a level of the truth."
    )

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, people: int, seed: int, **options):
        if people < 1:
            raise CommandError("--people must be at least 1.")
        questions = services.active_questions()
        bank = services.check_bank(questions)
        if not bank:
            raise CommandError("The question bank has no knowledge checks: run sync_catalog.")
        self.stdout.write(
            f"{people} synthetic people per line, true levels uniform on 1-5, self-ratings off "
            f"by a normal error of {simulation.SELF_RATING_ERROR} levels; seed {seed}.\n"
            f"Model: 2PL, discrimination {adaptive.DEFAULT_DISCRIMINATION} unless calibrated; "
            f"a skill stops at ± {adaptive.TARGET_SE} or {adaptive.MAX_CHECKS_PER_SKILL} checks."
        )
        self.stdout.write("\nEach skill tested on its own (up to its own limit of checks):")
        for skill, items in bank.items():
            figures = simulation.simulate(
                {skill: items}, adaptive.MAX_CHECKS_PER_SKILL, people=people, seed=seed
            )
            self.stdout.write(f"  {skill:<24} {len(items):>2} checks  {figures.describe()}")
        allowed = services.checks_allowed(questions)
        whole = simulation.simulate(bank, allowed, people=people, seed=seed)
        self.stdout.write(
            f"\nThe whole assessment ({len(bank)} skills, at most {allowed} checks beside "
            f"{adaptive.MAX_QUESTIONS - allowed} other questions), per person and skill:\n"
            f"  {whole.describe()}"
        )
