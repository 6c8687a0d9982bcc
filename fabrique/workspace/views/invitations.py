"""Accepting an invitation to a project: one link, four situations, as for the network's invitations (a new person
signs up, a known person logs in then confirms, someone else logged in is refused, an unusable link says why)."""

from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from fabrique.accounts.models import User
from fabrique.core.exceptions import DomainError
from fabrique.network.forms import AcceptInvitationSignupForm
from fabrique.network.services.members import InvitationUnusable, WrongInvitee, check_usable

from ..services import people as services

BACKEND = "fabrique.accounts.backends.EmailBackend"


def _unusable(request, message: str, reason: str, status: int):
    context = {"message": message, "reason": reason}
    return render(request, "network/members/invitation_unusable.html", context, status=status)


def _wrong_person(request, invitation, message: str):
    context = {"invitation": invitation, "message": message}
    return render(request, "network/members/invitation_wrong_person.html", context, status=403)


@never_cache
@require_http_methods(["GET", "POST"])
def accept_invitation(request, token: str):
    invitation = services.find_invitation(token)
    if invitation is None:
        message = _("Ce lien d'invitation est inconnu. Vérifiez qu'il a été copié en entier depuis l'e-mail reçu.")
        return _unusable(request, message, "unknown", 404)
    try:
        check_usable(invitation)
    except InvitationUnusable as error:
        return _unusable(request, str(error), error.reason, 410)
    account = User.objects.filter(email__iexact=invitation.email).first()
    current = request.user if request.user.is_authenticated else None
    if current is not None and (account is None or current.pk != account.pk):
        return _wrong_person(request, invitation, services.wrong_invitee_message(invitation, current))
    if account is None:
        return _signup(request, invitation)
    if current is None:
        return render(request, "workspace/invitation_login_first.html", {"invitation": invitation})
    return _confirm(request, invitation)


def _signup(request, invitation):
    form = AcceptInvitationSignupForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.create_account_and_accept(
                invitation, first_name=data["first_name"], last_name=data["last_name"], password=data["password1"]
            )
        except InvitationUnusable as error:
            return _unusable(request, str(error), error.reason, 410)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            login(request, user, backend=BACKEND)
            messages.success(request, _welcome(invitation))
            return redirect("dashboard")
    return render(request, "workspace/invitation_signup.html", {"invitation": invitation, "form": form})


def _confirm(request, invitation):
    if request.method == "POST":
        try:
            services.accept_invitation(invitation, user=request.user)
        except InvitationUnusable as error:
            return _unusable(request, str(error), error.reason, 410)
        except WrongInvitee as error:
            return _wrong_person(request, invitation, str(error))
        messages.success(request, _welcome(invitation))
        return redirect("dashboard")
    return render(request, "workspace/invitation_confirm.html", {"invitation": invitation})


def _welcome(invitation) -> str:
    return _("Bienvenue : vous êtes sur le projet « %(title)s » comme %(role)s.") % {
        "title": invitation.project.title,
        "role": invitation.get_role_display(),
    }
