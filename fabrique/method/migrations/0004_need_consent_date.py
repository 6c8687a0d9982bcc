"""Needs get the date their bringer's consent was recorded: the retention of the contact runs from it."""

from django.db import migrations, models
from django.db.models.functions import TruncDate


def date_existing_consents(apps, schema_editor):
    # the best known date for a consent recorded before this field: the day the need was recorded
    Need = apps.get_model("method", "Need")
    Need.objects.filter(brought_by_consent=True).update(brought_by_consent_on=TruncDate("created_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("method", "0003_french_timestamps_labels"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalneed",
            name="brought_by_consent_on",
            field=models.DateField(blank=True, editable=False, null=True, verbose_name="consentement recueilli le"),
        ),
        migrations.AddField(
            model_name="need",
            name="brought_by_consent_on",
            field=models.DateField(blank=True, editable=False, null=True, verbose_name="consentement recueilli le"),
        ),
        migrations.RunPython(date_existing_consents, migrations.RunPython.noop),
    ]
