"""A person with a trace in most corners of the platform, for the export and erasure tests."""

import datetime

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from fabrique.accounts.models import ApiToken
from fabrique.appellation.enums import NotificationKind
from fabrique.community.models import Event, GroupMembership, Registration, WorkingGroup
from fabrique.core.versioning import save_with_version
from fabrique.core.vocabulary import Theme
from fabrique.method.models import ProjectNote
from fabrique.network.models import Invitation
from fabrique.notifications.models import Notification
from tests.factories import MembershipFactory, UserFactory
from tests.method.factories import NeedFactory, ProjectFactory

EMAIL = "camille.durand@example.org"
FIRST_NAME = "Camille"
LAST_NAME = "Zéphyrine"  # rare enough that finding it anywhere means it was not erased


@pytest.fixture
def person(structure, coordinator):
    """A staff member of the structure who wrote, voted on nothing, registered, got mail and changed things."""
    person = MembershipFactory(
        structure=structure, user__email=EMAIL, user__first_name=FIRST_NAME, user__last_name=LAST_NAME
    ).user
    person.last_login = timezone.now()
    person.save(update_fields=["last_login"])
    person.first_name = FIRST_NAME  # a second history row of the account
    person._history_user = person
    person.save()
    need = NeedFactory(structure=structure, created_by=person, title="Mobilité rurale")
    need._history_user = person
    need.brought_by_name = "Habitant Tiers"
    need.brought_by_contact = "habitant.tiers@example.org"
    need.brought_by_consent = True
    save_with_version(need, need.version, ["brought_by_name", "brought_by_contact", "brought_by_consent"], by=person)
    project = ProjectFactory(structure=structure, created_by=person, theme=Theme.MOBILITY)
    ProjectNote.objects.create(project=project, author=person, text="Appel avec la mairie.")
    ApiToken.issue(person, "script de Camille")
    Invitation.objects.create(email=EMAIL, structure=structure, token_hash="x" * 64, invited_by=coordinator)
    Notification.objects.create(
        recipient=person, kind=NotificationKind.DEADLINE_REMINDER, subject="Rappel", body="Bonjour Camille Zéphyrine"
    )
    AccessLog.objects.create(username=EMAIL, ip_address="192.0.2.7", user_agent="Firefox", http_accept="*/*")
    AccessAttempt.objects.create(
        username=EMAIL, ip_address="192.0.2.7", user_agent="Firefox", get_data="", post_data="", failures_since_start=1
    )
    group = WorkingGroup.objects.create(name="Mobilités", slug="mobilites", theme=Theme.MOBILITY)
    GroupMembership.objects.create(group=group, user=person)
    start = timezone.now() + datetime.timedelta(days=10)
    event = Event.objects.create(
        title="Rencontre", slug="rencontre", kind="training", starts_at=start, ends_at=start, place="Lyon"
    )
    Registration.objects.create(event=event, user=person, status="confirmed")
    LogEntry.objects.create(
        user=coordinator,
        content_type=ContentType.objects.get_for_model(person),
        object_id=str(person.pk),
        object_repr=str(person),
        action_flag=CHANGE,
        change_message="[]",
    )
    return person


@pytest.fixture
def bystander(structure):
    """Another person of the same structure, whose data must never show in the person's export."""
    user = UserFactory(email="voisin@example.org", first_name="Dominique", last_name="Voisinage")
    MembershipFactory(structure=structure, user=user)
    return user
