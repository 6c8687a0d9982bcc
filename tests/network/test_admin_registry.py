"""The registry in the Django admin: only the coordination gets in; every page of every model opens."""

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fabrique.network import services
from fabrique.network.enums import StructureStatus
from fabrique.network.models import Structure
from fabrique.network.services import members as services_members
from fabrique.territories.models import Departement, Region
from tests import factories
from tests.community.factories import network_life_rows
from tests.conftest import ROLES
from tests.factories import CollectiveFactory, PartnershipFactory, StructureFactory, UserFactory

OWN_APPS = {"network", "community", "territories"}
OWN_MODELS = sorted(
    (model for model in admin.site._registry if model._meta.app_label in OWN_APPS), key=lambda m: m._meta.label
)


@pytest.fixture
def registry(structure, coordinator):
    """One row of every model the registry's admin shows."""
    candidate = StructureFactory(candidate=True, name="Candidate", slug="candidate", departements=["22"])
    services.admit(candidate, by=coordinator, reason="Dossier complet")
    partnership = PartnershipFactory(structure=structure)
    collective = CollectiveFactory()
    collective.structures.set([structure, candidate])
    factories.TestimonialFactory(structure=structure)
    network_life_rows(structure, coordinator)  # the community app's other models share its admin
    factories.MembershipFactory(structure=structure)  # members and invitations are the registry's too
    services_members.invite(by=coordinator, email="invitee@example.org", structure=structure)
    return {"partnership": partnership, "collective": collective}


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_the_registry_models_are_in_the_admin():
    labels = {model._meta.label for model in OWN_MODELS}
    assert labels >= {
        "network.Structure",
        "network.Collective",
        "network.Partner",
        "network.Partnership",
        "network.StructureStatusLog",
        "community.Testimonial",
        "territories.Region",
        "territories.Departement",
    }


@pytest.mark.parametrize("model", OWN_MODELS, ids=lambda m: m._meta.label)
def test_the_coordinator_opens_the_list_and_the_page_of_each_model(registry, coordinator, client_for, model):
    client = client_for(coordinator)
    assert not coordinator.is_superuser  # the coordinator role opens the admin, not Django's superuser flag
    assert client.get(admin_url(model, "changelist")).status_code == 200
    obj = model._default_manager.order_by("pk").first()
    assert client.get(admin_url(model, "change", obj.pk)).status_code == 200
    if hasattr(model, "history"):
        assert client.get(admin_url(model, "history", obj.pk)).status_code == 200


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_only_the_coordinator_reaches_the_admin(persona, client_for, structure):
    name, user = persona
    response = client_for(user).get(admin_url(Structure, "changelist"))
    if name == "coordinator":
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))


def test_a_staff_account_without_the_coordinator_role_sees_no_registry_model(client_for, structure):
    staff = UserFactory(is_staff=True)
    client = client_for(staff)
    assert client.get(admin_url(Structure, "changelist")).status_code == 403
    assert client.get(admin_url(Structure, "change", structure.pk)).status_code == 403
    assert "Structures" not in client.get(reverse("admin:index")).content.decode()


def test_the_status_is_not_a_field_of_the_structure_form(client_for, coordinator, structure):
    client = client_for(coordinator)
    url = admin_url(Structure, "change", structure.pk)
    page = client.get(url)
    form = page.context["adminform"].form
    assert "status" not in form.fields and "labelled_on" not in form.fields
    data = {
        "name": "TAg Test renommée",
        "legal_form": "",
        "parent_network": "",
        "website": "",
        "public_email": "",
        "city": "Brest",
        "description": "",
        "departements": ["29"],
        "area_label": "",
        "expected_version": structure.version,
        "status": StructureStatus.LABELLED,
        "partnerships-TOTAL_FORMS": "0",
        "partnerships-INITIAL_FORMS": "0",
        "status_log-TOTAL_FORMS": "0",
        "status_log-INITIAL_FORMS": "0",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    structure.refresh_from_db()
    assert (structure.name, structure.status) == ("TAg Test renommée", StructureStatus.EXPERIMENTING)
    assert structure.version == 2
    assert structure.history.first().history_user == coordinator


def test_an_admin_edit_over_a_newer_version_is_refused_and_saves_nothing(client_for, coordinator, structure, member):
    client = client_for(coordinator)
    url = admin_url(Structure, "change", structure.pk)
    read_version = structure.version
    services.update_structure(structure, by=member, data={"city": "Quimper"}, expected_version=read_version)
    data = {
        "name": "Écrasée",
        "city": "Brest",
        "departements": ["29"],
        "expected_version": read_version,
        "partnerships-TOTAL_FORMS": "0",
        "partnerships-INITIAL_FORMS": "0",
        "status_log-TOTAL_FORMS": "0",
        "status_log-INITIAL_FORMS": "0",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert any("modifiée par quelqu" in e for e in response.context["adminform"].form.non_field_errors())
    structure.refresh_from_db()
    assert (structure.name, structure.city) == ("TAg Test", "Quimper")


def test_structures_and_the_status_log_cannot_be_deleted_or_added_in_the_admin(registry, coordinator, client_for):
    client = client_for(coordinator)
    structure = Structure.objects.first()
    assert client.get(admin_url(Structure, "delete", structure.pk)).status_code == 403
    assert client.get(admin_url(Structure, "add")).status_code == 403
    log = structure.status_log.first() or Structure.objects.get(slug="candidate").status_log.first()
    assert client.post(admin_url(type(log), "delete", log.pk), {"post": "yes"}).status_code == 403


def test_reference_geography_is_read_only(coordinator, client_for):
    client = client_for(coordinator)
    region = Region.objects.get(code="53")
    assert client.post(admin_url(Region, "change", region.pk), {"name": "Armorique"}).status_code == 403
    region.refresh_from_db()
    assert region.name == "Bretagne"
    assert client.get(admin_url(Departement, "add")).status_code == 403


def test_the_structure_list_costs_the_same_queries_for_3_and_for_30_structures(coordinator, client_for):
    client = client_for(coordinator)
    url = admin_url(Structure, "changelist")

    def queries_for(count):
        for _ in range(count - Structure.objects.count()):
            StructureFactory(departements=["29", "22"])
        client.get(url)  # warm the session and content-type caches
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    assert queries_for(3) == queries_for(30)
