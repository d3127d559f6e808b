from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from certguide import backups


class Command(BaseCommand):
    help = (
        "Load a backup written by backup_database into the database. Refuses a database that "
        "already has tables unless --replace is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The backup file to load.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Overwrite a database that already has tables with the backup's contents.",
        )

    def handle(self, *args, file: Path, replace: bool = False, **options):
        try:
            restored = backups.restore(file, connections[DEFAULT_DB_ALIAS], replace=replace)
        except backups.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(restored.summary())
