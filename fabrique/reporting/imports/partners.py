"""Import of partner organisations and their partnerships with structures.

An organisation is found by its SIRET when given, else by its name (case and accents ignored); a
partnership by its structure and organisation.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from fabrique.core.versioning import save_with_version
from fabrique.network.models import Partner, Partnership

from ..columns import PARTNER_COLUMNS
from .base import CHANGE_REASON, Importer, Row
from .cells import normalize

PARTNER_FIELDS = {"partner": "name", "kind": "kind", "siret": "siret", "website": "website"}
LINK_FIELDS = ["role", "since", "until", "note"]


def _siret(value) -> str:
    return (value or "").replace(" ", "")


class PartnerImporter(Importer):
    kind = "partners"
    columns = PARTNER_COLUMNS

    def prepare(self, book, rows: list[Row]) -> None:
        structures = self.load_structures()
        partner_only = self.allowed_structures is None and self.default_structure is None
        seen: dict = {}
        kinds: dict = {}
        for row in rows:
            if row.values.get("structure") or not partner_only:
                row.structure = self.resolve_structure(row, structures)
            else:
                row.structure = None
            key = self._key(row.values)
            row.key = key
            structure_id = row.structure.pk if row.structure else None
            self.check_duplicate(row, (structure_id, key), seen, "partner")
            kind = row.values.get("kind")
            if key in kinds and kinds[key][0] != kind:
                self.problem(
                    row.number,
                    row.header("kind", self.columns),
                    kind,
                    _("Type différent de celui de la ligne %s pour la même organisation.") % kinds[key][1],
                )
            kinds.setdefault(key, (kind, row.number))

    @staticmethod
    def _key(values) -> str:
        siret = _siret(values.get("siret"))
        return f"siret:{siret}" if siret else f"name:{normalize(values.get('partner'))}"

    def apply(self, rows: list[Row]) -> None:
        partners = {}
        for partner in Partner.objects.all():
            if partner.siret:
                partners[f"siret:{partner.siret}"] = partner
            partners.setdefault(f"name:{normalize(partner.name)}", partner)
        links = {(p.structure_id, p.partner_id): p for p in Partnership.objects.all()}
        touched: set[int] = set()
        for done, row in enumerate(rows, start=1):
            partner = partners.get(row.key) or partners.get(f"name:{normalize(row.values.get('partner'))}")
            partner, partner_changed = self._partner(row, partner, touched)
            if partner is None:
                continue
            partners[row.key] = partner
            link_created = link_changed = False
            if row.structure is not None:
                link = links.get((row.structure.pk, partner.pk))
                link, link_created, link_changed = self._partnership(row, link, partner)
                if link is not None:
                    links[(row.structure.pk, partner.pk)] = link
            self.count(
                link_created or (row.structure is None and partner_changed == "created"),
                bool(partner_changed) or link_changed,
            )
            self.tick(done)

    def _partner(self, row: Row, partner: Partner | None, touched: set[int]):
        created = partner is None
        partner = partner or Partner()
        values = {PARTNER_FIELDS[k]: v for k, v in row.values.items() if k in PARTNER_FIELDS}
        if "siret" in values:
            values["siret"] = _siret(values["siret"])
        changed = [] if (not created and partner.pk in touched) else self.set_fields(partner, values, values)
        if not created and not changed:
            return partner, ""
        try:
            partner.full_clean(exclude=["version"])
        except ValidationError as error:
            self.validation_problems(row, error, {v: k for k, v in PARTNER_FIELDS.items()})
            return None, ""
        partner._change_reason = CHANGE_REASON
        if created:
            partner._history_user = self.user
            partner.save()
        else:
            save_with_version(partner, None, changed, by=self.user)
        touched.add(partner.pk)
        return partner, "created" if created else "updated"

    def _partnership(self, row: Row, link: Partnership | None, partner: Partner):
        created = link is None
        link = link or Partnership(structure=row.structure, partner=partner)
        changed = self.set_fields(link, row.values, LINK_FIELDS)
        if not created and not changed:
            return link, False, False
        try:
            link.full_clean(exclude=["version", "structure", "partner"], validate_unique=False)
        except ValidationError as error:
            self.validation_problems(row, error, {"__all__": "until"})
            return None, False, False
        link._change_reason = CHANGE_REASON
        if created:
            link._history_user = self.user
            link.save()
        else:
            save_with_version(link, None, changed, by=self.user)
        return link, created, not created
