"""The web upload of spreadsheets: the coordinator (any kind, any structure) and structure admins (their
structure's partners, needs and projects). A dry run shows the report; nothing is written on any problem."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from fabrique.network.models import Structure

from .. import exports, perms
from ..forms import ImportForm
from ..imports import LABELS, kinds_for, run_import
from ..imports.reader import MAX_BYTES
from ..imports.templates import csv_template, xlsx_template


def _form_for(request, data=None, files=None) -> ImportForm:
    importable = perms.importable_structure_ids(request.user)
    structures = Structure.objects.order_by("name")
    if importable is not None:
        structures = structures.filter(pk__in=importable)
    return ImportForm(
        data,
        files,
        kinds=kinds_for(request.user),
        structures=structures,
        structure_required=importable is not None,
    )


@login_required
@require_http_methods(["GET", "POST"])
def import_home(request):
    if not perms.can_import(request.user):
        raise PermissionDenied(_("L'import est réservé à la coordination et aux administrateur·rices des structures."))
    report = None
    if request.method == "POST":
        form = _form_for(request, request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            report = run_import(
                form.cleaned_data["kind"],
                upload.read(MAX_BYTES + 1),  # enough to tell a file over the limit, never a whole huge upload
                upload.name,
                user=request.user,
                structure=form.cleaned_data["structure"],
                dry_run=form.cleaned_data["dry_run"],
            )
            if report.written:
                messages.success(request, report.summary())
    else:
        form = _form_for(request)
    kinds = [(kind, LABELS[kind]) for kind in kinds_for(request.user)]
    return render(request, "reporting/import.html", {"form": form, "report": report, "kinds": kinds})


@require_GET
@login_required
def import_template(request, kind: str, fmt: str):
    if kind not in kinds_for(request.user) or fmt not in ("csv", "xlsx"):
        raise Http404(_("Modèle inconnu."))
    content = csv_template(kind) if fmt == "csv" else xlsx_template(kind)
    response = HttpResponse(content, content_type=exports.CSV_TYPE if fmt == "csv" else exports.XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="modele-{kind}.{fmt}"'
    return response
