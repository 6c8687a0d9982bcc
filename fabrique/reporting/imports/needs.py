"""Import of needs and ideas: a need is identified by its structure, title and detection date."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from fabrique.core.versioning import save_with_version
from fabrique.method.enums import NeedStatus
from fabrique.method.models import Need
from fabrique.territories.models import Departement

from ..columns import NEED_COLUMNS
from .base import CHANGE_REASON, Importer, Row
from .cells import departement_code

FIELDS = [
    "title",
    "description",
    "theme",
    "departement_id",
    "commune",
    "source",
    "brought_by_name",
    "brought_by_contact",
    "brought_by_consent",
    "detected_on",
    "status",
    "status_reason",
]
FIELD_COLUMNS = {"departement": "departement", "departement_id": "departement", "merged_into": "merged_into"}
NO_DB_CHECK = ["structure", "departement", "session", "merged_into", "created_by", "version"]


class NeedImporter(Importer):
    kind = "needs"
    columns = NEED_COLUMNS

    def prepare(self, book, rows: list[Row]) -> None:
        structures = self.load_structures()
        known = self.departements()
        seen: dict = {}
        for row in rows:
            row.structure = self.resolve_structure(row, structures)
            if row.values.get("departement"):
                row.values["departement"] = departement_code(row.values["departement"])
            self.check_departements(row, "departement", row.values.get("departement"), known)
            row.key = (
                row.structure.pk if row.structure else None,
                row.values.get("title"),
                row.values.get("detected_on"),
            )
            self.check_duplicate(row, row.key, seen, "title")

    def apply(self, rows: list[Row]) -> None:
        structure_ids = {row.structure.pk for row in rows}
        existing = {
            (n.structure_id, n.title, n.detected_on): n for n in Need.objects.filter(structure_id__in=structure_ids)
        }
        by_title: dict = {}
        for need in existing.values():
            by_title.setdefault((need.structure_id, need.title), []).append(need)
        # Needs merged into another one come last, once the one they point to exists.
        ordered = sorted(rows, key=lambda r: r.values.get("status") == NeedStatus.MERGED)
        fresh: list[Need] = []
        departements = {d.pk: d for d in Departement.objects.all()}
        for done, row in enumerate(ordered, start=1):
            if row.values.get("status") == NeedStatus.MERGED and fresh:
                self._flush(fresh, by_title)
            need = existing.get(row.key)
            created = need is None
            need = need or Need(structure=row.structure, created_by=self.user)
            values = {**row.values, "departement_id": row.values.get("departement")}
            changed = self.set_fields(need, values, FIELDS)
            if row.values.get("departement") in departements:
                need.departement = departements[row.values["departement"]]
            changed += self._merge_target(row, need, by_title)
            if not created and not changed:
                self.count(False, False)
                continue
            if not self._valid(row, need):
                continue
            if created:
                fresh.append(need)
                by_title.setdefault((row.structure.pk, need.title), []).append(need)
            else:
                need._change_reason = CHANGE_REASON
                save_with_version(need, None, changed, by=self.user)
            self.count(created, True)
            self.tick(done)
        self._flush(fresh, by_title)

    def _merge_target(self, row: Row, need: Need, by_title: dict) -> list[str]:
        title = row.values.get("merged_into")
        if "merged_into" not in row.values:
            return []
        target = None
        if title:
            candidates = [n for n in by_title.get((row.structure.pk, title), []) if n.pk]
            if len(candidates) != 1:
                message = (
                    _("Aucun besoin de cette structure ne porte cet intitulé.")
                    if not candidates
                    else _("Plusieurs besoins portent cet intitulé : fusionnez-les à la main.")
                )
                self.problem(row.number, row.header("merged_into", self.columns), title, message)
                return []
            target = candidates[0]
        if need.merged_into_id == (target.pk if target else None):
            return []
        need.merged_into = target
        return ["merged_into"]

    def _valid(self, row: Row, need: Need) -> bool:
        try:
            need.full_clean(exclude=NO_DB_CHECK)
        except ValidationError as error:
            self.validation_problems(row, error, FIELD_COLUMNS)
            return False
        return True

    def _flush(self, fresh: list[Need], by_title: dict) -> None:
        if fresh:
            bulk_create_with_history(
                fresh, Need, batch_size=500, default_user=self.user, default_change_reason=CHANGE_REASON
            )
            fresh.clear()
