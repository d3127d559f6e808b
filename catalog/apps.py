from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "catalog"

    def ready(self):
        from certguide.lib import curated

        curated.watch(self.get_models())
