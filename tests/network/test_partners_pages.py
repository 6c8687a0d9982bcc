import datetime

import pytest

from fabrique.network.enums import PartnerKind
from fabrique.network.models import Partner, Partnership
from tests.conftest import ROLES
from tests.factories import PartnerFactory, PartnershipFactory
from tests.network.helpers import assert_redirects_to_login
from tests.snapshots import assert_unchanged

LIST = "/structures/tag-test/partenaires/"
ADD = "/structures/tag-test/partenaires/ajouter/"
VALID_SIRET = "732 829 320 00074"


def _new_partner(**changes):
    data = {
        "new_name": "Conseil départemental du Finistère",
        "new_kind": PartnerKind.LOCAL_AUTHORITY,
        "new_siret": VALID_SIRET,
        "new_website": "https://www.finistere.fr",
        "role": "Cofinance les études d'opportunité",
        "since": "2024-02-01",
        "until": "",
        "note": "Convention triennale",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("persona", ROLES, indirect=True)
@pytest.mark.parametrize("url", [LIST, ADD])
def test_partner_pages_are_open_to_the_coordinator_and_members_only(persona, url, client_for):
    name, user = persona
    response = client_for(user).get(url)
    if name == "anonymous":
        assert_redirects_to_login(response)
    else:
        assert response.status_code == {"coordinator": 200, "member": 200, "other_member": 403}[name]


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_only_the_coordinator_and_members_can_add_a_partner(persona, client_for, structure):
    name, user = persona
    response = client_for(user).post(ADD, _new_partner())
    created = Partnership.objects.filter(structure=structure).first()
    if name in {"coordinator", "member"}:
        assert response.status_code == 302 and response["Location"] == LIST
        assert created.partner.name == "Conseil départemental du Finistère"
        assert created.partner.siret == "73282932000074"
        assert created.since == datetime.date(2024, 2, 1)
        assert created.history.first().history_user == user
    else:
        assert created is None and not Partner.objects.exists()


def test_an_invalid_siret_is_refused_and_nothing_is_created(client_for, member):
    response = client_for(member).post(ADD, _new_partner(new_siret="123 456 789 01234"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "SIRET" in html and "clé de contrôle" in html
    assert not Partner.objects.exists() and not Partnership.objects.exists()


def test_a_new_partner_needs_a_kind_and_an_invalid_website_is_refused(client_for, member):
    html = client_for(member).post(ADD, _new_partner(new_kind="", new_website="pas une adresse")).content.decode()
    assert "Indiquez le type" in html and "URL valide" in html
    assert not Partner.objects.exists()


def test_end_date_before_start_date_is_refused(client_for, member):
    html = client_for(member).post(ADD, _new_partner(until="2023-01-01")).content.decode()
    assert "La date de fin doit être postérieure" in html and 'href="#id_until"' in html
    assert not Partnership.objects.exists() and not Partner.objects.exists()


def test_an_existing_organisation_is_found_by_name_and_linked(client_for, member, structure):
    region = PartnerFactory(name="Région Bretagne", kind=PartnerKind.LOCAL_AUTHORITY)
    client = client_for(member)
    page = client.get(ADD, {"q": "bretagne"}).content.decode()
    assert "Région Bretagne" in page and f'value="{region.pk}"' in page
    response = client.post(ADD, {"partner": region.pk, "role": "Financeur", "since": "", "until": "", "note": ""})
    assert response.status_code == 302
    assert Partnership.objects.get(structure=structure).partner == region
    assert Partner.objects.count() == 1


def test_an_organisation_already_linked_is_not_linked_twice(client_for, member, structure):
    partnership = PartnershipFactory(structure=structure)
    response = client_for(member).post(ADD, {"partner": partnership.partner.pk, "role": "Autre rôle"})
    assert "déjà partenaire de la structure" in response.content.decode()
    assert Partnership.objects.count() == 1


def test_a_new_organisation_with_the_siret_of_a_known_one_is_refused(client_for, member):
    PartnerFactory(name="Département du Finistère", siret="73282932000074")
    html = client_for(member).post(ADD, _new_partner()).content.decode()
    assert "Département du Finistère" in html and "a déjà ce SIRET" in html
    assert Partner.objects.count() == 1 and not Partnership.objects.exists()


def test_choosing_an_organisation_and_creating_one_at_once_is_refused(client_for, member):
    known = PartnerFactory()
    html = client_for(member).post(ADD, _new_partner(partner=known.pk)).content.decode()
    assert "pas les deux" in html
    assert Partner.objects.count() == 1 and not Partnership.objects.exists()


def _edit_url(partnership):
    return f"/structures/tag-test/partenaires/{partnership.pk}/modifier/"


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_only_the_coordinator_and_members_edit_a_partnership(persona, client_for, structure):
    name, user = persona
    partnership = PartnershipFactory(structure=structure)
    data = {"role": "Membre du comité de pilotage", "since": "2023-03-01", "until": "", "note": "", "version": 1}
    with assert_unchanged(Partnership, unless=name in {"coordinator", "member"}):
        response = client_for(user).post(_edit_url(partnership), data)
    partnership.refresh_from_db()
    if name in {"coordinator", "member"}:
        assert response.status_code == 302
        assert partnership.role == "Membre du comité de pilotage" and partnership.version == 2
        assert partnership.history.first().history_user == user
    else:
        assert response.status_code in {302, 403}
        if name == "anonymous":
            assert_redirects_to_login(response)


def test_a_partnership_of_another_structure_is_not_found_here(client_for, member, other_structure):
    foreign = PartnershipFactory(structure=other_structure)
    assert client_for(member).get(_edit_url(foreign)).status_code == 404


def test_a_stale_partnership_edit_is_refused(client_for, member, structure):
    partnership = PartnershipFactory(structure=structure, role="Rôle initial")
    Partnership.objects.filter(pk=partnership.pk).update(version=2)
    data = {"role": "Rôle périmé", "since": "2023-03-01", "until": "", "note": "", "version": 1}
    html = client_for(member).post(_edit_url(partnership), data).content.decode()
    assert "modifiée par quelqu&#x27;un d&#x27;autre" in html and 'value="Rôle périmé"' in html
    partnership.refresh_from_db()
    assert partnership.role == "Rôle initial"


def test_the_organisation_can_be_corrected_and_a_bad_siret_is_refused(client_for, member, structure):
    partnership = PartnershipFactory(structure=structure, partner__kind=PartnerKind.OTHER)
    url = f"/structures/tag-test/partenaires/{partnership.pk}/organisation/"
    client = client_for(member)
    data = {"organisation-name": "Banque des Territoires", "organisation-kind": PartnerKind.FUNDER}
    bad = client.post(url, {**data, "organisation-siret": "12345", "organisation-version": 1})
    assert "14 chiffres" in bad.content.decode()
    assert Partner.objects.get().kind == PartnerKind.OTHER
    good = client.post(url, {**data, "organisation-siret": "", "organisation-version": 1})
    assert good.status_code == 302
    partner = Partner.objects.get()
    assert (partner.name, partner.kind, partner.version) == ("Banque des Territoires", PartnerKind.FUNDER, 2)


def test_another_member_cannot_correct_an_organisation_of_this_structure(client_for, other_member, structure):
    partnership = PartnershipFactory(structure=structure)
    url = f"/structures/tag-test/partenaires/{partnership.pk}/organisation/"
    with assert_unchanged(Partner, Partnership):
        assert client_for(other_member).post(url, {"organisation-name": "X"}).status_code == 403


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_ending_a_partnership_keeps_it_with_its_end_date(persona, client_for, structure):
    name, user = persona
    partnership = PartnershipFactory(structure=structure, partner__name="Fondation X")
    url = f"/structures/tag-test/partenaires/{partnership.pk}/terminer/"
    response = client_for(user).post(url, {"until": "2025-01-31"})
    partnership.refresh_from_db()
    if name in {"coordinator", "member"}:
        assert response.status_code == 302 and partnership.until == datetime.date(2025, 1, 31)
        page = client_for(user).get(LIST).content.decode()
        assert "Fondation X" in page.split("<h2>Partenariats terminés</h2>")[1]
    else:
        assert partnership.until is None


def test_ending_before_the_start_is_refused_with_a_message(client_for, member, structure):
    partnership = PartnershipFactory(structure=structure, since=datetime.date(2024, 6, 1))
    url = f"/structures/tag-test/partenaires/{partnership.pk}/terminer/"
    response = client_for(member).post(url, {"until": "2024-01-01"}, follow=True)
    assert "ne peut précéder le début" in response.content.decode()
    partnership.refresh_from_db()
    assert partnership.until is None


def test_ending_an_ended_partnership_is_refused_with_a_message(client_for, member, structure):
    partnership = PartnershipFactory(structure=structure, partner__name="Fondation X", until=datetime.date(2025, 1, 31))
    url = f"/structures/tag-test/partenaires/{partnership.pk}/terminer/"
    response = client_for(member).post(url, {"until": ""}, follow=True)
    assert response.status_code == 200
    assert "Le partenariat avec « Fondation X » est déjà terminé (le 31/01/2025)." in response.content.decode()
    partnership.refresh_from_db()
    assert (partnership.until, partnership.version) == (datetime.date(2025, 1, 31), 1)


def test_ending_requires_a_post(client_for, member, structure):
    partnership = PartnershipFactory(structure=structure)
    assert client_for(member).get(f"/structures/tag-test/partenaires/{partnership.pk}/terminer/").status_code == 405


def test_the_search_shows_at_most_20_organisations_and_says_so(client_for, member):
    for i in range(25):
        PartnerFactory(name=f"Commune {i:02d}")
    html = client_for(member).get(ADD, {"q": "commune"}).content.decode()
    assert "Commune 19" in html and "Commune 20" not in html
    assert "précisez la recherche" in html
    assert "aucune : je crée une nouvelle organisation" in html


def test_a_known_organisation_is_found_by_its_siret(client_for, member):
    PartnerFactory(name="Caisse d'épargne", siret="44306184100047")
    html = client_for(member).get(ADD, {"q": "443 061 841 00047"}).content.decode()
    assert "Caisse d&#x27;épargne" in html


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_partnership_edit_page_and_organisation_form_follow_the_role_matrix(persona, client_for, structure):
    name, user = persona
    partnership = PartnershipFactory(structure=structure, partner__name="Réseau local")
    client = client_for(user)
    page = client.get(_edit_url(partnership))
    with assert_unchanged(Partner, unless=name in {"coordinator", "member"}):
        organisation = client.post(
            f"/structures/tag-test/partenaires/{partnership.pk}/organisation/",
            {
                "organisation-name": "Nouveau nom",
                "organisation-kind": PartnerKind.ESS_NETWORK,
                "organisation-version": 1,
            },
        )
    if name == "anonymous":
        assert_redirects_to_login(page)
        assert_redirects_to_login(organisation)
    elif name == "other_member":
        assert page.status_code == 403 and organisation.status_code == 403
    else:
        assert page.status_code == 200 and "id_organisation-name" in page.content.decode()
        assert organisation.status_code == 302
    expected = "Nouveau nom" if name in {"coordinator", "member"} else "Réseau local"
    assert Partner.objects.get().name == expected
