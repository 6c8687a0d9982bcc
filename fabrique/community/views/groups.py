"""Running working groups: the coordination creates and edits them, the leads manage their members."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from fabrique.core.exceptions import DomainError, VersionConflict
from fabrique.core.forms import attach_errors

from ..enums import GroupRole
from ..forms import AddMemberForm, WorkingGroupForm
from ..models import GroupMembership, WorkingGroup
from ..perms import can_create_group
from ..services import groups
from .life import _group_for


def _group_with(request, slug: str, ability: str) -> WorkingGroup:
    group, abilities = _group_for(request, slug)
    if not abilities["view"]:
        raise Http404(_("Groupe de travail introuvable."))
    if not abilities[ability]:
        raise PermissionDenied(_("Vous ne pouvez pas faire cela pour ce groupe de travail."))
    return group


@login_required
@require_http_methods(["GET", "POST"])
def group_create(request):
    if not can_create_group(request.user):
        raise PermissionDenied(_("Seule la coordination du réseau crée les groupes de travail."))
    form = WorkingGroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            group = groups.create_group(request.user, form.group_data())
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, _("Le groupe de travail est créé."))
            return redirect(group)
    return render(request, "community/groups/form.html", {"form": form, "group": None})


@login_required
@require_http_methods(["GET", "POST"])
def group_edit(request, slug):
    group = _group_with(request, slug, "change")
    name = group.name
    form = WorkingGroupForm(request.POST or None, instance=group, leads=groups.leads_of(group))
    if request.method == "POST" and form.is_valid():
        try:
            groups.update_group(group, request.user, form.group_data(), form.cleaned_data["version"])
        except (VersionConflict, ValidationError) as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, _("Le groupe de travail est enregistré."))
            return redirect(group)
    return render(request, "community/groups/form.html", {"form": form, "group": group, "name": name})


@login_required
@require_http_methods(["GET", "POST"])
def group_members(request, slug):
    """The members of the group, to add one, make one a lead (or a member again), or take one out."""
    group = _group_with(request, slug, "manage_members")
    form = AddMemberForm(request.POST or None, group=group)
    if request.method == "POST" and form.is_valid():
        try:
            groups.add_member(group, request.user, form.cleaned_data["user"])
        except ValidationError as exc:
            attach_errors(form, exc)
        except DomainError as exc:
            form.add_error("user", str(exc))
        else:
            messages.success(request, _("%(person)s rejoint le groupe.") % {"person": form.cleaned_data["user"]})
            return redirect("community:group_members", slug=group.slug)
    memberships = group.memberships.select_related("user").order_by("role", "user__last_name", "user__first_name")
    context = {"group": group, "form": form, "memberships": memberships, "roles": GroupRole}
    return render(request, "community/groups/members.html", context)


def _membership(request, slug: str, pk: int) -> GroupMembership:
    group = _group_with(request, slug, "manage_members")
    return get_object_or_404(GroupMembership.objects.select_related("group", "user"), group=group, pk=pk)


@login_required
@require_POST
def group_member_role(request, slug, pk):
    membership = _membership(request, slug, pk)
    version = request.POST.get("version", "")
    try:
        groups.change_role(
            membership, request.user, request.POST.get("role", ""), int(version) if version.isdigit() else None
        )
    except (DomainError, ValidationError) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    else:
        messages.success(request, _("Le rôle de %(person)s est changé.") % {"person": membership.user})
    return redirect("community:group_members", slug=slug)


@login_required
@require_POST
def group_member_remove(request, slug, pk):
    membership = _membership(request, slug, pk)
    try:
        groups.remove_member(membership, request.user)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("%(person)s ne fait plus partie du groupe.") % {"person": membership.user})
    return redirect("community:group_members", slug=slug)
