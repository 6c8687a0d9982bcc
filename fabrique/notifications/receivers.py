"""Events of the apps below (network) that cannot call notify themselves: connected from AppConfig.ready()."""

from django.utils.translation import gettext as _

from fabrique.accounts.models import User

from .enums import NotificationKind
from .services import notify


def invitation_saved(sender, instance, created: bool, **kwargs) -> None:
    """A person who already has an account and is invited into a structure (or the coordination) finds it on
    « Mes notifications »; the invitation e-mail, with its link, already told them (no second e-mail)."""
    if not created:
        return
    invitee = User.objects.filter(email__iexact=instance.email, is_active=True).first()
    if invitee is None:
        return
    where = instance.structure.name if instance.structure_id else _("la coordination du réseau")
    notify(
        [invitee],
        kind=NotificationKind.INVITATION,
        subject=_("Invitation : %(where)s") % {"where": where},
        body=_("Vous êtes invité·e à rejoindre %(where)s. L'e-mail d'invitation contient le lien pour accepter.")
        % {"where": where},
        key=f"invitation:{instance.pk}",
        email=False,
    )
