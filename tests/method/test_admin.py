import re

import pytest
from django.urls import reverse

MODELS = ["project", "need", "creativitysession", "steeringdecision", "economicmodel", "outcome", "projectnote"]


@pytest.mark.parametrize("model", MODELS)
def test_the_coordinator_lists_the_method_in_the_admin(client_for, coordinator, project, model):
    response = client_for(coordinator).get(reverse(f"admin:method_{model}_changelist"))
    assert response.status_code == 200


def test_a_project_stage_is_read_only_in_the_admin_with_its_log_and_history(client_for, coordinator, project):
    client = client_for(coordinator)
    html = client.get(reverse("admin:method_project_change", args=[project.pk])).content.decode()
    assert not re.search(r'<(select|input)[^>]*name="stage"', html) and "journal des étapes" in html.lower()
    assert client.get(reverse("admin:method_project_history", args=[project.pk])).status_code == 200


@pytest.mark.parametrize("who", ["member", "other_member"])
def test_members_do_not_reach_the_method_in_the_admin(client_for, request, who, project):
    response = client_for(request.getfixturevalue(who)).get(reverse("admin:method_project_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
