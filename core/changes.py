"""Rows written in bulk, told to whoever keeps something made from them.

Django sends post_save and post_delete for a row saved or deleted one at a time (and
QuerySet.delete() sends post_delete for each row when anyone listens), but QuerySet.update(),
bulk_create() and bulk_update() send nothing. A model whose rows feed a cached count (the
dashboard's "needs attention" cards, targets.dashboards.attention) takes `ChangeSignallingQuerySet`
as its manager's queryset, so those writes send `rows_changed` (sender: the model) as well.
"""

from django.db import models
from django.dispatch import Signal

# Sent after QuerySet.update() changed rows, and after bulk_create() or bulk_update() wrote some;
# sender is the model. No instance: listeners learn only that some rows of the model changed.
rows_changed = Signal()


class ChangeSignallingQuerySet(models.QuerySet):
    """A queryset whose bulk writes send `rows_changed`."""

    def update(self, **kwargs) -> int:
        rows = super().update(**kwargs)
        if rows:
            rows_changed.send(sender=self.model)
        return rows

    update.alters_data = True

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        if created:
            rows_changed.send(sender=self.model)
        return created

    bulk_create.alters_data = True

    def bulk_update(self, objs, fields, batch_size=None) -> int:
        rows = super().bulk_update(objs, fields, batch_size=batch_size)
        if rows:
            rows_changed.send(sender=self.model)
        return rows

    bulk_update.alters_data = True
