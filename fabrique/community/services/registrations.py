"""Registrations to events: a place while there is one, else the waiting list; a freed place goes to the first
person waiting, who is told by e-mail; attendance is recorded by the organisers once the event has begun.

Every change locks the event row, so two people cannot take the last place at once.
"""

from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fabrique.core.exceptions import DomainError
from fabrique.jobs.mail import send_email
from fabrique.network.models import Structure
from fabrique.network.perms import member_structure_ids

from ..enums import RegistrationStatus as S
from ..models import Event, Registration
from ..perms import event_abilities, participation_abilities


class RegistrationError(DomainError):
    pass


def _locked(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def _set_status(registration: Registration, status: str, by) -> None:
    registration.status = status
    registration.status_changed_at = timezone.now()
    registration.version += 1
    if getattr(by, "is_authenticated", False):
        registration._history_user = by
    registration.save()


def confirmed_count(event: Event) -> int:
    return event.registrations.filter(status=S.CONFIRMED).count()


def _structure_for(user, structure):
    own = member_structure_ids(user)
    if structure is None:
        if len(own) == 1:
            return Structure.objects.get(pk=next(iter(own)))
        return None
    if structure.pk not in own:
        raise ValidationError({"structure": _("Vous ne pouvez vous inscrire qu'au titre de l'une de vos structures.")})
    return structure


def _refuse_if_cancelled(event: Event) -> None:
    if event.is_cancelled:
        raise RegistrationError(_("Cet événement est annulé : les inscriptions sont fermées."))


def register(event: Event, user, structure=None) -> Registration:
    """Register `user` for `event` on behalf of one of their structures (by default their only one).

    Confirmed while places remain, otherwise on the waiting list. Refused once the event is cancelled, once
    registrations are closed or when the person is already registered."""
    if not event_abilities(user, event)["view"]:
        raise PermissionDenied(_("Cet événement est réservé aux membres du réseau."))
    if not event_abilities(user, event)["register"]:
        _refuse_if_cancelled(event)
        if not event.registration_is_open():
            raise RegistrationError(_("Les inscriptions à cet événement sont closes."))
        raise PermissionDenied(_("Seuls les membres du réseau s'inscrivent aux événements."))
    structure = _structure_for(user, structure)
    with transaction.atomic():
        event = _locked(event)
        _refuse_if_cancelled(event)  # cancelled since it was read
        registration = Registration.objects.filter(event=event, user=user).first()
        if registration is not None and registration.status != S.CANCELLED:
            if registration.status == S.WAITLISTED:
                raise RegistrationError(_("Vous êtes déjà sur la liste d'attente de cet événement."))
            raise RegistrationError(_("Vous êtes déjà inscrit·e à cet événement."))
        full = event.capacity is not None and confirmed_count(event) >= event.capacity
        status = S.WAITLISTED if full else S.CONFIRMED
        if registration is None:
            registration = Registration(event=event, user=user, structure=structure, status=status)
            registration._history_user = user
            registration.save()
        else:
            registration.structure = structure
            registration.registered_at = timezone.now()
            registration.attended = None
            _set_status(registration, status, user)
    return registration


def cancel(registration: Registration, by) -> Registration:
    """Cancel one's registration (or someone's, for the organisers); a freed place goes to the waiting list."""
    if by != registration.user and not event_abilities(by, registration.event)["manage"]:
        raise PermissionDenied(_("Vous ne pouvez annuler que votre propre inscription."))
    if registration.status == S.CANCELLED:
        raise RegistrationError(_("Cette inscription est déjà annulée."))
    if registration.event.is_cancelled:
        raise RegistrationError(_("L'événement est annulé : il n'y a plus d'inscription à annuler."))
    if registration.event.is_past():
        raise RegistrationError(_("L'événement est passé : l'inscription ne peut plus être annulée."))
    with transaction.atomic():
        event = _locked(registration.event)
        was_confirmed = registration.status == S.CONFIRMED
        _set_status(registration, S.CANCELLED, by)
        if was_confirmed:
            promote_waiting(event)
    return registration


def promote_waiting(event: Event) -> list[Registration]:
    """Give the free places to the people waiting, first come first served; each is told by e-mail.

    Call inside a transaction that locked the event (after a cancellation or a larger capacity). Nobody is
    promoted to a cancelled event."""
    if event.is_past() or event.is_cancelled:
        return []
    free = None if event.capacity is None else event.capacity - confirmed_count(event)
    waiting = event.registrations.filter(status=S.WAITLISTED).select_related("user").order_by("registered_at", "pk")
    promoted = list(waiting if free is None else waiting[: max(free, 0)])
    for registration in promoted:
        _set_status(registration, S.CONFIRMED, None)
        _tell_promoted(registration)
    return promoted


def _tell_promoted(registration: Registration) -> None:
    event = registration.event
    subject = _("Une place s'est libérée : %(title)s") % {"title": event.title}
    body = _(
        "Bonjour,\n\nUne place s'est libérée pour « %(title)s » (%(date)s) : votre inscription est confirmée.\n"
        "%(url)s\n\nSi vous ne pouvez plus venir, annulez votre inscription sur la page de l'événement."
    ) % {
        "title": event.title,
        "date": timezone.localtime(event.starts_at).strftime("%d/%m/%Y %H:%M"),
        "url": f"{settings.SITE_URL}{event.get_absolute_url()}",
    }
    recipient = registration.user.email
    send_email(recipient, subject, body)  # sent by the worker after the commit


def attendance_refusal(event: Event) -> str | None:
    """Why the organisers cannot record attendance now (cancelled, not begun), or None."""
    if event.is_cancelled:
        return _("L'événement est annulé : il n'y a pas de présences à noter.")
    if event.starts_at > timezone.now():
        return _("Les présences se notent une fois l'événement commencé.")
    return None


def record_attendance(event: Event, by, present_user_ids) -> int:
    """Mark who came among the confirmed registrations; the others are absent. Returns how many came."""
    abilities = event_abilities(by, event)
    if not abilities["record_attendance"]:
        if abilities["manage"]:
            raise RegistrationError(attendance_refusal(event))
        raise PermissionDenied(_("Seuls les organisateurs notent les présences."))
    present = {int(pk) for pk in present_user_ids}
    confirmed = list(event.registrations.filter(status=S.CONFIRMED))
    unknown = present - {registration.user_id for registration in confirmed}
    if unknown:
        raise ValidationError({"present": _("Ces personnes ne sont pas inscrites à l'événement.")})
    with transaction.atomic():
        for registration in confirmed:
            attended = registration.user_id in present
            if registration.attended is not attended:
                registration.attended = attended
                registration.version += 1
                registration._history_user = by
                registration.save(update_fields=["attended", "version"])
    return len(present)


@dataclass
class Participation:
    events: list[tuple[Event, int]]  # events attended by the structure's people, with how many came
    by_kind: Counter
    people: int

    @property
    def total(self) -> int:
        return len(self.events)


def participation(structure, user, since=None) -> Participation:
    """The events the structure's people attended (evidence for the appellation), most recent first."""
    if not participation_abilities(user, structure)["view"]:
        raise PermissionDenied(_("La participation des structures se consulte depuis le réseau."))
    rows = Registration.objects.filter(structure=structure, status=S.CONFIRMED, attended=True)
    if since is not None:
        rows = rows.filter(event__starts_at__date__gte=since)
    counts = Counter(rows.values_list("event_id", flat=True))
    events = Event.objects.filter(pk__in=counts).order_by("-starts_at")
    listed = [(event, counts[event.pk]) for event in events]
    return Participation(
        events=listed,
        by_kind=Counter(event.kind for event, _count in listed),
        people=rows.values("user").distinct().count(),
    )
