from rest_framework import serializers


class IndicatorValueSerializer(serializers.Serializer):
    """One indicator for one year: value in the units of indicators.md (null with a reason)."""

    code = serializers.CharField()
    year = serializers.IntegerField()
    name_zh = serializers.CharField()
    name_en = serializers.CharField()
    area = serializers.CharField()
    unit = serializers.CharField()
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


class IndicatorHistorySerializer(serializers.Serializer):
    code = serializers.CharField()
    name_zh = serializers.CharField()
    name_en = serializers.CharField()
    area = serializers.CharField()
    unit = serializers.CharField()
    direction = serializers.CharField()
    aggregation = serializers.CharField()
    target = serializers.FloatField()
    definition_zh = serializers.CharField()
    definition_en = serializers.CharField()
    values = IndicatorValueSerializer(many=True)
