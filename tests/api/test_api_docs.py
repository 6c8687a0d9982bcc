import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_the_openapi_schema_describes_the_registry_endpoints(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "API Fabrique"
    paths = schema["paths"]
    for path in [
        "/api/v1/structures",
        "/api/v1/structures/{slug}",
        "/api/v1/structures/{slug}/transitions",
        "/api/v1/structures/{slug}/partnerships",
        "/api/v1/partnerships/{partnership_id}",
        "/api/v1/partnerships/{partnership_id}/end",
        "/api/v1/partners",
        "/api/v1/collectives",
        "/api/v1/collectives/{slug}",
        "/api/v1/map",
        "/api/v1/territories/departements",
        "/api/v1/territories/regions",
    ]:
        assert path in paths, path
    assert set(paths["/api/v1/structures/{slug}"]) == {"get", "patch"}
    page_size = next(p for p in paths["/api/v1/structures"]["get"]["parameters"] if p["name"] == "page_size")
    assert page_size["schema"]["maximum"] == 200


def test_the_interactive_docs_load_only_local_files(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    references = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert references, html
    for reference in references:
        assert reference.startswith("/static/"), reference
        assert finders.find(reference.removeprefix("/static/")), reference
    assert "cdn" not in html.lower()
    assert "http://" not in html and "https://" not in html


def test_the_docs_have_no_inline_executable_script(client):
    html = client.get("/api/v1/docs").content.decode()
    scripts = re.findall(r"<script([^>]*)>", html)
    assert scripts, "la page de documentation de l'API ne charge aucun script"
    for attributes in scripts:
        assert "src=" in attributes or 'type="application/json"' in attributes, attributes


def test_the_docs_do_not_call_the_online_swagger_validator(client):
    html = client.get("/api/v1/docs").content.decode()
    assert '"validatorUrl": null' in html


def test_write_operations_declare_the_bearer_scheme_and_the_docs_send_the_csrf_token(client_for, member):
    schema = client_for(member).get("/api/v1/openapi.json").json()
    assert schema["components"]["securitySchemes"]["BearerOrSession"]["scheme"] == "bearer"
    assert "security" in schema["paths"]["/api/v1/structures/{slug}"]["patch"]
    assert "security" not in schema["paths"]["/api/v1/structures/{slug}"]["get"]
    html = client_for(member).get("/api/v1/docs").content.decode()
    assert 'data-api-csrf="true"' in html
