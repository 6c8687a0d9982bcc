"""400, 403, 404, 405 and 500 are French pages in the site's layout, with the application's reason and a way back;
under /api/ they stay JSON `{"detail": ...}`."""

import pytest
from django.test import Client
from django.test.client import RequestFactory

from fabrique.core import error_pages
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
VISITORS = ["anonymous", "member"]
NBSP = "\u00a0"


@pytest.fixture(autouse=True)
def failing_views(settings):
    settings.ROOT_URLCONF = "tests.core.error_urls"


@pytest.fixture
def visitor(request, member):
    """A client for the anonymous visitor or a logged-in member; parametrize with VISITORS, indirect."""
    client = Client(raise_request_exception=False)
    if request.param == "member":
        client.force_login(member)
    return client


def page(response) -> str:
    return response.content.decode()


def assert_french_page(response, status: int, title: str) -> str:
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    html = page(response)
    assert '<html lang="fr">' in html
    assert f"<h1>{title}</h1>" in html
    assert f"Code d'erreur HTTP{NBSP}: {status}" in html
    assert 'href="/"' in html  # the way home
    return html


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_a_refusal_shows_the_reason_the_application_gave_escaped(visitor):
    html = assert_french_page(visitor.get("/essai/refus/"), 403, "Accès refusé")
    assert (
        f"Raison{NBSP}:</strong> Réservé à la coordination &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;." in html
    )
    assert "<script>alert" not in html
    assert "site-header" in html  # the site's layout, with its menu


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_a_refusal_without_a_reason_says_what_it_means(visitor):
    html = assert_french_page(visitor.get("/essai/refus-muet/"), 403, "Accès refusé")
    assert "Vous n'avez pas le droit d'ouvrir cette page" in html.replace("&#x27;", "'")
    assert "Raison" not in html


def test_the_territory_dashboard_keeps_its_french_reason():
    """The defect of the issue: Django's bare 403 lost « Vous n'avez pas accès à ces indicateurs. »."""
    client = Client()
    client.force_login(UserFactory(email="sans-role@example.org"))
    html = assert_french_page(client.get("/indicateurs/territoire/"), 403, "Accès refusé")
    assert "Vous n&#x27;avez pas accès à ces indicateurs." in html


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_an_unknown_address_is_a_french_404(visitor):
    html = assert_french_page(visitor.get("/nulle-part/"), 404, "Page introuvable")
    assert "Raison" not in html  # Django's reason names the URL patterns tried: never shown
    assert "tried" not in html


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_a_404_shows_the_application_reason_but_not_djangos(visitor):
    html = assert_french_page(visitor.get("/essai/introuvable/"), 404, "Page introuvable")
    assert f"Raison{NBSP}:</strong> Structure inconnue : « tag99 »." in html
    html = assert_french_page(visitor.get("/essai/introuvable-django/"), 404, "Page introuvable")
    assert "matches the given query" not in html and "Raison" not in html


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_a_bad_request_shows_the_application_reason_but_not_djangos(visitor):
    html = assert_french_page(visitor.get("/essai/requete/"), 400, "Requête non valide")
    assert "Le paramètre « annee » doit être un nombre." in html
    html = assert_french_page(visitor.get("/essai/suspect/"), 400, "Requête non valide")
    assert "passwd" not in html and "Raison" not in html


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_a_forged_host_header_is_a_french_400_without_a_link_back_to_it(visitor):
    response = visitor.get("/structures/", HTTP_HOST="piege.example.com", HTTP_REFERER="http://piege.example.com/x")
    html = assert_french_page(response, 400, "Requête non valide")
    assert "piege.example.com" not in html and "Raison" not in html


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_a_wrong_method_is_a_french_405_that_keeps_allow(visitor):
    response = visitor.get("/essai/poster/")
    assert_french_page(response, 405, "Action impossible à cette adresse")
    assert response["Allow"] == "POST"


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_the_logout_address_opened_by_a_link_is_a_french_405(visitor):
    response = visitor.get("/comptes/deconnexion/")
    assert_french_page(response, 405, "Action impossible à cette adresse")
    assert "POST" in response["Allow"]


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_a_server_error_is_a_french_page_without_traceback(visitor):
    response = visitor.get("/essai/panne/")
    html = assert_french_page(response, 500, "Erreur du serveur")
    assert "un bogue" not in html and "RuntimeError" not in html and "Traceback" not in html


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_a_faulty_query_while_the_database_answers_stays_a_500(visitor):
    """An OperationalError is not always the database being down: a query bug is reported as such."""
    assert_french_page(visitor.get("/essai/requete-sql/"), 500, "Erreur du serveur")


def test_the_500_page_needs_no_database_and_no_request_context(django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        response = error_pages.server_error(request)
    html = page(response)
    assert response.status_code == 500 and "<h1>Erreur du serveur</h1>" in html
    assert "Se connecter" not in html  # no user menu: it would need the session, hence the database


def test_the_500_page_falls_back_to_plain_french_text_when_its_template_breaks(settings):
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [], "APP_DIRS": False}]
    response = error_pages.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/plain")
    assert "Erreur interne du serveur" in page(response)


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_an_error_page_links_back_to_the_previous_page_of_this_site_only(visitor):
    html = page(visitor.get("/essai/refus/", HTTP_REFERER="http://testserver/structures/"))
    assert 'href="http://testserver/structures/"' in html and "Revenir à la page précédente" in html
    html = page(visitor.get("/essai/refus/", HTTP_REFERER="https://ailleurs.example.com/piege"))
    assert "ailleurs.example.com" not in html and "Revenir à la page précédente" not in html


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_a_rejected_form_is_a_french_csrf_page(visitor):
    visitor.handler.enforce_csrf_checks = True
    response = visitor.post("/comptes/connexion/", {"username": "x@example.org", "password": "x"})
    html = assert_french_page(response, 403, "Formulaire refusé")
    assert "Rechargez la page du formulaire" in html
    assert "CSRF verification failed" not in html and "cookie not set" not in html


def test_a_csrf_failure_without_cookie_says_to_accept_cookies():
    response = error_pages.csrf_failure(RequestFactory().post("/"), reason="CSRF cookie not set.")
    assert "autorisez les cookies pour ce site" in page(response)


API_CASES = [
    ("/api/essai/refus/", 403),
    ("/api/essai/introuvable/", 404),
    ("/api/essai/requete/", 400),
    ("/api/essai/poster/", 405),
    ("/api/essai/panne/", 500),
    ("/api/v1/nulle-part", 404),
]


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
@pytest.mark.parametrize(("path", "status"), API_CASES)
def test_the_api_keeps_json_for_every_error(visitor, path, status):
    response = visitor.get(path)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert set(response.json()) == {"detail"}
    assert "<html" not in page(response)


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_a_wrong_method_on_a_real_api_endpoint_stays_json(visitor):
    response = visitor.delete("/api/v1/structures")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()
