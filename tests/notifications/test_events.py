"""The events of the platform that notify: a project moved, a decision recorded, an event changed or cancelled,
an invitation; the person who acted is not told."""

import datetime

from django.core import mail

from fabrique.community import services as community
from fabrique.community.services import registrations
from fabrique.method import services as method
from fabrique.method.enums import DecisionChoice, DecisionSubject, Stage
from fabrique.network.services import invite
from fabrique.notifications.enums import NotificationKind
from fabrique.notifications.models import Notification
from tests.community.factories import EventFactory
from tests.method.factories import ProjectFactory


def test_a_project_moved_tells_the_other_members_of_its_structure(
    structure, member, staff_member, other_member, django_capture_on_commit_callbacks
):
    project = ProjectFactory(structure=structure, title="Tiers-lieu de Morlaix")
    with django_capture_on_commit_callbacks(execute=True):
        method.change_stage(project, Stage.OPPORTUNITY, by=member)
    told = Notification.objects.get(kind=NotificationKind.PROJECT_MOVED)
    assert told.recipient == staff_member
    assert "Tiers-lieu de Morlaix" in told.subject and told.url == project.get_absolute_url()
    assert [m.to for m in mail.outbox] == [[staff_member.email]]


def test_a_steering_decision_tells_the_other_members(structure, member, staff_member):
    project = ProjectFactory(structure=structure)
    data = {"decided_on": datetime.date(2024, 6, 1), "subject": DecisionSubject.HANDOVER, "choice": DecisionChoice.GO}
    method.record_decision(project, by=member, data=data)
    told = Notification.objects.get(kind=NotificationKind.PROJECT_DECISION)
    assert told.recipient == staff_member and "« go »" in told.body


def test_an_event_moved_tells_the_registered_people_but_a_new_title_does_not(structure, member, other_member):
    event = EventFactory(organiser=structure, title="Rencontre régionale")
    registrations.register(event, other_member)
    community.update_event(event, member, {"title": "Rencontre régionale 2026"}, expected_version=event.version)
    assert not Notification.objects.filter(kind=NotificationKind.EVENT_CHANGED).exists()
    event.refresh_from_db()
    later = event.starts_at + datetime.timedelta(days=1)
    community.update_event(
        event, member, {"starts_at": later, "ends_at": later + datetime.timedelta(hours=2)}, event.version
    )
    told = Notification.objects.get(kind=NotificationKind.EVENT_CHANGED)
    assert told.recipient == other_member and "Rencontre régionale 2026" in told.subject


def test_an_invitation_of_a_person_with_an_account_is_on_their_page_without_a_second_e_mail(
    structure, member, other_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(by=member, email=other_member.email, structure=structure)
    told = Notification.objects.get(kind=NotificationKind.INVITATION)
    assert told.recipient == other_member and "TAg Test" in told.subject
    assert len(mail.outbox) == 1  # the invitation itself, with its link
