"""System checks for what `check --deploy` should say about this site's own settings."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=True)
def shared_cache_for_rate_limits(app_configs, **kwargs) -> list[Warning]:
    if settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
        return []
    return [
        Warning(
            "Rate limits are counted in each process's memory, so several app server "
            "processes each allow the full rate.",
            hint="Set REDIS_URL to a Redis server the app servers share.",
            id="certguide.W001",
        )
    ]
