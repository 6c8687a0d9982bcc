"""Members of a structure and invitations: invite, accept, revoke, change a role, remove.

Each one checks its permission in perms.py, writes in one transaction, and queues e-mails on commit.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from fabrique.accounts.models import User
from fabrique.accounts.services import concrete_user
from fabrique.core.exceptions import DomainError
from fabrique.core.french import de
from fabrique.core.versioning import save_with_version
from fabrique.jobs.mail import send_email

from ..enums import MembershipRole
from ..models import Invitation, Membership
from ..perms import can_invite_coordinator, can_invite_to, invitation_abilities, membership_abilities
from ..roles import forget_roles


class InvitationUnusable(DomainError):
    """The link was used, revoked or has expired; `reason` says which."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


class WrongInvitee(DomainError):
    """The invitation was sent to another e-mail address than the one of the person using it."""


class LastAdminError(DomainError):
    """A structure that has administrators must keep at least one."""


# --- invitations -------------------------------------------------------------------------------


def invitation_url(raw_token: str) -> str:
    return settings.SITE_URL + reverse("network:accept_invitation", args=[raw_token])


def _send_invitation(invitation: Invitation, raw_token: str) -> None:
    context = {
        "invitation": invitation,
        "url": invitation_url(raw_token),
        "network_name": settings.NETWORK_NAME,
        "inviter": invitation.invited_by,
        "valid_days": settings.INVITATION_VALID_DAYS,
    }
    subject = render_to_string("network/members/emails/invitation_subject.txt", context).strip()
    body = render_to_string("network/members/emails/invitation_body.txt", context)
    send_email(invitation.email, subject, body, key=f"invitation:{invitation.pk}")


def _nothing_to_grant(email: str, structure, role: str, as_coordinator: bool) -> str | None:
    """Why inviting `email` would change nothing, or None."""
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        return None
    if not user.is_active:
        return _("Le compte %(of_email)s est désactivé : la coordination du réseau peut le réactiver.") % {
            "of_email": de(email)
        }
    coordinator_ok = not as_coordinator or user.is_coordinator
    membership = structure and Membership.objects.filter(user=user, structure=structure).first()
    structure_ok = structure is None or (membership and membership.role == role)
    if coordinator_ok and structure_ok:
        return _("%(email)s a déjà ce rôle : il n'y a rien à inviter.") % {"email": email}
    return None


def invite(*, by, email: str, structure=None, role: str = MembershipRole.STAFF, as_coordinator: bool = False):
    """Invite `email` to a structure (with a role) and/or to the coordination; returns (invitation, raw token).

    The coordinator invites to any structure or to the coordination; a structure's admin only to their own
    structures. A new invitation for the same address and purpose replaces the pending one.
    """
    email = email.strip().lower()
    if structure is None and not as_coordinator:
        raise DomainError(_("Choisissez la structure à laquelle inviter cette personne."))
    if as_coordinator and not can_invite_coordinator(by):
        raise PermissionDenied(_("Seule la coordination du réseau peut inviter à la coordination."))
    if structure is not None and not can_invite_to(by, structure):
        raise PermissionDenied(_("Vous ne pouvez inviter qu'aux structures que vous administrez."))
    if role not in MembershipRole.values:
        raise DomainError(_("Rôle inconnu : %(role)s.") % {"role": role})
    reason = _nothing_to_grant(email, structure, role, as_coordinator)
    if reason:
        raise DomainError(reason)
    with transaction.atomic():
        Invitation.objects.filter(
            email=email,
            structure=structure,
            as_coordinator=as_coordinator,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
        ).update(revoked_at=timezone.now())
        invitation = Invitation(
            email=email, structure=structure, role=role, as_coordinator=as_coordinator, invited_by=by
        )
        raw = invitation.issue_token()
        invitation.save()
        _send_invitation(invitation, raw)  # queued: sent by the worker after the commit
    return invitation, raw


def find_invitation(raw_token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("structure", "invited_by")
        .filter(token_hash=Invitation.hash_token(raw_token))
        .first()
    )


def check_usable(invitation: Invitation) -> None:
    """Refuse an invitation that was accepted, revoked or has expired, with a message saying which."""
    if invitation.accepted_at is not None:
        raise InvitationUnusable(
            "used",
            _(
                "Cette invitation a déjà été utilisée. Connectez-vous avec votre adresse e-mail, ou demandez une "
                "nouvelle invitation."
            ),
        )
    if invitation.revoked_at is not None:
        raise InvitationUnusable(
            "revoked",
            _(
                "Cette invitation a été annulée par la personne qui l'avait envoyée. Demandez-lui une nouvelle "
                "invitation si besoin."
            ),
        )
    if invitation.is_expired:
        raise InvitationUnusable(
            "expired",
            _(
                "Cette invitation a expiré (elle était valable %(days)s jours). Demandez une nouvelle invitation à "
                "la personne qui vous l'avait envoyée."
            )
            % {"days": settings.INVITATION_VALID_DAYS},
        )


def _grant_membership(invitation: Invitation, user) -> Membership:
    membership = Membership.objects.select_for_update().filter(user=user, structure=invitation.structure).first()
    if membership is None:
        membership = Membership(user=user, structure=invitation.structure, role=invitation.role)
        membership._history_user = user
        membership.save()
        return membership
    if membership.role != invitation.role and not _is_last_admin(membership):
        membership.role = invitation.role
        save_with_version(membership, None, ["role"], by=user)
    return membership


def accept_invitation(invitation: Invitation, *, user) -> Membership | None:
    """The invited person accepts: membership created (or role updated), coordination granted. Single use."""
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",)).select_related("structure").get(pk=invitation.pk)
        )
        check_usable(invitation)
        if user.email.lower() != invitation.email.lower():
            raise WrongInvitee(
                _("Cette invitation a été envoyée à %(invited)s, mais vous êtes connecté·e avec %(current)s.")
                % {"invited": invitation.email, "current": user.email}
            )
        membership = _grant_membership(invitation, user) if invitation.structure_id else None
        if invitation.as_coordinator and not (user.is_coordinator and user.is_staff):
            account = concrete_user(user)
            account.is_coordinator = account.is_staff = True
            save_with_version(account, None, ["is_coordinator", "is_staff"], by=account)
            user.is_coordinator = user.is_staff = True
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    forget_roles(user)
    return membership


def create_account_and_accept(invitation: Invitation, *, first_name: str, last_name: str, password: str):
    """A person without an account accepts: the account is created with the invited e-mail, then accepted."""
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


def revoke_invitation(invitation: Invitation, *, by) -> Invitation:
    """Cancel a pending invitation: its link stops working at once."""
    if not invitation_abilities(by, invitation)["view"]:
        raise PermissionDenied(_("Vous ne pouvez pas annuler cette invitation."))
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.accepted_at is not None:
            raise DomainError(_("Cette invitation a déjà été acceptée : elle ne peut plus être annulée."))
        if invitation.revoked_at is None:
            invitation.revoked_at = timezone.now()
            invitation.save(update_fields=["revoked_at"])
    return invitation


# --- members of a structure ------------------------------------------------------------------


def _is_last_admin(membership: Membership) -> bool:
    if membership.role != MembershipRole.ADMIN:
        return False
    admins = Membership.objects.select_for_update().filter(
        structure_id=membership.structure_id, role=MembershipRole.ADMIN
    )
    return not any(pk != membership.pk for pk in admins.values_list("pk", flat=True))


def leaves_without_admin(membership: Membership) -> bool:
    """Whether removing this membership, or making it staff, would leave its structure without an admin."""
    if membership.pk is None or membership.role != MembershipRole.ADMIN:
        return False
    others = Membership.objects.filter(structure_id=membership.structure_id, role=MembershipRole.ADMIN)
    return not others.exclude(pk=membership.pk).exists()


def last_admin_message(membership: Membership) -> str:
    return _(
        "%(person)s est le dernier administrateur ou la dernière administratrice %(of_structure)s : la structure "
        "doit garder au moins un·e administrateur·rice. Donnez d'abord ce rôle à un autre membre."
    ) % {"person": membership.user, "of_structure": de(membership.structure.name)}


def change_role(membership: Membership, *, by, role: str, expected_version: int | None) -> Membership:
    """Change a member's role; the last admin of a structure cannot be made staff."""
    if not membership_abilities(by, membership)["change_role"]:
        raise PermissionDenied(_("Vous ne pouvez pas changer les rôles des membres de cette structure."))
    if role not in MembershipRole.values:
        raise DomainError(_("Rôle inconnu : %(role)s.") % {"role": role})
    with transaction.atomic():
        locked = (
            Membership.objects.select_for_update(of=("self",)).select_related("user", "structure").get(pk=membership.pk)
        )
        if role == locked.role:
            return locked
        if role != MembershipRole.ADMIN and _is_last_admin(locked):
            raise LastAdminError(last_admin_message(locked))
        locked.role = role
        save_with_version(locked, expected_version, ["role"], by=by)
    forget_roles(by)
    return locked


def remove_member(membership: Membership, *, by) -> None:
    """Remove a member from a structure (or leave it oneself); never the structure's last admin."""
    if not membership_abilities(by, membership)["remove"]:
        raise PermissionDenied(_("Vous ne pouvez pas retirer ce membre."))
    with transaction.atomic():
        locked = (
            Membership.objects.select_for_update(of=("self",))
            .select_related("user", "structure")
            .filter(pk=membership.pk)
        )
        locked = locked.first()
        if locked is None:
            return
        if _is_last_admin(locked):
            raise LastAdminError(last_admin_message(locked))
        locked._history_user = by
        locked.delete()
    forget_roles(by)
