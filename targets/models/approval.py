"""Approved years, the history of stored values, and official statistics.

- ``YearApproval``: an official with "approve figures" froze a year's values; withdrawing it
  (with a reason) keeps the row, so every approval a year ever had stays in its history.
- ``ApprovedValue``: one indicator's frozen value, inputs, count and identity of its records.
- ``ValueChange``: a stored value that a recomputation replaced, with what triggered it.
- ``OfficialStatistic``: the figure an authority published for an indicator and year.
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ipportal.uploads import GeneratedName

from .plan import EXACT, Indicator, Plan
from .values import RecomputeRun, Status

WITHDRAWAL_REASON_MAX = 500  # characters: a reason is a sentence or two, not a document


class YearApprovalQuerySet(models.QuerySet):
    def active(self) -> "YearApprovalQuerySet":
        return self.filter(withdrawn_at__isnull=True)


class YearApproval(models.Model):
    """A year's figures approved as they stood (DHIS2's data approval, one level: the office head).

    ``figures`` holds that year's yearly figures (population, budget …) at approval, as text."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="approvals")
    year = models.PositiveSmallIntegerField(_("year"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("approved by")
    )
    approved_at = models.DateTimeField(_("approved at"))
    figures = models.JSONField(_("yearly figures"), default=dict, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("withdrawn by"),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawal_reason = models.TextField(
        _("reason for withdrawal"), blank=True, validators=[MaxLengthValidator(WITHDRAWAL_REASON_MAX)]
    )

    objects = YearApprovalQuerySet.as_manager()

    class Meta:
        verbose_name = _("approved year")
        verbose_name_plural = _("approved years")
        ordering = ["-approved_at", "-pk"]
        permissions = [("approve_figures", _("Can approve figures"))]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "year"], condition=Q(withdrawn_at__isnull=True), name="one_active_approval_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.approved_at:%Y-%m-%d %H:%M}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class ApprovedValue(models.Model):
    """One indicator's value as approved, with its inputs and the records behind it.

    ``records`` is {"kind": record kind slug, "items": {record pk: fingerprint of its fields}}
    (empty when the indicator's records are not listed in the portal); ``record_count`` is their
    number, or None without a list."""

    approval = models.ForeignKey(YearApproval, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="approved_values")
    value = models.DecimalField(_("value"), **EXACT)
    reason = models.CharField(_("why there is no value"), max_length=300, blank=True)
    numerator = models.DecimalField(_("numerator"), **EXACT)
    denominator = models.DecimalField(_("denominator"), **EXACT)
    base_value = models.DecimalField(_("previous-year value"), **EXACT)
    inputs = models.JSONField(_("inputs"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.NO_DATA)
    method = models.CharField(_("method"), max_length=16, blank=True)
    computed_at = models.DateTimeField(_("computed at"), null=True, blank=True)
    record_count = models.PositiveIntegerField(_("records"), null=True, blank=True)
    records = models.JSONField(_("records behind the value"), default=dict, blank=True)

    class Meta:
        verbose_name = _("approved value")
        verbose_name_plural = _("approved values")
        constraints = [models.UniqueConstraint(fields=["approval", "indicator"], name="approved_value_once")]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.approval.year}: {self.value}"


class ValueChange(models.Model):
    """A stored value a recomputation replaced: the previous value and inputs, the new value,
    when, and what triggered the recomputation (``trigger``: import run, filing approval, edit,
    nightly run …, see targets.tasks.request_recompute)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="changes")
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("previous value"), **EXACT)
    numerator = models.DecimalField(_("numerator"), **EXACT)
    denominator = models.DecimalField(_("denominator"), **EXACT)
    inputs = models.JSONField(_("inputs"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.NO_DATA)
    computed_at = models.DateTimeField(_("computed at"))
    new_value = models.DecimalField(_("new value"), **EXACT)
    changed_at = models.DateTimeField(_("changed at"))
    run = models.ForeignKey(RecomputeRun, on_delete=models.SET_NULL, null=True, related_name="+")
    trigger = models.CharField(_("trigger"), max_length=200)

    class Meta:
        verbose_name = _("value change")
        verbose_name_plural = _("value changes")
        ordering = ["-changed_at", "-pk"]
        indexes = [models.Index(fields=["indicator", "year"])]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.year}: {self.value} → {self.new_value}"

    @property
    def trigger_label(self) -> str:
        """The trigger in the reader's language (targets.triggers)."""
        from ..triggers import trigger_label

        return trigger_label(self.trigger)


class OfficialStatistic(models.Model):
    """The figure an authority (the patent office, the province) published for an indicator and
    year; shown beside the computed value with the gap. The computed value stays the portal's."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="official_statistics")
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("official figure"), max_digits=30, decimal_places=6)
    source = models.CharField(_("source"), max_length=300)
    published_on = models.DateField(_("published on"))
    attachment = models.FileField(_("attachment"), upload_to=GeneratedName("official"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("entered by")
    )
    entered_at = models.DateTimeField(_("entered at"), auto_now=True)

    class Meta:
        verbose_name = _("official statistic")
        verbose_name_plural = _("official statistics")
        ordering = ["indicator", "year"]
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="official_statistic_per_year")]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.year}: {self.value}"
