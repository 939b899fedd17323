"""One filing per enterprise, kind and number (rejected filings aside), as a constraint.

Parallel posts could file a number more than once before; of each such group the first filing
stays and the later ones still open (draft, submitted, under review, returned) are rejected,
with a note on their timeline. Two approved filings of one number (both merged into the same
record) cannot be undone here: the migration stops and names them.
"""

from django.db import migrations, models

OPEN = ("draft", "submitted", "under_review", "returned")
NOTE = "重复申报，已在添加“同一编号只申报一次”规则时驳回。Duplicate of filing #%s, rejected when one filing per number became a rule."


def reject_later_duplicates(apps, schema_editor):
    Filing = apps.get_model("enterprises", "Filing")
    ReviewEvent = apps.get_model("core", "ReviewEvent")
    ContentType = apps.get_model("contenttypes", "ContentType")
    groups = (
        Filing.objects.exclude(state="rejected")
        .exclude(number="")
        .values("enterprise_id", "kind", "number")
        .annotate(count=models.Count("pk"))
        .filter(count__gt=1)
    )
    content_type = None
    for group in groups:
        filings = list(
            Filing.objects.filter(
                enterprise_id=group["enterprise_id"], kind=group["kind"], number=group["number"]
            )
            .exclude(state="rejected")
            .order_by("created_at", "pk")
        )
        first, later = filings[0], filings[1:]
        kept = [filing for filing in later if filing.state not in OPEN]
        if kept:
            raise RuntimeError(
                f"Filings {[first.pk, *(f.pk for f in kept)]} of number {group['number']} are past review; "
                "keep one, set the others to rejected in the database, then migrate again."
            )
        if content_type is None:
            content_type, _created = ContentType.objects.get_or_create(app_label="enterprises", model="filing")
        for filing in later:
            ReviewEvent.objects.create(
                content_type=content_type,
                object_id=filing.pk,
                from_state=filing.state,
                to_state="rejected",
                comment=NOTE % first.pk,
            )
            filing.state = "rejected"
            filing.save(update_fields=["state"])


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("enterprises", "0013_facts_as_of_the_day"),
    ]

    operations = [
        migrations.RunPython(reject_later_duplicates, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="filing",
            constraint=models.UniqueConstraint(
                condition=models.Q(models.Q(("state", "rejected"), _negated=True), models.Q(("number", ""), _negated=True)),
                fields=("enterprise", "kind", "number"),
                name="unique_filing_number",
            ),
        ),
    ]
