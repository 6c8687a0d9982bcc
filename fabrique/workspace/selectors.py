"""Reads of the workspace that pages, the API and « Mon espace » share."""

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery

from fabrique.network.models import Membership

from .models import Message, MessageAttachment, MessageMention, NextStep, ProjectMember


def people_of(project) -> dict[str, list]:
    """The project's team (its structure's members) and its people, in two queries whatever their number."""
    team = list(
        Membership.objects.filter(structure_id=project.structure_id)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "pk")
    )
    people = list(
        ProjectMember.objects.filter(project=project)
        .select_related("user", "partner")
        .order_by("role", "user__last_name", "user__first_name", "pk")
    )
    return {"team": team, "people": people}


def projects_joined_by(user) -> QuerySet:
    """The memberships of `user` on projects (not through a structure), with their project."""
    return ProjectMember.objects.filter(user=user).select_related("project", "project__structure")


def possible_owners(project) -> QuerySet:
    """Who may own a next step of `project`: its team (its structure's members) and its people, in one query."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(memberships__structure_id=project.structure_id) | Q(project_memberships__project_id=project.pk))
        .distinct()
        .order_by("last_name", "first_name", "email")
    )


def still_on_project() -> Q:
    """A filter on next steps: their owner is still on their project (of its structure's team, or invited)."""
    team = Membership.objects.filter(user_id=OuterRef("owner_id"), structure_id=OuterRef("project__structure_id"))
    invited = ProjectMember.objects.filter(user_id=OuterRef("owner_id"), project_id=OuterRef("project_id"))
    return Q(Exists(team)) | Q(Exists(invited))


def steps_of(project) -> list[NextStep]:
    """The project's next steps: the open ones by due date, then the done ones, the last done first (one query)."""
    steps = list(NextStep.objects.filter(project=project).select_related("owner").order_by("due_on", "pk"))
    for step in steps:
        step.project = project  # their rights read it: no query per step
    open_steps = [step for step in steps if step.is_open]
    done = sorted((step for step in steps if not step.is_open), key=lambda s: s.done_at or s.created_at, reverse=True)
    return open_steps + done


def my_open_steps(user) -> QuerySet:
    """The open next steps `user` owns on the projects they are still on, the most overdue first, with their
    project and its structure."""
    return (
        NextStep.objects.open()
        .filter(owner=user)
        .filter(still_on_project())
        .select_related("project", "project__structure")
        .order_by("due_on", "pk")
    )


def first_open_steps(project_ids) -> dict[int, NextStep]:
    """Each project's next open step (the soonest due), for many projects in one query."""
    ids = list(project_ids)
    if not ids:
        return {}
    first = NextStep.objects.open().filter(project_id=OuterRef("project_id")).order_by("due_on", "pk").values("pk")[:1]
    rows = NextStep.objects.filter(project_id__in=ids, pk=Subquery(first)).select_related("owner")
    return {step.project_id: step for step in rows}


def conversation_of(project) -> QuerySet:
    """A project's messages, newest first, with their author, mentions and attachments: a page of them costs three
    queries whatever its length (filter it with `perms.readable_messages`)."""
    return (
        Message.objects.filter(project=project)
        .select_related("author")
        .prefetch_related(
            Prefetch("mentions", queryset=MessageMention.objects.select_related("user").order_by("pk")),
            Prefetch("attachments", queryset=MessageAttachment.objects.order_by("pk")),
        )
        .order_by("-created_at", "-pk")
    )
