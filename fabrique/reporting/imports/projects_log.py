"""The stage log of imported projects: checked when the file brings it, written when it does not."""

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _

from fabrique.core.exceptions import TransitionError
from fabrique.method.enums import STOPPED_STAGES, Stage
from fabrique.method.stages import STAGE_TABLE, chain, return_refusal

NOTE = "Import d'un tableur"
VIA = "import"


def check_log(importer, log_rows, stages: dict[str, str]) -> dict[str, list[dict]]:
    """Group the log sheet's rows by project and check each chain: it opens from nothing, each row starts
    where the previous one ended with a change the method's table allows, and the last one ends at the project's
    stage. Problems go to the report."""
    emails = {r.values.get("changed_by") for r in log_rows if r.values.get("changed_by")}
    users = {u.email: u for u in get_user_model().objects.filter(email__in=emails)} if emails else {}
    grouped: dict[str, list] = {}
    for row in log_rows:
        slug = row.values.get("project")
        if slug not in stages:
            importer.problem(
                row.number,
                row.headers.get("project", "project"),
                slug,
                _("Projet absent de la feuille des projets (ou sans identifiant)."),
            )
            continue
        grouped.setdefault(slug, []).append(row)
    logs = {}
    sheet = importer.sheet_name
    for slug, rows in grouped.items():
        rows.sort(key=lambda r: (r.values["changed_at"], r.number))
        previous = stopped_at = ""
        for row in rows:
            from_stage, to_stage = row.values.get("from_stage") or "", row.values["to_stage"]
            if from_stage != previous:
                importer.report.add(
                    row.number,
                    row.headers.get("from_stage", "from_stage"),
                    from_stage,
                    _("Le journal ne se suit pas : l'étape précédente était « %s ».")
                    % (Stage(previous).label if previous else _("aucune")),
                    sheet,
                )
            elif refusal := _step_refusal(from_stage, to_stage, stopped_at):
                importer.report.add(row.number, row.headers.get("to_stage", "to_stage"), to_stage, refusal, sheet)
            if to_stage in STOPPED_STAGES and from_stage not in STOPPED_STAGES:
                stopped_at = from_stage
            previous = to_stage
        if previous != stages[slug]:
            last = rows[-1]
            importer.report.add(
                last.number,
                last.headers.get("to_stage", "to_stage"),
                previous,
                _("La dernière ligne du journal doit mener à l'étape du projet (« %s »).") % Stage(stages[slug]).label,
                sheet,
            )
        logs[slug] = [
            {
                "from_status": r.values.get("from_stage") or "",
                "to_status": r.values["to_stage"],
                "changed_at": r.values["changed_at"],
                "changed_by": users.get(r.values.get("changed_by")),
                "note": r.values.get("note") or "",
                "via": VIA,
            }
            for r in rows
        ]
    return logs


def _step_refusal(from_stage: str, to_stage: str, stopped_at: str) -> str:
    try:
        STAGE_TABLE.check_chain([(from_stage, to_stage)], start=from_stage)
    except TransitionError as error:
        return str(error)
    return return_refusal(from_stage, to_stage, stopped_at)


def imported_chain(start: str, start_stopped_at: str, values: dict, first_day, last_day) -> list[dict]:
    """The log rows bringing a project from `start` to the row's stage along the method's table (TransitionError
    when it has no way). The first row is dated `first_day` and the last `last_day` when the file gives them
    (None otherwise); the stages in between are not in the file: their rows are `dated` false, placed at the
    last day so the chain keeps its order, and the stage durations leave them out (reporting/flow.py)."""
    steps = chain(start, start_stopped_at, values["stage"], values.get("stopped_at") or "")
    fallback = last_day or first_day or timezone.now()
    rows = []
    for index, (from_stage, to_stage) in enumerate(steps):
        day = None
        if index == 0 and first_day is not None:
            day = first_day
        elif index == len(steps) - 1:
            day = last_day
        changed_at = day or fallback
        rows.append(
            {
                "from_status": from_stage,
                "to_status": to_stage,
                "changed_at": changed_at,
                "note": NOTE,
                "via": VIA,
                "dated": day is not None,
            }
        )
    return rows


def generated_log(values: dict, noon) -> list[dict]:
    """A log consistent with the row of a new project: opened at detection on the detection date, then along
    the method's table to the stage (through the stage it stopped at, for a paused or abandoned project), the
    last row on « Étape depuis le » (or the creation date of a created activity)."""
    detected = noon(values["detected_on"])
    since = values.get("stage_since") or (values.get("created_on") if values["stage"] == Stage.CREATED else None)
    return imported_chain("", "", values, detected, max(noon(since), detected) if since else None)
