"""U6's seeded definition said its amount is "in yuan" while every page shows it in 万元 (the
money rule, ipportal.formatting): this rewrites it where it is still the seeded text."""

from django.db import migrations

SEEDED = (
    "当年登记的园区知识产权(专利、商标、著作权)质押融资金额,单位元;2025年达到3亿元。",
    "Park IP pledges of all types registered in the year, amount in yuan; 300,000,000 yuan by 2025.",
)
IN_WAN_YUAN = (
    "当年登记的园区知识产权(专利、商标、著作权)质押融资金额,以万元显示;2025年达到3亿元(30,000万元)。",
    "Park IP pledges of all types registered in the year, shown in 10k yuan (万元); 300 million yuan "
    "(30,000 万元) by 2025.",
)


def rewrite(apps, schema_editor, old=SEEDED, new=IN_WAN_YUAN):
    Indicator = apps.get_model("targets", "Indicator")
    Indicator.objects.filter(code="U6", definition_zh=old[0]).update(definition_zh=new[0])
    Indicator.objects.filter(code="U6", definition_en=old[1]).update(definition_en=new[1])


def restore(apps, schema_editor):
    rewrite(apps, schema_editor, old=IN_WAN_YUAN, new=SEEDED)


class Migration(migrations.Migration):
    dependencies = [("targets", "0014_dossier_lease_and_lost_worker")]
    operations = [migrations.RunPython(rewrite, restore)]
