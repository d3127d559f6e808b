import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from certguide.account_data import ImportRefused, import_account


class Command(BaseCommand):
    help = "Create a new account from a 'download my data' file (attempts and plans)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The JSON file the person downloaded.")
        parser.add_argument("--email", required=True, help="The new account's email address.")

    def handle(self, *args, file: Path, email: str, **options):
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
            report = import_account(data, email)
        except (OSError, ValueError, KeyError, ImportRefused) as error:
            raise CommandError(f"Nothing imported: {error}") from error
        self.stdout.write(
            f"Created {report.user.email} with {report.attempts} attempts and "
            f"{report.plans - report.skipped_plans} of {report.plans} plans "
            f"({report.skipped_answers} answers skipped: question or choice no longer exists). "
            "The account has no password yet: its owner sets one with 'Forgot your password?'."
        )
