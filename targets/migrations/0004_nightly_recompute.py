"""Recompute every indicator nightly at 02:30 (Asia/Shanghai) via django-celery-beat."""

import json

from django.db import migrations


def schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    crontab, _ = CrontabSchedule.objects.get_or_create(
        minute="30", hour="2", day_of_week="*", day_of_month="*", month_of_year="*", timezone="Asia/Shanghai"
    )
    PeriodicTask.objects.update_or_create(
        name="nightly indicator recomputation",
        defaults={
            "task": "targets.tasks.recompute_indicators",
            "crontab": crontab,
            "kwargs": json.dumps({"trigger": "nightly"}),
            "enabled": True,
        },
    )


def unschedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name="nightly indicator recomputation").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("targets", "0003_seed_plan"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]
    operations = [migrations.RunPython(schedule, unschedule)]
