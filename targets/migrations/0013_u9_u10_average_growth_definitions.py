"""U9 and U10 are the plan's "年均增长20%以上": average annual growth since the base year 2022,
not year-on-year growth (targets.computation.average_growth). The seeded definitions said
year-on-year; this rewrites them where they are still the seeded text."""

from django.db import migrations

SEEDED = {
    "U9": (
        "(当年知识产权转让、许可交易额 − 上年)÷ 上年 × 100%。",
        "(IP transfer and licence amount of the year − previous year) ÷ previous year.",
    ),
    "U10": (
        "(当年技术合同成交额 − 上年)÷ 上年 × 100%。",
        "(Registered technology contract turnover of the year − previous year) ÷ previous year.",
    ),
}

AVERAGE_GROWTH = {
    "U9": (
        "自基年(2022年)以来的年均增长率:((当年园区企业参与的知识产权转让、许可交易额 ÷ 基年交易额)"
        "^(1 ÷ (当年 − 基年)) − 1)× 100%;基年为0时无数据。",
        "Average annual growth since the base year (2022): ((IP transfer and licence amount with a park "
        "enterprise as a party in the year ÷ the base year's)^(1 ÷ (year − base year)) − 1) × 100 %; "
        "no value over a zero base.",
    ),
    "U10": (
        "自基年(2022年)以来的年均增长率:((当年园区企业参与的技术合同成交额 ÷ 基年成交额)"
        "^(1 ÷ (当年 − 基年)) − 1)× 100%;基年为0时无数据。",
        "Average annual growth since the base year (2022): ((registered technology contract turnover with a "
        "park enterprise as a party in the year ÷ the base year's)^(1 ÷ (year − base year)) − 1) × 100 %; "
        "no value over a zero base.",
    ),
}


def rewrite(apps, schema_editor, old=SEEDED, new=AVERAGE_GROWTH):
    Indicator = apps.get_model("targets", "Indicator")
    for code, (zh, en) in old.items():
        Indicator.objects.filter(code=code, definition_zh=zh).update(definition_zh=new[code][0])
        Indicator.objects.filter(code=code, definition_en=en).update(definition_en=new[code][1])


def restore(apps, schema_editor):
    rewrite(apps, schema_editor, old=AVERAGE_GROWTH, new=SEEDED)


class Migration(migrations.Migration):
    dependencies = [("targets", "0012_approval_history_official_statistics")]
    operations = [migrations.RunPython(rewrite, restore)]
