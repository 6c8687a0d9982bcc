"""The members of a structure: list, change a role, remove (or leave)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fabrique.core.exceptions import DomainError
from fabrique.core.french import de

from ..enums import MembershipRole
from ..forms import MembershipRoleForm
from ..models import Membership, Structure
from ..perms import can_view_structure, invitation_abilities, members_abilities, membership_abilities
from ..services import members as services


def _structure_for(request, slug) -> tuple[Structure, dict]:
    structure = get_object_or_404(Structure, slug=slug)
    if not can_view_structure(request.user, structure):
        raise Http404
    abilities = members_abilities(request.user, structure)
    if not abilities["view"]:
        raise PermissionDenied(_("Seul·es les membres de la structure et la coordination voient ses membres."))
    return structure, abilities


def _membership_for(request, slug, pk) -> Membership:
    membership = get_object_or_404(Membership.objects.select_related("user", "structure"), pk=pk, structure__slug=slug)
    if not members_abilities(request.user, membership.structure)["view"]:
        raise PermissionDenied
    return membership


@login_required
def members(request, slug):
    structure, abilities = _structure_for(request, slug)
    admins_first = Case(When(role=MembershipRole.ADMIN, then=Value(0)), default=Value(1), output_field=IntegerField())
    memberships = (
        structure.memberships.select_related("user")
        .annotate(role_rank=admins_first)
        .order_by("role_rank", "user__last_name", "user__first_name", "user__email")
    )
    rows = [
        {"membership": m, "abilities": membership_abilities(request.user, m), "form": MembershipRoleForm(membership=m)}
        for m in memberships
    ]
    invitations = []
    if abilities["invite"]:
        pending = structure.invitations.select_related("invited_by").filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )
        invitations = [(inv, invitation_abilities(request.user, inv)) for inv in pending]
    context = {"structure": structure, "abilities": abilities, "rows": rows, "invitations": invitations}
    return render(request, "network/members/members.html", context)


@login_required
@require_POST
def member_role(request, slug, pk):
    membership = _membership_for(request, slug, pk)
    if not membership_abilities(request.user, membership)["change_role"]:
        raise PermissionDenied(_("Vous ne pouvez pas changer les rôles des membres de cette structure."))
    form = MembershipRoleForm(request.POST, membership=membership)
    if not form.is_valid():
        messages.error(request, _("Rôle : choisissez administrateur·rice ou chargé·e de mission."))
        return redirect("network:members", slug=slug)
    try:
        updated = services.change_role(
            membership, by=request.user, role=form.cleaned_data["role"], expected_version=form.cleaned_data["version"]
        )
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("%(person)s est désormais %(role)s.") % {"person": updated.user, "role": updated.get_role_display()},
        )
    return redirect("network:members", slug=slug)


@login_required
@require_POST
def member_remove(request, slug, pk):
    membership = _membership_for(request, slug, pk)  # the service refuses a member one may not remove (403)
    leaving = membership.user_id == request.user.pk
    try:
        services.remove_member(membership, by=request.user)
    except DomainError as error:
        messages.error(request, str(error))
        return redirect("network:members", slug=slug)
    if leaving:
        messages.success(request, _("Vous avez quitté %(structure)s.") % {"structure": membership.structure})
        return redirect("dashboard")
    messages.success(
        request,
        _("%(person)s ne fait plus partie %(of_structure)s.")
        % {"person": membership.user, "of_structure": de(membership.structure.name)},
    )
    return redirect("network:members", slug=slug)
