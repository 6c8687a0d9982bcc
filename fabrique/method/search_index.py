"""What the search index says about projects and needs."""

from fabrique.core.vocabulary import Theme
from fabrique.network.models import Structure
from fabrique.search.enums import DocumentType
from fabrique.search.registry import IndexedDocument, SearchAdapter, Watch, places, soft_url
from fabrique.search.visibility import Visibility

from .enums import NeedStatus, Stage
from .models import Need, Project


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
            keywords=" ".join([str(theme), project.structure.name, project.public_carrier_name, *places(departements)]),
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
            keywords=" ".join([str(theme), need.commune, *places([departement])]),
            url=soft_url(need),
            visibility=Visibility.STRUCTURE,
            structure_id=need.structure_id,
            category=need.status,
            date=need.detected_on,
            themes=[need.theme],
            regions=[departement.region_id],
        )
