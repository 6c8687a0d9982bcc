"""Under /api/, every error answer is JSON `{"detail": ...}`, also those made outside the API's views; a NUL
character in the address is refused before any view reads it."""

from django.http import JsonResponse
from django.utils.translation import gettext

from .api_errors import detail_for_status

API_PREFIX = "/api/"
KEPT_HEADERS = ("Allow", "WWW-Authenticate", "Retry-After")


class ApiJsonErrorsMiddleware:
    """Turns Django's HTML error pages (unknown address, wrong method, server error) into JSON for the API."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(API_PREFIX) or response.status_code < 400:
            return response
        if response.get("Content-Type", "").startswith("application/json"):
            return response
        json_response = JsonResponse({"detail": detail_for_status(response.status_code)}, status=response.status_code)
        for header in KEPT_HEADERS:
            if header in response:
                json_response[header] = response[header]
        return json_response


def _nul_in_address(request) -> str | None:
    """Where a NUL character sits in the address (the path, or the name of a query parameter), else None."""
    if "\x00" in request.path:
        return gettext("L'adresse contient un caractère nul (U+0000)\u00a0: retirez-le.")
    for name, values in request.GET.lists():
        if "\x00" in name:
            return gettext("Le nom d'un paramètre contient un caractère nul (U+0000)\u00a0: retirez-le.")
        if any("\x00" in value for value in values):
            return gettext("Le paramètre «\u00a0%s\u00a0» contient un caractère nul (U+0000)\u00a0: retirez-le.") % name
    return None


class ApiNulGuardMiddleware:
    """Under /api/, a NUL character in the path or the query string is a 400 naming where it is.

    PostgreSQL refuses text holding one (a 500 in every lookup by slug or filter); the API's types refuse it
    in bodies (`api_types.Text`), this guard in what reaches a view before any type is checked."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(API_PREFIX):
            problem = _nul_in_address(request)
            if problem:
                return JsonResponse({"detail": problem}, status=400)
        return self.get_response(request)
