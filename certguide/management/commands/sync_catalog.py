from django.core.management.base import BaseCommand

from assessments import sync as question_sync
from catalog import sync as catalog_sync


class Command(BaseCommand):
    help = (
        "Load the curated catalog and question bank from their data files (idempotent). "
        "Prints a summary; -v 2 lists every row created, updated or removed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--prune",
            action="store_true",
            help="Also remove rows that are in the database but no longer in the files.",
        )

    def handle(self, *args, prune: bool = False, **options):
        report = catalog_sync.sync_catalog(catalog_sync.load_file(), prune=prune)
        report.extend(question_sync.sync_questions(question_sync.load_file(), prune=prune))
        for line in report.lines(detailed=options["verbosity"] >= 2):
            self.stdout.write(line)
