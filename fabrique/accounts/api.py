"""The accounts API under /api/v1/accounts/: the caller's personal tokens (the caller, members and invitations are
served under the same prefix by fabrique.network.api.members).

Same permissions as the pages (perms.py) and same operations (services.py); every endpoint needs an identified
caller: a bearer token, or the session with its CSRF token.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Status

from fabrique.core.api_answers import answer
from fabrique.core.api_auth import IDENTIFIED
from fabrique.core.api_errors import invalid
from fabrique.core.api_types import Id
from fabrique.core.exceptions import DomainError
from fabrique.core.pagination import Page, PageParams, paginate
from fabrique.core.throttling import TOO_MANY, ClientRateThrottle

from . import services
from .models import ApiToken
from .perms import token_abilities
from .schemas import NoBody, TokenCreate, TokenCreatedOut, TokenOut

# Every endpoint is about the caller (401 otherwise).
router = Router(tags=["Comptes"], auth=IDENTIFIED)

CONFLICT = {409: {"description": "Refusé par une règle (version dépassée, dernier·e administrateur·rice…)."}}


# --- presenters ------------------------------------------------------------------------------------------------


def _token_item(request, token: ApiToken, schema=TokenOut, /, **values) -> dict:
    return answer(schema, token, abilities=token_abilities(request.user, token), **values)


# --- personal API tokens ---------------------------------------------------------------------------------------

# At most API_TOKEN_RATE calls per address to the token endpoints, then 429 with Retry-After.
TOKEN_RATE = {"throttle": ClientRateThrottle("API_TOKEN_RATE"), "openapi_extra": {"responses": TOO_MANY}}


@router.get("/tokens", response=Page[TokenOut], summary="Lister mes jetons", tags=["Jetons"], **TOKEN_RATE)
def list_tokens(request, params: Query[PageParams]):
    """Les jetons personnels de l'appelant·e, du plus récent au plus ancien ; le jeton lui-même n'est jamais relu."""
    envelope, rows = paginate(
        request, ApiToken.objects.filter(user=request.user).order_by("-created_at", "-pk"), params
    )
    envelope["results"] = [_token_item(request, token) for token in rows]
    return envelope


@router.post("/tokens", response={201: TokenCreatedOut}, summary="Créer un jeton", tags=["Jetons"], **TOKEN_RATE)
def create_token(request, payload: TokenCreate):
    """Crée un jeton personnel. Sa valeur (`token`) n'est renvoyée qu'ici, une seule fois : conservez-la."""
    try:
        token, raw = services.create_api_token(request.user, name=payload.name)
    except DomainError as error:
        raise invalid(["body", "name"], str(error)) from None
    return Status(201, _token_item(request, token, TokenCreatedOut, token=raw))


@router.post("/tokens/{token_id}/revoke", response=TokenOut, summary="Révoquer un jeton", tags=["Jetons"], **TOKEN_RATE)
def revoke_token(request, token_id: Id, payload: NoBody | None = None):
    """Le jeton cesse aussitôt d'authentifier. Seuls ses propres jetons sont visibles (404 pour les autres)."""
    token = get_object_or_404(ApiToken, pk=token_id)
    try:
        revoked = services.revoke_api_token(token, by=request.user)
    except PermissionDenied:
        raise Http404 from None  # another person's token: its existence is not told
    return _token_item(request, revoked)
