"""The request log derives from core's TransitionLog: `changed_at` gets a real default, and the new
`transition` and `via` are filled for existing rows. The names are frozen here (transitions.REQUEST_TABLE may
change): each (from, to) pair has one transition, except deferred → deferred, which is a second inscription on
an agenda (its note says so) or a second deferral. The decisions were written by the closing of a session:
their way is "committee"; every other row keeps "service"."""

import django.utils.timezone
from django.db import migrations, models

PAIRS = {
    ("", "draft"): "create",
    ("draft", "submitted"): "submit",
    ("draft", "withdrawn"): "withdraw",
    ("submitted", "withdrawn"): "withdraw",
    ("deferred", "withdrawn"): "withdraw",
    ("submitted", "submitted"): "schedule",
    ("submitted", "granted"): "grant",
    ("deferred", "granted"): "grant",
    ("submitted", "refused"): "refuse",
    ("deferred", "refused"): "refuse",
    ("submitted", "deferred"): "defer",
}
DECISIONS = ("grant", "refuse", "defer")
AGENDA_NOTE = "Inscrite à l'ordre du jour"


def name_transitions(apps, schema_editor):
    log = apps.get_model("appellation", "RequestLog")
    for (from_status, to_status), name in PAIRS.items():
        log.objects.filter(from_status=from_status, to_status=to_status).update(transition=name)
    again = log.objects.filter(from_status="deferred", to_status="deferred")
    again.filter(note__startswith=AGENDA_NOTE).update(transition="reschedule")
    again.exclude(note__startswith=AGENDA_NOTE).update(transition="defer")
    log.objects.filter(transition__in=DECISIONS).update(via="committee")


class Migration(migrations.Migration):
    dependencies = [
        ("appellation", "0003_french_names"),
    ]

    operations = [
        migrations.AddField(
            model_name="requestlog",
            name="transition",
            field=models.CharField(blank=True, max_length=40, verbose_name="transition"),
        ),
        migrations.AddField(
            model_name="requestlog",
            name="via",
            field=models.CharField(default="service", max_length=40, verbose_name="voie"),
        ),
        migrations.AlterField(
            model_name="requestlog",
            name="changed_at",
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name="le"),
        ),
        migrations.RunPython(name_transitions, migrations.RunPython.noop),
    ]
