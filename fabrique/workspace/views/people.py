"""The people of a project: who is on it, the pending invitations, inviting, removing, the observer flag, leaving."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from fabrique.core.exceptions import DomainError, VersionConflict
from fabrique.core.forms import attach_errors

from ..forms import InvitationForm, ObserverForm
from ..models import ProjectInvitation, ProjectMember
from ..selectors import people_of
from ..services import people as services
from .common import workspace_for


def _render(request, project, place, abilities, form=None, status=200):
    invitations = []
    if abilities["manage_people"]:
        invitations = list(services.pending_invitations(project).select_related("invited_by", "partner"))
        form = form or InvitationForm(project=project)
    context = {
        "project": project,
        "place": place,
        "abilities": abilities,
        "people": people_of(project),
        "invitations": invitations,
        "form": form,
        "valid_days": settings.INVITATION_VALID_DAYS,
        "tab": "people",
    }
    return render(request, "workspace/people.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def people(request, pk: int):
    """Everyone on the project; the team also sees the pending invitations and invites (POST)."""
    if request.method == "GET":
        return _render(request, *workspace_for(request.user, pk))
    project, place, abilities = workspace_for(request.user, pk, "manage_people")
    form = InvitationForm(request.POST, project=project)
    if form.is_valid():
        data = form.cleaned_data
        try:
            invitation, _raw = services.invite(
                project,
                by=request.user,
                email=data["email"],
                role=data["role"],
                observer=data["observer"],
                partner=data["partner"],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(
                request,
                _("Invitation envoyée à %(email)s. Le lien est valable %(days)s jours.")
                % {"email": invitation.email, "days": settings.INVITATION_VALID_DAYS},
            )
            return redirect("workspace:people", pk=project.pk)
    return _render(request, project, place, abilities, form=form)


@login_required
@require_POST
def invitation_revoke(request, pk: int, invitation_pk: int):
    project, _place, _abilities = workspace_for(request.user, pk, "manage_people")
    invitation = get_object_or_404(
        ProjectInvitation.objects.select_related("project"), pk=invitation_pk, project=project
    )
    try:
        services.revoke_invitation(invitation, by=request.user)
    except DomainError as refusal:  # accepted or revoked meanwhile (another tab, another person of the team)
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("L'invitation envoyée à %(email)s est annulée.") % {"email": invitation.email})
    return redirect("workspace:people", pk=project.pk)


def _member(project, member_pk: int) -> ProjectMember:
    return get_object_or_404(ProjectMember.objects.select_related("user", "project"), pk=member_pk, project=project)


@login_required
@require_http_methods(["GET", "POST"])
def person_remove(request, pk: int, member_pk: int):
    """GET asks for confirmation; POST removes the person, whose access ends at once."""
    project, place, abilities = workspace_for(request.user, pk, "manage_people")
    member = _member(project, member_pk)
    if request.method == "POST":
        services.remove_person(member, by=request.user)
        name = member.user.get_full_name() or member.user.email
        messages.success(request, _("%(name)s n'est plus sur le projet.") % {"name": name})
        return redirect("workspace:people", pk=project.pk)
    context = {"project": project, "place": place, "abilities": abilities, "member": member, "tab": "people"}
    return render(request, "workspace/person_remove.html", context)


@login_required
@require_POST
def person_observer(request, pk: int, member_pk: int):
    project, _place, _abilities = workspace_for(request.user, pk, "manage_people")
    member = _member(project, member_pk)
    form = ObserverForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Le formulaire est incomplet : rechargez la page et recommencez."))
        return redirect("workspace:people", pk=project.pk)
    try:
        services.set_observer(
            member,
            by=request.user,
            observer=form.cleaned_data["observer"],
            expected_version=form.cleaned_data["version"],
        )
    except (ValidationError, VersionConflict) as error:
        messages.error(request, " ".join(error.messages) if isinstance(error, ValidationError) else str(error))
    else:
        messages.success(request, _("La place de l'expert sur le projet est enregistrée."))
    return redirect("workspace:people", pk=project.pk)


@login_required
@require_http_methods(["GET", "POST"])
def leave(request, pk: int):
    """GET asks for confirmation; POST takes the person off the project: the workspace is a 404 for them after."""
    project, place, abilities = workspace_for(request.user, pk, "leave")
    if request.method == "POST":
        services.leave(project, user=request.user)
        messages.success(request, _("Vous avez quitté le projet « %(title)s ».") % {"title": project.title})
        return redirect("dashboard")
    context = {"project": project, "place": place, "abilities": abilities, "tab": "people"}
    return render(request, "workspace/leave.html", context)
