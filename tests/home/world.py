"""Builders of what « Mon espace » shows: committee ballots, requests, quiet projects, follow-ups, registrations."""

import datetime

from django.utils import timezone

from fabrique.appellation import services as appellation
from fabrique.appellation.enums import RequestStatus
from fabrique.appellation.models import AppellationRequest
from fabrique.community.enums import RegistrationStatus
from fabrique.community.models import Registration
from fabrique.method.enums import Stage
from fabrique.method.models import ProjectStageLog
from fabrique.network.enums import MembershipRole
from fabrique.network.models import Structure
from tests.community.factories import EventFactory
from tests.factories import MembershipFactory, StructureFactory, UserFactory
from tests.method.factories import OutcomeFactory, ProjectFactory
from tests.workspace.factories import NextStepFactory

LONG_AGO = datetime.timedelta(days=400)


def submitted_request(structure: Structure) -> AppellationRequest:
    return AppellationRequest.objects.create(structure=structure, status=RequestStatus.SUBMITTED)


def open_session(requests, *, days: int = 10):
    """A session open on `requests`; its voters are the structures labelled at its opening."""
    coordination = UserFactory(coordinator=True)
    return appellation.open_session(
        by=coordination,
        held_on=timezone.localdate() + datetime.timedelta(days=days),
        deadline=timezone.now() + datetime.timedelta(days=days),
        requests=requests,
    )


def labelled_with_admin(name: str, admin=None) -> tuple[Structure, object]:
    """A labelled structure (a voter of the next session) and its admin: `admin` if given, else a new person."""
    structure = StructureFactory(name=name, labelled=True)
    extra = {"user": admin} if admin is not None else {}
    return structure, MembershipFactory(structure=structure, role=MembershipRole.ADMIN, **extra).user


def quiet_project(structure, *, stage: str = Stage.OPPORTUNITY, title: str | None = None):
    """A project whose only movement (its opening) is more than a year old."""
    project = ProjectFactory(structure=structure, stage=stage, **({"title": title} if title else {}))
    ProjectStageLog.objects.filter(project=project).update(changed_at=timezone.now() - LONG_AGO)
    return project


def created_activity(structure, *, days_ago: int = 400, title: str | None = None):
    """A created activity whose outcome is `days_ago` old, no follow-up recorded."""
    project = ProjectFactory(structure=structure, stage=Stage.CREATED, **({"title": title} if title else {}))
    ProjectStageLog.objects.filter(project=project).update(changed_at=timezone.now() - LONG_AGO)
    project.detected_on = timezone.localdate() - datetime.timedelta(days=days_ago + 30)
    project.save(update_fields=["detected_on"])
    return OutcomeFactory(project=project, created_on=timezone.localdate() - datetime.timedelta(days=days_ago))


def registration(user, *, status: str = RegistrationStatus.CONFIRMED, **event):
    return Registration.objects.create(event=EventFactory(**event), user=user, status=status)


def everything_for(user, n: int) -> None:
    """`n` items of each kind on `user`'s page: `user` administers a labelled voter structure and belongs to `n`
    experimenting structures, each with a request on an open session, a quiet project (with a next step of
    `user`'s, the first one late) and a follow-up due; and `user` holds `n` places at events."""
    labelled_with_admin(f"Votante {n}", admin=user)
    requests = []
    for index in range(n):
        structure = StructureFactory(name=f"Demandeuse {n}-{index}")
        MembershipFactory(structure=structure, user=user, role=MembershipRole.STAFF)
        requests.append(submitted_request(structure))
        project = quiet_project(structure)
        NextStepFactory(project=project, owner=user, due_on=timezone.localdate() + datetime.timedelta(days=index - 1))
        created_activity(structure)
        registration(user)
    open_session(requests)
