from django.apps import AppConfig


class CertguideConfig(AppConfig):
    name = "certguide"
    verbose_name = "certguide"
