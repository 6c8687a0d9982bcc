"""The error answers every operation documents, added once for the whole API rather than endpoint by endpoint.

What an operation may answer follows from its shape: every address may be refused as unreadable (400: a NUL
character, a body that is not JSON) and every caller may send a wrong token (401); an operation behind an
authentication, or that writes (a session write without its CSRF token), may refuse the caller (403); a path
parameter names something that may not exist or not be readable (404); a write may be refused by a rule of the
domain or a stale version (409: every `DomainError` of a service becomes one); a body may be too large (413); any
parameter or body may be invalid (422). An operation declares what its shape does not say, with its own
description (`openapi_extra={"responses": {404: …}}`): the content schema is added here.
"""

from ninja import NinjaAPI
from pydantic import BaseModel, Field

WRITE_METHODS = {"post", "put", "patch", "delete"}
ERROR_SCHEMA = "ApiError"

DESCRIPTIONS = {
    400: "Requête illisible : corps qui n'est pas du JSON, caractère nul dans l'adresse.",
    401: "Authentification requise, ou jeton invalide.",
    403: "Action non autorisée pour l'appelant (ou écriture par la session sans jeton CSRF).",
    404: "Introuvable, ou caché à l'appelant.",
    409: "Refusé par une règle : la raison est donnée en français dans `detail`.",
    413: "Corps de la requête trop volumineux.",
    422: "Paramètre ou champ invalide : `detail` liste chaque erreur avec sa place (`loc`).",
}


class ApiFieldError(BaseModel):
    loc: list[str | int] = Field(description="Où : `query`, `path` ou `body`, puis le nom du champ.")
    msg: str = Field(description="Le problème, en français.")
    type: str = Field(description="Code du problème (`missing`, `invalid`…).")


class ApiError(BaseModel):
    detail: str | list[ApiFieldError] = Field(description="Une phrase ; pour une 422, la liste des erreurs.")


def _errors_of(method: str, operation: dict) -> set[int]:
    parameters = operation.get("parameters") or []
    takes_body = "requestBody" in operation
    errors = {400, 401}
    if "security" in operation or method in WRITE_METHODS:
        errors.add(403)
    if method in WRITE_METHODS:
        errors.add(409)
    if any(parameter["in"] == "path" for parameter in parameters):
        errors.add(404)
    if takes_body:
        errors.add(413)
    if parameters or takes_body:
        errors.add(422)
    return errors


def document_errors(schema: dict) -> dict:
    """Adds to each operation of an OpenAPI document the errors it can answer, with the `{"detail": …}` schema."""
    content = {"application/json": {"schema": {"$ref": f"#/components/schemas/{ERROR_SCHEMA}"}}}
    for methods in schema["paths"].values():
        for method, operation in methods.items():
            responses = operation.setdefault("responses", {})
            declared = {int(code) for code in responses if str(code).isdigit() and int(code) >= 400}
            for code in sorted(_errors_of(method, operation) | declared):
                answer = responses.setdefault(code, {"description": DESCRIPTIONS.get(code, "Erreur.")})
                answer.setdefault("content", content)
    definitions = ApiError.model_json_schema(ref_template="#/components/schemas/{model}")
    schema["components"]["schemas"].update(definitions.pop("$defs", {}))
    schema["components"]["schemas"][ERROR_SCHEMA] = definitions
    return schema


class DocumentedErrorsAPI(NinjaAPI):
    """A NinjaAPI whose OpenAPI document lists every operation's error answers (see `document_errors`)."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        return document_errors(super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params))
