"""The JSON API under /api/v1/: each app contributes its router."""

from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    SuspiciousOperation,
    ValidationError,
)
from django.http import Http404
from django.utils.translation import gettext
from ninja import Swagger
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError

from fabrique.accounts.api import router as accounts_router
from fabrique.appellation.api import router as appellation_router
from fabrique.audit.api import router as audit_router
from fabrique.community.api import router as community_router
from fabrique.core.api_auth import ANYONE
from fabrique.core.api_errors import detail_for_status, french_errors, from_django
from fabrique.core.api_openapi import DocumentedErrorsAPI
from fabrique.core.exceptions import DomainError, VersionConflict
from fabrique.core.throttling import retry_after, throttled_detail
from fabrique.library.api import router as library_router
from fabrique.method.api import router as method_router
from fabrique.network.api import router as network_router
from fabrique.network.api.members import router as members_router
from fabrique.notifications.api import router as notifications_router
from fabrique.reporting.api import router as reporting_router
from fabrique.search.api import router as search_router
from fabrique.territories.api import router as territories_router
from fabrique.workspace.api.documents import router as workspace_documents_router
from fabrique.workspace.api.messages import router as workspace_messages_router
from fabrique.workspace.api.people import router as workspace_people_router
from fabrique.workspace.api.steps import router as steps_router

# Operation ids are part of the published schema (a client generated from it names its methods after them): they
# stay those of the modules the operations were first written in, before each app's API became a package.
FIRST_MODULES = {
    "fabrique.method.api.needs": "fabrique.method.api",
    "fabrique.method.api.sessions": "fabrique.method.api",
    "fabrique.method.api.similar": "fabrique.search.api",  # first served by the search API
    "fabrique.network.api.reads": "fabrique.network.api",
    "fabrique.network.api.members": "fabrique.accounts.api",  # the caller, members and invitations moved to network
}


class FabriqueAPI(DocumentedErrorsAPI):
    def get_openapi_operation_id(self, operation) -> str:
        module = operation.view_func.__module__
        return f"{FIRST_MODULES.get(module, module)}_{operation.view_func.__name__}".replace(".", "_")


api = FabriqueAPI(
    title="API Fabrique",
    version="1",
    description="Annuaire, carte et données du réseau. Authentification : session ou `Authorization: Bearer <jeton>`.",
    urls_namespace="api",
    auth=ANYONE,
    # Served from our static files ("ninja" app); no validator badge fetched from swagger.io.
    docs=Swagger(settings={"validatorUrl": None}),
)


@api.exception_handler(NinjaValidationError)
def on_validation_error(request, exc):
    return api.create_response(request, {"detail": french_errors(exc.errors)}, status=422)


@api.exception_handler(ValidationError)
def on_django_validation_error(request, exc):
    """A service refused a value and the endpoint did not convert it: the same 422 list, fields under `body`."""
    return on_validation_error(request, from_django(exc))


@api.exception_handler(PermissionDenied)
def on_permission_denied(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Action non autorisée."}, status=403)


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return api.create_response(request, {"detail": "Introuvable."}, status=404)


@api.exception_handler(AuthenticationError)
def on_auth_error(request, exc):
    return api.create_response(request, {"detail": "Authentification requise."}, status=401)


@api.exception_handler(HttpError)
def on_http_error(request, exc):
    detail = str(exc)
    if exc.status_code == 400 and detail.startswith("Cannot parse request body"):
        detail = gettext("Le corps de la requête n'est pas un JSON valide.")
    return api.create_response(request, {"detail": detail}, status=exc.status_code)


@api.exception_handler(Throttled)
def on_throttled(request, exc):
    """Too many requests from one address (fabrique/core/throttling.py): 429, in French, and when to come back."""
    seconds = retry_after(exc)
    response = api.create_response(request, {"detail": throttled_detail(seconds)}, status=429)
    response["Retry-After"] = str(seconds)
    return response


@api.exception_handler(VersionConflict)
def on_version_conflict(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=409)


@api.exception_handler(DomainError)
def on_domain_error(request, exc):
    """A refused operation (impossible transition, rule of the domain): the French message, as a conflict."""
    return api.create_response(request, {"detail": str(exc)}, status=409)


@api.exception_handler(RequestDataTooBig)
def on_body_too_big(request, exc):
    return api.create_response(request, {"detail": detail_for_status(413)}, status=413)


@api.exception_handler(SuspiciousOperation)
def on_suspicious_request(request, exc):
    return api.create_response(request, {"detail": detail_for_status(400)}, status=400)


def _mount_routers() -> None:
    api.add_router("/", network_router)
    api.add_router("/territories", territories_router)
    api.add_router("/accounts", members_router)  # the caller, members, invitations
    api.add_router("/accounts", accounts_router)  # personal tokens
    api.add_router("/", method_router)
    api.add_router("/appellation", appellation_router)
    api.add_router("/", library_router)
    api.add_router("/", search_router)
    api.add_router("/", community_router)
    api.add_router("/", reporting_router)
    api.add_router("/", notifications_router)
    api.add_router("/", audit_router)  # the activity feeds of a project and of a structure
    api.add_router("/", workspace_messages_router)
    api.add_router("/", workspace_people_router)
    api.add_router("/", steps_router)  # a project's next steps (workspace)
    api.add_router("/", workspace_documents_router)


_mount_routers()
