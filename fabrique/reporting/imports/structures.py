"""Import of the registry's structures (coordinator only): identified by their slug."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from fabrique.core.versioning import save_with_version
from fabrique.network.enums import StructureStatus
from fabrique.network.models import Structure, StructureStatusLog

from ..columns import STRUCTURE_COLUMNS
from .base import CHANGE_REASON, Importer, Row

FIELDS = [col.code for col in STRUCTURE_COLUMNS if col.code not in ("slug", "departements")]
VIA = "import"


class StructureImporter(Importer):
    kind = "structures"
    columns = STRUCTURE_COLUMNS
    needs_structure = False

    def prepare(self, book, rows: list[Row]) -> None:
        known = self.departements()
        seen: dict = {}
        for row in rows:
            self.check_duplicate(row, row.values.get("slug"), seen, "slug")
            self.check_departements(row, "departements", row.values.get("departements") or [], known)
            if self.default_structure is not None and row.values.get("slug") != self.default_structure.slug:
                self.problem(
                    row.number,
                    row.header("slug", self.columns),
                    row.values.get("slug"),
                    _("Cet import ne concerne que la structure « %s ».") % self.default_structure.slug,
                )

    def apply(self, rows: list[Row]) -> None:
        existing = {s.slug: s for s in Structure.objects.prefetch_related("departements")}
        for done, row in enumerate(rows, start=1):
            self._apply_row(row, existing.get(row.values["slug"]))
            self.tick(done)

    def _apply_row(self, row: Row, structure: Structure | None) -> None:
        created = structure is None
        if created:
            structure = Structure(slug=row.values["slug"], status=StructureStatus.CANDIDATE)
        previous_status = structure.status
        values = dict(row.values)
        if values.get("status") is None:
            values.pop("status", None)
        changed = self.set_fields(structure, values, FIELDS)
        codes = sorted(values.get("departements") or [])
        departements_changed = "departements" in values and (
            created or sorted(d.pk for d in structure.departements.all()) != codes
        )
        if not created and not changed and not departements_changed:
            self.count(False, False)
            return
        try:
            structure.full_clean(exclude=["version"])
        except ValidationError as error:
            self.validation_problems(row, error, {})
            return
        structure._change_reason = CHANGE_REASON
        if created:
            structure._history_user = self.user
            structure.save()
            StructureStatusLog.objects.create(
                structure=structure,
                from_status="",
                to_status=structure.status,
                changed_by=self.user,
                reason=_("Import d'un tableur"),
                via=VIA,
            )
        else:
            save_with_version(structure, None, changed, by=self.user)
            if structure.status != previous_status:
                StructureStatusLog.objects.create(
                    structure=structure,
                    from_status=previous_status,
                    to_status=structure.status,
                    changed_by=self.user,
                    reason=_("Import d'un tableur"),
                    via=VIA,
                )
        if departements_changed:
            structure.departements.set(codes)
        self.count(created, True)
