from django.core.management.base import BaseCommand
from django.utils import timezone

from catalog.curation import curation_report
from catalog.models import Certification


class Command(BaseCommand):
    help = (
        "List the published certifications that are stale, unsourced or sourced only from "
        "secondary sites: a curator's weekly round."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", help="Include unpublished certifications too."
        )

    def handle(self, *args, all: bool = False, **options):
        certifications = Certification.objects.prefetch_related("fact_sources")
        if not all:
            certifications = certifications.filter(published=True)
        report = curation_report(certifications, timezone.localdate())
        for line in report.lines():
            self.stdout.write(line)
