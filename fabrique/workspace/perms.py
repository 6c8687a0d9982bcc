"""Who may do what in a project's workspace. Read by views, the API (`abilities`) and templates.

Three kinds of people are on a project:
- its **team**: the members of the project's structure, on every project of their structure without a row;
- its **people** (`ProjectMember`): the carrier, partners and outside experts invited to that project only. They see
  its workspace and nothing else of the structure or the network; an expert marked observer reads without writing;
- the **coordination**, which follows every project read-only (as on the boards).

What the team alone sees (internal notes, documents kept to the team) is `see_internal`. A person who is neither
gets a 404 on the workspace: a project's existence is confidential (as on the method's pages).
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from fabrique.network.roles import roles_of

from .enums import DocumentVisibility, ProjectRole
from .models import NextStep, ProjectMember


@dataclass(frozen=True)
class Place:
    """What one person is on one project."""

    team: bool = False
    coordinator: bool = False
    role: str = ""  # a ProjectRole for the project's people, "" for the team and the coordination
    observer: bool = False

    @property
    def on_project(self) -> bool:
        return self.team or bool(self.role)

    @property
    def role_label(self) -> str:
        return ProjectRole(self.role).label if self.role else ""


NOWHERE = Place()


def joined_projects(user) -> dict[int, tuple[str, bool]]:
    """{project id: (role, observer)} of the projects `user` was invited to, loaded once per request (one query)."""
    if not (user is not None and getattr(user, "is_authenticated", False) and user.is_active):
        return {}
    cached = getattr(user, "_fabrique_projects", None)
    if cached is None:
        rows = ProjectMember.objects.filter(user=user).values_list("project_id", "role", "observer")
        cached = {project_id: (role, observer) for project_id, role, observer in rows}
        user._fabrique_projects = cached
    return cached


def forget_projects(user) -> None:
    if hasattr(user, "_fabrique_projects"):
        del user._fabrique_projects


def place_on(user, project) -> Place:
    roles = roles_of(user)
    if roles.is_member(project.structure_id):
        return Place(team=True, coordinator=roles.coordinator)
    role, observer = joined_projects(user).get(project.pk, ("", False))
    if role or roles.coordinator:
        return Place(coordinator=roles.coordinator, role=role, observer=observer)
    return NOWHERE


def workspace_abilities(user, project, place: Place | None = None) -> dict[str, bool]:
    """view (the workspace), see_internal (what is kept to the team), write (messages, next steps, shared
    documents), write_internal (internal notes, team documents), manage_people (invite, remove), leave."""
    place = place_on(user, project) if place is None else place
    writer = place.team or (bool(place.role) and not place.observer)
    return {
        "view": place.on_project or place.coordinator,
        "see_internal": place.team or place.coordinator,
        "write": writer,
        "write_internal": place.team,
        "manage_people": place.team,
        "leave": bool(place.role) and not place.team,
    }


def is_carrier_or_guest(place: Place) -> bool:
    """Someone on the project who is not of its team: they see nothing of the structure beyond this project."""
    return bool(place.role) and not place.team


def readable_workspaces(user, queryset: QuerySet) -> QuerySet:
    """`workspace_abilities(…)["view"]` as a filter on projects: all for the coordination, else the projects of
    their structures and those they were invited to."""
    roles = roles_of(user)
    if roles.coordinator:
        return queryset
    if not roles.authenticated:
        return queryset.none()
    return queryset.filter(Q(structure_id__in=roles.member_of) | Q(pk__in=list(joined_projects(user))))


# --- next steps ----------------------------------------------------------------------------------------------


def step_abilities(user, step: NextStep, place: Place | None = None) -> dict[str, bool]:
    """view; change (edit it, change its status): the team, or its owner if their place lets them write (an
    observer reads only, even a step of their own; the coordination never writes)."""
    place = place_on(user, step.project) if place is None else place
    workspace = workspace_abilities(user, step.project, place)
    mine = workspace["write"] and step.owner_id is not None and step.owner_id == getattr(user, "pk", None)
    return {"view": workspace["view"], "change": place.team or mine}


def can_follow_steps_of(user, structure) -> bool:
    """The open next steps of all a structure's projects: its team and the coordination."""
    roles = roles_of(user)
    return roles.coordinator or roles.is_member(structure.pk)


def message_abilities(user, message, abilities: dict[str, bool]) -> dict[str, bool]:
    """What `user` may do with one message, given their `workspace_abilities` on its project: read it (an internal
    note needs see_internal); edit or delete it when they wrote it, it is not deleted, and they may still write
    that kind of message (write_internal for an internal note)."""
    view = abilities["view"] and (not message.internal or abilities["see_internal"])
    may_write = abilities["write_internal"] if message.internal else abilities["write"]
    own = user is not None and message.author_id == getattr(user, "pk", None) and message.deleted_at is None
    return {"view": view, "change": view and own and may_write, "delete": view and own and may_write}


def readable_messages(queryset: QuerySet, abilities: dict[str, bool]) -> QuerySet:
    """`message_abilities(…)["view"]` as a filter on one project's messages."""
    if not abilities["view"]:
        return queryset.none()
    return queryset if abilities["see_internal"] else queryset.filter(internal=False)


# --- documents -----------------------------------------------------------------------------------------------


def document_abilities(abilities: dict[str, bool], document) -> dict[str, bool]:
    """What one may do with a project's document, from their `workspace_abilities` on its project (no query).

    view (and download its versions): a document kept to the team needs `see_internal`; add_version: a writer who
    sees it (the team for a team document); change_visibility, delete, publish (to the library): the team."""
    view = abilities["view"] and (document.visibility == DocumentVisibility.PROJECT or abilities["see_internal"])
    writer = abilities["write_internal"] if document.visibility == DocumentVisibility.TEAM else abilities["write"]
    return {
        "view": view,
        "add_version": view and writer,
        "change_visibility": abilities["write_internal"],
        "delete": abilities["write_internal"],
        "publish": abilities["write_internal"],
    }


def upload_visibilities(abilities: dict[str, bool]) -> list[str]:
    """The visibilities one may give a new document: any for the team, « everyone on the project » for its other
    writers, none for the readers."""
    if abilities["write_internal"]:
        return list(DocumentVisibility.values)
    return [DocumentVisibility.PROJECT] if abilities["write"] else []


def documents_abilities(abilities: dict[str, bool]) -> dict[str, bool]:
    """What one may do on a project's documents as a whole: upload (a new document)."""
    return {"upload": bool(upload_visibilities(abilities))}


def readable_documents(abilities: dict[str, bool], queryset: QuerySet) -> QuerySet:
    """`document_abilities(…)["view"]` as a filter on one project's documents."""
    if not abilities["view"]:
        return queryset.none()
    return queryset if abilities["see_internal"] else queryset.filter(visibility=DocumentVisibility.PROJECT)
