from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

UNIT_HELP = _(
    "Unit code of the value and target: count; percent (85.0 means 85 %); per_10k (per 10,000 residents); "
    "per_million_cny (per 1,000,000 yuan); cny (yuan, exact; the pages show it in 10k yuan)"
)


class IndicatorValueSerializer(serializers.Serializer):
    """One indicator for one year: value in the units of indicators.md (null with a reason)."""

    code = serializers.CharField()
    year = serializers.IntegerField()
    name_zh = serializers.CharField()
    name_en = serializers.CharField()
    area = serializers.CharField()
    unit = serializers.CharField(help_text=UNIT_HELP)
    value = serializers.FloatField(allow_null=True)
    reason = serializers.CharField(allow_blank=True)
    target = serializers.FloatField()
    target_upper = serializers.FloatField(allow_null=True)
    direction = serializers.CharField()
    status = serializers.CharField()
    numerator = serializers.FloatField(allow_null=True)
    denominator = serializers.FloatField(allow_null=True)
    base_value = serializers.FloatField(allow_null=True)
    method = serializers.CharField(allow_blank=True)
    computed_at = serializers.DateTimeField(allow_null=True)
    category = serializers.CharField(
        help_text=_(
            "Progress category over the plan (UN SDG method): target_achieved, on_track, "
            "acceleration_needed, limited_progress, deterioration, insufficient_data"
        )
    )
    category_ratio = serializers.FloatField(
        allow_null=True, help_text=_("Observed progress since the base year ÷ progress needed to reach the target")
    )
    category_method = serializers.CharField(allow_blank=True, help_text=_("compound or linear"))
    approved = serializers.BooleanField(help_text=_("The year is approved: value is the approved value"))
    computed = serializers.FloatField(allow_null=True, help_text=_("The current computation from the records"))
    difference = serializers.FloatField(allow_null=True, help_text=_("Current computation − value"))
    approved_at = serializers.DateTimeField(allow_null=True)
    approved_by = serializers.CharField(allow_null=True)
    drift = serializers.JSONField(
        required=False,
        allow_null=True,
        help_text=_(
            "Approved years on an indicator's page: the records added, removed or changed since the "
            "approval ({listed, added, removed, changed}, each a list of {pk, label, url})"
        ),
    )
    official = serializers.JSONField(
        required=False,
        allow_null=True,
        help_text=_("The official statistic published for the year ({value, source, published_on, gap}), if any"),
    )


class IndicatorHistorySerializer(serializers.Serializer):
    code = serializers.CharField()
    name_zh = serializers.CharField()
    name_en = serializers.CharField()
    area = serializers.CharField()
    unit = serializers.CharField(help_text=UNIT_HELP)
    direction = serializers.CharField()
    aggregation = serializers.CharField()
    target = serializers.FloatField()
    definition_zh = serializers.CharField()
    definition_en = serializers.CharField()
    values = IndicatorValueSerializer(many=True)


class ForecastSerializer(serializers.Serializer):
    """The year-end forecast of an annual (flow) indicator, as of a day."""

    code = serializers.CharField()
    name_zh = serializers.CharField()
    name_en = serializers.CharField()
    unit = serializers.CharField(help_text=UNIT_HELP)
    aggregation = serializers.CharField()
    direction = serializers.CharField()
    as_of = serializers.DateField()
    year = serializers.IntegerField()
    to_date = serializers.FloatField(allow_null=True, help_text=_("Year-to-date value (growth: of the measure grown)"))
    previous_to_date = serializers.FloatField(allow_null=True, help_text=_("The same stretch of last year"))
    previous_total = serializers.FloatField(allow_null=True, help_text=_("Last year's whole-year total"))
    measure_unit = serializers.CharField(
        help_text=_("Unit code of to_date, previous_to_date, previous_total and projected_total (count or cny)")
    )
    share = serializers.FloatField(allow_null=True, help_text=_("Part of a year's total expected by the day, 0–1"))
    method = serializers.CharField(allow_blank=True, help_text=_("pattern (last year's) or pro_rata"))
    projected_total = serializers.FloatField(allow_null=True)
    projected = serializers.FloatField(allow_null=True, help_text=_("Projected year-end value of the indicator"))
    target = serializers.FloatField()
    margin = serializers.FloatField(allow_null=True, help_text=_("Surplus (+) or shortfall (−) against the target"))
    meets_target = serializers.BooleanField(allow_null=True)
    reason = serializers.CharField(allow_blank=True)


class ValueChangeSerializer(serializers.Serializer):
    """A stored value that a recomputation replaced, and what triggered it."""

    year = serializers.IntegerField()
    value = serializers.FloatField(allow_null=True, help_text=_("The value before the change"))
    new_value = serializers.FloatField(allow_null=True)
    numerator = serializers.FloatField(allow_null=True)
    denominator = serializers.FloatField(allow_null=True)
    inputs = serializers.JSONField()
    status = serializers.CharField()
    computed_at = serializers.DateTimeField(help_text=_("When the previous value was computed"))
    changed_at = serializers.DateTimeField()
    trigger = serializers.CharField(
        help_text=_("What asked for the recomputation: import run, filing approval, edit, nightly …")
    )
    trigger_label = serializers.CharField(help_text=_("The trigger as a phrase in the reader's language"))


class ApprovalSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    value = serializers.FloatField(allow_null=True, help_text=_("The indicator's approved value"))
    record_count = serializers.IntegerField(allow_null=True)
    approved_by = serializers.CharField()
    approved_at = serializers.DateTimeField()
    withdrawn_by = serializers.CharField(allow_null=True)
    withdrawn_at = serializers.DateTimeField(allow_null=True)
    withdrawal_reason = serializers.CharField(allow_blank=True)


class IndicatorChangesSerializer(serializers.Serializer):
    code = serializers.CharField()
    changes = ValueChangeSerializer(many=True)
    approvals = ApprovalSerializer(many=True)
