"""Indicator values: computed and stored per year, entered by officials, and the runs that compute them."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ipportal.uploads import GeneratedName

from .plan import EXACT, Indicator


class Status(models.TextChoices):
    ACHIEVED = "achieved", _("achieved")
    ON_TRACK = "on_track", _("on track")
    AT_RISK = "at_risk", _("at risk")
    BEHIND = "behind", _("behind")
    NO_DATA = "no_data", _("no data")


class IndicatorValue(models.Model):
    """The value of an indicator for a year, with the inputs it was computed from."""

    class Method(models.TextChoices):
        COMPUTED = "computed", _("computed from records")
        REPORTED = "reported", _("reported by an official")

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), **EXACT)
    reason = models.CharField(_("why there is no value"), max_length=300, blank=True)
    numerator = models.DecimalField(_("numerator"), **EXACT)
    denominator = models.DecimalField(_("denominator"), **EXACT)
    base_value = models.DecimalField(_("previous-year value"), **EXACT)
    inputs = models.JSONField(_("inputs"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.NO_DATA)
    method = models.CharField(_("method"), max_length=16, choices=Method.choices, default=Method.COMPUTED)
    computed_at = models.DateTimeField(_("computed at"))

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator", "year"]
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="indicator_value_per_year")]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.year}: {self.value}"


class ReportedValue(models.Model):
    """An official's entry for an indicator that is reported rather than computed."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="reported_values")
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=30, decimal_places=6)
    note = models.TextField(_("source note"))
    attachment = models.FileField(_("attachment"), upload_to=GeneratedName("reported"), blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, verbose_name=_("entered by"))
    entered_at = models.DateTimeField(_("entered at"), auto_now=True)

    class Meta:
        verbose_name = _("reported value")
        verbose_name_plural = _("reported values")
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="reported_value_per_year")]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.year}: {self.value}"


class RecomputeRun(models.Model):
    """One recomputation of indicator values; failures are shown to officials."""

    class State(models.TextChoices):
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    trigger = models.CharField(_("trigger"), max_length=200)
    years = models.JSONField(_("years"), default=list)
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.RUNNING)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    values_written = models.PositiveIntegerField(_("values written"), default=0)
    queries = models.PositiveIntegerField(_("queries"), default=0)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("recomputation")
        verbose_name_plural = _("recomputations")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.trigger} {self.started_at:%Y-%m-%d %H:%M} {self.state}"


class IndicatorMute(models.Model):
    """Officials asked not to be warned about an indicator for a year."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="mutes", verbose_name=_("indicator")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    muted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    muted_at = models.DateTimeField(_("muted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("muted early warning")
        verbose_name_plural = _("muted early warnings")
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="indicator_mute_once")]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.year}"


class EarlyWarning(models.Model):
    """What got worse in one recomputation, sent to the office as one notice.

    `changes` holds one entry per indicator and year: code, year, and the status and progress
    category before and after, with the values."""

    run = models.ForeignKey(RecomputeRun, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("at"), auto_now_add=True)
    changes = models.JSONField(_("changes"), default=list)

    class Meta:
        verbose_name = _("early warning")
        verbose_name_plural = _("early warnings")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} ({len(self.changes)})"

    def get_absolute_url(self) -> str:
        return reverse("targets:warning-detail", args=[self.pk])
