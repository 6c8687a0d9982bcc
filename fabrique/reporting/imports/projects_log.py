"""The stage log of imported projects: checked when the file brings it, written when it does not."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from fabrique.method.enums import Stage

NOTE = "Import d'un tableur"


def check_log(importer, log_rows, stages: dict[str, str]) -> dict[str, list[dict]]:
    """Group the log sheet's rows by project and check each chain: it opens from nothing, each row starts
    where the previous one ended, and the last one ends at the project's stage. Problems go to the report."""
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
        previous = ""
        for row in rows:
            if (row.values.get("from_stage") or "") != previous:
                importer.report.add(
                    row.number,
                    row.headers.get("from_stage", "from_stage"),
                    row.values.get("from_stage") or "",
                    _("Le journal ne se suit pas : l'étape précédente était « %s ».")
                    % (Stage(previous).label if previous else _("aucune")),
                    sheet,
                )
            previous = row.values["to_stage"]
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
                "from_stage": r.values.get("from_stage") or "",
                "to_stage": r.values["to_stage"],
                "changed_at": r.values["changed_at"],
                "changed_by": users.get(r.values.get("changed_by")),
                "note": r.values.get("note") or "",
            }
            for r in rows
        ]
    return logs


def generated_log(values: dict, noon) -> list[dict]:
    """A log consistent with the row: opened at detection on the detection date, then one row to the stage
    (through the stage it stopped at, for a paused or abandoned project) on « Étape depuis le »."""
    detected = noon(values["detected_on"])
    since = values.get("stage_since") or (values.get("created_on") if values["stage"] == Stage.CREATED else None)
    moved = noon(since) if since else detected
    entries = [{"from_stage": "", "to_stage": Stage.DETECTION, "changed_at": detected, "note": NOTE}]
    stage, stopped = values["stage"], values.get("stopped_at")
    if stopped and stopped != Stage.DETECTION:
        entries.append({"from_stage": Stage.DETECTION, "to_stage": stopped, "changed_at": detected, "note": NOTE})
    last = entries[-1]["to_stage"]
    if stage != last:
        entries.append({"from_stage": last, "to_stage": stage, "changed_at": max(moved, detected), "note": NOTE})
    return entries
