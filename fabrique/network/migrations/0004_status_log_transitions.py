"""The status log derives from core's TransitionLog: `reason` becomes `note`, `changed_at` gets a real default,
and the new `transition` is filled for existing rows from (from, to): each pair has one transition in the
network's table (services.STATUS_TABLE); a pair with none stays blank."""

import django.utils.timezone
from django.db import migrations, models

PAIRS = {
    ("", "candidate"): "create",
    ("candidate", "experimenting"): "admit",
    ("candidate", "withdrawn"): "withdraw",
    ("experimenting", "withdrawn"): "withdraw",
    ("labelled", "withdrawn"): "withdraw",
    ("withdrawn", "experimenting"): "readmit",
    ("experimenting", "labelled"): "grant_appellation",
}


def name_transitions(apps, schema_editor):
    log = apps.get_model("network", "StructureStatusLog")
    for (from_status, to_status), name in PAIRS.items():
        log.objects.filter(from_status=from_status, to_status=to_status).update(transition=name)


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0003_membership_invitation_from_accounts"),
    ]

    operations = [
        migrations.RenameField(model_name="structurestatuslog", old_name="reason", new_name="note"),
        migrations.AlterField(
            model_name="structurestatuslog",
            name="changed_at",
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name="le"),
        ),
        migrations.AddField(
            model_name="structurestatuslog",
            name="transition",
            field=models.CharField(blank=True, max_length=40, verbose_name="transition"),
        ),
        migrations.RunPython(name_transitions, migrations.RunPython.noop),
    ]
