"""
Values built from the curated content (the catalog and the question bank), built once per
process for each version of that content instead of on every request.

The version is a random token in the ``content`` cache, which every process of the site shares:
Redis when ``REDIS_URL`` is set, otherwise files on this machine. Any change to a curated row
deletes the token, so the next request anywhere builds afresh. It is deleted at once, so the
change is seen on the very next request, and again when the change's transaction commits, so
that a value another process built from the rows as they were before the commit is never used.

Django sends no signal for ``QuerySet.update()``, ``bulk_create()`` or ``bulk_update()``, so every
watched model's default manager is a `CuratedQuerySet`, whose bulk writes report the change too
(`watch()` refuses a model without one). Migrations and restored backups change rows beneath the
ORM: both call `content_changed()` when they finish.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from typing import Any
from uuid import uuid4

from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

CACHE_ALIAS = "content"
VERSION_KEY = "curated-content-version"

_lock = threading.Lock()
_built: dict[str, Any] = {}
_built_for_version = ""


def current_version() -> str:
    cache = caches[CACHE_ALIAS]
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid4().hex
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY, version)
    return version


def content_changed() -> None:
    """Forget every value built from the curated content, in every process."""
    caches[CACHE_ALIAS].delete(VERSION_KEY)
    transaction.on_commit(lambda: caches[CACHE_ALIAS].delete(VERSION_KEY))


def built[T](name: str, build: Callable[[], T]) -> T:
    """The value `build()` returns for the current version of the curated content.

    The value is shared by every request this process serves: treat it as read-only.
    """
    global _built_for_version
    version = current_version()
    with _lock:
        if _built_for_version != version:
            _built.clear()
            _built_for_version = version
        if name in _built:
            return _built[name]
    value = build()
    with _lock:
        if _built_for_version == version:
            _built[name] = value
    return value


def built_for[T](name: str, key: Hashable, build: Callable[[], T], *, keep: int = 100) -> T:
    """The value `build()` returns for `key` and the current version of the curated content, for
    values that depend on both (a finished assessment's results). This process keeps the
    `keep` most recently used, a bound on its memory (an assessment's results hold a line for
    every certification); treat them as read-only."""
    kept: OrderedDict[Hashable, T] = built(name, OrderedDict)
    with _lock:
        if key in kept:
            kept.move_to_end(key)
            return kept[key]
    value = build()
    with _lock:
        kept[key] = value
        while len(kept) > keep:
            kept.popitem(last=False)
    return value


class CuratedQuerySet(models.QuerySet):
    """A queryset whose bulk writes, which send no signals, still count as content changes."""

    def update(self, **kwargs) -> int:
        content_changed()
        return super().update(**kwargs)

    def bulk_create(self, objs, *args, **kwargs):
        content_changed()
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs, fields, *args, **kwargs) -> int:
        content_changed()
        return super().bulk_update(objs, fields, *args, **kwargs)


def _on_change(sender, **kwargs) -> None:
    content_changed()


def watch(content_models: Iterable[type[models.Model]]) -> None:
    """Treat every save and delete of these models, and of their many-to-many links, as a
    change of the curated content, and so is every migration run."""
    post_migrate.connect(_on_change, dispatch_uid="curated-migrate")
    for model in content_models:
        if not isinstance(model._default_manager.all(), CuratedQuerySet):
            raise ImproperlyConfigured(
                f"{model._meta.label} is curated content: its default manager must use "
                "certguide.lib.curated.CuratedQuerySet, or its bulk updates would go unseen."
            )
        post_save.connect(_on_change, sender=model, dispatch_uid=f"curated-save-{model}")
        post_delete.connect(_on_change, sender=model, dispatch_uid=f"curated-delete-{model}")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                _on_change,
                sender=field.remote_field.through,
                dispatch_uid=f"curated-links-{model}-{field.name}",
            )
