"""Who may do what in network life. Read by views, the API (`abilities`) and templates."""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q, QuerySet
from django.utils import timezone

from fabrique.network.models import Structure
from fabrique.network.perms import readable_structures
from fabrique.network.roles import roles_of
from fabrique.search.visibility import can_read, in_network, published_q

from .enums import GroupRole


def event_abilities(user, event, now=None) -> dict[str, bool]:
    """view; register (a member of the network, while registrations are open: never once cancelled); manage
    (the coordinator or a member of the organising structure: see who registered); change (manage, unless
    cancelled); cancel (manage, until
    the event is over, once); record_attendance (manage, once begun, unless cancelled)."""
    roles = roles_of(user)
    now = now or timezone.now()
    view = can_read(roles, event.visibility, None)
    manage = roles.coordinator or (event.organiser_id is not None and roles.is_member(event.organiser_id))
    return {
        "view": view,
        "register": view and in_network(roles) and event.registration_is_open(now),
        "manage": manage,
        "change": manage and not event.is_cancelled,
        "cancel": manage and not event.is_cancelled and not event.is_past(now),
        "record_attendance": manage and event.starts_at <= now and not event.is_cancelled,
    }


def can_create_event(user) -> bool:
    return in_network(roles_of(user))


def organiser_ids(user) -> frozenset[int] | None:
    """The structures `user` may organise for: None means any, or the coordination itself."""
    roles = roles_of(user)
    return None if roles.coordinator else roles.member_of


def readable_events(user, queryset: QuerySet) -> QuerySet:
    return queryset.filter(published_q(user))


def participation_abilities(user, structure) -> dict[str, bool]:
    """The network reads how much a structure takes part (evidence for the appellation); names of the people
    only for the structure's members and the coordinator."""
    roles = roles_of(user)
    return {"view": in_network(roles), "view_people": roles.coordinator or roles.is_member(structure.pk)}


def group_abilities(user, group, membership_role: str | None = None) -> dict[str, bool]:
    """`membership_role`: the user's role in the group, if any (read once by the caller). The coordination
    creates groups and edits them (theme, description, visibility, lead); the group's leads and the coordination
    manage its members."""
    roles = roles_of(user)
    view = can_read(roles, group.visibility, None)
    member = membership_role is not None
    manage = roles.coordinator or membership_role == GroupRole.LEAD
    return {
        "view": view,
        "view_members": view and in_network(roles),
        "join": view and in_network(roles) and not member,
        "leave": member,
        "manage": manage,
        "change": roles.coordinator,
        "manage_members": manage,
    }


def can_create_group(user) -> bool:
    return roles_of(user).coordinator


def network_people(queryset: QuerySet) -> QuerySet:
    """Who may belong to a working group: active people of the network (the coordination, members of a
    structure)."""
    return queryset.filter(is_active=True).filter(Q(is_coordinator=True) | Q(memberships__isnull=False)).distinct()


def readable_groups(user, queryset: QuerySet) -> QuerySet:
    return queryset.filter(published_q(user))


def news_abilities(user, post, today=None) -> dict[str, bool]:
    """A post is read once published (drafts and scheduled posts: the coordinator only); the coordination
    writes the news, and withdraws (unpublishes) a published or scheduled post."""
    roles = roles_of(user)
    published = post.is_published(today)
    return {
        "view": roles.coordinator or (published and can_read(roles, post.visibility, None)),
        "change": roles.coordinator,
        "unpublish": roles.coordinator and post.published_on is not None,
    }


def can_write_news(user) -> bool:
    return roles_of(user).coordinator


def readable_news(user, queryset: QuerySet, today=None) -> QuerySet:
    if roles_of(user).coordinator:
        return queryset
    return queryset.filter(published_q(user)).published(today)


def testimonial_abilities(user, testimonial) -> dict[str, bool]:
    roles = roles_of(user)
    own = testimonial.structure_id is not None and roles.is_member(testimonial.structure_id)
    return {"view": testimonial.is_public or roles.coordinator or own, "change": roles.coordinator or own}


def readable_testimonials(user, queryset: QuerySet) -> QuerySet:
    """Public testimonials about a structure the reader may see; all those of one's own structures."""
    roles = roles_of(user)
    if roles.coordinator:
        return queryset
    visible = readable_structures(user, Structure.objects.all()).values("pk")
    public = Q(is_public=True) & (Q(structure__isnull=True) | Q(structure__in=visible))
    return queryset.filter(public | Q(structure__in=roles.member_of))


# (user, group) -> the resources filed under the group that the user may read. The library, which files them and
# holds their rule, registers it from its AppConfig.ready() (through community/interface.py).
GroupResources = Callable[[object, object], QuerySet]
_group_resources: list[GroupResources] = []


def register_group_resources(function: GroupResources) -> None:
    _group_resources[:] = [function]


def readable_group_resources(user, group) -> QuerySet:
    """The resources of `group` that `user` may read (the library's rule)."""
    if not _group_resources:
        raise ImproperlyConfigured("fabrique.library enregistre les ressources d'un groupe (community.interface).")
    return _group_resources[0](user, group)
