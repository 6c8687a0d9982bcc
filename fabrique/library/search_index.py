"""What the search index says about a resource: the same visibility rule as its pages; and the project
notebooks that "déjà fait ailleurs" links beside a similar activity."""

from django.urls import reverse

from fabrique.core.vocabulary import Theme
from fabrique.network.models import Structure
from fabrique.search.enums import DocumentType
from fabrique.search.registry import IndexedDocument, SearchAdapter, Watch, soft_url
from fabrique.search.visibility import readable_q

from .enums import ResourceKind
from .models import Resource


class ResourceAdapter(SearchAdapter):
    type = DocumentType.RESOURCE
    model = Resource
    category_choices = tuple(ResourceKind.choices)
    watches = (Watch(Structure, lambda structure: structure.resources.all()),)

    def queryset(self):
        return Resource.objects.select_related("author_structure").prefetch_related("author_structure__departements")

    def document(self, resource: Resource) -> IndexedDocument:
        structure = resource.author_structure
        labels = dict(Theme.choices)
        keywords = [str(ResourceKind(resource.kind).label), *(str(labels[t]) for t in resource.themes if t in labels)]
        keywords += [resource.other_authors, structure.name if structure else ""]
        return IndexedDocument(
            title=resource.title,
            summary=resource.summary,
            body=resource.body,
            keywords=" ".join(part for part in keywords if part),
            url=soft_url(resource),
            visibility=resource.visibility,
            structure_id=resource.author_structure_id,
            category=resource.kind,
            date=resource.updated_at.date() if resource.updated_at else None,
            themes=list(resource.themes),
            regions=[d.region_id for d in structure.departements.all()] if structure else [],
        )


def project_notebooks(user, project_ids: list[int]) -> dict[int, str]:
    """The address of the latest project notebook (carnet de projets) `user` may read, per project."""
    notebooks = (
        Resource.objects.filter(readable_q(user, "visibility", "author_structure_id"))
        .filter(kind=ResourceKind.PROJECT_NOTEBOOK, projects__in=project_ids)
        .values_list("projects", "slug")
        .order_by("-updated_at")
    )
    by_project: dict[int, str] = {}
    for project_id, slug in notebooks:
        by_project.setdefault(project_id, slug)
    return {project_id: reverse("library:resource_detail", args=[slug]) for project_id, slug in by_project.items()}
