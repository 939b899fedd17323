"""What every IP record held by someone shares: holder as given, matched park enterprise."""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.records.models import reconciliation_fields
from ipportal.roles import enterprise_of, sees_all_park_data


class HeldRecordQuerySet(models.QuerySet):
    def for_user(self, user):
        """Officials and API clients see all records; an enterprise user its enterprise's only."""
        if sees_all_park_data(user):
            return self
        enterprise = enterprise_of(user)
        if enterprise is None:
            return self.none()
        return self.held_by(enterprise)

    def held_by(self, enterprise):
        """Records the enterprise holds: as the matched holder, or as a park co-holder.

        Written as `id IN (its own ids UNION its co-held ids)`, each side read from its index: the
        plain `enterprise = … OR EXISTS (co-holder …)` cannot use an index, so over 1,000,000
        patents an enterprise's list read the whole table to count it (0.7 s) and walked the list's
        order index testing every row for its pages (up to several seconds)."""
        try:
            field = self.model._meta.get_field("co_holders")
        except FieldDoesNotExist:  # a model without co-holders (pledges)
            return self.filter(enterprise=enterprise)
        through = field.remote_field.through
        own = self.model._base_manager.filter(enterprise=enterprise).order_by().values("pk")
        shared = through.objects.filter(**{field.m2m_reverse_field_name(): enterprise}).values(field.m2m_field_name())
        return self.filter(pk__in=own.union(shared))

    def in_park(self):
        return self.filter(enterprise__isnull=False)

    def counted(self):
        """What the park's indicators count: park records that an import or an official has
        confirmed (not those only an enterprise filing declares)."""
        return self.in_park().filter(reconciled=True)

    def declared(self):
        """Park records only an enterprise filing declares, awaiting confirmation (the worklist)."""
        return self.in_park().filter(reconciled=False)


class Source(models.TextChoices):
    IMPORT = "import", _("import")
    FORM = "form", _("entered by an official")
    FILING = "filing", _("enterprise filing")


class HeldRecord(models.Model):
    holder_name = models.CharField(
        _("holder"), max_length=500, help_text=_("As the list gives it; co-holders separated by `;` or `；`.")
    )
    holder_credit_code = models.CharField(_("holder's credit code"), max_length=18, blank=True, db_index=True)
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("park enterprise"),
        help_text=_("Matched by credit code; empty for holders outside the park."),
    )
    co_holders = models.ManyToManyField(
        "enterprises.Enterprise",
        blank=True,
        related_name="+",
        verbose_name=_("park co-holders"),
        help_text=_("Every park enterprise among the holders (co-applicants); the record counts once."),
    )
    source = models.CharField(_("source"), max_length=16, choices=Source.choices, default=Source.IMPORT)
    reconciled, reconciled_by, reconciled_at = reconciliation_fields()
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = HeldRecordQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def in_park(self) -> bool:
        return self.enterprise_id is not None
