"""Network life API: events and registration, working groups, news, testimonials, participation."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.errors import HttpError

from fabrique.core.api_answers import answer
from fabrique.core.api_errors import from_django, invalid
from fabrique.core.api_refs import StructureRef
from fabrique.core.api_types import Id, Text
from fabrique.core.markdown import render_markdown
from fabrique.core.pagination import Page, PageParams, paginate
from fabrique.core.vocabulary import Theme
from fabrique.network.models import Structure
from fabrique.network.perms import readable_structures

from . import services
from .enums import EventKind, RegistrationStatus
from .models import Event, GroupMembership, NewsPost, Registration, Testimonial, WorkingGroup
from .perms import (
    event_abilities,
    group_abilities,
    news_abilities,
    readable_events,
    readable_group_resources,
    readable_groups,
    readable_news,
    readable_testimonials,
)
from .schemas import (
    CancelIn,
    EventDetailOut,
    EventFilters,
    EventOut,
    GroupDetailOut,
    GroupOut,
    NewsDetailOut,
    NewsIn,
    NewsOut,
    NewsPatch,
    ParticipationEvent,
    ParticipationOut,
    RegistrationIn,
    RegistrationOut,
    SpeakerOut,
    TestimonialOut,
)
from .services import news, registrations

router = Router(tags=["Vie du réseau"])


def _structure(structure):
    return answer(StructureRef, structure) if structure else None


def _events(request):
    counts = {
        "confirmed_count": Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)),
        "waiting_count": Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED)),
    }
    events = Event.objects.select_related("organiser", "working_group").annotate(**counts)
    return readable_events(request.user, events)


def _my_registrations(request, events) -> dict[int, str]:
    if not request.user.is_authenticated:
        return {}
    rows = Registration.objects.filter(user=request.user, event__in=[event.pk for event in events])
    return dict(rows.values_list("event_id", "status"))


def event_item(request, event: Event, mine: dict[int, str], schema=EventOut, abilities=None, **values) -> dict:
    return answer(
        schema,
        event,
        kind_label=event.get_kind_display(),
        departement=event.departement_id,
        online=bool(event.online_url),
        organiser=_structure(event.organiser),
        working_group=event.working_group.slug if event.working_group else None,
        confirmed=event.confirmed_count,
        waiting=event.waiting_count,
        registration_open=event.registration_is_open(),
        my_registration=mine.get(event.pk),
        url=request.build_absolute_uri(event.get_absolute_url()),
        ics_url=request.build_absolute_uri(f"{event.get_absolute_url().rstrip('/')}.ics"),
        abilities=abilities or event_abilities(request.user, event),
        **values,
    )


@router.get("/events", response=Page[EventOut], summary="Lister les événements")
def list_events(request, filters: Query[EventFilters]):
    """Événements à venir (ou passés avec `period=past`) que l'appelant peut voir."""
    events = _events(request)
    now = timezone.now()
    if filters.period not in (None, "upcoming", "past"):
        raise invalid(["query", "period"], _("Période inconnue : « %s » (upcoming ou past).") % filters.period)
    if filters.period == "past":
        events = events.past(now).order_by("-starts_at", "-pk")
    else:
        events = events.upcoming(now).order_by("starts_at", "pk")
    if filters.kind:
        if filters.kind not in EventKind.values:
            raise invalid(["query", "kind"], _("Type d'événement inconnu : « %s ».") % filters.kind)
        events = events.filter(kind=filters.kind)
    if filters.theme:
        if filters.theme not in Theme.values:
            raise invalid(["query", "theme"], _("Thème inconnu : « %s ».") % filters.theme)
        events = events.filter(theme=filters.theme)
    if filters.working_group:
        events = events.filter(working_group__slug=filters.working_group)
    envelope, rows = paginate(request, events, filters)
    mine = _my_registrations(request, rows)
    envelope["results"] = [event_item(request, event, mine) for event in rows]
    return envelope


def _event_for(request, slug: str) -> Event:
    return get_object_or_404(_events(request).select_related("departement"), slug=slug)


@router.get("/events/{slug}", response=EventDetailOut, summary="Lire un événement")
def get_event(request, slug: Text):
    return _event_detail(request, _event_for(request, slug))


def _event_detail(request, event: Event) -> dict:
    mine = _my_registrations(request, [event])
    abilities = event_abilities(request.user, event)
    sees_link = mine.get(event.pk) == RegistrationStatus.CONFIRMED or abilities["manage"]
    return event_item(
        request,
        event,
        mine,
        EventDetailOut,
        abilities=abilities,
        description_html=str(render_markdown(event.description)),
        online_url=(event.online_url or None) if sees_link else None,
        speakers=[answer(SpeakerOut, s) for s in event.speakers.all()],
    )


@router.post("/events/{slug}/cancel", response=EventDetailOut, summary="Annuler un événement")
def cancel_event(request, slug: Text, payload: CancelIn):
    """Pour les organisateurs : annule l'événement avec un motif, envoyé par e-mail aux personnes inscrites ou en
    liste d'attente. 409 si la version est dépassée, si l'événement est déjà annulé ou déjà terminé."""
    event = _event_for(request, slug)
    _require_login(request)
    try:
        services.cancel_event(event, request.user, payload.reason, expected_version=payload.version)
    except ValidationError as exc:
        raise from_django(exc) from None
    return _event_detail(request, _event_for(request, slug))


def registration_out(registration: Registration) -> dict:
    return answer(
        RegistrationOut,
        registration,
        event=registration.event.slug,
        user=str(registration.user),
        structure=registration.structure.slug if registration.structure else None,
        status_label=registration.get_status_display(),
    )


def _require_login(request) -> None:
    if not request.user.is_authenticated:
        raise HttpError(401, _("Authentification requise."))


@router.post("/events/{slug}/registration", response={201: RegistrationOut}, summary="S'inscrire à un événement")
def register(request, slug: Text, payload: RegistrationIn | None = None):
    """Inscrit l'appelant (au titre de l'une de ses structures) : confirmé s'il reste une place, sinon en liste
    d'attente. 409 si l'événement est annulé, si les inscriptions sont closes ou s'il est déjà inscrit."""
    _require_login(request)
    event = _event_for(request, slug)
    structure = None
    if payload and payload.structure:
        structure = Structure.objects.filter(slug=payload.structure).first()
        if structure is None:
            raise invalid(["body", "structure"], _("Structure inconnue : « %s ».") % payload.structure)
    try:
        registration = registrations.register(event, request.user, structure=structure)
    except ValidationError as exc:
        raise from_django(exc) from None
    return Status(201, registration_out(registration))


@router.delete("/events/{slug}/registration", response=RegistrationOut, summary="Annuler son inscription")
def cancel_registration(request, slug: Text):
    """Annule l'inscription de l'appelant ; une place libérée revient à la première personne en attente."""
    _require_login(request)
    event = _event_for(request, slug)
    registration = get_object_or_404(
        Registration.objects.select_related("event", "structure", "user"), event=event, user=request.user
    )
    return registration_out(registrations.cancel(registration, request.user))


@router.get("/events/{slug}/registrations", response=list[RegistrationOut], summary="Inscrits d'un événement")
def list_registrations(request, slug: Text):
    """Pour les organisateurs : les inscriptions, liste d'attente comprise, par ordre d'arrivée."""
    event = _event_for(request, slug)
    if not event_abilities(request.user, event)["manage"]:
        raise PermissionDenied(_("Seuls les organisateurs voient les inscriptions."))
    rows = event.registrations.select_related("event", "user", "structure").order_by("registered_at", "pk")
    return [registration_out(registration) for registration in rows]


@router.get("/structures/{slug}/participation", response=ParticipationOut, summary="Participation d'une structure")
def structure_participation(request, slug: Text):
    """Les événements du réseau auxquels des personnes de la structure ont été présentes (pièce du dossier
    d'appellation)."""
    _require_login(request)
    structure = get_object_or_404(readable_structures(request.user, Structure.objects.all()), slug=slug)
    summary = registrations.participation(structure, request.user)
    return answer(
        ParticipationOut,
        summary,
        structure=structure.slug,
        events=[answer(ParticipationEvent, e, attendees=n) for e, n in summary.events],
        by_kind=dict(summary.by_kind),
    )


def _group_roles(request) -> dict[int, str]:
    if not request.user.is_authenticated:
        return {}
    return dict(GroupMembership.objects.filter(user=request.user).values_list("group_id", "role"))


def group_item(request, group: WorkingGroup, roles: dict[int, str], schema=GroupOut, abilities=None, **values) -> dict:
    return answer(
        schema,
        group,
        theme_label=group.get_theme_display(),
        url=request.build_absolute_uri(group.get_absolute_url()),
        abilities=abilities or group_abilities(request.user, group, roles.get(group.pk)),
        **values,
    )


def _groups(request):
    return readable_groups(request.user, WorkingGroup.objects.annotate(member_count=Count("memberships")))


@router.get("/working-groups", response=Page[GroupOut], summary="Lister les groupes de travail")
def list_groups(request, params: Query[PageParams]):
    envelope, rows = paginate(request, _groups(request).order_by("name", "pk"), params)
    roles = _group_roles(request)
    envelope["results"] = [group_item(request, group, roles) for group in rows]
    return envelope


@router.get("/working-groups/{slug}", response=GroupDetailOut, summary="Lire un groupe de travail")
def get_group(request, slug: Text):
    group = get_object_or_404(_groups(request), slug=slug)
    roles = _group_roles(request)
    abilities = group_abilities(request.user, group, roles.get(group.pk))
    members = None
    if abilities["view_members"]:
        members = [str(m.user) for m in group.memberships.select_related("user")]
    return group_item(
        request,
        group,
        roles,
        GroupDetailOut,
        abilities=abilities,
        description_html=str(render_markdown(group.description)),
        members=members,
        resources=list(readable_group_resources(request.user, group).values_list("slug", flat=True)),
        events=list(readable_events(request.user, group.events.all()).values_list("slug", flat=True)),
    )


def news_item(request, post: NewsPost, schema=NewsOut, **values) -> dict:
    return answer(schema, post, url=request.build_absolute_uri(post.get_absolute_url()), **values)


@router.get("/news", response=Page[NewsOut], summary="Lister les actualités")
def list_news(request, params: Query[PageParams]):
    posts = readable_news(request.user, NewsPost.objects.all()).order_by("-published_on", "-pk")
    envelope, rows = paginate(request, posts, params)
    envelope["results"] = [news_item(request, post) for post in rows]
    return envelope


def _news_for(request, slug: str) -> NewsPost:
    return get_object_or_404(readable_news(request.user, NewsPost.objects.all()), slug=slug)


@router.get("/news/{slug}", response=NewsDetailOut, summary="Lire une actualité")
def get_news(request, slug: Text):
    return _news_detail(request, _news_for(request, slug))


def _news_detail(request, post: NewsPost) -> dict:
    testimonials = readable_testimonials(request.user, post.testimonials.all()).order_by("pk")
    return news_item(
        request,
        post,
        NewsDetailOut,
        body_html=str(render_markdown(post.body)),
        testimonials=list(testimonials.values_list("pk", flat=True)),
        abilities=news_abilities(request.user, post),
    )


NEWS_CONFLICT = {409: {"description": "Version dépassée : relire l'actualité, puis refaire la modification."}}


@router.post("/news", response={201: NewsDetailOut}, summary="Rédiger une actualité")
def create_news(request, payload: NewsIn):
    """Pour la coordination : publiée le jour `published_on` (aujourd'hui, ou plus tard : programmée), brouillon
    si `published_on` est null. L'identifiant (`slug`) est tiré du titre et ne change plus."""
    _require_login(request)
    try:
        post = news.create_news(request.user, payload.dict())
    except ValidationError as exc:
        raise from_django(exc) from None
    return Status(201, _news_detail(request, post))


@router.patch(
    "/news/{slug}", response=NewsDetailOut, summary="Modifier une actualité", openapi_extra={"responses": NEWS_CONFLICT}
)
def update_news(request, slug: Text, payload: NewsPatch):
    """Pour la coordination : seuls les champs envoyés changent ; `published_on: null` retire l'actualité (elle
    redevient un brouillon, conservée avec son historique)."""
    post = _news_for(request, slug)
    _require_login(request)
    data = payload.dict(exclude_unset=True, exclude={"version"})
    for name, value in data.items():
        if value is None and name != "published_on":
            raise invalid(["body", name], _("Ce champ ne peut pas être null."))
    try:
        news.update_news(post, request.user, data, expected_version=payload.version)
    except ValidationError as exc:
        raise from_django(exc) from None
    return _news_detail(request, post)


def testimonial_item(testimonial: Testimonial) -> dict:
    return answer(TestimonialOut, testimonial, structure=_structure(testimonial.structure))


def _testimonials(request):
    return readable_testimonials(request.user, Testimonial.objects.select_related("structure"))


@router.get("/testimonials", response=Page[TestimonialOut], summary="Lister les témoignages")
def list_testimonials(request, params: Query[PageParams]):
    envelope, rows = paginate(request, _testimonials(request).order_by("-featured", "pk"), params)
    envelope["results"] = [testimonial_item(testimonial) for testimonial in rows]
    return envelope


@router.get("/testimonials/{testimonial_id}", response=TestimonialOut, summary="Lire un témoignage")
def get_testimonial(request, testimonial_id: Id):
    return testimonial_item(get_object_or_404(_testimonials(request), pk=testimonial_id))
