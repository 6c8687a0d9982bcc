"""Events: list and calendar, a page per event with registration, organising, attendance, iCalendar."""

import calendar as month_calendar
from datetime import date, datetime, time, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from fabrique.core.exceptions import DomainError, VersionConflict
from fabrique.core.forms import attach_errors

from .. import ical, services
from ..enums import RegistrationStatus
from ..forms import AttendanceForm, CancelEventForm, EventFilterForm, EventForm, RegistrationForm
from ..models import Event, Registration
from ..perms import can_create_event, event_abilities, readable_events
from ..services import registrations

PER_PAGE = 20


def _events(user):
    return readable_events(user, Event.objects.select_related("organiser", "departement"))


@require_safe
def event_list(request):
    form = EventFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    now = timezone.now()
    events = _events(request.user)
    past = data.get("period") == "past"
    events = events.past(now).order_by("-starts_at", "-pk") if past else events.upcoming(now).order_by("starts_at")
    if data.get("kind"):
        events = events.filter(kind=data["kind"])
    page = Paginator(events, PER_PAGE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "past": past,
        "query": params.urlencode(),
        "can_create": can_create_event(request.user),
    }
    return render(request, "community/events/list.html", context)


def _month(request) -> date:
    raw = request.GET.get("mois", "")
    try:
        return datetime.strptime(raw, "%Y-%m").date().replace(day=1)
    except ValueError:
        return timezone.localdate().replace(day=1)


@require_safe
def event_calendar(request):
    """A month as a table (one row per week), each day with its events; previous and next months."""
    first = _month(request)
    weeks = month_calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    start = timezone.make_aware(datetime.combine(weeks[0][0], time.min))
    end = timezone.make_aware(datetime.combine(weeks[-1][-1] + timedelta(days=1), time.min))
    events = _events(request.user).filter(starts_at__lt=end, ends_at__gte=start).order_by("starts_at")
    by_day: dict[date, list[Event]] = {}
    for event in events:
        day = max(timezone.localdate(event.starts_at), weeks[0][0])
        last = min(timezone.localdate(event.ends_at), weeks[-1][-1])
        while day <= last:
            by_day.setdefault(day, []).append(event)
            day += timedelta(days=1)
    previous = (first - timedelta(days=1)).replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    context = {
        "month": first,
        "weeks": [[(day, by_day.get(day, [])) for day in week] for week in weeks],
        "previous": previous,
        "following": following,
        "today": timezone.localdate(),
    }
    return render(request, "community/events/calendar.html", context)


def _event_for(request, slug: str, ability: str = "view") -> tuple[Event, dict]:
    event = get_object_or_404(Event.objects.select_related("organiser", "working_group", "departement"), slug=slug)
    abilities = event_abilities(request.user, event)
    if not abilities["view"]:
        raise Http404(_("Événement introuvable."))
    if not abilities[ability]:
        raise PermissionDenied(_("Vous ne pouvez pas faire cela pour cet événement."))
    return event, abilities


def event_detail(request, slug):
    event = get_object_or_404(Event, slug=slug)
    if not event_abilities(request.user, event)["view"] and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    event, abilities = _event_for(request, slug)
    mine = None
    if request.user.is_authenticated:
        mine = Registration.objects.filter(event=event, user=request.user).first()
    confirmed = registrations.confirmed_count(event)
    people = []
    if abilities["manage"]:
        people = event.registrations.exclude(status=RegistrationStatus.CANCELLED).select_related("user", "structure")
    context = {
        "event": event,
        "abilities": abilities,
        "registration": mine,
        "registration_form": RegistrationForm(user=request.user) if abilities["register"] else None,
        "confirmed": confirmed,
        "places_left": None if event.capacity is None else max(event.capacity - confirmed, 0),
        "waiting": event.registrations.filter(status=RegistrationStatus.WAITLISTED).count(),
        "speakers": event.speakers.all(),
        "people": people,
        "is_past": event.is_past(),
    }
    return render(request, "community/events/detail.html", context)


@login_required
@require_POST
def event_register(request, slug):
    event, _abilities = _event_for(request, slug)
    form = RegistrationForm(request.POST, user=request.user)
    structure = form.cleaned_data["structure"] if form.is_valid() else None
    try:
        registration = registrations.register(event, request.user, structure=structure)
    except (DomainError, ValidationError) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    else:
        if registration.status == RegistrationStatus.CONFIRMED:
            messages.success(request, _("Vous êtes inscrit·e à « %(title)s ».") % {"title": event.title})
        else:
            messages.warning(
                request,
                _(
                    "L'événement est complet : vous êtes sur la liste d'attente "
                    "et serez prévenu·e si une place se libère."
                ),
            )
    return redirect(event)


@login_required
@require_POST
def event_cancel(request, slug):
    event, _abilities = _event_for(request, slug)
    registration = Registration.objects.filter(event=event, user=request.user).first()
    if registration is None:
        messages.error(request, _("Vous n'êtes pas inscrit·e à cet événement."))
        return redirect(event)
    try:
        registrations.cancel(registration, request.user)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Votre inscription est annulée."))
    return redirect(event)


@login_required
def event_attendance(request, slug):
    event, _abilities = _event_for(request, slug, "manage")
    confirmed = list(
        event.registrations.filter(status=RegistrationStatus.CONFIRMED).select_related("user", "structure")
    )
    form = AttendanceForm(request.POST or None, registrations=confirmed)
    if request.method == "POST" and form.is_valid():
        try:
            count = registrations.record_attendance(event, request.user, form.cleaned_data["present"])
        except (DomainError, ValidationError) as exc:
            form.add_error(None, " ".join(getattr(exc, "messages", [str(exc)])))
        else:
            messages.success(request, _("Présences enregistrées : %(count)s personne(s).") % {"count": count})
            return redirect(event)
    context = {"event": event, "form": form, "refusal": registrations.attendance_refusal(event)}
    return render(request, "community/events/attendance.html", context)


@login_required
def event_create(request):
    if not can_create_event(request.user):
        raise PermissionDenied(_("Seuls les membres du réseau organisent des événements."))
    form = EventForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.create_event(request.user, form.event_data())
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, _("L'événement est publié."))
            return redirect(event)
    return render(request, "community/events/form.html", {"form": form, "event": None})


@login_required
def event_edit(request, slug):
    event, abilities = _event_for(request, slug, "manage")
    if not abilities["change"]:
        messages.error(request, services.edit_refusal(event))
        return redirect(event)
    title = event.title
    form = EventForm(request.POST or None, instance=event, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_event(event, request.user, form.event_data(), form.cleaned_data["version"])
        except (VersionConflict, ValidationError) as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, _("L'événement est enregistré."))
            return redirect(event)
    return render(request, "community/events/form.html", {"form": form, "event": event, "title": title})


@login_required
def event_cancellation(request, slug):
    """Cancel the event after a confirmation form; the reason goes to everyone registered or waiting."""
    event, _abilities = _event_for(request, slug, "manage")
    refusal = services.cancellation_refusal(event)
    if refusal:
        messages.error(request, refusal)
        return redirect(event)
    form = CancelEventForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.cancel_event(event, request.user, data["reason"], data["version"])
        except (VersionConflict, ValidationError) as exc:
            attach_errors(form, exc)
        except DomainError as exc:
            messages.error(request, str(exc))
            return redirect(event)
        else:
            messages.success(request, _("L'événement est annulé : les personnes inscrites sont prévenues par e-mail."))
            return redirect(event)
    context = {"event": event, "form": form, "to_tell": services.people_to_tell(event).count()}
    return render(request, "community/events/cancel.html", context)


def _ics(content: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def event_ics(request, slug):
    event, _abilities = _event_for(request, slug)
    return _ics(ical.calendar([event], event.title), f"{event.slug}.ics")


@require_safe
def events_feed(request):
    """The events of the past three months and to come that the reader may see (public ones for a calendar
    application, which has no session)."""
    since = timezone.now() - timedelta(days=92)
    events = _events(request.user).filter(ends_at__gte=since).order_by("starts_at")
    from django.conf import settings

    return _ics(ical.calendar(events, _("Événements — %(network)s") % {"network": settings.NETWORK_NAME}), "agenda.ics")
