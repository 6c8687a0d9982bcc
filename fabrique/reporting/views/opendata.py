"""The open data page and its files, for everyone."""

import json

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET

from .. import opendata

FILE_CACHE_SECONDS = 15 * 60


@require_GET
def opendata_page(request):
    return render(
        request,
        "reporting/opendata.html",
        {"datasets": opendata.DATASETS.values(), "licence": opendata.LICENCE},
    )


def _response(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
@cache_page(FILE_CACHE_SECONDS)
def opendata_file(request, name: str, fmt: str):
    dataset = opendata.DATASETS.get(name)
    if dataset is None or fmt not in ("csv", "json"):
        raise Http404(_("Jeu de données inconnu."))
    if fmt == "csv":
        return _response(opendata.as_csv(dataset), "text/csv; charset=utf-8", f"{name}.csv")
    return _response(opendata.as_json(dataset), "application/json", f"{name}.json")


@require_GET
def datapackage(request):
    content = json.dumps(opendata.datapackage(), ensure_ascii=False, indent=1).encode("utf-8")
    return _response(content, "application/json", "datapackage.json")
