"""Helpers shared by the method's views: fetch an object scoped to what the reader may see and do."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from fabrique.network.models import Structure

from ..models import CreativitySession, Need, Project
from ..perms import board_abilities, need_abilities, project_abilities, session_abilities


def _check(abilities: dict[str, bool], ability: str, message: str) -> None:
    if not abilities["view"]:
        raise Http404(message)
    if not abilities[ability]:
        raise PermissionDenied(_("Seuls les membres de la structure peuvent faire cela."))


def structure_for(user, slug: str, ability: str = "view") -> tuple[Structure, dict[str, bool]]:
    """The structure whose method area `user` may read (else 403: the structure itself is public) and do
    `ability` in (else 403)."""
    structure = get_object_or_404(Structure, slug=slug)
    abilities = board_abilities(user, structure)
    if not abilities["view"] or not abilities[ability]:
        raise PermissionDenied(_("Le suivi des projets est réservé aux membres de la structure et à la coordination."))
    return structure, abilities


def project_for(user, pk: int, ability: str = "view", queryset=None) -> tuple[Project, dict[str, bool]]:
    """The project if `user` may read it (else 404: its existence is confidential) and do `ability` (else 403)."""
    queryset = queryset if queryset is not None else Project.objects.select_related("structure")
    project = get_object_or_404(queryset, pk=pk)
    abilities = project_abilities(user, project)
    _check(abilities, ability, _("Projet introuvable."))
    return project, abilities


def need_for(user, pk: int, ability: str = "view") -> tuple[Need, dict[str, bool]]:
    need = get_object_or_404(Need.objects.select_related("structure", "departement", "session", "merged_into"), pk=pk)
    abilities = need_abilities(user, need)
    _check(abilities, ability, _("Besoin introuvable."))
    return need, abilities


def session_for(user, pk: int, ability: str = "view") -> tuple[CreativitySession, dict[str, bool]]:
    session = get_object_or_404(CreativitySession.objects.select_related("structure", "departement"), pk=pk)
    abilities = session_abilities(user, session)
    _check(abilities, ability, _("Séance introuvable."))
    return session, abilities


CARD_TAG = "carte-"


def card_tag(project: Project) -> str:
    """The tag of a message about one card: the board shows it beside the card, not at the top of the page."""
    return f"{CARD_TAG}{project.pk}"


def safe_next(request, default: str) -> str:
    """The `next` address of a form when it stays on this site, else `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default
