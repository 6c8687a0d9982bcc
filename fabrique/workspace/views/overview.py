"""A project's workspace: what it is, where it stands, and who works on it."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from ..selectors import people_of
from .common import workspace_for


@login_required
def overview(request, pk: int):
    project, place, abilities = workspace_for(request.user, pk)
    return render(
        request,
        "workspace/overview.html",
        {
            "project": project,
            "place": place,
            "abilities": abilities,
            "people": people_of(project),
            "tab": "overview",
        },
    )
