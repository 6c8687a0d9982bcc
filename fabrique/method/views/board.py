"""The method's overview, the board of a structure (one column per stage) and the list of projects."""

from functools import lru_cache

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from fabrique.core.reversing import reverse_one
from fabrique.core.vocabulary import Theme
from fabrique.network.models import Structure
from fabrique.network.perms import can_access_coordination

from ..board_extras import board_links, card_extras
from ..enums import STAGE_ORDER, STOPPED_STAGES, Stage
from ..filters import ProjectFilterForm, filter_projects, sort_projects, structures_for_filter
from ..models import Project
from ..perms import (
    board_abilities,
    project_abilities,
    readable_boards,
    readable_projects_in_full,
    territory_departements,
)
from ..presenters import attach_departement_codes, label
from ..stages import FORWARD, Move, allowed_moves
from .common import CARD_TAG, structure_for

PER_PAGE = 25
BOARD_STAGES = (*STAGE_ORDER, *STOPPED_STAGES)


@login_required
def method_home(request):
    """The structures whose board the user may open, with their projects counted per stage."""
    structures = list(readable_boards(request.user, Structure.objects.order_by("name")))
    counts: dict[int, dict[str, int]] = {}
    rows = Project.objects.filter(structure__in=structures).values("structure_id", "stage").annotate(n=Count("pk"))
    for row in rows.order_by():
        counts.setdefault(row["structure_id"], {})[row["stage"]] = row["n"]
    overview = [
        {"structure": s, "counts": [counts.get(s.pk, {}).get(stage, 0) for stage in BOARD_STAGES]} for s in structures
    ]
    coordinator = can_access_coordination(request.user)  # follows every board, read-only: always the overview
    if len(overview) == 1 and not coordinator:
        return redirect("method:board", slug=overview[0]["structure"].slug)
    context = {
        "overview": overview,
        "stages": [Stage(s) for s in BOARD_STAGES],
        "coordinator": coordinator,
        "follows_territories": territory_departements(request.user) != frozenset(),
    }
    return render(request, "method/home.html", context)


@lru_cache(maxsize=64)
def _move_label(language: str, to: str, kind: str) -> str:
    return str(Move(to, kind, False).label)


def _card(user, project: Project) -> dict:
    abilities = project_abilities(user, project)
    forward = next((m for m in allowed_moves(project) if m.kind == FORWARD), None) if abilities["move"] else None
    return {
        "project": project,
        "abilities": abilities,
        "forward": forward,
        # a hundred cards: the address put together from one reversed pattern (fabrique/core/reversing.py)
        "move_url": reverse_one("method:project_move", project.pk),
        # get_FOO_display() translates every choice of the field on each call: once per card is too often
        "theme_label": label(Theme, project.theme),
        "stopped_label": label(Stage, project.stopped_at) if project.stopped_at else "",
        "forward_label": _move_label(get_language(), forward.to, forward.kind) if forward else "",
    }


def _place_messages(request, cards: dict[int, dict]) -> list:
    """A message about a card (tagged by common.card_tag) goes into the card, where the move happened; the
    others stay at the top of the page."""
    elsewhere = []
    for message in messages.get_messages(request):
        tag = message.extra_tags or ""
        pk = int(tag.removeprefix(CARD_TAG)) if tag.startswith(CARD_TAG) and tag[len(CARD_TAG) :].isdigit() else None
        if pk in cards:
            cards[pk]["message"] = message
        else:
            elsewhere.append(message)
    return elsewhere


@login_required
def board(request, slug):
    """One column per stage; members move cards with buttons (plain POST forms, htmx when present)."""
    structure, abilities = structure_for(request.user, slug)
    projects = list(structure.projects.order_by("-stage_changed_at", "-pk"))
    attach_departement_codes(projects)
    columns = {stage: [] for stage in BOARD_STAGES}
    by_pk = {}
    extras = card_extras(request.user, projects) if projects else {}  # what the apps above add (board_extras.py)
    for project in projects:
        by_pk[project.pk] = _card(request.user, project) | {"extras": extras.get(project.pk, [])}
        columns[project.stage].append(by_pk[project.pk])
    context = {
        "structure": structure,
        "abilities": abilities,
        "columns": [(Stage(stage), cards) for stage, cards in columns.items()],
        "total": sum(len(cards) for cards in columns.values()),
        "links": board_links(request.user, structure),
        # replaces the context processor's list: base.html shows only the messages that are not in a card
        "messages": _place_messages(request, by_pk),
    }
    return render(request, "method/board.html", context)


@login_required
def project_list(request):
    """Projects the user may read, filtered by structure, stage, theme, département, year, and sorted."""
    structures = structures_for_filter(request.user)
    form = ProjectFilterForm(request.GET or None, structures=structures)
    queryset = readable_projects_in_full(request.user, Project.objects.select_related("structure"))
    queryset = filter_projects(queryset, **form.filters())
    queryset = sort_projects(queryset.prefetch_related("departements"), form.ordering())
    page = Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "filtered": bool(form.filters()),
        "writable": [s for s in structures if board_abilities(request.user, s)["change"]],
    }
    # htmx asks for the whole page when it restores a history entry it no longer has
    partial = request.htmx and not request.htmx.history_restore_request
    template = "method/projects/_swap.html" if partial else "method/projects/list.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
