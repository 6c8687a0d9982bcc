"""What the search index says about structures, projects and needs (the other types declare their own
adapter in their app: `library.search_index`, `community.search_index`)."""

from fabrique.core.vocabulary import Theme
from fabrique.method.enums import NeedStatus, Stage
from fabrique.method.models import Need, Project
from fabrique.network.enums import StructureStatus
from fabrique.network.models import Structure
from fabrique.network.perms import PUBLIC_STATUSES

from .enums import DocumentType
from .registry import IndexedDocument, SearchAdapter, Watch, register, soft_url
from .visibility import Visibility


def _places(departements) -> list[str]:
    names = []
    for departement in departements:
        names += [departement.name, departement.region.name]
    return list(dict.fromkeys(names))


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
            keywords=" ".join([structure.parent_network, structure.legal_form, *_places(departements)]),
            url=soft_url(structure),
            visibility=Visibility.PUBLIC if public else Visibility.STRUCTURE,
            structure_id=structure.pk,
            category=structure.status,
            date=structure.labelled_on or structure.experimenting_since or structure.joined_on,
            regions=[departement.region_id for departement in departements],
        )


class ProjectAdapter(SearchAdapter):
    """A project is read by its structure's members and the coordinator; a public created activity by all.

    Only what the public page shows is indexed (never the carrier's contact or a person's name)."""

    type = DocumentType.PROJECT
    model = Project
    m2m_fields = ("departements",)
    category_choices = tuple(Stage.choices)
    watches = (Watch(Structure, lambda structure: structure.projects.all()),)

    def queryset(self):
        return Project.objects.select_related("structure").prefetch_related("departements__region")

    def document(self, project: Project) -> IndexedDocument:
        departements = list(project.departements.all())
        public = project.is_public_activity
        theme = Theme(project.theme).label if project.theme in Theme.values else ""
        return IndexedDocument(
            title=project.title,
            summary=project.summary,
            keywords=" ".join(
                [str(theme), project.structure.name, project.public_carrier_name, *_places(departements)]
            ),
            url=soft_url(project, "get_public_url") if public else soft_url(project),
            visibility=Visibility.PUBLIC if public else Visibility.STRUCTURE,
            structure_id=project.structure_id,
            category=project.stage,
            date=project.detected_on,
            themes=[project.theme],
            regions=[departement.region_id for departement in departements],
        )


class NeedAdapter(SearchAdapter):
    """A need is confidential to its structure (and the coordinator); who brought it is never indexed."""

    type = DocumentType.NEED
    model = Need
    category_choices = tuple(NeedStatus.choices)

    def queryset(self):
        return Need.objects.select_related("departement__region", "structure")

    def document(self, need: Need) -> IndexedDocument:
        theme = Theme(need.theme).label if need.theme in Theme.values else ""
        departement = need.departement
        return IndexedDocument(
            title=need.title,
            summary=need.description,
            keywords=" ".join([str(theme), need.commune, *_places([departement])]),
            url=soft_url(need),
            visibility=Visibility.STRUCTURE,
            structure_id=need.structure_id,
            category=need.status,
            date=need.detected_on,
            themes=[need.theme],
            regions=[departement.region_id],
        )


def register_all() -> None:
    from fabrique.community.search_index import EventAdapter, NewsAdapter
    from fabrique.library.search_index import ResourceAdapter

    for adapter in (
        StructureAdapter(),
        ProjectAdapter(),
        NeedAdapter(),
        ResourceAdapter(),
        EventAdapter(),
        NewsAdapter(),
    ):
        register(adapter)
