"""Send, list, revoke and accept invitations."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from fabrique.accounts.models import User
from fabrique.core.exceptions import DomainError
from fabrique.core.french import de

from ..forms import AcceptInvitationSignupForm, InvitationForm
from ..models import Invitation, Structure
from ..perms import can_invite, can_invite_to, invitation_abilities, readable_invitations
from ..services import members as services

BACKEND = "fabrique.accounts.backends.EmailBackend"


@login_required
@require_http_methods(["GET", "POST"])
def invite(request):
    if not can_invite(request.user):
        raise PermissionDenied(_("Seul·es la coordination et les administrateur·rices d'une structure invitent."))
    initial = {}
    if slug := request.GET.get("structure"):
        structure = get_object_or_404(Structure, slug=slug)
        if not can_invite_to(request.user, structure):
            raise PermissionDenied(_("Vous ne pouvez inviter qu'aux structures que vous administrez."))
        initial["structure"] = structure
    form = InvitationForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitation, _raw = services.invite(
                by=request.user,
                email=data["email"],
                structure=data["structure"],
                role=data["role"],
                as_coordinator=data.get("as_coordinator", False),
            )
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Invitation envoyée à %(email)s. Le lien est valable %(days)s jours.")
                % {"email": invitation.email, "days": settings.INVITATION_VALID_DAYS},
            )
            if invitation.structure is not None:
                return redirect("network:members", slug=invitation.structure.slug)
            return redirect("network:invitations")
    return render(request, "network/members/invite.html", {"form": form, "valid_days": settings.INVITATION_VALID_DAYS})


@login_required
def invitation_list(request):
    queryset = readable_invitations(
        request.user, Invitation.objects.select_related("structure", "invited_by", "accepted_by")
    ).order_by("-created_at", "-pk")
    page = Paginator(queryset, 50).get_page(request.GET.get("page"))
    rows = [(invitation, invitation_abilities(request.user, invitation)) for invitation in page]
    return render(
        request,
        "network/members/invitation_list.html",
        {"page": page, "rows": rows, "can_invite": can_invite(request.user)},
    )


@login_required
@require_POST
def invitation_revoke(request, pk):
    invitation = get_object_or_404(Invitation, pk=pk)
    try:
        services.revoke_invitation(invitation, by=request.user)
    except PermissionDenied:
        raise Http404 from None  # an invitation the reader does not see: its existence is not told
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("L'invitation envoyée à %(email)s est annulée.") % {"email": invitation.email})
    return redirect("network:invitations")


def _render_unusable(request, error: services.InvitationUnusable):
    return render(
        request,
        "network/members/invitation_unusable.html",
        {"message": str(error), "reason": error.reason},
        status=410,
    )


def _render_wrong_person(request, invitation, message: str):
    return render(
        request,
        "network/members/invitation_wrong_person.html",
        {"invitation": invitation, "message": message},
        status=403,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def accept_invitation(request, token):
    """One link, four situations: new person (sign-up form), known person (log in, then accept), someone
    else logged in (refused), unusable link (used, revoked or expired)."""
    invitation = services.find_invitation(token)
    if invitation is None:
        message = _("Ce lien d'invitation est inconnu. Vérifiez qu'il a été copié en entier depuis l'e-mail reçu.")
        return render(
            request, "network/members/invitation_unusable.html", {"message": message, "reason": "unknown"}, status=404
        )
    try:
        services.check_usable(invitation)
    except services.InvitationUnusable as error:
        return _render_unusable(request, error)
    account = User.objects.filter(email__iexact=invitation.email).first()
    current = request.user if request.user.is_authenticated else None
    if current is not None and (account is None or current.pk != account.pk):
        message = _("Cette invitation a été envoyée à %(invited)s, mais vous êtes connecté·e avec %(current)s.") % {
            "invited": invitation.email,
            "current": current.email,
        }
        return _render_wrong_person(request, invitation, message)
    if account is None:
        return _signup(request, invitation)
    if current is None:
        return render(request, "network/members/invitation_login_first.html", {"invitation": invitation})
    return _confirm(request, invitation)


def _signup(request, invitation):
    form = AcceptInvitationSignupForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.create_account_and_accept(
                invitation, first_name=data["first_name"], last_name=data["last_name"], password=data["password1"]
            )
        except services.InvitationUnusable as error:
            return _render_unusable(request, error)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            login(request, user, backend=BACKEND)
            messages.success(request, _welcome(invitation))
            return redirect("dashboard")
    return render(request, "network/members/invitation_signup.html", {"invitation": invitation, "form": form})


def _confirm(request, invitation):
    if request.method == "POST":
        try:
            services.accept_invitation(invitation, user=request.user)
        except services.InvitationUnusable as error:
            return _render_unusable(request, error)
        except services.WrongInvitee as error:
            return _render_wrong_person(request, invitation, str(error))
        messages.success(request, _welcome(invitation))
        return redirect("dashboard")
    return render(request, "network/members/invitation_confirm.html", {"invitation": invitation})


def _welcome(invitation) -> str:
    if invitation.structure is not None:
        return _("Bienvenue : vous êtes désormais membre %(of_structure)s (%(role)s).") % {
            "of_structure": de(invitation.structure.name),
            "role": invitation.get_role_display(),
        }
    return _("Bienvenue dans l'équipe de coordination du réseau.")
