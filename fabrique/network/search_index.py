"""What the search index says about a structure: a public page once admitted, else its members only."""

from fabrique.search.enums import DocumentType
from fabrique.search.registry import IndexedDocument, SearchAdapter, places, soft_url
from fabrique.search.visibility import Visibility

from .enums import StructureStatus
from .models import Structure
from .perms import PUBLIC_STATUSES


class StructureAdapter(SearchAdapter):
    type = DocumentType.STRUCTURE
    model = Structure
    m2m_fields = ("departements",)
    category_choices = tuple(StructureStatus.choices)

    def queryset(self):
        return Structure.objects.prefetch_related("departements__region")

    def document(self, structure: Structure) -> IndexedDocument:
        departements = list(structure.departements.all())
        public = structure.status in PUBLIC_STATUSES
        return IndexedDocument(
            title=structure.name,
            summary=" · ".join(part for part in (structure.area_label, structure.city) if part),
            body=structure.description,
            keywords=" ".join([structure.parent_network, structure.legal_form, *places(departements)]),
            url=soft_url(structure),
            visibility=Visibility.PUBLIC if public else Visibility.STRUCTURE,
            structure_id=structure.pk,
            category=structure.status,
            date=structure.labelled_on or structure.experimenting_since or structure.joined_on,
            regions=[departement.region_id for departement in departements],
        )
