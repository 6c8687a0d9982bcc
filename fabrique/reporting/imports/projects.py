"""Import of projects with their outcome and stage log.

A project is identified by its slug (column « Identifiant du projet »), else by its structure and title. Its
stage log comes from the « Journal des étapes » sheet when the workbook has one (the projects export does),
checked as a chain following the method's table (method/stages.py) and ending at the project's stage; otherwise
it is written along the table from the detection date to the « Étape depuis le » date, the stages in between
undated (`dated` false: the stage durations leave them out). An existing project that changes stage gets the
rows of the table's shortest way there (a way the table refuses is a problem of the row), so the stage always
equals the last log row. Rows are written through the method's bulk path (`services.stage_history`,
via "import"). The steering-committee rule of the method (a "go" before the transmission) applies to moves made
on the platform, not to a history brought in from a spreadsheet.
"""

from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from fabrique.core.exceptions import TransitionError
from fabrique.core.versioning import save_with_version
from fabrique.method import services
from fabrique.method.enums import STAGE_ORDER, STOPPED_STAGES, Stage
from fabrique.method.models import Need, Outcome, Project

from ..columns import PROJECT_COLUMNS as COLUMNS
from ..columns import STAGE_LOG_COLUMNS, STAGE_LOG_SHEET
from .base import CHANGE_REASON, Importer, Row
from .projects_log import check_log, generated_log, imported_chain

FIELDS = ["title", "summary", "theme", "detected_on", "carrier_name", "carrier_kind", "carrier_contact", "is_public"]
OUTCOME_FIELDS = [
    "created_on",
    "legal_form",
    "siret",
    "jobs_fte",
    "followup_1y_active",
    "followup_1y_jobs_fte",
    "followup_3y_active",
    "followup_3y_jobs_fte",
]
NO_DB_CHECK = ["structure", "created_by", "version", "slug", "needs", "departements"]
NOTE = "Import d'un tableur"


def _noon(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)), timezone.get_current_timezone())


class ProjectImporter(Importer):
    kind = "projects"
    columns = COLUMNS

    def prepare(self, book, rows: list[Row]) -> None:
        structures = self.load_structures()
        known = self.departements()
        seen: dict = {}
        owners = dict(
            Project.objects.filter(slug__in=[r.values.get("slug") for r in rows if r.values.get("slug")]).values_list(
                "slug", "structure_id"
            )
        )
        for row in rows:
            row.structure = self.resolve_structure(row, structures)
            values = row.values
            self.check_departements(row, "departements", values.get("departements") or [], known)
            slug = values.get("slug")
            row.key = slug or (row.structure.pk if row.structure else None, values.get("title"))
            self.check_duplicate(row, row.key, seen, "slug" if slug else "title")
            if slug and row.structure and slug in owners and owners[slug] != row.structure.pk:
                self.problem(
                    row.number, row.header("slug", self.columns), slug, _("Ce projet appartient à une autre structure.")
                )
            self._check_stage(row)
        self.logs = self._read_log(book, rows)

    def _check_stage(self, row: Row) -> None:
        values = row.values
        stage = values.setdefault("stage", Stage.DETECTION) or Stage.DETECTION
        values["stage"] = stage
        stopped = values.get("stopped_at")
        if stage in STOPPED_STAGES:
            if stopped not in STAGE_ORDER[:-1]:
                self.problem(
                    row.number,
                    row.header("stopped_at", self.columns),
                    stopped or "",
                    _(
                        "Pour un projet en pause ou abandonné, indiquez l'étape où il s'est arrêté "
                        "(de la détection à l'accompagnement au lancement)."
                    ),
                )
            if not values.get("stop_reason"):
                self.problem(
                    row.number, row.header("stop_reason", self.columns), "", _("Indiquez le motif de l'arrêt.")
                )
        elif stopped:
            self.problem(
                row.number,
                row.header("stopped_at", self.columns),
                stopped,
                _("Seul un projet en pause ou abandonné a une étape d'arrêt."),
            )
        if stage == Stage.CREATED and not (values.get("created_on") and values.get("legal_form")):
            self.problem(
                row.number,
                row.header("created_on", self.columns),
                values.get("created_on") or "",
                _("Une activité créée a une date de création et une forme juridique."),
            )
        if values.get("created_on") and values.get("detected_on") and values["created_on"] < values["detected_on"]:
            self.problem(
                row.number,
                row.header("created_on", self.columns),
                values["created_on"].strftime("%d/%m/%Y"),
                _("La date de création précède la date de détection."),
            )

    def _read_log(self, book, rows: list[Row]) -> dict:
        sheet = book.sheet(str(STAGE_LOG_SHEET)) or book.sheet("stage_log")
        if sheet is None or sheet is book.sheets[0]:
            return {}
        log_rows = self.parse(sheet, STAGE_LOG_COLUMNS)
        if self.report.problems:
            return {}
        stages = {r.values.get("slug"): r.values["stage"] for r in rows if r.values.get("slug")}
        logs = check_log(self, log_rows, stages)
        self.sheet_name = ""
        return logs

    # --- writing ------------------------------------------------------------------------------------------

    def apply(self, rows: list[Row]) -> None:
        structure_ids = {row.structure.pk for row in rows}
        projects = Project.objects.filter(structure_id__in=structure_ids).select_related("outcome")
        projects = projects.prefetch_related("departements", "needs")
        by_slug = {p.slug: p for p in projects}
        by_title = {(p.structure_id, p.title): p for p in by_slug.values()}
        self.slugs = set(Project.objects.values_list("slug", flat=True))
        self.needs = {(n.structure_id, n.title): n for n in Need.objects.filter(structure_id__in=structure_ids)}
        self.fresh: list[tuple[Row, Project]] = []
        for done, row in enumerate(rows, start=1):
            slug = row.values.get("slug")
            project = by_slug.get(slug) if slug else by_title.get(row.key)
            if project is None:
                self._new(row)
            else:
                self._update(row, project)
            self.tick(done)
        self._flush()

    def _needs_of(self, row: Row) -> list[Need] | None:
        if "needs" not in row.values:
            return None
        found = []
        for title in row.values.get("needs") or []:
            need = self.needs.get((row.structure.pk, title))
            if need is None:
                self.problem(
                    row.number,
                    row.header("needs", self.columns),
                    title,
                    _("Aucun besoin de cette structure ne porte cet intitulé (importez d'abord les besoins)."),
                )
            else:
                found.append(need)
        return found

    def _slug(self, row: Row) -> str:
        slug = row.values.get("slug")
        if slug and slug not in self.slugs:
            self.slugs.add(slug)
            return slug
        base = slugify(row.values["title"])[:80].strip("-") or "projet"
        candidate, n = base, 1
        while candidate in self.slugs:
            n += 1
            candidate = f"{base}-{n}"
        self.slugs.add(candidate)
        return candidate

    def _outcome(self, row: Row, outcome: Outcome | None, project: Project):
        """The project's outcome filled from the row (None when the row has no creation date)."""
        if not row.values.get("created_on"):
            return outcome, []
        created = outcome is None
        outcome = outcome or Outcome(project=project)
        changed = self.set_fields(outcome, row.values, OUTCOME_FIELDS)
        try:
            outcome.full_clean(exclude=["project", "version"])
        except ValidationError as error:
            self.validation_problems(row, error, {})
            return None, []
        return outcome, (["created"] if created else changed)

    def _new(self, row: Row) -> None:
        values = row.values
        project = Project(
            structure=row.structure,
            created_by=self.user,
            stage=values["stage"],
            stopped_at=values.get("stopped_at") or "",
            stop_reason=values.get("stop_reason") or "",
        )
        self.set_fields(project, values, FIELDS)
        project.slug = self._slug(row)
        try:
            project.full_clean(exclude=NO_DB_CHECK)
        except ValidationError as error:
            self.validation_problems(row, error, {})
            return
        log = self.logs.get(values.get("slug")) or generated_log(values, _noon)
        project.stage_changed_at = log[-1]["changed_at"]
        row.log, row.needs = log, self._needs_of(row)
        row.outcome, _changed = self._outcome(row, None, project)
        self.fresh.append((row, project))
        self.count(True, True)

    def _update(self, row: Row, project: Project) -> None:
        values = row.values
        changed = self.set_fields(project, values, FIELDS)
        stage_moved = values["stage"] != project.stage
        if stage_moved:
            day = values.get("stage_since")
            try:  # along the method's table, from where the project is: a way it refuses is a problem of the row
                log = imported_chain(project.stage, project.stopped_at, values, None, _noon(day) if day else None)
                history = services.stage_history(project.pk, log, start=project.stage, stopped_at=project.stopped_at)
            except TransitionError as error:
                self.problem(row.number, row.header("stage", self.columns), values["stage"], str(error))
                return
            project.stage = values["stage"]
            project.stopped_at = values.get("stopped_at") or ""
            project.stop_reason = values.get("stop_reason") or ""
            project.stage_changed_at = _noon(day) if day else timezone.now()
            changed += ["stage", "stopped_at", "stop_reason", "stage_changed_at"]
        codes = sorted(values.get("departements") or [])
        departements_moved = "departements" in values and sorted(d.pk for d in project.departements.all()) != codes
        needs = self._needs_of(row)
        needs_moved = needs is not None and {n.pk for n in needs} != {n.pk for n in project.needs.all()}
        outcome, outcome_changed = self._outcome(row, getattr(project, "outcome", None), project)
        if not (changed or departements_moved or needs_moved or outcome_changed):
            self.count(False, False)
            return
        try:
            project.full_clean(exclude=NO_DB_CHECK)
        except ValidationError as error:
            self.validation_problems(row, error, {})
            return
        if changed:
            project._change_reason = CHANGE_REASON
            save_with_version(project, None, changed, by=self.user)
        if stage_moved:
            for entry in history:
                entry.changed_by = self.user
            services.write_stage_history(history)
        if departements_moved:
            project.departements.set(codes)
        if needs_moved:
            project.needs.set(needs)
        if outcome_changed:
            outcome._history_user = self.user
            outcome.save()
        self.count(False, True)

    def _flush(self) -> None:
        if not self.fresh or self.report.problems:
            return
        projects = bulk_create_with_history(
            [p for _row, p in self.fresh],
            Project,
            batch_size=500,
            default_user=self.user,
            default_change_reason=CHANGE_REASON,
        )
        departement_links, need_links, logs, outcomes = [], [], [], []
        for (row, _unsaved), project in zip(self.fresh, projects, strict=True):
            departement_links += [
                Project.departements.through(project_id=project.pk, departement_id=code)
                for code in row.values.get("departements") or []
            ]
            need_links += [Project.needs.through(project_id=project.pk, need_id=n.pk) for n in row.needs or []]
            logs += services.stage_history(project.pk, row.log, start="")
            if row.outcome is not None:
                row.outcome.project = project
                outcomes.append(row.outcome)
        Project.departements.through.objects.bulk_create(departement_links, batch_size=1000)
        Project.needs.through.objects.bulk_create(need_links, batch_size=1000)
        services.write_stage_history(logs)
        bulk_create_with_history(
            outcomes, Outcome, batch_size=500, default_user=self.user, default_change_reason=CHANGE_REASON
        )
