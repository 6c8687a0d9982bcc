"""Operation ids are part of the published schema: a client generated from it names its methods after them, so
moving an operation to another module must not rename it."""

from fabrique.api import api


def operation_ids() -> dict[tuple[str, str], str]:
    schema = api.get_openapi_schema()
    return {(path, method): op["operationId"] for path, ops in schema["paths"].items() for method, op in ops.items()}


def test_every_operation_id_is_unique():
    ids = list(operation_ids().values())
    assert len(ids) == len(set(ids))


def test_operations_moved_into_api_packages_keep_their_first_ids():
    ids = operation_ids()
    assert ids[("/api/v1/structures", "get")] == "fabrique_network_api_list_structures"
    assert ids[("/api/v1/map", "get")] == "fabrique_network_api_network_map"
    assert ids[("/api/v1/structures", "post")] == "fabrique_network_api_write_create_structure"
    assert ids[("/api/v1/needs", "post")] == "fabrique_method_api_create_need"
    assert ids[("/api/v1/creativity-sessions", "get")] == "fabrique_method_api_list_sessions"
    assert ids[("/api/v1/projects", "get")] == "fabrique_method_api_projects_list_projects"


def test_the_caller_members_and_invitations_keep_their_ids_in_network():
    ids = operation_ids()
    assert ids[("/api/v1/accounts/me", "get")] == "fabrique_accounts_api_me"
    assert ids[("/api/v1/accounts/memberships/{membership_id}", "patch")] == "fabrique_accounts_api_update_membership"
    assert ids[("/api/v1/accounts/invitations", "post")] == "fabrique_accounts_api_create_invitation"
    assert ids[("/api/v1/accounts/tokens", "get")] == "fabrique_accounts_api_list_tokens"


def test_the_similar_activities_keep_the_ids_they_had_in_the_search_api():
    ids = operation_ids()
    assert ids[("/api/v1/projects/{project_id}/similar", "get")] == "fabrique_search_api_similar_to_project"
    assert ids[("/api/v1/needs/{need_id}/similar", "get")] == "fabrique_search_api_similar_to_need"
