from django.db import migrations

from fabrique.territories.loader import load_territories


def forward(apps, schema_editor):
    load_territories(apps.get_model("territories", "Region"), apps.get_model("territories", "Departement"))


class Migration(migrations.Migration):
    dependencies = [("territories", "0001_initial")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
