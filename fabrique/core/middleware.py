"""Under /api/, every error answer is JSON `{"detail": ...}`, also those made outside the API's views."""

from django.http import JsonResponse

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
