from django.db import models
from django.utils.translation import gettext_lazy as _

from fabrique.notifications.enums import NotificationKind  # noqa: F401 - the appellation notifies through it


class RequestStatus(models.TextChoices):
    DRAFT = "draft", _("brouillon")
    SUBMITTED = "submitted", _("déposée")
    DEFERRED = "deferred", _("reportée à la prochaine séance")
    GRANTED = "granted", _("appellation accordée")
    REFUSED = "refused", _("refusée")
    WITHDRAWN = "withdrawn", _("retirée")


# A structure has at most one request in these states; they may still go on a session's agenda.
ACTIVE_REQUEST_STATUSES = (RequestStatus.DRAFT, RequestStatus.SUBMITTED, RequestStatus.DEFERRED)
AWAITING_SESSION_STATUSES = (RequestStatus.SUBMITTED, RequestStatus.DEFERRED)
FINAL_REQUEST_STATUSES = (RequestStatus.GRANTED, RequestStatus.REFUSED, RequestStatus.WITHDRAWN)


class SessionStatus(models.TextChoices):
    OPEN = "open", _("ouverte aux votes")
    CLOSED = "closed", _("close")


class Outcome(models.TextChoices):
    GRANTED = "granted", _("appellation accordée")
    REFUSED = "refused", _("refusée")
    DEFERRED = "deferred", _("reportée")
    WITHDRAWN = "withdrawn", _("retirée avant la clôture")


class VoteChoice(models.TextChoices):
    FOR = "for", _("favorable")
    AGAINST = "against", _("défavorable")
    ABSTAIN = "abstain", _("abstention")


class ConflictSource(models.TextChoices):
    DECLARED = "declared", _("déclaré par la structure")
    RECORDED = "recorded", _("enregistré par la coordination")


class AutomaticConflict(models.TextChoices):
    """Conflicts derived from the data, never stored: they follow the registry as it is."""

    APPLICANT = "applicant", _("structure demandeuse")
    COLLECTIVE = "collective", _("membre d'un même collectif")
