"""IP insurance policies and the pledge-financing risk-compensation fund."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.records.models import ParkRecordQuerySet

from .pledges import Pledge
from .validators import NOT_NEGATIVE, POSITIVE


class InsurancePolicy(models.Model):
    """An IP insurance policy taken out by a park enterprise (task 9: 开展知识产权保险工作)."""

    class Kind(models.TextChoices):
        ENFORCEMENT = "enforcement", _("enforcement cost insurance")
        LIABILITY = "liability", _("infringement liability insurance")
        PLEDGE = "pledge", _("pledge financing guarantee insurance")
        OTHER = "other", _("other")

    policy_number = models.CharField(_("policy number"), max_length=64, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    insurer = models.CharField(_("insurer"), max_length=200)
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("insured park enterprise"),
    )
    coverage = models.DecimalField(_("coverage (yuan)"), max_digits=18, decimal_places=2, validators=[POSITIVE])
    premium = models.DecimalField(_("premium (yuan)"), max_digits=18, decimal_places=2, validators=[POSITIVE])
    subsidy = models.DecimalField(
        _("premium subsidy (yuan)"), max_digits=18, decimal_places=2, null=True, blank=True, validators=[NOT_NEGATIVE]
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ParkRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("IP insurance policy")
        verbose_name_plural = _("IP insurance policies")
        ordering = ["-start_date"]

    def __str__(self) -> str:
        return self.policy_number

    def get_absolute_url(self) -> str:
        return reverse("finance:insurance-detail", args=[self.pk])

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date is before the start date.")})
        if self.subsidy is not None and self.premium is not None and self.subsidy > self.premium:
            raise ValidationError({"subsidy": _("The subsidy cannot exceed the premium.")})


class RiskFundEntry(models.Model):
    """A movement of the pledge-financing risk-compensation fund (质押融资风险补偿基金):
    money put in by the government, banks or institutions, or a compensation paid for a pledge."""

    class Kind(models.TextChoices):
        CONTRIBUTION = "contribution", _("contribution")
        COMPENSATION = "compensation", _("compensation paid")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    party = models.CharField(_("contributor or recipient"), max_length=200)
    amount = models.DecimalField(_("amount (yuan)"), max_digits=18, decimal_places=2, validators=[POSITIVE])
    entry_date = models.DateField(_("date"))
    pledge = models.ForeignKey(
        Pledge, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("pledge")
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ParkRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("risk-compensation fund entry")
        verbose_name_plural = _("risk-compensation fund entries")
        ordering = ["-entry_date"]

    def __str__(self) -> str:
        return f"{self.entry_date:%Y-%m-%d} {self.get_kind_display()} {self.amount}"

    def get_absolute_url(self) -> str:
        return reverse("finance:riskfund-detail", args=[self.pk])
