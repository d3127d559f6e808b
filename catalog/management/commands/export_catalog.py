import json
from pathlib import Path

from django.core.management.base import BaseCommand

from catalog.sync import export_catalog


class Command(BaseCommand):
    help = "Write the catalog in the database to the curated file's JSON format."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", type=Path, help="File to write; standard output if omitted."
        )

    def handle(self, *args, output: Path | None = None, **options):
        text = json.dumps(export_catalog(), indent=2, ensure_ascii=False) + "\n"
        if output is None:
            self.stdout.write(text, ending="")
        else:
            output.write_text(text, encoding="utf-8")
            self.stdout.write(f"Wrote {output}")
