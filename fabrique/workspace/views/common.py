"""Fetch a project scoped to its workspace: 404 for whoever is not on it (its existence is confidential), 403 for
an action their place does not allow."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from fabrique.method.models import Project

from ..perms import Place, place_on, workspace_abilities


def workspace_for(user, pk: int, ability: str = "view") -> tuple[Project, Place, dict[str, bool]]:
    project = get_object_or_404(Project.objects.select_related("structure"), pk=pk)
    place = place_on(user, project)
    abilities = workspace_abilities(user, project, place)
    if not abilities["view"]:
        raise Http404(_("Projet introuvable."))
    if not abilities[ability]:
        raise PermissionDenied(_("Votre place sur ce projet ne permet pas de faire cela."))
    return project, place, abilities


def private_file(field_file, *, filename: str, content_type: str, inline: bool = False) -> FileResponse:
    """A private file of a project (a document's version, a message's attachment) to someone whose rights were
    checked: named as uploaded, never cached by a shared cache, never sniffed nor run (sandbox); 404 if the file is
    gone from the storage."""
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404(_("Ce fichier n'est plus disponible.")) from None
    response = FileResponse(handle, as_attachment=not inline, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
