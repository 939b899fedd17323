"""IP pledge registrations (U4–U6) and the numbers each pledges."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.records.models import reconciliation_fields
from enterprises.models import Patent
from enterprises.models.held import HeldRecordQuerySet


class PledgedIPType(models.TextChoices):
    PATENT = "patent", _("patent")
    TRADEMARK = "trademark", _("trademark")
    COPYRIGHT = "copyright", _("copyright")


class Pledge(models.Model):
    """An IP pledge registration: a loan secured on patents, trademarks or copyrights."""

    registration_number = models.CharField(_("pledge registration number"), max_length=64, unique=True)
    pledgor_name = models.CharField(_("pledgor"), max_length=200)
    pledgor_credit_code = models.CharField(_("pledgor's credit code"), max_length=18, blank=True, db_index=True)
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pledges",
        verbose_name=_("park enterprise"),
    )
    pledgee_name = models.CharField(_("pledgee (bank or lender)"), max_length=200)
    ip_type = models.CharField(_("pledged IP type"), max_length=16, choices=PledgedIPType.choices)
    amount = models.DecimalField(_("financing amount (yuan)"), max_digits=18, decimal_places=2)
    registration_date = models.DateField(_("registration date"), db_index=True)
    end_date = models.DateField(_("pledge end date"), null=True, blank=True)
    reconciled, reconciled_by, reconciled_at = reconciliation_fields()
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = HeldRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["-registration_date", "registration_number"]

    def __str__(self) -> str:
        return self.registration_number

    def get_absolute_url(self) -> str:
        return reverse("finance:pledge-detail", args=[self.pk])

    def detail_context(self, user) -> dict:
        """For its page: the pledged items; a patent of another holder is shown by number only
        (item.hidden) to a user who may not see that record."""
        items = list(self.items.select_related("patent"))
        linked = [item.patent_id for item in items if item.patent_id]
        visible = set(Patent.objects.for_user(user).filter(pk__in=linked).values_list("pk", flat=True))
        for item in items:
            item.hidden = bool(item.patent_id) and item.patent_id not in visible
            if item.hidden:
                item.patent = None
        return {"items": items}

    @property
    def in_park(self) -> bool:
        return self.enterprise_id is not None


class PledgedItem(models.Model):
    """One number named by a pledge, linked to its patent or trademark record once that exists."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="items", verbose_name=_("pledge"))
    number = models.CharField(_("pledged number"), max_length=64)
    position = models.PositiveSmallIntegerField(default=0)
    patent = models.ForeignKey(
        "enterprises.Patent", on_delete=models.SET_NULL, null=True, blank=True, related_name="pledge_items"
    )

    class Meta:
        verbose_name = _("pledged right")
        verbose_name_plural = _("pledged rights")
        ordering = ["pledge", "position"]
        constraints = [models.UniqueConstraint(fields=["pledge", "number"], name="pledged_item_once")]
        indexes = [models.Index(fields=["number"])]

    def __str__(self) -> str:
        return self.number
