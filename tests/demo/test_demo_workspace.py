"""The workspaces of the demo (fabrique/workspace/demo.py): on one project of TAg29 and one of France Active Alsace,
a carrier, a partner and an outside expert with demo logins, a conversation and next steps, told in-app only."""

import pytest
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from fabrique.core.demo_support import DEMO_PASSWORD
from fabrique.demo import seed
from fabrique.jobs.models import Job
from fabrique.method.models import Project, ProjectPartner
from fabrique.notifications.enums import NotificationKind
from fabrique.notifications.models import Notification
from fabrique.workspace.demo import WORKSPACES, guest_email
from fabrique.workspace.enums import DocumentVisibility, NextStepStatus, ProjectRole
from fabrique.workspace.models import Message, NextStep, ProjectDocument, ProjectMember

TAG29, ALSACE = WORKSPACES
each_workspace = pytest.mark.parametrize("workspace", WORKSPACES, ids=[w.structure for w in WORKSPACES])


def project_of(workspace) -> Project:
    return Project.objects.get(structure__slug=workspace.structure, title=workspace.project)


@each_workspace
def test_each_demo_project_has_a_carrier_a_partner_of_its_registry_and_an_expert_all_fictitious(shared_demo, workspace):
    project = project_of(workspace)
    assert project.stage in ("transmission", "feasibility")
    members = {m.role: m for m in ProjectMember.objects.filter(project=project).select_related("user", "added_by")}
    assert set(members) == {ProjectRole.CARRIER, ProjectRole.PARTNER, ProjectRole.EXPERT}
    registry = set(ProjectPartner.objects.filter(project=project).values_list("partner_id", flat=True))
    assert members[ProjectRole.PARTNER].partner_id in registry
    assert all("(fictif)" in m.user.last_name for m in members.values())
    assert {m.added_by.email for m in members.values()} == {f"{workspace.structure}@example.org"}
    assert not members[ProjectRole.CARRIER].user.memberships.exists()  # on the project, never of the structure


def test_only_the_alsace_expert_is_an_observer(shared_demo):
    observers = ProjectMember.objects.filter(observer=True).values_list("project__title", "role")
    assert list(observers) == [(ALSACE.project, ProjectRole.EXPERT)]


@each_workspace
def test_the_conversations_hold_messages_an_internal_note_and_a_mention_of_the_carrier(shared_demo, workspace):
    messages = Message.objects.filter(project=project_of(workspace))
    assert messages.count() == 4
    assert messages.filter(internal=True).count() == 1
    carrier = ProjectMember.objects.get(project=project_of(workspace), role=ProjectRole.CARRIER).user
    assert list(messages.filter(mentions__user=carrier).values_list("author__email", flat=True)) == [
        f"{workspace.structure}@example.org"
    ]
    assert Notification.objects.filter(recipient=carrier, kind=NotificationKind.MENTION).count() == 1
    assert not Notification.objects.filter(recipient=carrier, subject__startswith="Note interne").exists()


@each_workspace
def test_the_next_steps_are_one_overdue_one_done_and_one_given_to_the_carrier(shared_demo, workspace):
    today = timezone.localdate()
    project = project_of(workspace)
    steps = NextStep.objects.filter(project=project)
    assert steps.count() == 3
    assert steps.late(today).count() == 1
    assert steps.filter(status=NextStepStatus.DONE, done_at__isnull=False).count() == 1
    carrier = ProjectMember.objects.get(project=project, role=ProjectRole.CARRIER).user
    given = steps.get(owner=carrier)
    assert given.is_open and given.due_on > today
    assert Notification.objects.filter(recipient=carrier, kind=NotificationKind.NEXT_STEP_ASSIGNED).count() == 1
    assert {row.history_user_id for row in given.history.all()} == {given.created_by_id}


@each_workspace
def test_two_documents_one_kept_to_the_team_each_with_its_file(shared_demo, workspace):
    documents = ProjectDocument.objects.filter(project=project_of(workspace)).order_by("title")
    assert sorted(documents.values_list("visibility", flat=True)) == [
        DocumentVisibility.PROJECT,
        DocumentVisibility.TEAM,
    ]
    assert all("(fictif)" in title for title in documents.values_list("title", flat=True))
    starts = []
    for document in documents:
        with document.versions.get().file.open("rb") as stored:
            starts.append(stored.read(4))
    assert starts == [b"%PDF", b"%PDF"]
    carrier = ProjectMember.objects.get(project=project_of(workspace), role=ProjectRole.CARRIER).user
    assert not Notification.objects.filter(recipient=carrier, kind=NotificationKind.PROJECT_DOCUMENT).exists()


def test_the_load_notifies_in_app_and_mails_nobody(shared_demo):
    assert Notification.objects.filter(recipient__email__in=[e for e, _ in seed.demo_logins()]).exists()
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()  # no digest takes them either
    assert not Job.objects.filter(key__startswith="email:").exists()


@each_workspace
def test_the_people_s_logins_are_printed_and_open_their_workspace_only(shared_demo, client, workspace):
    printed = [email for email, _ in seed.demo_logins()]
    project = project_of(workspace)
    other = Project.objects.filter(structure=project.structure).exclude(pk=project.pk).first()
    assert len(workspace.guests) == 3
    for guest in workspace.guests:
        email = guest_email(workspace, guest)
        assert email in printed
        assert client.login(request=HttpRequest(), email=email, password=DEMO_PASSWORD), email
        assert client.get(reverse("workspace:overview", args=[project.pk])).status_code == 200
        assert client.get(reverse("workspace:overview", args=[other.pk])).status_code == 404
        client.logout()
