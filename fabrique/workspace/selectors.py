"""Reads of the workspace that pages, the API and « Mon espace » share."""

from django.db.models import QuerySet

from fabrique.network.models import Membership

from .models import ProjectMember


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
