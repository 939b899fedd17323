"""The enterprise side of IP management: certifications (M1), ISO 56005 pilots (M2) and honours (M2–M4)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ipportal.roles import sees_all_park_data


class OfficialRecordQuerySet(models.QuerySet):
    def for_user(self, user):
        """Kept by the park's officials: officials and API clients read them; nobody else."""
        return self if sees_all_park_data(user) else self.none()


class CertificationQuerySet(OfficialRecordQuerySet):
    def valid_on(self, day: dt.date):
        """Issued on or before the day and not yet expired on it (a certificate expiring that day still counts)."""
        return self.filter(issue_date__lte=day, expiry_date__gte=day)


class Certification(models.Model):
    """An enterprise's IP management system certificate (知识产权管理体系认证): M1 counts the valid ones."""

    class Standard(models.TextChoices):
        GBT_29490 = "gbt_29490", _("GB/T 29490 enterprise IP management")
        ISO_56005 = "iso_56005", _("ISO 56005 innovation management (IP)")

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.CASCADE,
        related_name="certifications",
        verbose_name=_("park enterprise"),
    )
    standard = models.CharField(_("standard"), max_length=16, choices=Standard.choices)
    certificate_number = models.CharField(_("certificate number"), max_length=64)
    certification_body = models.CharField(_("certification body"), max_length=200)
    issue_date = models.DateField(_("issue date"), db_index=True)
    expiry_date = models.DateField(_("expiry date"), db_index=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CertificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("IP management certification")
        verbose_name_plural = _("IP management certifications")
        ordering = ["-issue_date", "certificate_number"]
        constraints = [
            models.UniqueConstraint(fields=["standard", "certificate_number"], name="certificate_once"),
            models.CheckConstraint(condition=Q(expiry_date__gte=models.F("issue_date")), name="certificate_dates"),
        ]

    def __str__(self) -> str:
        return f"{self.get_standard_display()} {self.certificate_number}"

    def get_absolute_url(self) -> str:
        return reverse("enterprises:certification-detail", args=[self.pk])

    def clean(self) -> None:
        if self.issue_date and self.expiry_date and self.expiry_date < self.issue_date:
            raise ValidationError({"expiry_date": _("The expiry date is before the issue date.")})


class InnovationPilot(models.Model):
    """An enterprise taking part in the ISO 56005 innovation-management standard pilot (M2's numerator).

    A pilot is a designation by the IP office, not a certificate, so it is its own record: the
    enterprise counts for M2 from the year it joined the pilot.
    """

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.CASCADE,
        related_name="innovation_pilots",
        verbose_name=_("park enterprise"),
    )
    start_date = models.DateField(_("joined the pilot on"), db_index=True)
    batch = models.CharField(_("batch or document"), max_length=200, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OfficialRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("ISO 56005 pilot")
        verbose_name_plural = _("ISO 56005 pilots")
        ordering = ["-start_date"]
        constraints = [models.UniqueConstraint(fields=["enterprise"], name="innovation_pilot_once")]

    def __str__(self) -> str:
        return f"{self.enterprise} ({self.start_date:%Y})"

    def get_absolute_url(self) -> str:
        return reverse("enterprises:pilot-detail", args=[self.pk])


class Honour(models.Model):
    """A title granted to an enterprise in a year: M3 and M4 count them, M2 divides by some."""

    class Kind(models.TextChoices):
        NATIONAL_ADVANTAGE = "national_advantage", _("national IP advantage enterprise")
        NATIONAL_DEMONSTRATION = "national_demonstration", _("national IP demonstration enterprise")
        PROVINCIAL_DEMONSTRATION = "provincial_demonstration", _("provincial IP demonstration enterprise")
        LITTLE_GIANT = "little_giant", _('national "little giant" enterprise')

    NATIONAL_IP = (Kind.NATIONAL_ADVANTAGE, Kind.NATIONAL_DEMONSTRATION)  # from lower to higher (M3)

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.CASCADE,
        related_name="honours",
        verbose_name=_("park enterprise"),
    )
    kind = models.CharField(_("honour"), max_length=32, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("year granted"), db_index=True)
    document = models.CharField(_("granting document"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OfficialRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("enterprise honour")
        verbose_name_plural = _("enterprise honours")
        ordering = ["-year", "kind"]
        constraints = [models.UniqueConstraint(fields=["enterprise", "kind", "year"], name="honour_once_a_year")]

    def __str__(self) -> str:
        return f"{self.enterprise} · {self.get_kind_display()} ({self.year})"

    def get_absolute_url(self) -> str:
        return reverse("enterprises:honour-detail", args=[self.pk])

    def clean(self) -> None:
        if self.year and not 1990 <= self.year <= dt.date.today().year + 1:
            raise ValidationError({"year": _("Enter a year between 1990 and next year.")})
