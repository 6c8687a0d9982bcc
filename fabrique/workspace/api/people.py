"""The people of a project under /api/v1/projects/{project_id}/: who is on it, invite, revoke an invitation, remove a
person, change an expert's observer flag, leave. The same rights as the pages (perms.py): 404 for whoever is not on
the project, 403 when the place does not allow it; refusals in French."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Status

from fabrique.accounts.api import CONFLICT
from fabrique.accounts.schemas import NoBody
from fabrique.core.api_answers import answer
from fabrique.core.api_auth import IDENTIFIED
from fabrique.core.api_errors import invalid
from fabrique.core.api_types import Id
from fabrique.network.models import Partner

from ..models import ProjectInvitation, ProjectMember
from ..schemas import (
    PeopleOut,
    PersonRef,
    ProjectInvitationCreate,
    ProjectInvitationOut,
    ProjectPersonOut,
    ProjectPersonPatch,
    TeamPersonOut,
)
from ..selectors import people_of
from ..services import people as services
from ..views.common import workspace_for

router = Router(tags=["Espace d'un projet"], auth=IDENTIFIED)


# --- presenters ------------------------------------------------------------------------------------------------


def _person(user, abilities: dict) -> dict:
    """A person's name; their address only to the team and the coordination, as on the « Personnes » page."""
    email = user.email if abilities["see_internal"] else None
    return answer(PersonRef, user, email=email, full_name=user.get_full_name())


def _project_person(member: ProjectMember, abilities: dict) -> dict:
    manage = abilities["manage_people"]
    return answer(
        ProjectPersonOut,
        member,
        id=member.pk,
        user=_person(member.user, abilities),
        role_label=str(member.get_role_display()),
        partner=member.partner.name if member.partner else None,
        abilities={"remove": manage, "change_observer": manage and member.role == "expert"},
    )


def _invitation(invitation: ProjectInvitation, abilities: dict) -> dict:
    return answer(
        ProjectInvitationOut,
        invitation,
        id=invitation.pk,
        role_label=str(invitation.get_role_display()),
        partner=invitation.partner.name if invitation.partner else None,
        invited_by=invitation.invited_by.email if invitation.invited_by else None,
        abilities={"revoke": abilities["manage_people"] and invitation.is_usable},
    )


# --- reads -----------------------------------------------------------------------------------------------------


@router.get("/projects/{project_id}/people", response=PeopleOut, summary="Lister les personnes d'un projet")
def list_people(request, project_id: Id):
    """L'équipe de la structure et les personnes invitées sur le projet (porteur, partenaires, experts) ; pour
    l'équipe, les invitations en attente. 404 pour qui n'est pas sur le projet."""
    project, _place, abilities = workspace_for(request.user, project_id)
    people = people_of(project)
    invitations = []
    if abilities["manage_people"]:
        invitations = services.pending_invitations(project).select_related("invited_by", "partner")
    return answer(
        PeopleOut,
        team=[
            answer(TeamPersonOut, user=_person(m.user, abilities), role_label=str(m.get_role_display()))
            for m in people["team"]
        ],
        people=[_project_person(member, abilities) for member in people["people"]],
        invitations=[_invitation(invitation, abilities) for invitation in invitations],
        abilities=abilities,
    )


# --- writes ----------------------------------------------------------------------------------------------------


def _partner(partner_id: int | None):
    if partner_id is None:
        return None
    partner = Partner.objects.filter(pk=partner_id).first()
    if partner is None:
        raise invalid(["body", "partner"], _("Partenaire du registre inconnu : %(id)s.") % {"id": partner_id})
    return partner


@router.post(
    "/projects/{project_id}/invitations",
    response={201: ProjectInvitationOut},
    summary="Inviter une personne sur un projet",
)
def create_invitation(request, project_id: Id, payload: ProjectInvitationCreate):
    """L'équipe invite une adresse comme porteur, partenaire (lié ou non à un partenaire du registre) ou expert
    (observateur ou non). Refusé (422, rien d'enregistré) : adresse invalide, personne déjà sur le projet ou déjà
    invitée, observateur qui n'est pas expert, partenaire du registre pour qui n'est pas partenaire. L'e-mail part
    après l'enregistrement ; le lien n'est jamais renvoyé."""
    project, _place, abilities = workspace_for(request.user, project_id, "manage_people")
    invitation, _raw = services.invite(
        project,
        by=request.user,
        email=payload.email,
        role=payload.role,
        observer=payload.observer,
        partner=_partner(payload.partner),
    )
    return Status(201, _invitation(invitation, abilities))


@router.post(
    "/projects/{project_id}/invitations/{invitation_id}/revoke",
    response=ProjectInvitationOut,
    summary="Annuler une invitation sur un projet",
    openapi_extra={"responses": {409: {"description": "L'invitation a déjà été acceptée."}}},
)
def revoke_invitation(request, project_id: Id, invitation_id: Id, payload: NoBody | None = None):
    """L'équipe annule une invitation : le lien cesse aussitôt de fonctionner. Annuler deux fois ne change rien."""
    project, _place, abilities = workspace_for(request.user, project_id, "manage_people")
    invitation = get_object_or_404(
        ProjectInvitation.objects.select_related("project", "invited_by", "partner"), pk=invitation_id, project=project
    )
    services.revoke_invitation(invitation, by=request.user)
    invitation.refresh_from_db(fields=["revoked_at"])
    return _invitation(invitation, abilities)


def _member(project, member_id: int) -> ProjectMember:
    return get_object_or_404(
        ProjectMember.objects.select_related("user", "partner", "project"), pk=member_id, project=project
    )


@router.patch(
    "/projects/{project_id}/people/{member_id}",
    response=ProjectPersonOut,
    summary="Mettre un expert en observation (ou lui permettre d'écrire)",
    openapi_extra={"responses": CONFLICT},
)
def update_person(request, project_id: Id, member_id: Id, payload: ProjectPersonPatch):
    """L'équipe seule ; seul un expert est observateur (422). `version` est celle lue : dépassée, 409."""
    project, _place, abilities = workspace_for(request.user, project_id, "manage_people")
    member = _member(project, member_id)
    updated = services.set_observer(
        member, by=request.user, observer=payload.observer, expected_version=payload.version
    )
    return _project_person(_member(project, updated.pk), abilities)


@router.delete("/projects/{project_id}/people/{member_id}", response={204: None}, summary="Retirer une personne")
def delete_person(request, project_id: Id, member_id: Id):
    """L'équipe retire une personne du projet : son accès cesse aussitôt."""
    project, _place, _abilities = workspace_for(request.user, project_id, "manage_people")
    services.remove_person(_member(project, member_id), by=request.user)
    return Status(204, None)


@router.post("/projects/{project_id}/leave", response={204: None}, summary="Quitter un projet")
def leave(request, project_id: Id, payload: NoBody | None = None):
    """Une personne invitée (porteur, partenaire, expert) quitte le projet : 404 ensuite. L'équipe ne le quitte pas
    (403) : elle est sur chaque projet de sa structure."""
    project, _place, _abilities = workspace_for(request.user, project_id, "leave")
    services.leave(project, user=request.user)
    return Status(204, None)
