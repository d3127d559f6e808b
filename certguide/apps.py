from django.apps import AppConfig


class CertguideConfig(AppConfig):
    name = "certguide"
    verbose_name = "certguide"

    def ready(self) -> None:
        from certguide import checks  # noqa: F401  (registers the system checks)
