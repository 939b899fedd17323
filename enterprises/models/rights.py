"""The simpler rights: copyright registrations, IC layout designs, plant varieties, GI products."""

import datetime as dt

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .held import HeldRecord


class Copyright(HeldRecord):
    class Kind(models.TextChoices):
        SOFTWARE = "software", _("software")
        WORK = "work", _("work")

    registration_number = models.CharField(_("registration number"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.SOFTWARE)
    registration_date = models.DateField(_("registration date"))

    class Meta:
        verbose_name = _("copyright registration")
        verbose_name_plural = _("copyright registrations")
        ordering = ["-registration_date"]

    def __str__(self) -> str:
        return f"{self.registration_number} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("enterprises:copyright-detail", args=[self.pk])


class ICLayoutDesign(HeldRecord):
    registration_number = models.CharField(_("registration number"), max_length=40, unique=True)
    title = models.CharField(_("design name"), max_length=300)
    application_date = models.DateField(_("application date"), null=True, blank=True)
    registration_date = models.DateField(_("announcement date"))

    class Meta:
        verbose_name = _("IC layout design")
        verbose_name_plural = _("IC layout designs")
        ordering = ["-registration_date"]

    def __str__(self) -> str:
        return f"{self.registration_number} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("enterprises:iclayout-detail", args=[self.pk])


class PlantVariety(HeldRecord):
    registration_number = models.CharField(_("variety right number"), max_length=40, unique=True)
    title = models.CharField(_("variety name"), max_length=200)
    crop = models.CharField(_("genus or species"), max_length=100, blank=True)
    registration_date = models.DateField(_("grant date"))

    class Meta:
        verbose_name = _("plant variety right")
        verbose_name_plural = _("plant variety rights")
        ordering = ["-registration_date"]

    def __str__(self) -> str:
        return f"{self.registration_number} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("enterprises:plantvariety-detail", args=[self.pk])


class GIProductQuerySet(models.QuerySet):
    def for_user(self, user):
        """GI protected products belong to the park as a whole: visible to every portal user."""
        return self if user.is_authenticated else self.none()

    def in_force_on(self, day: dt.date):
        return self.filter(approval_date__lte=day).exclude(revoked_date__lte=day)


class GIProduct(models.Model):
    """A geographical-indication protected product (地理标志保护产品) of the park's area."""

    registration_number = models.CharField(_("announcement number"), max_length=40, unique=True)
    title = models.CharField(_("product name"), max_length=200)
    region = models.CharField(_("protected area"), max_length=200, blank=True)
    approval_date = models.DateField(_("approval date"))
    revoked_date = models.DateField(_("revoked on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = GIProductQuerySet.as_manager()

    class Meta:
        verbose_name = _("GI protected product")
        verbose_name_plural = _("GI protected products")
        ordering = ["-approval_date"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("enterprises:giproduct-detail", args=[self.pk])
