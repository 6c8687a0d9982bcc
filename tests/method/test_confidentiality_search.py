"""Search answers nobody with a confidential project, need or person of a structure they do not belong to."""

import pytest
from django.urls import reverse

from fabrique.core.vocabulary import Theme
from fabrique.method import services
from fabrique.method.enums import CarrierKind, NeedSource
from fabrique.territories.models import Departement
from tests.conftest import ROLES

SECRETS = ["Kerouac", "Josiane", "ressourcerie"]


@pytest.fixture
def confidential(structure, member):
    finistere = Departement.objects.get(code="29")
    need = services.create_need(
        structure,
        by=member,
        data={
            "title": "Une ressourcerie manque à Carhaix",
            "theme": Theme.ENVIRONMENT,
            "departement": finistere,
            "source": NeedSource.INHABITANT,
            "brought_by_name": "Josiane Le Goff",
        },
    )
    return services.create_project(
        structure,
        by=member,
        data={
            "title": "Ressourcerie de Carhaix",
            "theme": Theme.ENVIRONMENT,
            "carrier_name": "Yann Kerouac",
            "carrier_kind": CarrierKind.NEW_ENTREPRENEUR,
        },
        departements=[finistere],
        needs=[need],
    )


@pytest.mark.parametrize("persona", ROLES, indirect=True)
@pytest.mark.parametrize("word", SECRETS)
def test_search_shows_a_confidential_project_or_need_only_to_its_structure_and_the_coordinator(
    persona, word, confidential, client_for
):
    role, user = persona
    client = client_for(user)
    api = client.get("/api/v1/search", {"q": word}).content.decode()
    page = client.get(reverse("search:results"), {"q": word}).content.decode()
    if role in ("other_member", "anonymous"):
        assert "Carhaix" not in api and "Carhaix" not in page
    elif word == "ressourcerie":
        assert "Ressourcerie de Carhaix" in api  # the search does find it for those who may read it
    assert "Kerouac" not in api and "Josiane" not in api  # a person's name is never indexed
