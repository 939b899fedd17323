
from django.db import migrations


class Migration(migrations.Migration):
    """Review events, notifications and attachments now belong to core (core 0001): state only."""

    dependencies = [
        ('enterprises', '0011_patent_list_order_index'),
        ('core', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='notification',
                    name='event',
                ),
                migrations.RemoveField(
                    model_name='notification',
                    name='user',
                ),
                migrations.RemoveField(
                    model_name='reviewevent',
                    name='actor',
                ),
                migrations.RemoveField(
                    model_name='reviewevent',
                    name='content_type',
                ),
                migrations.DeleteModel(
                    name='Attachment',
                ),
                migrations.DeleteModel(
                    name='Notification',
                ),
                migrations.DeleteModel(
                    name='ReviewEvent',
                ),
            ],
        ),
    ]
