import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from fabrique.method.enums import Stage
from fabrique.workspace.enums import ProjectRole
from fabrique.workspace.models import Message, NextStep, ProjectInvitation, ProjectMember
from tests.factories import UserFactory
from tests.method.factories import ProjectFactory


class ProjectMemberFactory(DjangoModelFactory):
    class Meta:
        model = ProjectMember

    project = factory.SubFactory(ProjectFactory)
    user = factory.SubFactory(UserFactory)
    role = ProjectRole.CARRIER


class NextStepFactory(DjangoModelFactory):
    """A step due in a week, owned by a person created for it (give `owner=` someone of the project)."""

    class Meta:
        model = NextStep

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Étape {n}")
    owner = factory.SubFactory(UserFactory)
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))
    stage = Stage.DETECTION


class MessageFactory(DjangoModelFactory):
    class Meta:
        model = Message

    project = factory.SubFactory(ProjectFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Message n°{n} sur le projet")


def project_invitation(project, *, email="invitee@example.org", role=ProjectRole.CARRIER, by=None, **fields):
    """A pending invitation written directly (no e-mail) and its raw token."""
    invitation = ProjectInvitation(project=project, email=email, role=role, invited_by=by, **fields)
    raw = invitation.issue_token()
    invitation.save()
    return invitation, raw
