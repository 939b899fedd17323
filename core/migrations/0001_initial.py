
import django.db.models.deletion
import django.utils.timezone
import ipportal.uploads
from django.conf import settings
from django.db import migrations, models


MOVED = ("reviewevent", "notification", "attachment")


def content_types_follow(apps, schema_editor, old="enterprises", new="core"):
    """Audit entries and permissions point at the content types, which keep their ids."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label=old, model__in=MOVED).update(app_label=new)


def content_types_go_back(apps, schema_editor):
    content_types_follow(apps, schema_editor, old="core", new="enterprises")


class Migration(migrations.Migration):
    """Review events, notifications and attachments move from enterprises to core: the tables
    keep their names (enterprises_*), only Django's state and the content types change."""

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('enterprises', '0011_patent_list_order_index'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ReviewEvent',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('object_id', models.PositiveBigIntegerField()),
                        ('from_state', models.CharField(blank=True, choices=[('draft', 'draft'), ('submitted', 'submitted'), ('under_review', 'under review'), ('returned', 'returned for changes'), ('approved', 'approved'), ('paid', 'paid'), ('rejected', 'rejected')], max_length=16, verbose_name='from')),
                        ('to_state', models.CharField(choices=[('draft', 'draft'), ('submitted', 'submitted'), ('under_review', 'under review'), ('returned', 'returned for changes'), ('approved', 'approved'), ('paid', 'paid'), ('rejected', 'rejected')], max_length=16, verbose_name='to')),
                        ('at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='at')),
                        ('comment', models.TextField(blank=True, verbose_name='comment')),
                        ('actor', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by')),
                        ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype')),
                    ],
                    options={
                        'verbose_name': 'review event',
                        'verbose_name_plural': 'review events',
                        'db_table': 'enterprises_reviewevent',
                        'ordering': ['at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Notification',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('read_at', models.DateTimeField(blank=True, null=True)),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to=settings.AUTH_USER_MODEL)),
                        ('event', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to='core.reviewevent')),
                    ],
                    options={
                        'verbose_name': 'notification',
                        'verbose_name_plural': 'notifications',
                        'db_table': 'enterprises_notification',
                        'ordering': ['-event__at', '-pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Attachment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('object_id', models.PositiveBigIntegerField()),
                        ('file', models.FileField(upload_to=ipportal.uploads.GeneratedName('selfservice'), verbose_name='file')),
                        ('name', models.CharField(max_length=200, verbose_name='file name')),
                        ('size', models.PositiveIntegerField(verbose_name='size (bytes)')),
                        ('uploaded_at', models.DateTimeField(auto_now_add=True, verbose_name='uploaded')),
                        ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype')),
                        ('uploaded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'attachment',
                        'verbose_name_plural': 'attachments',
                        'db_table': 'enterprises_attachment',
                        'ordering': ['uploaded_at', 'pk'],
                        'indexes': [models.Index(fields=['content_type', 'object_id'], name='enterprises_content_f36735_idx')],
                    },
                ),
                migrations.AddIndex(
                    model_name='reviewevent',
                    index=models.Index(fields=['content_type', 'object_id'], name='enterprises_content_849faa_idx'),
                ),
            ],
        ),
        migrations.RunPython(content_types_follow, content_types_go_back),
    ]
