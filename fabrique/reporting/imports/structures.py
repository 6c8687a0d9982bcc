"""Import of the registry's structures (coordinator only): identified by their slug."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from fabrique.core.exceptions import TransitionError
from fabrique.core.versioning import save_with_version
from fabrique.network import services
from fabrique.network.enums import StructureStatus
from fabrique.network.models import Structure

from ..columns import STRUCTURE_COLUMNS
from .base import CHANGE_REASON, Importer, Row

FIELDS = [col.code for col in STRUCTURE_COLUMNS if col.code not in ("slug", "departements")]
VIA = "import"
NOTE = "Import d'un tableur"


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
        if created:  # a new structure arrives with its past, written as the table's path to its status
            structure._history_user = self.user
            structure.save()
            services.record_past_statuses(structure, by=self.user, note=NOTE, via=VIA)
        else:  # an existing one changes status only by the table's transition, below
            wanted, structure.status = structure.status, previous_status
            if set(changed) - {"status"}:
                save_with_version(structure, None, [name for name in changed if name != "status"], by=self.user)
        if not created and wanted != previous_status:
            try:
                structure = services.change_status(
                    structure, wanted, by=self.user, reason=NOTE, via=VIA, on=self._day_of(values, wanted)
                )
            except TransitionError as refusal:
                self.problem(row.number, row.header("status", self.columns), values.get("status"), str(refusal))
                return
        if departements_changed:
            structure.departements.set(codes)
        self.count(created, True)

    @staticmethod
    def _day_of(values: dict, status: str):
        """The row's date of the change to `status`, for the transition's verb (today when the row has none)."""
        names = {
            StructureStatus.EXPERIMENTING: ("experimenting_since", "joined_on"),
            StructureStatus.LABELLED: ("labelled_on",),
            StructureStatus.WITHDRAWN: ("withdrawn_on",),
        }.get(status, ())
        return next((values[name] for name in names if values.get(name)), None)
