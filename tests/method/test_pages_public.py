"""The public sees only created activities flagged public, and never the personal data in them."""

from django.urls import reverse

from fabrique.method.enums import CarrierKind, Stage
from fabrique.territories.models import Departement

from .factories import NeedFactory, ProjectFactory
from .helpers import assert_no_inline_code

PERSONAL = ["Maëlle Tanguy", "maelle.tanguy@example.org", "Bernard Caradec", "Appel de Maëlle", "73282932000074"]


def test_the_public_page_of_an_activity_has_its_figures_and_no_personal_data(client, public_activity):
    response = client.get(reverse("method:activity_detail", args=[public_activity.slug]))
    html = response.content.decode()
    assert "Épicerie solidaire de Landerneau" in html and "entreprise individuelle" in html and "1,5" in html
    for secret in PERSONAL:
        assert secret not in html
    assert_no_inline_code(html)


def test_an_organisation_carrier_is_named_publicly(client, public_activity):
    public_activity.carrier_name = "Coopérative Les Champs Libres"
    public_activity.carrier_kind = CarrierKind.ESS_ORGANISATION
    public_activity.save()
    html = client.get(reverse("method:activity_detail", args=[public_activity.slug])).content.decode()
    assert "Coopérative Les Champs Libres" in html


def test_projects_not_created_or_not_public_have_no_public_page(client, structure, public_activity):
    private = ProjectFactory(structure=structure, stage=Stage.CREATED, is_public=False, slug="prive")
    ongoing = ProjectFactory(structure=structure, stage=Stage.LAUNCH, is_public=True, slug="en-cours")
    for project in (private, ongoing):
        assert client.get(reverse("method:activity_detail", args=[project.slug])).status_code == 404
    html = client.get(reverse("method:activity_list")).content.decode()
    assert "Épicerie solidaire de Landerneau" in html
    assert private.title not in html and ongoing.title not in html
    for secret in PERSONAL:
        assert secret not in html


def test_a_partner_user_reads_counts_for_its_departements_without_any_project_named(client_for, structure, project):
    from tests.factories import UserFactory

    partner_user = UserFactory(email="financeur@example.org")
    partner_user.partner_departements.set(Departement.objects.filter(code="29"))
    NeedFactory(structure=structure)
    html = client_for(partner_user).get(reverse("method:territories")).content.decode()
    assert "Finistère (29)" in html and "Côte-d&#x27;Or" not in html
    assert project.title not in html and "Josiane" not in html


def test_someone_who_follows_no_departement_gets_no_counts(client_for, db):
    from tests.factories import UserFactory

    assert client_for(UserFactory()).get(reverse("method:territories")).status_code == 403
