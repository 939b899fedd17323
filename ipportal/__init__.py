"""The ground floor: settings, root URLs, the Celery app, roles and access mixins, navigation,
audit trail, uploads and exports helpers, messages stored as codes (`coded`), site-wide views.
It imports no domain app (the root URLs excepted, which wire the apps together)."""

from .celery import app as celery_app

__all__ = ("celery_app",)
