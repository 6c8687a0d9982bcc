"""A project's people: invite by e-mail, accept, revoke an invitation, remove a person, change an expert's observer
flag, leave.

Each one checks the place in perms.py, validates everything before writing, writes in one transaction, and queues
its e-mail on commit. Accepting creates a `ProjectMember` only: an invited person never becomes a member of the
structure.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from fabrique.accounts.models import User
from fabrique.core.exceptions import DomainError
from fabrique.core.versioning import save_with_version
from fabrique.jobs.mail import send_email
from fabrique.network.models import Membership
from fabrique.network.services.members import WrongInvitee, check_usable
from fabrique.notifications.enums import NotificationKind
from fabrique.notifications.services import notify

from ..enums import ProjectRole
from ..models import ProjectInvitation, ProjectMember
from ..perms import forget_projects, is_carrier_or_guest, place_on, workspace_abilities


def _require(user, project, ability: str, message: str) -> None:
    if not workspace_abilities(user, project)[ability]:
        raise PermissionDenied(message)


def _require_manager(user, project) -> None:
    _require(user, project, "manage_people", _("Seule l'équipe de la structure gère les personnes du projet."))


# --- invitations ---------------------------------------------------------------------------------------------


def invitation_url(raw_token: str) -> str:
    return settings.SITE_URL + reverse("workspace:accept_invitation", args=[raw_token])


def pending_invitations(project):
    return ProjectInvitation.objects.filter(
        project=project, accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
    )


def _already_on_project(project, email: str) -> str | None:
    """Why `email` cannot be invited to `project`, or None."""
    account = User.objects.filter(email__iexact=email).first()
    if account is not None and not account.is_active:
        return _("Le compte %(email)s est désactivé : la coordination du réseau peut le réactiver.") % {"email": email}
    if account is not None and Membership.objects.filter(user=account, structure_id=project.structure_id).exists():
        return _("%(email)s fait partie de l'équipe de la structure : cette personne est déjà sur le projet.") % {
            "email": email
        }
    if account is not None and ProjectMember.objects.filter(user=account, project=project).exists():
        return _("%(email)s est déjà sur ce projet.") % {"email": email}
    if pending_invitations(project).filter(email__iexact=email).exists():
        return _("Une invitation est déjà en attente pour %(email)s sur ce projet.") % {"email": email}
    return None


def check_invitation(project, *, email: str, role: str, observer: bool, partner) -> str:
    """The cleaned address; a ValidationError naming each field in error otherwise. Nothing is written."""
    email = (email or "").strip().lower()
    errors = {}
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = _("Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.")
    if role not in ProjectRole.values:
        errors["role"] = _("Choisissez le rôle de la personne sur le projet : porteur, partenaire ou expert.")
    if observer and role != ProjectRole.EXPERT:
        errors["observer"] = _("Seul un expert peut être observateur.")
    if partner is not None and role != ProjectRole.PARTNER:
        errors["partner"] = _("Seul un partenaire est lié à un partenaire du registre.")
    if "email" not in errors and (reason := _already_on_project(project, email)):
        errors["email"] = reason
    if errors:
        raise ValidationError(errors)
    return email


def _send_invitation(invitation: ProjectInvitation, raw_token: str) -> None:
    context = {
        "invitation": invitation,
        "project": invitation.project,
        "url": invitation_url(raw_token),
        "network_name": settings.NETWORK_NAME,
        "inviter": invitation.invited_by,
        "valid_days": settings.INVITATION_VALID_DAYS,
    }
    subject = render_to_string("workspace/emails/invitation_subject.txt", context).strip()
    body = render_to_string("workspace/emails/invitation_body.txt", context)
    send_email(invitation.email, subject, body, key=f"project-invitation:{invitation.pk}")


def _notify_account(invitation: ProjectInvitation) -> None:
    """Who already has an account also finds the invitation on « Mes notifications » (the e-mail holds the link)."""
    invitee = User.objects.filter(email__iexact=invitation.email, is_active=True).first()
    if invitee is None:
        return
    title = invitation.project.title
    notify(
        [invitee],
        kind=NotificationKind.PROJECT_INVITATION,
        subject=_("Invitation sur le projet « %(title)s »") % {"title": title},
        body=_(
            "Vous êtes invité·e sur le projet « %(title)s » comme %(role)s. L'e-mail d'invitation contient le lien "
            "pour accepter."
        )
        % {"title": title, "role": invitation.get_role_display()},
        key=f"project-invitation:{invitation.pk}",
        email=False,
    )


def invite(project, *, by, email: str, role: str, observer: bool = False, partner=None):
    """The team invites `email` to `project` (one project only) as carrier, partner (optionally linked to a
    registry partner) or outside expert (optionally observer); returns (invitation, raw token). Refused, with
    nothing saved: an invalid address, someone already on the project or already invited, an observer who is not
    an expert, a registry partner for someone who is not a partner."""
    _require_manager(by, project)
    email = check_invitation(project, email=email, role=role, observer=observer, partner=partner)
    with transaction.atomic():
        invitation = ProjectInvitation(
            project=project, email=email, role=role, observer=observer, partner=partner, invited_by=by
        )
        raw = invitation.issue_token()
        invitation.save()
        _send_invitation(invitation, raw)  # queued: sent by the worker after the commit
        _notify_account(invitation)
    return invitation, raw


def find_invitation(raw_token: str) -> ProjectInvitation | None:
    return (
        ProjectInvitation.objects.select_related("project__structure", "invited_by", "partner")
        .filter(token_hash=ProjectInvitation.hash_token(raw_token))
        .first()
    )


def wrong_invitee_message(invitation: ProjectInvitation, user) -> str:
    return _("Cette invitation a été envoyée à %(invited)s, mais vous êtes connecté·e avec %(current)s.") % {
        "invited": invitation.email,
        "current": user.email,
    }


def accept_invitation(invitation: ProjectInvitation, *, user) -> ProjectMember:
    """The invited person accepts: they are on the project with the invitation's role (no structure membership).
    Single use; refused when used, revoked, expired or opened by another person."""
    with transaction.atomic():
        invitation = ProjectInvitation.objects.select_for_update(of=("self",)).get(pk=invitation.pk)
        check_usable(invitation)
        if user.email.lower() != invitation.email.lower():
            raise WrongInvitee(wrong_invitee_message(invitation, user))
        member = ProjectMember.objects.filter(project_id=invitation.project_id, user=user).first()
        if member is None:
            member = ProjectMember(
                project_id=invitation.project_id,
                user=user,
                role=invitation.role,
                observer=invitation.observer,
                partner_id=invitation.partner_id,
                added_by=invitation.invited_by,
            )
            member._history_user = user
            member.save()
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    forget_projects(user)
    return member


def create_account_and_accept(invitation: ProjectInvitation, *, first_name: str, last_name: str, password: str):
    """A person without an account accepts: the account is created with the invited address (the accounts'
    `create_user`, as the network's invitations do), then the invitation accepted, in one transaction."""
    with transaction.atomic():
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise DomainError(
                _("Un compte existe déjà pour %(email)s : connectez-vous pour accepter l'invitation.")
                % {"email": invitation.email}
            )
        user = User.objects.create_user(
            invitation.email, password, first_name=first_name.strip(), last_name=last_name.strip()
        )
        accept_invitation(invitation, user=user)
    return user


def revoke_invitation(invitation: ProjectInvitation, *, by) -> ProjectInvitation:
    """The team cancels a pending invitation: its link stops working at once. Revoking twice changes nothing."""
    _require_manager(by, invitation.project)
    with transaction.atomic():
        invitation = ProjectInvitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.accepted_at is not None:
            raise DomainError(_("Cette invitation a déjà été acceptée : elle ne peut plus être annulée."))
        if invitation.revoked_at is None:
            invitation.revoked_at = timezone.now()
            invitation.save(update_fields=["revoked_at"])
    return invitation


# --- people on the project -----------------------------------------------------------------------------------


def _delete(member: ProjectMember, *, by) -> None:
    with transaction.atomic():
        locked = ProjectMember.objects.select_for_update().filter(pk=member.pk).first()
        if locked is None:
            return
        locked._history_user = by  # the history keeps who removed whom
        locked.delete()


def remove_person(member: ProjectMember, *, by) -> None:
    """The team removes a person from the project: their access ends at once (their next request reads their
    places afresh)."""
    _require_manager(by, member.project)
    _delete(member, by=by)


def leave(project, *, user) -> None:
    """A person on the project (carrier, partner, expert) leaves it: their access ends at once."""
    if not is_carrier_or_guest(place_on(user, project)):
        raise PermissionDenied(_("Seule une personne invitée sur le projet peut le quitter."))
    member = ProjectMember.objects.filter(project=project, user=user).first()
    if member is not None:  # removed by the team meanwhile: already off the project
        _delete(member, by=user)
    forget_projects(user)


def set_observer(member: ProjectMember, *, by, observer: bool, expected_version: int | None) -> ProjectMember:
    """The team makes an outside expert an observer (reads only) or a contributor again; a stale form is refused."""
    _require_manager(by, member.project)
    if observer and member.role != ProjectRole.EXPERT:
        raise ValidationError({"observer": _("Seul un expert peut être observateur.")})
    with transaction.atomic():
        locked = ProjectMember.objects.select_for_update().get(pk=member.pk)
        if locked.observer == observer and expected_version in (None, locked.version):
            return locked
        locked.observer = observer
        save_with_version(locked, expected_version, ["observer"], by=by)
    return locked
