from django.core.management.base import BaseCommand
from django.utils import timezone

from certguide.housekeeping import DEFAULT_DAYS, clean_up


class Command(BaseCommand):
    help = (
        "Remove unfinished anonymous attempts and unconfirmed sign-ups older than --days, "
        "expired sessions and expired sign-in failure records."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=DEFAULT_DAYS)

    def handle(self, *args, days: int, **options):
        if days < 1:
            self.stderr.write("--days must be at least 1.")
            raise SystemExit(2)
        self.stdout.write(clean_up(timezone.now(), days).line())
