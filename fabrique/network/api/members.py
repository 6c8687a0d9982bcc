"""The caller, the members of a structure and invitations, under /api/v1/accounts/ beside the personal tokens (their
own router: another prefix and another tag than the registry's)."""

from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from fabrique.accounts.api import CONFLICT
from fabrique.accounts.schemas import NoBody
from fabrique.core.api_answers import answer
from fabrique.core.api_auth import IDENTIFIED
from fabrique.core.api_errors import invalid, validate_fields
from fabrique.core.api_refs import StructureRef
from fabrique.core.api_types import Id, Text
from fabrique.core.exceptions import DomainError
from fabrique.core.pagination import Page, PageParams, paginate

from ..enums import MembershipRole
from ..models import Invitation, Membership, Structure
from ..perms import (
    can_invite,
    can_view_structure,
    invitation_abilities,
    members_abilities,
    membership_abilities,
    readable_invitations,
    readable_structures,
)
from ..schemas import (
    InvitationCreate,
    InvitationOut,
    MemberOut,
    MembershipPatch,
    MeOut,
    OwnMembershipOut,
    PersonOut,
)
from ..services import members as services

router = Router(tags=["Comptes"], auth=IDENTIFIED)


# --- presenters ------------------------------------------------------------------------------------------------


def _person(user, schema=PersonOut, **values) -> dict:
    return answer(schema, user, full_name=user.get_full_name(), **values)


def _structure_ref(structure) -> dict | None:
    return None if structure is None else answer(StructureRef, structure)


def _member_item(request, membership: Membership) -> dict:
    return answer(
        MemberOut,
        membership,
        user=_person(membership.user),
        structure=_structure_ref(membership.structure),
        role_label=str(membership.get_role_display()),
        abilities=membership_abilities(request.user, membership),
    )


def _invitation_state(invitation: Invitation) -> str:
    if invitation.accepted_at is not None:
        return "accepted"
    if invitation.revoked_at is not None:
        return "revoked"
    return "expired" if invitation.is_expired else "pending"


def _invitation_item(request, invitation: Invitation) -> dict:
    return answer(
        InvitationOut,
        invitation,
        structure=_structure_ref(invitation.structure),
        role_label=str(invitation.get_role_display()),
        invited_by=invitation.invited_by.email if invitation.invited_by else None,
        state=_invitation_state(invitation),
        abilities=invitation_abilities(request.user, invitation),
    )


# --- the caller ------------------------------------------------------------------------------------------------


@router.get("/me", response=MeOut, summary="Qui suis-je ?")
def me(request):
    """L'appelant·e : adresse, nom, coordination, structures (avec le rôle) et départements suivis comme partenaire."""
    user = request.user
    memberships = user.memberships.select_related("structure").order_by("structure__name", "pk")
    return _person(
        user,
        MeOut,
        memberships=[
            answer(
                OwnMembershipOut,
                m,
                structure=_structure_ref(m.structure),
                role_label=str(m.get_role_display()),
            )
            for m in memberships
        ],
        partner_departements=list(user.partner_departements.order_by("code").values_list("code", flat=True)),
    )


# --- members of a structure ------------------------------------------------------------------------------------


def _members_of(request, structure):
    admins_first = Case(When(role=MembershipRole.ADMIN, then=Value(0)), default=Value(1), output_field=IntegerField())
    return (
        structure.memberships.select_related("user", "structure")
        .annotate(role_rank=admins_first)
        .order_by("role_rank", "user__last_name", "user__first_name", "user__email", "pk")
    )


def _require_members_view(request, structure) -> None:
    """Unknown or unreadable structure: 404; readable but not one's own: 403, as on the members page."""
    if not can_view_structure(request.user, structure):
        raise Http404
    if not members_abilities(request.user, structure)["view"]:
        raise PermissionDenied(_("Seul·es les membres de la structure et la coordination voient ses membres."))


def _membership(request, membership_id: int) -> Membership:
    membership = get_object_or_404(Membership.objects.select_related("user", "structure"), pk=membership_id)
    _require_members_view(request, membership.structure)
    return membership


@router.get(
    "/structures/{slug}/members",
    response=Page[MemberOut],
    summary="Lister les membres d'une structure",
    tags=["Membres"],
)
def list_members(request, slug: Text, params: Query[PageParams]):
    """Les membres d'une structure, administrateur·rices d'abord. Lisible par ses membres et la coordination."""
    structure = get_object_or_404(Structure, slug=slug)
    _require_members_view(request, structure)
    envelope, rows = paginate(request, _members_of(request, structure), params)
    envelope["results"] = [_member_item(request, m) for m in rows]
    return envelope


@router.patch(
    "/memberships/{membership_id}",
    response=MemberOut,
    summary="Changer le rôle d'un membre",
    tags=["Membres"],
    openapi_extra={"responses": CONFLICT},
)
def update_membership(request, membership_id: Id, payload: MembershipPatch):
    """Administrateur·rices de la structure et coordination. `version` est celle lue : une version dépassée est
    refusée (409). Une structure garde toujours au moins un·e administrateur·rice (409)."""
    membership = _membership(request, membership_id)
    updated = services.change_role(membership, by=request.user, role=payload.role, expected_version=payload.version)
    return _member_item(request, updated)


@router.delete(
    "/memberships/{membership_id}",
    response={204: None},
    summary="Retirer un membre (ou quitter une structure)",
    tags=["Membres"],
    openapi_extra={"responses": CONFLICT},
)
def delete_membership(request, membership_id: Id):
    """Les administrateur·rices et la coordination retirent un membre ; chacun·e peut quitter une structure.
    Le ou la dernier·e administrateur·rice ne peut pas être retiré·e (409)."""
    membership = _membership(request, membership_id)
    services.remove_member(membership, by=request.user)
    return Status(204, None)


# --- invitations -----------------------------------------------------------------------------------------------


def _invitations(request):
    return readable_invitations(
        request.user, Invitation.objects.select_related("structure", "invited_by").order_by("-created_at", "-pk")
    )


@router.get("/invitations", response=Page[InvitationOut], summary="Lister les invitations", tags=["Invitations"])
def list_invitations(request, params: Query[PageParams]):
    """Les invitations envoyées par l'appelant·e et celles des structures qu'il ou elle administre ; toutes pour la
    coordination. Le lien d'invitation n'est jamais renvoyé."""
    envelope, rows = paginate(request, _invitations(request), params)
    envelope["results"] = [_invitation_item(request, invitation) for invitation in rows]
    return envelope


def _structure_to_invite_to(request, slug: str | None):
    if slug is None or not slug.strip():
        return None
    structure = readable_structures(request.user, Structure.objects.all()).filter(slug=slug.strip()).first()
    if structure is None:
        raise invalid(["body", "structure"], _("Structure inconnue : « %s ».") % slug.strip())
    return structure


@router.post(
    "/invitations",
    response={201: InvitationOut},
    summary="Inviter une personne",
    tags=["Invitations"],
    openapi_extra={"responses": CONFLICT},
)
def create_invitation(request, payload: InvitationCreate):
    """Invite à une structure (avec un rôle) et/ou à la coordination. La coordination invite partout ; un·e
    administrateur·rice, à ses structures seulement. L'e-mail part à l'enregistrement ; le lien n'est pas renvoyé.
    Une nouvelle invitation remplace celle en attente pour la même adresse et le même objet."""
    if not can_invite(request.user):
        raise PermissionDenied(_("Seul·es la coordination et les administrateur·rices d'une structure invitent."))
    email = validate_fields(Invitation, {"email": payload.email})["email"]
    structure = _structure_to_invite_to(request, payload.structure)
    try:
        invitation, _raw = services.invite(
            by=request.user,
            email=email,
            structure=structure,
            role=payload.role,
            as_coordinator=payload.as_coordinator,
        )
    except DomainError as error:
        if structure is None and not payload.as_coordinator:
            raise invalid(["body", "structure"], str(error)) from None
        raise
    invitation = _invitations(request).get(pk=invitation.pk)
    return Status(201, _invitation_item(request, invitation))


@router.post(
    "/invitations/{invitation_id}/revoke",
    response=InvitationOut,
    summary="Annuler une invitation",
    tags=["Invitations"],
    openapi_extra={"responses": {409: {"description": "L'invitation a déjà été acceptée."}}},
)
def revoke_invitation(request, invitation_id: Id, payload: NoBody | None = None):
    """Le lien cesse aussitôt de fonctionner. Annuler deux fois ne change rien ; une invitation acceptée ne
    s'annule plus (409). Une invitation que l'appelant·e ne voit pas donne 404."""
    invitation = get_object_or_404(Invitation, pk=invitation_id)
    try:
        services.revoke_invitation(invitation, by=request.user)
    except PermissionDenied:
        raise Http404 from None  # an invitation the caller does not see: its existence is not told
    return _invitation_item(request, _invitations(request).get(pk=invitation.pk))
