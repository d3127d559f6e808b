from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from certguide import backups


class Command(BaseCommand):
    help = (
        "Write a consistent, timestamped copy of the database (SQLite's online backup, "
        "or pg_dump's custom format on PostgreSQL) into a directory."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--directory",
            type=Path,
            default=Path("backups"),
            help="Where to write the backup (default: backups/).",
        )

    def handle(self, *args, directory: Path, **options):
        connection = connections[DEFAULT_DB_ALIAS]
        try:
            path = backups.backup(connection, directory)
        except backups.BackupError as error:
            raise CommandError(str(error)) from None
        tables = backups.table_digests(connection)
        rows = sum(digest.rows for digest in tables.values())
        size_kib = path.stat().st_size / 1024
        self.stdout.write(
            f"Backed up {backups.database_name(connection)} ({len(tables)} tables, {rows} rows) "
            f"to {path} ({size_kib:.0f} KiB)."
        )
