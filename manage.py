#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "certguide.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 -- load the settings now to report a bad one plainly
    except ImproperlyConfigured as error:
        sys.exit(f"certguide cannot start: {error}")
    execute_from_command_line(sys.argv)
