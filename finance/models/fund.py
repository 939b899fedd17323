"""The special IP fund: support items, and enterprises' claims on them with their lines."""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import OwnRequestQuerySet, ReviewState

from .validators import NOT_NEGATIVE, POSITIVE


class SupportItem(models.Model):
    """A support item of the year's special IP fund, with its rule, evidence, budget and open period."""

    class Target(models.TextChoices):
        INVENTION_GRANT = "invention_grant", _("invention patents granted in the year")
        PCT = "pct", _("PCT applications filed in the year")
        TRADEMARK = "trademark", _("trademarks registered in the year")
        PLEDGE = "pledge", _("pledge loans registered in the year (interest subsidy)")
        AWARD = "award", _("awards won in the year")
        NAVIGATION = "navigation", _("enterprise patent navigation projects started in the year")
        CERTIFICATION = "certification", _("IP management certifications obtained in the year")

    class Rule(models.TextChoices):
        FIXED = "fixed", _("a fixed amount per record")
        SHARE = "share", _("a share of the stated cost, with a cap per record")

    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    name = models.CharField(_("name"), max_length=200)
    target = models.CharField(_("records it supports"), max_length=20, choices=Target.choices)
    rule = models.CharField(_("rule"), max_length=8, choices=Rule.choices)
    fixed_amount = models.DecimalField(
        _("amount per record (yuan)"), max_digits=18, decimal_places=2, null=True, blank=True, validators=[POSITIVE]
    )
    rate = models.DecimalField(
        _("share of the cost (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[POSITIVE, MaxValueValidator(Decimal(100))],
    )
    cap = models.DecimalField(
        _("cap per record (yuan)"), max_digits=18, decimal_places=2, null=True, blank=True, validators=[POSITIVE]
    )
    evidence = models.TextField(_("evidence required"), blank=True)
    budget = models.DecimalField(_("budget (yuan)"), max_digits=18, decimal_places=2, validators=[NOT_NEGATIVE])
    opens_on = models.DateField(_("open from"))
    closes_on = models.DateField(_("open until"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("support item")
        verbose_name_plural = _("support items")
        ordering = ["-year", "name"]
        constraints = [models.UniqueConstraint(fields=["year", "name"], name="support_item_once_a_year")]

    def __str__(self) -> str:
        return f"{self.year} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("finance:item-detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.rule == self.Rule.FIXED and self.fixed_amount is None:
            errors["fixed_amount"] = _("A fixed-amount item needs the amount per record.")
        if self.rule == self.Rule.SHARE and self.rate is None:
            errors["rate"] = _("A cost-share item needs the share of the cost.")
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            errors["closes_on"] = _("The end date is before the start date.")
        if errors:
            raise ValidationError(errors)

    def amount_for(self, cost: Decimal | None) -> Decimal:
        """What one record earns: the fixed amount, or the share of its cost up to the cap."""
        if self.rule == self.Rule.FIXED:
            return self.fixed_amount
        share = (Decimal(cost or 0) * self.rate / Decimal(100)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        return min(share, self.cap) if self.cap is not None else share

    def is_open_on(self, day) -> bool:
        return self.opens_on <= day <= self.closes_on


class ClaimQuerySet(OwnRequestQuerySet):
    def committed(self):
        """Claims that hold budget: approved or paid."""
        return self.filter(state__in=("approved", "paid"))


class Claim(models.Model):
    """An enterprise's claim on a support item for specific records of its own."""

    enterprise = models.ForeignKey(
        "enterprises.Enterprise", on_delete=models.CASCADE, related_name="claims", verbose_name=_("enterprise")
    )
    item = models.ForeignKey(
        SupportItem, on_delete=models.PROTECT, related_name="claims", verbose_name=_("support item")
    )
    state = models.CharField(
        _("state"), max_length=16, choices=ReviewState.choices, default=ReviewState.DRAFT, db_index=True
    )
    amount = models.DecimalField(_("amount claimed (yuan)"), max_digits=18, decimal_places=2, default=Decimal(0))
    approved_amount = models.DecimalField(
        _("amount approved (yuan)"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    note = models.TextField(_("statement"), blank=True)
    payment_date = models.DateField(_("paid on"), null=True, blank=True)
    payment_reference = models.CharField(_("payment reference"), max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("created by")
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    events = GenericRelation("core.ReviewEvent")
    attachments = GenericRelation("core.Attachment")

    objects = ClaimQuerySet.as_manager()

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return _("Claim %(number)s · %(item)s") % {"number": self.pk, "item": self.item.name}

    def get_absolute_url(self) -> str:
        return reverse("finance:claim-detail", args=[self.pk])


class ClaimLine(models.Model):
    """One record a claim is for, with its stated cost and the amount it earns."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="lines")
    item = models.ForeignKey(SupportItem, on_delete=models.PROTECT, related_name="+")
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey()
    label = models.CharField(_("record"), max_length=300)
    cost = models.DecimalField(_("stated cost (yuan)"), max_digits=18, decimal_places=2, null=True, blank=True)
    amount = models.DecimalField(_("amount (yuan)"), max_digits=18, decimal_places=2)
    active = models.BooleanField(
        default=True, help_text="False once the claim is rejected: the record may be claimed again."
    )

    class Meta:
        verbose_name = _("claimed record")
        verbose_name_plural = _("claimed records")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "content_type", "object_id"],
                condition=models.Q(active=True),
                name="record_claimed_once_per_item",
            )
        ]

    def __str__(self) -> str:
        return self.label
