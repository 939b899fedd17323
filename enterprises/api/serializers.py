from rest_framework import serializers

from ..models import Enterprise


class EnterpriseSerializer(serializers.ModelSerializer):
    industry_display = serializers.CharField(source="get_industry_display", read_only=True)

    class Meta:
        model = Enterprise
        fields = [
            "id",
            "name",
            "credit_code",
            "industry",
            "industry_display",
            "high_tech",
            "specialised",
            "little_giant",
            "listing_reserve",
            "tech_sme",
            "ip_staff_count",
            "updated_at",
        ]


class RecordSerializer(serializers.ModelSerializer):
    """Every record kind's fields, with the park enterprise's name beside its id."""

    enterprise_name = serializers.CharField(source="enterprise.name", read_only=True, default=None)


def record_serializer(model_class, extra: dict | None = None) -> type[serializers.ModelSerializer]:
    has_enterprise = any(f.name == "enterprise" for f in model_class._meta.fields)
    fields = [f.name for f in model_class._meta.fields if f.name not in {"source"}] + list((extra or {}).keys())
    base = RecordSerializer if has_enterprise else serializers.ModelSerializer
    if has_enterprise:
        fields.append("enterprise_name")
    meta = type("Meta", (), {"model": model_class, "fields": fields})
    return type(f"{model_class.__name__}Serializer", (base,), {"Meta": meta, **(extra or {})})
