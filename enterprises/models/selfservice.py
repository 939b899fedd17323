"""Enterprise self-service: filings (申报备案). What every reviewed request shares (review
states, timeline, attachments, notices) is core's (core.models, core.review)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import OwnRequestQuerySet, ReviewState


class Filing(models.Model):
    """An IP event reported by an enterprise; on approval it joins the registry (enterprises.filings)."""

    class Kind(models.TextChoices):
        PATENT = "patent", _("patent granted")
        TRADEMARK = "trademark", _("trademark registered")
        COPYRIGHT = "copyright", _("copyright registered")
        IC_LAYOUT = "ic_layout", _("IC layout design registered")
        PLANT_VARIETY = "plant_variety", _("plant variety right granted")
        CERTIFICATION = "certification", _("certification obtained (GB/T 29490, ISO 56005)")
        AWARD = "award", _("award won")
        PLEDGE = "pledge", _("pledge contract registered")

    enterprise = models.ForeignKey(
        "enterprises.Enterprise", on_delete=models.CASCADE, related_name="filings", verbose_name=_("enterprise")
    )
    kind = models.CharField(_("what is filed"), max_length=16, choices=Kind.choices)
    number = models.CharField(_("number"), max_length=64)
    nice_class = models.PositiveSmallIntegerField(_("Nice class"), null=True, blank=True)
    subtype = models.CharField(_("type"), max_length=32, blank=True)
    title = models.CharField(_("title"), max_length=300)
    filed_on = models.DateField(_("application date"), null=True, blank=True)
    event_date = models.DateField(_("date"))
    expires_on = models.DateField(_("end date"), null=True, blank=True)
    counterpart = models.CharField(_("counterpart"), max_length=200, blank=True)
    amount = models.DecimalField(_("amount (yuan)"), max_digits=18, decimal_places=2, null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    state = models.CharField(_("state"), max_length=16, choices=ReviewState.choices, default=ReviewState.SUBMITTED)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("submitted by")
    )
    record_type = models.ForeignKey(ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    record_id = models.PositiveBigIntegerField(null=True, blank=True)
    record = GenericForeignKey("record_type", "record_id")
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    events = GenericRelation("core.ReviewEvent")
    attachments = GenericRelation("core.Attachment")

    objects = OwnRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("filing")
        verbose_name_plural = _("filings")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["kind", "number"])]
        constraints = [
            # An enterprise files a number once (enterprises.filings.number_taken says so first);
            # a rejected filing frees it. Pages and API alike, parallel posts included.
            models.UniqueConstraint(
                fields=["enterprise", "kind", "number"],
                condition=~models.Q(state="rejected") & ~models.Q(number=""),
                name="unique_filing_number",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("enterprises:filing-detail", args=[self.pk])
