"""Re-estimate the knowledge checks' parameters from stored answers (assessments.calibration)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from assessments import calibration


class Command(BaseCommand):
    help = (
        "Re-estimate each knowledge check's difficulty and discrimination from finished "
        "attempts, once it has enough answers, and report the checks that misfit."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--min-responses",
            type=int,
            default=calibration.MIN_RESPONSES,
            help="Answers a check needs before it is recalibrated "
            f"(default {calibration.MIN_RESPONSES}).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Report without saving.")

    def handle(self, *args, min_responses: int, dry_run: bool, **options):
        report = calibration.calibrate(min_responses=max(1, min_responses), dry_run=dry_run)
        self.stdout.write(f"{'check':<56} {'answers':>7} {'expert b':>8} {'b':>6} {'a':>6}  note")
        for fit in report.fits:
            b = "—" if fit.difficulty is None else f"{fit.difficulty:.2f}"
            a = "—" if fit.discrimination is None else f"{fit.discrimination:.2f}"
            note = fit.misfit or (
                "recalibrated" if fit.updated else f"fewer than {min_responses} answers"
            )
            figures = f"{fit.responses:>7} {fit.expert_difficulty:>8.2f} {b:>6} {a:>6}"
            self.stdout.write(f"{fit.key:<56} {figures}  {note}")
        for skill in report.skipped_skills:
            self.stdout.write(f"{skill}: the fit did not converge; nothing changed.")
        verb = "would be" if dry_run else "were"
        self.stdout.write(
            f"{len(report.updated)} check(s) {verb} recalibrated; {len(report.misfits)} misfit(s)."
        )
