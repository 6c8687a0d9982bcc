import datetime

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from factory.django import DjangoModelFactory

from fabrique.method.enums import Stage
from fabrique.workspace.enums import DocumentKind, DocumentVisibility, ProjectRole
from fabrique.workspace.models import Message, NextStep, ProjectInvitation, ProjectMember
from fabrique.workspace.services import documents
from tests.factories import UserFactory
from tests.library.files import PDF
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


def pdf_upload(name: str = "etude.pdf", content: bytes = PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def make_document(project, by, *, title="Étude d'opportunité", visibility=DocumentVisibility.TEAM, content=PDF):
    """A document with its first version, through the service (as the page would)."""
    return documents.upload_document(
        project,
        by,
        title=title,
        kind=DocumentKind.OPPORTUNITY_STUDY,
        visibility=visibility,
        upload=pdf_upload(content=content),
    )
