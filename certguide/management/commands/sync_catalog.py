from django.core.management.base import BaseCommand

from catalog.sync import CATALOG_FILE, load_file, sync_catalog


class Command(BaseCommand):
    help = "Load the curated catalog and question bank from their data files (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--prune",
            action="store_true",
            help="Also remove rows that are in the database but no longer in the files.",
        )

    def handle(self, *args, prune: bool = False, **options):
        report = sync_catalog(load_file(CATALOG_FILE), prune=prune)
        for line in report.lines():
            self.stdout.write(line)
