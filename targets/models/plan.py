"""The plan, its quantified goals (indicators) and the yearly reference figures they are computed with."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext_lazy as _

from core.changes import ChangeSignallingQuerySet
from ipportal.coded import coded

MONEY = {"max_digits": 18, "decimal_places": 2, "null": True, "blank": True}


EXACT = {"max_digits": 40, "decimal_places": 16, "null": True, "blank": True}


PLAUSIBLE_POPULATION = (1_000, 10_000_000)


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

    def implausibilities(self) -> list[dict]:
        """What looks wrong (most often a unit slip: yuan for 万元, or ten thousand people for people);
        stored all the same, and shown as warnings by the form and the import. Coded messages
        (ipportal.coded): the import keeps them and each reader reads them in their language."""
        found = []
        if self.population is not None and not PLAUSIBLE_POPULATION[0] <= self.population <= PLAUSIBLE_POPULATION[1]:
            found.append(
                coded(
                    gettext_noop(
                        "%(year)s: a resident population of %(population)s is implausible (under 1,000 or over 10 million)."
                    ),
                    year=str(self.year),
                    population=f"{self.population:,}",
                )
            )
        if self.ip_funding is not None and self.public_budget and self.ip_funding > self.public_budget:
            found.append(
                coded(
                    gettext_noop("%(year)s: the IP work funding is more than 100%% of the public budget expenditure."),
                    year=str(self.year),
                )
            )
        return found


class Area(models.TextChoices):
    CREATION = "creation", _("Creation")
    UTILIZATION = "utilization", _("Utilization")
    PROTECTION = "protection", _("Protection")
    MANAGEMENT = "management", _("Management")
    PUBLICITY = "publicity", _("Publicity & training")


class PlanQuerySet(ChangeSignallingQuerySet):
    def for_year(self, year: int) -> "Plan | None":
        """The latest plan whose years (base year included) cover the year, else the current one."""
        return self.filter(base_year__lte=year, last_year__gte=year).order_by("-last_year").first() or self.current()

    def current(self) -> "Plan | None":
        """The plan covering this year, else the latest one."""
        year = timezone.localdate().year
        return self.filter(first_year__lte=year, last_year__gte=year).first() or self.order_by("-last_year").first()

    def reporting_day(self) -> "ReportingDay":
        """The day pages report on when none is asked for: see `Plan.reporting_day`."""
        plan = self.current()
        if plan is None:
            today = timezone.localdate()
            return ReportingDay(day=today, today=today, plan=None)
        return plan.reporting_day()


@dataclass(frozen=True)
class ReportingDay:
    """The day (and year) a page shows by default, and whether that is not today because the plan is over."""

    day: dt.date
    today: dt.date
    plan: "Plan | None"

    @property
    def year(self) -> int:
        return self.day.year

    @property
    def past_plan(self) -> bool:
        """Today is after the plan's last day, so pages show its last day instead."""
        return self.day < self.today


class Plan(models.Model):
    """A work plan with quantified goals; 2023–2025 now, the next period later."""

    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    base_year = models.PositiveSmallIntegerField(_("base year"), help_text=_("The year before the plan starts."))
    first_year = models.PositiveSmallIntegerField(_("first year"))
    last_year = models.PositiveSmallIntegerField(_("last year (target year)"))

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-first_year"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "").startswith("en") else self.name_zh

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.last_year, 12, 31)

    def reporting_day(self, today: dt.date | None = None) -> ReportingDay:
        """Today while the plan runs (or before it starts); its last day once it is over, because
        the plan's values, targets and reference figures stop there."""
        today = today or timezone.localdate()
        return ReportingDay(day=min(today, self.last_day), today=today, plan=self)

    @property
    def years(self) -> list[int]:
        """Every year with a value: the base year, then the plan's years."""
        return list(range(self.base_year, self.last_year + 1))


class Unit(models.TextChoices):
    COUNT = "count", _("count")
    PERCENT = "percent", _("%")
    PER_10K = "per_10k", _("per 10,000 residents")
    PER_MILLION_CNY = "per_million_cny", _("per 1,000,000 yuan")
    CNY = "cny", _("yuan")


class Direction(models.TextChoices):
    AT_LEAST = "at_least", _("at least")
    AT_MOST = "at_most", _("at most")


class Aggregation(models.TextChoices):
    ANNUAL_COUNT = "annual_count", _("annual count")
    ANNUAL_SUM = "annual_sum", _("annual sum")
    STOCK = "stock", _("stock at year end")
    PER_10K = "per_10k", _("per 10,000 residents")
    RATIO = "ratio", _("ratio")
    GROWTH = "growth", _("growth")
    CUMULATIVE = "cumulative", _("cumulative over the plan")
    REPORTED = "reported", _("reported by an official")


class Indicator(models.Model):
    """One quantified goal of a plan, with its target and how it is computed."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("plan"))
    code = models.CharField(_("code"), max_length=16)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    area = models.CharField(_("area"), max_length=16, choices=Area.choices)
    unit = models.CharField(_("unit"), max_length=16, choices=Unit.choices)
    direction = models.CharField(_("direction"), max_length=16, choices=Direction.choices, default=Direction.AT_LEAST)
    aggregation = models.CharField(_("aggregation"), max_length=16, choices=Aggregation.choices)
    target = models.DecimalField(_("target"), max_digits=20, decimal_places=4)
    target_upper = models.DecimalField(
        _("upper end of a target range"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    target_every_year = models.BooleanField(
        _("target applies to every year"),
        default=False,
        help_text=_("Yearly rates and counts the plan asks for each year, rather than by the target year."),
    )
    calculator = models.CharField(
        _("calculation"), max_length=16, blank=True, help_text=_("Empty for indicators entered by officials.")
    )
    definition_zh = models.TextField(_("definition (Chinese)"), blank=True)
    definition_en = models.TextField(_("definition (English)"), blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["plan", "position", "code"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="indicator_code_per_plan")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("targets:indicator-detail", args=[self.code])

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "").startswith("en") else self.name_zh

    @property
    def definition(self) -> str:
        return self.definition_en if (get_language() or "").startswith("en") else self.definition_zh

    @property
    def is_reported(self) -> bool:
        return self.aggregation == Aggregation.REPORTED
