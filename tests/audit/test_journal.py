"""The coordination's journal of changes: every history table, filters, pages of 50, roles, query budget."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from fabrique.audit import journal
from fabrique.core.versioning import save_with_version
from fabrique.network.models import Partner, Structure
from tests.conftest import ROLES
from tests.factories import StructureFactory, UserFactory
from tests.method.factories import NeedFactory

URL = reverse("audit:journal")


def make_needs(structure, author, count: int):
    needs = []
    for index in range(count):
        need = NeedFactory.build(structure=structure, title=f"Besoin n° {index}")
        need._history_user = author
        need.save()
        needs.append(need)
    return needs


def rename(obj, author, title):
    obj.title = title
    save_with_version(obj, obj.version, ["title"], by=author)


@pytest.mark.parametrize("persona", ROLES, indirect=True)
def test_only_the_coordination_reads_the_journal(persona, client_for):
    name, user = persona
    response = client_for(user).get(URL)
    expected = {"coordinator": 200, "member": 403, "other_member": 403, "anonymous": 302}[name]
    assert response.status_code == expected
    if name == "anonymous":
        assert response["Location"].startswith(reverse("accounts:login"))


def test_every_history_table_is_a_kind_with_a_french_label():
    kinds = journal.kinds()
    assert {"network.Structure", "method.Need", "accounts.User", "appellation.Vote"} <= set(kinds)
    assert kinds["method.Need"].label == "Besoin ou idée"
    assert kinds["network.Structure"].structure_path == "id"
    assert kinds["method.SteeringDecision"].structure_path == "project__structure"


def test_the_journal_shows_who_changed_what_and_which_fields_newest_first(structure, member, coordinator, client_for):
    (need,) = make_needs(structure, member, 1)
    rename(need, coordinator, "Mobilité des aînés")
    page = client_for(coordinator).get(URL).content.decode()
    assert page.index("Mobilité des aînés") < page.index("Création")
    assert "Modification : intitulé" in page
    assert str(coordinator) in page and str(member) in page
    assert "<caption>" in page and 'scope="col"' in page and 'for="id_person"' in page


def test_filters_by_person_structure_kind_and_dates(
    structure, other_structure, member, other_member, coordinator, client_for
):
    make_needs(structure, member, 2)
    make_needs(other_structure, other_member, 3)
    Partner.objects.create(name="Mairie de Brest", kind="local_authority")
    client = client_for(coordinator)

    def count(**params):
        return client.get(URL, params).context["page"].paginator.count

    assert count(person=member.pk, kind="method.Need") == 2
    assert count(structure=other_structure.pk, kind="method.Need") == 3
    assert count(kind="network.Partner") == 1
    today = timezone.localdate()
    assert count(kind="method.Need", since=today, until=today) == 5
    assert count(kind="method.Need", until=today - datetime.timedelta(days=1)) == 0
    # a structure filter leaves out the tables that cannot reach a structure
    assert count(structure=structure.pk, kind="network.Partner") == 0


def test_a_reversed_date_range_is_refused_in_french(coordinator, client_for):
    response = client_for(coordinator).get(URL, {"since": "2025-02-01", "until": "2025-01-01"})
    assert "La date de fin précède la date de début." in response.content.decode()


def test_fifty_rows_a_page(structure, member, coordinator, client_for):
    make_needs(structure, member, 55)
    client = client_for(coordinator)
    first = client.get(URL, {"kind": "method.Need"})
    assert len(first.context["entries"]) == 50
    second = client.get(URL, {"kind": "method.Need", "page": 2})
    assert len(second.context["entries"]) == 5
    assert "kind=method.Need&amp;page=2" in first.content.decode()


def test_an_erased_person_appears_as_such(structure, coordinator, client_for):
    from fabrique.privacy.erase import erase_person

    author = UserFactory(first_name="Ninon", last_name="Quelconque")
    make_needs(structure, author, 1)
    erase_person(author, by=coordinator)
    page = client_for(coordinator).get(URL, {"kind": "method.Need"}).content.decode()
    assert "personne effacée" in page and "Quelconque" not in page
    accounts = client_for(coordinator).get(URL, {"kind": "accounts.User", "person": coordinator.pk})
    assert [entry.subject for entry in accounts.context["entries"]] == ["personne effacée"]


def test_a_status_change_shows_with_its_reason_among_the_history_rows(coordinator, member, client_for):
    from fabrique.network import services

    candidate = StructureFactory(candidate=True, name="Fabrique candidate")
    (need,) = make_needs(candidate, member, 1)
    services.admit(candidate, by=coordinator, reason="Dossier complet")
    response = client_for(coordinator).get(URL, {"structure": candidate.pk})
    first = response.context["entries"][0]
    assert (first.kind.key, first.subject, first.reason) == (
        "network.StructureStatusLog",
        "Fabrique candidate",
        "Dossier complet",
    )
    assert first.author == coordinator and first.changes == ["candidate → en expérimentation"]
    assert {"method.Need", "network.Structure"} <= {entry.kind.key for entry in response.context["entries"]}
    page = response.content.decode()
    assert "Passage : candidate → en expérimentation" in page
    assert (
        client_for(coordinator)
        .get(URL, {"person": member.pk, "kind": "network.StructureStatusLog"})
        .context["page"]
        .paginator.count
        == 0
    )


@pytest.mark.parametrize("rows", [3, 30])
def test_the_query_count_does_not_grow_with_the_rows(
    rows, structure, coordinator, client_for, django_assert_num_queries
):
    for index in range(rows):
        author = UserFactory()
        (need,) = make_needs(structure, author, 1)
        rename(need, author, f"Renommé {index}")
        Partner.objects.create(name=f"Partenaire {index}", kind="local_authority")
    Structure.history.all().delete()  # the same kinds of rows on the page (people, needs, partners) either way
    client = client_for(coordinator)
    client.get(URL)  # the session and the content types, read once
    with django_assert_num_queries(BUDGET):
        response = client.get(URL)
    total = response.context["page"].paginator.count
    assert total >= rows * 4
    assert len(response.context["entries"]) == min(50, total)
    assert {entry.kind.key for entry in response.context["entries"]} == {
        "accounts.User",
        "method.Need",
        "network.Partner",
    }


# session and user, the person and structure choices, the count, the page, then two per kind on the page (3)
BUDGET = 13  # one of them: the header's unread notifications badge, on every page
