"""The coordination's journal: who changed what and when, across every history table; the activity feeds of a
project (a tab of its workspace) and of a structure."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from fabrique.network.models import Structure
from fabrique.workspace.views.common import workspace_for

from . import feed, journal
from .forms import JournalFilterForm
from .perms import can_read_journal, structure_feed_abilities

PER_PAGE = 50
FEED_PER_PAGE = 30


@login_required
def journal_page(request):
    if not can_read_journal(request.user):
        raise PermissionDenied(_("Le journal des modifications est réservé à la coordination du réseau."))
    form = JournalFilterForm(request.GET or None)
    page, entries = None, []
    if not form.is_bound or form.is_valid():
        rows = journal.rows(form.filters() if form.is_bound else journal.Filters())
        page = Paginator(rows if rows is not None else [], PER_PAGE).get_page(request.GET.get("page"))
        entries = journal.entries(list(page.object_list))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "entries": entries, "query": query.urlencode()}
    return render(request, "audit/journal.html", context)


def _page(request, rows, *, internal: bool) -> tuple:
    page = Paginator(rows, FEED_PER_PAGE).get_page(request.GET.get("page"))
    return page, feed.items(list(page.object_list), internal=internal)


@login_required
def project_activity(request, pk: int):
    """A project's feed, tab « Activité » of its workspace: whoever views the workspace, each what they may."""
    project, place, abilities = workspace_for(request.user, pk)
    page, items = _page(
        request, feed.project_rows(project, internal=abilities["see_internal"]), internal=abilities["see_internal"]
    )
    context = {
        "project": project,
        "place": place,
        "abilities": abilities,
        "tab": "activity",
        "page": page,
        "items": items,
    }
    return render(request, "audit/project_activity.html", context)


@login_required
def structure_activity(request, slug: str):
    """A structure's feed: its projects and its own records, for its team and the coordination."""
    structure = get_object_or_404(Structure, slug=slug)
    if not structure_feed_abilities(request.user, structure)["view"]:
        raise PermissionDenied(_("Le fil d'activité d'une structure est réservé à son équipe et à la coordination."))
    page, items = _page(request, feed.structure_rows(structure), internal=True)
    return render(request, "audit/structure_activity.html", {"structure": structure, "page": page, "items": items})
