"""The library: list with filters and search, a page per resource, the publish and edit forms, downloads."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from fabrique.core.exceptions import VersionConflict
from fabrique.method.interface import Project, project_abilities, readable_projects
from fabrique.network.models import Structure
from fabrique.network.perms import readable_structures
from fabrique.search.enums import DocumentType
from fabrique.search.query import RECENT, RELEVANCE, SearchRequest, search
from fabrique.search.registry import soft_url
from fabrique.search.visibility import Visibility

from . import services
from .forms import LibraryFilterForm, ResourceForm
from .models import Resource, ResourceFile
from .perms import can_create_resource, resource_abilities
from .uploads import IMAGE_FORMATS

PER_PAGE = 20


class _Counted:
    def __init__(self, count: int):
        self.count = count

    def __len__(self):
        return self.count


def _page_number(request) -> int:
    try:
        return max(1, int(request.GET.get("page", 1)))
    except ValueError:
        return 1


def _author_structures(user):
    having = Resource.objects.filter(author_structure__isnull=False).values("author_structure")
    return readable_structures(user, Structure.objects.filter(pk__in=having)).order_by("name")


@require_safe
def resource_list(request):
    """Every resource the reader may read, newest first, or the best matches of a search; filters by type,
    theme and author structure. The search index applies the reader's rights."""
    form = LibraryFilterForm(request.GET or None, structures=_author_structures(request.user))
    data = form.cleaned_data if form.is_valid() else {}
    structure = data.get("structure")
    query = SearchRequest(
        text=data.get("q", ""),
        types=[DocumentType.RESOURCE],
        theme=data.get("theme", ""),
        category=data.get("kind", ""),
        structure_id=structure.pk if structure else None,
        order=RELEVANCE if data.get("q") else RECENT,
    )
    number = _page_number(request)
    found = search(request.user, query, number, PER_PAGE, facets=False)
    resources = Resource.objects.in_bulk([result.document.object_id for result in found.results])
    rows = [(result, resources.get(result.document.object_id)) for result in found.results]
    rows = [(result, resource) for result, resource in rows if resource is not None]
    paginator = Paginator(_Counted(found.count), PER_PAGE)
    page = Page(rows, min(number, paginator.num_pages), paginator)
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "form": form,
        "found": found,
        "page": page,
        "query": params.urlencode(),
        "can_create": can_create_resource(request.user),
        "filtered": any(data.values()) if data else False,
    }
    return render(request, "library/list.html", context)


class _LoginNeeded(Exception):
    pass


def _resource_for(request, slug: str, ability: str = "view") -> tuple[Resource, dict]:
    """The resource if the reader may see it (else 404, or the login page for an anonymous visitor) and do
    `ability` on it (else 403)."""
    resource = get_object_or_404(Resource.objects.select_related("author_structure", "working_group"), slug=slug)
    abilities = resource_abilities(request.user, resource)
    if not abilities["view"]:
        if not request.user.is_authenticated:
            raise _LoginNeeded
        raise Http404(_("Ressource introuvable."))
    if not abilities[ability]:
        raise PermissionDenied(_("Vous ne pouvez pas modifier cette ressource."))
    return resource, abilities


def _login_for_private(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _LoginNeeded:
            return redirect_to_login(request.get_full_path())

    return wrapper


@require_safe
@_login_for_private
def resource_detail(request, slug):
    resource, abilities = _resource_for(request, slug)
    projects = readable_projects(request.user, resource.projects.select_related("structure")).order_by("title")
    files = list(resource.files.select_related("uploaded_by"))
    context = {
        "resource": resource,
        "abilities": abilities,
        "current_file": files[0] if files else None,
        "earlier_files": files[1:],
        "authors": resource.authors.order_by("last_name", "first_name"),
        "projects": [(project, _project_url(request.user, project)) for project in projects],
    }
    return render(request, "library/detail.html", context)


def _project_url(user, project: Project) -> str:
    abilities = project_abilities(user, project)
    if abilities["view"]:
        return soft_url(project)
    return soft_url(project, "get_public_url") if abilities["view_public"] else ""


def _form_errors_from(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error("file", exc)


@login_required
def resource_create(request):
    if not can_create_resource(request.user):
        raise PermissionDenied(_("Seuls les membres du réseau publient dans la bibliothèque."))
    form = ResourceForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            resource = services.create_resource(
                request.user,
                form.resource_data(),
                authors=form.cleaned_data["authors"],
                projects=form.cleaned_data["projects"],
                upload=form.cleaned_data.get("file"),
                note=form.cleaned_data.get("file_note", ""),
            )
        except ValidationError as exc:
            _form_errors_from(form, exc)
        else:
            messages.success(request, _("La ressource est publiée."))
            return redirect(resource)
    return render(request, "library/form.html", {"form": form, "resource": None})


@login_required
def resource_edit(request, slug):
    resource, _abilities = _resource_for(request, slug, "change")
    title = resource.title
    form = ResourceForm(request.POST or None, request.FILES or None, instance=resource, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_resource(
                resource,
                request.user,
                form.resource_data(),
                expected_version=form.cleaned_data["version"],
                authors=form.cleaned_data["authors"],
                projects=form.cleaned_data["projects"],
                upload=form.cleaned_data.get("file"),
                note=form.cleaned_data.get("file_note", ""),
            )
        except VersionConflict as exc:
            form.add_error(None, str(exc))
        except ValidationError as exc:
            _form_errors_from(form, exc)
        else:
            messages.success(request, _("La ressource est enregistrée."))
            return redirect(resource)
    return render(request, "library/form.html", {"form": form, "resource": resource, "title": title})


@require_safe
@_login_for_private
def file_download(request, slug, pk):
    """A file version, only for those who may read the resource; never from MEDIA_URL directly."""
    resource, _abilities = _resource_for(request, slug)
    stored = get_object_or_404(ResourceFile, pk=pk, resource=resource)
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("Ce fichier n'est plus disponible.")) from None
    inline = stored.file_format in IMAGE_FORMATS or stored.file_format == "pdf"
    response = FileResponse(handle, as_attachment=not inline, filename=stored.name, content_type=stored.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = (
        "private, no-store" if resource.visibility != Visibility.PUBLIC else "public, max-age=300"
    )
    return response
