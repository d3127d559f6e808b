from django.core.management.base import BaseCommand, CommandError

from assessments import sync as question_sync
from catalog import sync as catalog_sync


class Command(BaseCommand):
    help = (
        "Load the curated catalog and question bank from their data files (idempotent). "
        "Keeps edits made in the admin since the last sync and reports them, and any conflict "
        "with the file, unless --overwrite. Prints a summary; -v 2 lists every row created, "
        "updated or removed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--prune",
            action="store_true",
            help="Also remove certifications and questions that are no longer in the files.",
        )
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Make the catalog match the file, discarding admin edits not yet exported.",
        )

    def handle(self, *args, prune: bool = False, overwrite: bool = False, **options):
        try:
            report = catalog_sync.sync_catalog(
                catalog_sync.load_file(), prune=prune, overwrite=overwrite
            )
        except catalog_sync.InvalidCatalog as error:
            raise CommandError(f"Nothing was changed: {error}") from error
        report.extend(question_sync.sync_questions(question_sync.load_file(), prune=prune))
        for line in report.lines(detailed=options["verbosity"] >= 2):
            self.stdout.write(line)
