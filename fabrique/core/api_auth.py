"""API authentication: a personal bearer token, or the browser session (with its CSRF check)."""

from django.core.exceptions import PermissionDenied
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.translation import gettext
from ninja.errors import AuthenticationError

from .hooks import Hook
from .throttling import FailureThrottle

# raw token -> its active user or None (provided by fabrique.accounts, which holds the tokens)
token_user = Hook("fabrique.core.api_auth.token_user")

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def _csrf_failure(request) -> bool:
    check = CsrfViewMiddleware(lambda r: None)
    check.process_request(request)
    return check.process_view(request, None, (), {}) is not None


class BearerOrSession:
    """Authenticates and sets request.user; anonymous callers pass when `optional`."""

    csrf = True  # read by ninja's docs page: "try it out" then sends the session's CSRF token

    def __init__(self, optional: bool = False):
        self.optional = optional

    def __call__(self, request):
        header = request.headers.get("Authorization", "")
        if header:
            return self._bearer(request, header)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            if request.method not in SAFE_METHODS and _csrf_failure(request):
                # the caller is known: not a 401 (which says "log in"), a 403 saying what is missing
                raise PermissionDenied(
                    gettext(
                        "Écriture refusée : une requête authentifiée par la session doit porter le jeton CSRF "
                        "(en-tête X-CSRFToken, valeur du cookie csrftoken). Un script utilise plutôt un jeton "
                        "personnel (Authorization: Bearer …)."
                    )
                )
            return user
        if self.optional:
            return True
        raise AuthenticationError()

    @staticmethod
    def _bearer(request, header: str):
        """A personal token; an address that sent API_BEARER_FAILURE_RATE wrong ones is refused (429) before any
        lookup, so that guessing tokens costs the guesser, not the database."""
        failures = FailureThrottle("API_BEARER_FAILURE_RATE")
        failures.refuse_if_over(request)
        scheme, _, raw = header.partition(" ")
        user = token_user(raw.strip()) if scheme.lower() == "bearer" and raw.strip() else None
        if user is None:
            failures.failed(request)
            raise AuthenticationError()
        request.user = user
        return user


# The API's two doors, each built once. An operation about the caller, or that writes, needs an identified caller
# (a 401 otherwise); the rest of the API reads the caller when there is one and lets anonymous readers in.
IDENTIFIED = BearerOrSession()
IDENTIFIED.openapi_security_schema = {
    "type": "http",
    "scheme": "bearer",
    "description": "Jeton personnel (`fabrique token EMAIL` ou page « Mes jetons d'API ») ; "
    "ou la session du navigateur avec son jeton CSRF.",
}
ANYONE = BearerOrSession(optional=True)
