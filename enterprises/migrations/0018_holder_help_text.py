

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('enterprises', '0017_import_run_changes'),
    ]

    operations = [
        migrations.AlterField(
            model_name='copyright',
            name='holder_name',
            field=models.CharField(help_text='As the list gives it; co-holders separated by `;` or `；`.', max_length=500, verbose_name='holder'),
        ),
        migrations.AlterField(
            model_name='iclayoutdesign',
            name='holder_name',
            field=models.CharField(help_text='As the list gives it; co-holders separated by `;` or `；`.', max_length=500, verbose_name='holder'),
        ),
        migrations.AlterField(
            model_name='patent',
            name='holder_name',
            field=models.CharField(help_text='As the list gives it; co-holders separated by `;` or `；`.', max_length=500, verbose_name='holder'),
        ),
        migrations.AlterField(
            model_name='plantvariety',
            name='holder_name',
            field=models.CharField(help_text='As the list gives it; co-holders separated by `;` or `；`.', max_length=500, verbose_name='holder'),
        ),
        migrations.AlterField(
            model_name='trademark',
            name='holder_name',
            field=models.CharField(help_text='As the list gives it; co-holders separated by `;` or `；`.', max_length=500, verbose_name='holder'),
        ),
    ]
