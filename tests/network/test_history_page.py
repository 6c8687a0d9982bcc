import pytest

from fabrique.network import services
from fabrique.network.enums import StructureStatus
from fabrique.network.models import Structure
from tests.conftest import ROLES
from tests.factories import PartnershipFactory
from tests.network.helpers import assert_redirects_to_login

URL = "/structures/tag-test/historique/"


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_history_is_read_by_the_coordinator_and_members_only(persona, client_for):
    name, user = persona
    response = client_for(user).get(URL)
    if name == "anonymous":
        assert_redirects_to_login(response)
    else:
        assert response.status_code == {"coordinator": 200, "member": 200, "other_member": 403}[name]


def test_history_of_a_hidden_candidate_is_not_found_for_others(client_for, other_member):
    Structure.objects.filter(slug="tag-test").update(status=StructureStatus.CANDIDATE)
    assert client_for(other_member).get(URL).status_code == 404


def test_history_rows_have_the_author_and_the_changed_fields_old_and_new(client_for, member, structure):
    member.first_name, member.last_name = "Anne", "Le Goff"
    member.save()
    client = client_for(member)
    before = structure.history.count()
    response = client.post(
        "/structures/tag-test/modifier/",
        {"name": "TAg Test", "city": "Brest", "departements": ["29", "56"], "version": 1},
    )
    assert response.status_code == 302
    new_records = structure.history.order_by("history_date", "history_id")[before:]
    assert len(new_records) >= 2  # the save, then the change of départements
    assert all(record.history_user == member for record in new_records)
    html = client.get(URL).content.decode()
    row = html.split("Anne Le Goff")[1].split("</tr>")[0]
    assert "Ville" in row and "Dijon" in row and "Brest" in row
    assert "Départements" in row and "29, 56" in row
    assert "<caption>" in html


def test_history_lists_partnership_changes_too(client_for, coordinator, member, structure):
    partnership = PartnershipFactory(structure=structure, partner__name="Conseil départemental")
    partnership = type(partnership).objects.get(pk=partnership.pk)
    services.end_partnership(partnership, by=coordinator)
    html = client_for(member).get(URL).content.decode()
    assert "Partenariat avec « Conseil départemental »" in html
    assert "Jusqu&#x27;au" in html or "jusqu&#x27;au" in html
