from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "assessments"

    def ready(self):
        from certguide.lib import curated

        curated.watch([self.get_model("Question"), self.get_model("Choice")])
