from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

MONEY = {"max_digits": 18, "decimal_places": 2, "null": True, "blank": True}


class YearlyFigure(models.Model):
    """The reference figures of one year that per-capita and ratio indicators divide by."""

    year = models.PositiveSmallIntegerField(
        _("year"), unique=True, validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    population = models.PositiveIntegerField(_("resident population"), null=True, blank=True)
    public_budget = models.DecimalField(_("public budget expenditure (yuan)"), **MONEY)
    ip_funding = models.DecimalField(_("IP work funding (yuan)"), **MONEY)
    rd_expenditure = models.DecimalField(_("R&D expenditure (yuan)"), **MONEY)
    special_fund = models.DecimalField(_("special IP fund (yuan)"), **MONEY)
    note = models.TextField(_("source note"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("updated by")
    )

    class Meta:
        verbose_name = _("yearly reference figures")
        verbose_name_plural = _("yearly reference figures")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(self.year)

    def get_absolute_url(self) -> str:
        return reverse("targets:yearly-edit", args=[self.year])
