"""Events organised by the network: organise, edit or cancel an event (registrations live in `registrations`)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fabrique.core.exceptions import DomainError
from fabrique.core.slugs import unique_slug
from fabrique.core.versioning import save_with_version
from fabrique.notifications.enums import NotificationKind
from fabrique.notifications.services import notify

from ..enums import RegistrationStatus
from ..models import CANCEL_REASON_MAX_LENGTH, Event
from ..perms import can_create_event, event_abilities, organiser_ids
from .registrations import promote_waiting

EVENT_FIELDS = (
    "title",
    "kind",
    "summary",
    "description",
    "starts_at",
    "ends_at",
    "place",
    "departement",
    "online_url",
    "organiser",
    "working_group",
    "theme",
    "capacity",
    "registration_closes_at",
    "visibility",
)
# Words of the network life's addresses that a slug must not take ("/evenements/nouveau/" is the creation page).
RESERVED_SLUGS = frozenset({"nouveau", "nouvelle", "calendrier", "agenda", "participation"})


def _check_organiser(user, organiser) -> None:
    allowed = organiser_ids(user)
    if allowed is not None and (organiser is None or organiser.pk not in allowed):
        raise ValidationError({"organiser": _("Choisissez l'une de vos structures comme organisatrice.")})


def create_event(by, data: dict) -> Event:
    """Organise an event for one of one's structures (the coordinator: any, or the coordination itself)."""
    if not can_create_event(by):
        raise PermissionDenied(_("Seuls les membres du réseau organisent des événements."))
    _check_organiser(by, data.get("organiser"))
    event = Event(**{name: data[name] for name in EVENT_FIELDS if name in data}, created_by=by)
    event.full_clean(exclude=["slug"], validate_unique=False)
    with transaction.atomic():
        event.slug = unique_slug(Event, event.title, "evenement", RESERVED_SLUGS)
        event._history_user = by
        event.save()
    return event


def update_event(event: Event, by, data: dict, expected_version: int | None) -> Event:
    """Edit an event; a larger capacity gives the new places to the waiting list at once."""
    abilities = event_abilities(by, event)
    if not abilities["change"]:
        if abilities["manage"]:
            raise DomainError(edit_refusal(event))
        raise PermissionDenied(_("Seuls les organisateurs modifient l'événement."))
    if "organiser" in data and data["organiser"] != event.organiser:
        _check_organiser(by, data["organiser"])
    fields = [name for name in EVENT_FIELDS if name in data]
    before = {name: getattr(event, name) for name in PRACTICAL_FIELDS}
    for name in fields:
        setattr(event, name, data[name])
    event.full_clean(exclude=["slug"], validate_unique=False)
    with transaction.atomic():
        save_with_version(event, expected_version, fields, by=by)
        locked = Event.objects.select_for_update().get(pk=event.pk)
        promote_waiting(locked)
        if any(getattr(event, name) != value for name, value in before.items()):
            _tell_change(event, by)
    return event


# What the registered people need to know again when it changes: when and where.
PRACTICAL_FIELDS = ("starts_at", "ends_at", "place")


def _tell_change(event: Event, by) -> None:
    when = timezone.localtime(event.starts_at).strftime("%d/%m/%Y %H:%M")
    notify(
        [registration.user for registration in people_to_tell(event).select_related("user") if registration.user != by],
        kind=NotificationKind.EVENT_CHANGED,
        subject=_("Événement modifié : %(title)s") % {"title": event.title},
        body=_("L'événement « %(title)s » auquel vous êtes inscrit·e a changé : il a lieu le %(date)s%(place)s.")
        % {"title": event.title, "date": when, "place": f", {event.place}" if event.place else ""},
        url=event.get_absolute_url(),
    )


def edit_refusal(event: Event) -> str:
    when = timezone.localtime(event.cancelled_at).strftime("%d/%m/%Y")
    return _("Cet événement est annulé (depuis le %(date)s) : il ne se modifie plus.") % {"date": when}


def cancellation_refusal(event: Event) -> str | None:
    """Why the event cannot be cancelled (already cancelled, or over), or None."""
    if event.is_cancelled:
        when = timezone.localtime(event.cancelled_at).strftime("%d/%m/%Y")
        return _("Cet événement est déjà annulé (depuis le %(date)s).") % {"date": when}
    if event.is_past():
        return _("Cet événement est terminé : il ne peut plus être annulé.")
    return None


def people_to_tell(event: Event):
    """Those a cancellation reaches: confirmed or on the waiting list."""
    return event.registrations.filter(status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED])


def cancel_event(event: Event, by, reason: str, expected_version: int | None) -> Event:
    """Cancel an event that is not over, once, with a reason; everyone registered or on the waiting list is
    told by e-mail after the commit. Registrations stay as they were: who had registered remains known."""
    if not event_abilities(by, event)["manage"]:
        raise PermissionDenied(_("Seuls les organisateurs annulent l'événement."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"reason": _("Indiquez le motif de l'annulation : il est envoyé aux personnes inscrites.")}
        )
    if len(reason) > CANCEL_REASON_MAX_LENGTH:
        message = _("Le motif tient en %(max)s caractères au plus.") % {"max": CANCEL_REASON_MAX_LENGTH}
        raise ValidationError({"reason": message})
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        refusal = cancellation_refusal(event)
        if refusal:
            raise DomainError(refusal)
        event.cancelled_at = timezone.now()
        event.cancel_reason = reason
        save_with_version(event, expected_version, ["cancelled_at", "cancel_reason"], by=by)
        _tell_registrants(event)
    return event


def _tell_registrants(event: Event) -> None:
    subject = _("Événement annulé : %(title)s") % {"title": event.title}
    body = _(
        "Bonjour,\n\nL'événement « %(title)s » prévu le %(date)s est annulé.\n\nMotif : %(reason)s\n\n"
        "Vous y étiez inscrit·e ou en liste d'attente : vous n'avez rien à faire."
    ) % {
        "title": event.title,
        "date": timezone.localtime(event.starts_at).strftime("%d/%m/%Y %H:%M"),
        "reason": event.cancel_reason,
    }
    people = [registration.user for registration in people_to_tell(event).select_related("user").order_by("pk")]
    # one e-mail each (nobody sees the others), by their preference, once
    notify(
        people,
        kind=NotificationKind.EVENT_CANCELLED,
        subject=subject,
        body=body,
        url=event.get_absolute_url(),
        key=f"event-cancelled:{event.pk}",
    )
