"""Working groups, testimonials, and the participation of a structure in network life."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from fabrique.core.exceptions import DomainError
from fabrique.network.models import Structure
from fabrique.network.perms import readable_structures

from .. import services
from ..models import GroupMembership, NewsPost, Testimonial, WorkingGroup
from ..perms import (
    can_create_group,
    group_abilities,
    participation_abilities,
    readable_events,
    readable_group_resources,
    readable_groups,
    readable_news,
    readable_testimonials,
)
from ..services import registrations


@require_safe
def group_list(request):
    groups = readable_groups(request.user, WorkingGroup.objects.annotate(member_count=Count("memberships")))
    mine = set()
    if request.user.is_authenticated:
        mine = set(GroupMembership.objects.filter(user=request.user).values_list("group_id", flat=True))
    context = {"groups": groups.order_by("name"), "mine": mine, "can_create": can_create_group(request.user)}
    return render(request, "community/groups/list.html", context)


def _group_for(request, slug: str):
    group = get_object_or_404(WorkingGroup, slug=slug)
    membership = None
    if request.user.is_authenticated:
        membership = GroupMembership.objects.filter(group=group, user=request.user).first()
    abilities = group_abilities(request.user, group, membership.role if membership else None)
    return group, abilities


def group_detail(request, slug):
    group, abilities = _group_for(request, slug)
    if not abilities["view"]:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404(_("Groupe de travail introuvable."))
    members = []
    if abilities["view_members"]:
        members = group.memberships.select_related("user").prefetch_related("user__memberships__structure")
    context = {
        "group": group,
        "abilities": abilities,
        "members": members,
        "resources": readable_group_resources(request.user, group)
        .select_related("author_structure")
        .order_by("-updated_at"),
        "events": readable_events(request.user, group.events.all()).order_by("-starts_at")[:20],
    }
    return render(request, "community/groups/detail.html", context)


@login_required
@require_POST
def group_join(request, slug):
    group, abilities = _group_for(request, slug)
    if not abilities["view"]:
        raise Http404(_("Groupe de travail introuvable."))
    try:
        services.join_group(group, request.user)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Vous avez rejoint le groupe « %(name)s ».") % {"name": group.name})
    return redirect(group)


@login_required
@require_POST
def group_leave(request, slug):
    group, abilities = _group_for(request, slug)
    if not abilities["view"]:
        raise Http404(_("Groupe de travail introuvable."))
    try:
        services.leave_group(group, request.user)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Vous avez quitté le groupe « %(name)s ».") % {"name": group.name})
    return redirect(group)


@login_required
@require_safe
def participation(request, slug):
    """How much a structure takes part in network life: the events its people attended, by kind."""
    structure = get_object_or_404(readable_structures(request.user, Structure.objects.all()), slug=slug)
    abilities = participation_abilities(request.user, structure)
    if not abilities["view"]:
        raise PermissionDenied(_("La participation des structures se consulte depuis le réseau."))
    summary = registrations.participation(structure, request.user)
    people = []
    if abilities["view_people"]:
        people = (
            structure.event_registrations.filter(attended=True)
            .select_related("user", "event")
            .order_by("-event__starts_at", "user__last_name")
        )
    context = {"structure": structure, "summary": summary, "people": people, "abilities": abilities}
    return render(request, "community/participation.html", context)


@require_safe
def testimonial_list(request):
    testimonials = readable_testimonials(request.user, Testimonial.objects.select_related("structure")).order_by(
        "-featured", "pk"
    )
    posts = Prefetch("news_posts", queryset=readable_news(request.user, NewsPost.objects.all()), to_attr="posts")
    return render(request, "community/testimonials.html", {"testimonials": testimonials.prefetch_related(posts)})
