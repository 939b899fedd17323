

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('finance', '0007_claim_state_choices'),
    ]

    operations = [
        migrations.AlterField(
            model_name='pledge',
            name='reconciled',
            field=models.BooleanField(default=True, help_text='False for a record that so far only an enterprise filing declares; an import of the same number, or an official, reconciles it (enterprises.reconciliation).', verbose_name='reconciled'),
        ),
    ]
