import datetime as dt

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..codes import normalize_patent_number
from .held import HeldRecord, HeldRecordQuerySet


class PatentType(models.TextChoices):
    INVENTION = "invention", _("invention")
    UTILITY_MODEL = "utility_model", _("utility model")
    DESIGN = "design", _("design")


class LegalStatus(models.TextChoices):
    VALID = "valid", _("valid")
    LAPSED = "lapsed", _("lapsed")
    PENDING = "pending", _("pending")
    REJECTED = "rejected", _("rejected")
    WITHDRAWN = "withdrawn", _("withdrawn")


def patent_in_force_q(day: dt.date) -> Q:
    """Granted on or before the day, and valid, or lapsed only after that day (indicators.md): the
    rule as a Q, for filters and for the conditional counts of a recomputation alike."""
    return Q(grant_date__lte=day) & (
        Q(legal_status=LegalStatus.VALID) | Q(legal_status=LegalStatus.LAPSED, lapse_date__gt=day)
    )


class PatentQuerySet(HeldRecordQuerySet):
    def in_force_on(self, day: dt.date):
        """Granted on or before the day, and valid, or lapsed only after that day (indicators.md)."""
        return self.filter(patent_in_force_q(day))

    def inventions(self):
        return self.filter(patent_type=PatentType.INVENTION)


class Patent(HeldRecord):
    """A patent or application, keyed by its canonical CNIPA application number."""

    application_number = models.CharField(
        _("application number"), max_length=16, unique=True, validators=[normalize_patent_number]
    )
    patent_type = models.CharField(_("type"), max_length=16, choices=PatentType.choices, db_index=True)
    pct_entry = models.BooleanField(
        _("PCT national phase"), default=False, help_text=_("Type digit 8 or 9: a PCT application entering China.")
    )
    title = models.CharField(_("title"), max_length=500)
    application_date = models.DateField(_("application date"))
    grant_date = models.DateField(_("grant date"), null=True, blank=True, db_index=True)
    legal_status = models.CharField(_("legal status"), max_length=16, choices=LegalStatus.choices)
    lapse_date = models.DateField(_("lapse date"), null=True, blank=True)
    pct_number = models.CharField(_("PCT application number"), max_length=32, blank=True)
    pct_filing_date = models.DateField(_("PCT filing date"), null=True, blank=True)
    strategic_emerging = models.BooleanField(_("strategic emerging industry"), default=False)
    overseas_family = models.BooleanField(_("granted abroad in the same family"), default=False)

    objects = PatentQuerySet.as_manager()

    class Meta:
        verbose_name = _("patent")
        verbose_name_plural = _("patents")
        ordering = ["-application_date", "application_number"]
        indexes = [
            models.Index(fields=["enterprise", "patent_type"]),
            models.Index(fields=["pct_filing_date"]),
            # The list's order: its first page reads 25 rows of the index, not the whole table.
            models.Index(fields=["-application_date", "application_number"], name="patent_list_order"),
            # The few records only a filing declares: the indicators' "declared" notes read them
            # here instead of scanning the table (imports write reconciled rows, which skip it).
            models.Index(fields=["enterprise"], condition=Q(reconciled=False), name="patent_declared"),
        ]

    def __str__(self) -> str:
        return f"{self.application_number} {self.title}"

    def detail_context(self, user) -> dict:
        """For its page: in force today, and the pledges of it that the user may see (the pledges
        are finance's: reached through the reverse relation and narrowed by their own for_user)."""
        pledges = self.pledge_items.model._meta.get_field("pledge").related_model.objects.for_user(user)
        return {
            "in_force_today": Patent.objects.filter(pk=self.pk).in_force_on(timezone.localdate()).exists(),
            "pledges": [item.pledge for item in self.pledge_items.filter(pledge__in=pledges).select_related("pledge")],
        }

    def get_absolute_url(self) -> str:
        return reverse("enterprises:patent-detail", args=[self.pk])
