"""The stage log derives from core's TransitionLog: `from_stage`/`to_stage` become `from_status`/`to_status`,
`transition` and `via` are added (existing rows: via "service", the way is not known), and `dated` marks the rows an
import adds without a date. `transition` is filled for existing rows from (from, to) with a frozen copy of the
method's table (stages.STAGE_TABLE as this migration was written); a pair the table has no transition for stays
blank."""

from django.db import migrations, models

PATH = ("detection", "opportunity", "transmission", "feasibility", "launch", "created")
FORWARD = {
    ("", "detection"): "open",
    ("detection", "opportunity"): "study_opportunity",
    ("opportunity", "transmission"): "transmit",
    ("transmission", "feasibility"): "study_feasibility",
    ("feasibility", "launch"): "launch",
    ("launch", "created"): "create_activity",
}


def transition_name(from_stage: str, to_stage: str) -> str:
    if (from_stage, to_stage) in FORWARD:
        return FORWARD[(from_stage, to_stage)]
    running = PATH[:-1]
    if from_stage in PATH and to_stage in running and PATH.index(to_stage) < PATH.index(from_stage):
        return f"back_to_{to_stage}"
    if to_stage == "paused" and from_stage in running:
        return "pause"
    if to_stage == "abandoned" and from_stage in (*running, "paused"):
        return "abandon"
    if from_stage == "paused" and to_stage in PATH:
        return "resume"
    if from_stage == "abandoned" and to_stage in PATH:
        return "reopen"
    return ""


def name_transitions(apps, schema_editor):
    log = apps.get_model("method", "ProjectStageLog")
    pairs = log.objects.values_list("from_status", "to_status").distinct().order_by()
    for from_stage, to_stage in pairs:
        name = transition_name(from_stage, to_stage)
        if name:
            log.objects.filter(from_status=from_stage, to_status=to_stage).update(transition=name)


class Migration(migrations.Migration):

    dependencies = [
        ('method', '0005_french_names'),
    ]

    operations = [
        migrations.RenameField(
            model_name='projectstagelog',
            old_name='from_stage',
            new_name='from_status',
        ),
        migrations.RenameField(
            model_name='projectstagelog',
            old_name='to_stage',
            new_name='to_status',
        ),
        migrations.AddField(
            model_name='projectstagelog',
            name='dated',
            field=models.BooleanField(default=True, help_text="Faux pour une étape qu'un import a reconstituée sans date : elle ne compte pas dans les durées.", verbose_name='date connue'),
        ),
        migrations.AddField(
            model_name='projectstagelog',
            name='transition',
            field=models.CharField(blank=True, max_length=40, verbose_name='transition'),
        ),
        migrations.AddField(
            model_name='projectstagelog',
            name='via',
            field=models.CharField(default='service', max_length=40, verbose_name='voie'),
        ),
        migrations.RunPython(name_transitions, migrations.RunPython.noop),
    ]
