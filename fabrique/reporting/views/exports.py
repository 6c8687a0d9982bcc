"""Downloads: structures, partners, needs, projects (with their stage log) and indicators, as CSV or XLSX."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .. import exports, indicators, tables
from .common import LoginRequired, login_redirect, selection_from

FORMATS = {"csv": exports.CSV_TYPE, "xlsx": exports.XLSX_TYPE}


def _download(content: bytes, code: str, fmt: str) -> HttpResponse:
    response = HttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(code, fmt)}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@login_required
def export_list(request):
    return render(
        request,
        "reporting/exports.html",
        {"kinds": [(code, label) for code, (label, _builder) in tables.KINDS.items()]},
    )


@require_GET
@login_required
def export_kind(request, kind: str, fmt: str):
    """What the reader may read of one kind. The projects' XLSX carries the stage log on a second sheet;
    in CSV the stage log is its own file (kind `stage_log`)."""
    if fmt not in FORMATS:
        raise Http404(_("Format inconnu."))
    if kind == "stage_log":
        if fmt != "csv":
            raise Http404(_("Le journal des étapes est la seconde feuille de l'export XLSX des projets."))
        return _download(exports.write_csv(tables.stage_log(request.user)), kind, fmt)
    if kind not in tables.KINDS:
        raise Http404(_("Export inconnu."))
    table = tables.KINDS[kind][1](request.user)
    if fmt == "csv":
        return _download(exports.write_csv(table), kind, fmt)
    sheets = [table, tables.stage_log(request.user)] if kind == "projects" else [table]
    return _download(exports.write_xlsx(*sheets), kind, fmt)


@require_GET
def export_indicators(request, fmt: str):
    """The indicators of the selection (`annee`, `region`, `structure`, `departement`), with its rights."""
    if fmt not in FORMATS:
        raise Http404(_("Format inconnu."))
    try:
        selection = selection_from(request)
    except LoginRequired:
        return login_redirect(request)
    figures = indicators.compute(selection.year, selection.scope)
    table = tables.indicators_table(figures)
    content = exports.write_csv(table) if fmt == "csv" else exports.write_xlsx(table)
    return _download(content, f"indicateurs-{selection.year}", fmt)
