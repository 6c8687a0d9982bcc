"""The site's URLs plus views that fail on purpose, under a page prefix and under /api/ (error page tests)."""

from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.db import OperationalError
from django.http import Http404, HttpResponse
from django.urls import path
from django.views.decorators.http import require_POST

from fabrique.urls import handler400, handler403, handler404, handler500
from fabrique.urls import urlpatterns as site_urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def refuse_with_a_reason(request):
    raise PermissionDenied("Réservé à la coordination <script>alert('x')</script>.")


def refuse_without_a_reason(request):
    raise PermissionDenied


def not_found_with_a_reason(request):
    raise Http404("Structure inconnue : « tag99 ».")


def not_found_from_django(request):
    raise Http404("No Structure matches the given query.")


def bad_request(request):
    raise BadRequest("Le paramètre « annee » doit être un nombre.")


def suspicious(request):
    raise SuspiciousOperation("Attempted access to '/etc/passwd' denied.")


@require_POST
def post_only(request):
    return HttpResponse("ok")


def crash(request):
    raise RuntimeError("un bogue")


def query_fails(request):
    raise OperationalError('column "nope" does not exist')


FAILING = [
    ("refus/", refuse_with_a_reason),
    ("refus-muet/", refuse_without_a_reason),
    ("introuvable/", not_found_with_a_reason),
    ("introuvable-django/", not_found_from_django),
    ("requete/", bad_request),
    ("suspect/", suspicious),
    ("poster/", post_only),
    ("panne/", crash),
    ("requete-sql/", query_fails),
]

urlpatterns = [
    *[path(f"essai/{route}", view) for route, view in FAILING],
    *[path(f"api/essai/{route}", view) for route, view in FAILING],
    *site_urlpatterns,
]
