"""What records of many kinds share in the database: who may read park-level records, and the
fields that say whether an official list or an official has confirmed a declared record."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ipportal.roles import sees_all_park_data


class ParkRecordQuerySet(models.QuerySet):
    """Records about the park as a whole (events, cases, platforms, …), not about one enterprise."""

    def for_user(self, user):
        """Officials and API clients read them; nobody else (an empty queryset)."""
        return self if sees_all_park_data(user) else self.none()


def reconciliation_fields() -> tuple[models.BooleanField, models.ForeignKey, models.DateTimeField]:
    """(reconciled, reconciled_by, reconciled_at), for a model's class body:

        reconciled, reconciled_by, reconciled_at = reconciliation_fields()

    A function rather than an abstract model so that the fields keep their place among the
    model's own (the API and the pages list fields in declaration order). A record that so far
    only an enterprise filing declares is not reconciled and stays out of the indicators and
    claims until an import of the same number, or an official, confirms it (enterprises.reconciliation).
    """
    return (
        models.BooleanField(
            _("reconciled"),
            default=True,
            help_text=_(
                "False for a record that so far only an enterprise filing declares; an import of the same number, "
                "or an official, reconciles it (enterprises.reconciliation)."
            ),
        ),
        models.ForeignKey(
            settings.AUTH_USER_MODEL,
            on_delete=models.SET_NULL,
            null=True,
            blank=True,
            related_name="+",
            verbose_name=_("reconciled by (official)"),
        ),
        models.DateTimeField(_("reconciled by an official at"), null=True, blank=True),
    )
