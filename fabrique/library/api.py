"""Library API: the resources a caller may read, with the same rules as the pages."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Query, Router

from fabrique.core.api_answers import answer
from fabrique.core.api_errors import invalid
from fabrique.core.api_refs import StructureRef
from fabrique.core.api_types import Text
from fabrique.core.markdown import render_markdown
from fabrique.core.pagination import Page, page_of
from fabrique.core.vocabulary import Theme
from fabrique.method.interface import readable_projects
from fabrique.network.models import Structure
from fabrique.network.perms import readable_structures
from fabrique.search.enums import DocumentType
from fabrique.search.query import RECENT, RELEVANCE, SearchRequest, search

from .enums import ResourceKind
from .models import Resource, ResourceFile
from .perms import readable_resources, resource_abilities
from .schemas import FileOut, ResourceDetailOut, ResourceFilters, ResourceOut

router = Router(tags=["Bibliothèque"])


def _file(request, resource: Resource, stored: ResourceFile | None) -> dict | None:
    if stored is None:
        return None
    return answer(
        FileOut,
        stored,
        format=stored.file_format,
        url=request.build_absolute_uri(reverse("library:file_download", args=[resource.slug, stored.pk])),
    )


def resource_item(request, resource: Resource, schema=ResourceOut, **values) -> dict:
    files = list(resource.files.all())
    structure = resource.author_structure
    return answer(
        schema,
        resource,
        kind_label=resource.get_kind_display(),
        author_structure=answer(StructureRef, structure) if structure else None,
        url=request.build_absolute_uri(resource.get_absolute_url()),
        file=_file(request, resource, files[0] if files else None),
        abilities=resource_abilities(request.user, resource),
        **values,
    )


def _search_request(request, filters: ResourceFilters) -> SearchRequest:
    if filters.kind and filters.kind not in ResourceKind.values:
        raise invalid(["query", "kind"], _("Type de ressource inconnu : « %s ».") % filters.kind)
    if filters.theme and filters.theme not in Theme.values:
        raise invalid(["query", "theme"], _("Thème inconnu : « %s ».") % filters.theme)
    structure_id = None
    if filters.structure:
        structure = readable_structures(request.user, Structure.objects.filter(slug=filters.structure)).first()
        if structure is None:
            raise invalid(["query", "structure"], _("Structure inconnue : « %s ».") % filters.structure)
        structure_id = structure.pk
    return SearchRequest(
        text=filters.q,
        types=[DocumentType.RESOURCE],
        theme=filters.theme or "",
        category=filters.kind or "",
        structure_id=structure_id,
        order=RELEVANCE if filters.q else RECENT,
    )


def _with_files():
    return Resource.objects.select_related("author_structure").prefetch_related(
        Prefetch("files", queryset=ResourceFile.objects.order_by("-number"))
    )


@router.get("/resources", response=Page[ResourceOut], summary="Lister les ressources")
def list_resources(request, filters: Query[ResourceFilters]):
    """Ressources lisibles par l'appelant : les plus récentes d'abord, ou les plus pertinentes pour `q`."""
    found = search(request.user, _search_request(request, filters), filters.page, filters.page_size, facets=False)
    resources = _with_files().in_bulk([result.document.object_id for result in found.results])
    results = [
        resource_item(request, resources[result.document.object_id])
        for result in found.results
        if result.document.object_id in resources
    ]
    return page_of(request, filters, found.count, results)


@router.get("/resources/{slug}", response=ResourceDetailOut, summary="Lire une ressource")
def get_resource(request, slug: Text):
    """Une ressource, son contenu, ses projets liés et toutes les versions de son fichier."""
    resource = get_object_or_404(readable_resources(request.user, _with_files()), slug=slug)
    files = list(resource.files.all())
    projects = readable_projects(request.user, resource.projects.all()).values_list("pk", flat=True)
    return resource_item(
        request,
        resource,
        ResourceDetailOut,
        body_html=str(render_markdown(resource.body)),
        authors=[str(author) for author in resource.authors.order_by("last_name", "first_name")],
        projects=list(projects),
        working_group=resource.working_group.slug if resource.working_group_id else None,
        earlier_files=[_file(request, resource, stored) for stored in files[1:]],
    )
