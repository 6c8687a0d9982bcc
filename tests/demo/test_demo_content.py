import pytest
from django.http import HttpRequest

from fabrique.accounts.models import User
from fabrique.community import models as community
from fabrique.core.demo_support import DEMO_PASSWORD
from fabrique.demo import seed
from fabrique.network import demo_data as data
from fabrique.network.enums import MembershipRole, StructureStatus
from fabrique.network.models import Collective, Membership, Partner, Partnership, Structure

SEED_NETWORK = {
    "Active, Pôle de l'économie solidaire": (["71"], ""),
    "Clus'Ter Jura": (["39"], "Pays Lédonien"),
    "Fédération Départementale des Foyers Ruraux de l'Yonne": (["89"], ""),
    "France Active Franche-Comté": (["25", "39", "70", "90"], ""),
    "France Active Bourgogne": (["58"], ""),
    "Pôle d'Economie Solidaire 21": (["21"], ""),
    "TAg22": (["22"], ""),
    "TAg29": (["29"], ""),
    "France Active Alsace": (["67"], "Strasbourg"),
    "France Active Nouvelle-Aquitaine": (["19", "23", "87"], "Limousin"),
}
SEED_SLUGS = [s.slug for s in data.STRUCTURES if not s.fictitious]


def test_the_ten_structures_of_the_seed_are_labelled_with_their_departements(shared_demo):
    structures = Structure.objects.filter(slug__in=SEED_SLUGS).prefetch_related("departements")
    found = {s.name: (sorted(d.code for d in s.departements.all()), s.area_label) for s in structures}
    assert found == SEED_NETWORK
    assert {s.status for s in structures} == {StructureStatus.LABELLED}


def test_france_active_franche_comte_was_labelled_before_the_nine_others_on_one_committee_day(shared_demo):
    earlier = Structure.objects.get(slug="france-active-franche-comte")
    nine = Structure.objects.filter(slug__in=SEED_SLUGS).exclude(pk=earlier.pk)
    assert nine.count() == 9
    assert set(nine.values_list("labelled_on", flat=True)) == {data.COMMITTEE_DAY}
    assert earlier.labelled_on < data.COMMITTEE_DAY


def test_each_status_change_of_a_seed_structure_is_in_the_log_with_its_date(shared_demo):
    structures = Structure.objects.filter(slug__in=SEED_SLUGS)
    assert structures.count() == len(SEED_SLUGS) == 10
    for structure in structures:
        path = [
            (log.from_status, log.to_status, log.changed_at.date(), log.via)
            for log in structure.status_log.order_by("changed_at")
        ]
        assert path == [
            ("candidate", "experimenting", structure.experimenting_since, "demo"),
            ("experimenting", "labelled", structure.labelled_on, "demo"),
        ], structure.slug
        assert structure.joined_on == structure.experimenting_since < structure.labelled_on


def test_the_nouvelle_aquitaine_experimentation_lasted_three_years_as_its_testimonial_says(shared_demo):
    structure = Structure.objects.get(slug="france-active-nouvelle-aquitaine")
    assert (structure.labelled_on - structure.experimenting_since).days // 365 == 3


def test_the_collective_le_generateur_has_its_six_members(shared_demo):
    collective = Collective.objects.get(slug="generateur-bfc")
    assert collective.name == "Le Générateur Bourgogne-Franche-Comté"
    assert collective.website == "https://generateurbfc.fr"
    assert sorted(collective.structures.values_list("name", flat=True)) == sorted(
        [
            "Active, Pôle de l'économie solidaire",
            "Clus'Ter Jura",
            "Fédération Départementale des Foyers Ruraux de l'Yonne",
            "France Active Bourgogne",
            "France Active Franche-Comté",
            "Pôle d'Economie Solidaire 21",
        ]
    )


@pytest.mark.parametrize(
    ("person", "role", "slug", "excerpt"),
    [
        (
            "Véronique Faurie",
            "chargée de mission Fabrique à initiatives",
            "france-active-nouvelle-aquitaine",
            "c'est la concrétisation de 3 années d'expérimentation réussies dans notre territoire.",
        ),
        ("Mathilde Lebreton", "responsable Emergence", "tag22", "défis de notre territoire costarmoricain."),
        ("Sindy Quéré", "responsable Révélateur", "tag29", "une liberté d'approche propre aux configurations"),
        ("Maï-Lys Regad", "cheffe de projets", "cluster-jura", "sur notre structuration en SCIC, etc."),
    ],
)
def test_the_four_testimonials_are_quoted_with_their_authors_and_roles(shared_demo, person, role, slug, excerpt):
    testimonial = community.Testimonial.objects.select_related("structure").get(person=person)
    assert (testimonial.role, testimonial.structure.slug) == (role, slug)
    assert excerpt in testimonial.quote
    assert testimonial.is_public


def test_there_are_exactly_four_testimonials(shared_demo):
    assert community.Testimonial.objects.count() == 4


def test_the_demo_logins_work_with_the_printed_password(shared_demo, client):
    logins = seed.demo_logins()
    assert logins, "la démonstration n'annonce aucun compte"
    for email, _ in logins:
        assert client.login(request=HttpRequest(), email=email, password=DEMO_PASSWORD), email
        client.logout()


def test_the_demo_coordinator_reaches_the_admin_and_members_administer_only_their_structure(shared_demo):
    coordinator = User.objects.get(email="coordination@example.org")
    assert coordinator.is_coordinator and coordinator.is_staff and coordinator.is_superuser
    tag29 = User.objects.get(email="tag29@example.org")
    assert not tag29.is_staff and not tag29.is_coordinator
    assert list(Membership.objects.filter(user=tag29).values_list("structure__slug", "role")) == [
        ("tag29", MembershipRole.ADMIN)
    ]


def test_every_invented_partner_is_marked_fictitious(shared_demo):
    assert Partner.objects.exists()
    assert all(name.endswith("(fictif)") for name in Partner.objects.values_list("name", flat=True))
    assert set(Partnership.objects.values_list("note", flat=True)) == {"Partenaire fictif, pour la démonstration."}


def test_each_seed_structure_has_partners_of_several_kinds(shared_demo):
    structures = Structure.objects.filter(slug__in=SEED_SLUGS)
    assert structures.count() == len(SEED_SLUGS) == 10
    for structure in structures:
        kinds = set(structure.partnerships.values_list("partner__kind", flat=True))
        assert len(kinds) >= 2, structure.slug


def test_the_invented_dates_and_the_invented_candidate_are_marked_fictitious(shared_demo):
    for structure in Structure.objects.filter(slug__in=SEED_SLUGS):
        assert "fictives" in structure.description
    candidate = Structure.objects.get(status=StructureStatus.CANDIDATE)
    assert "fictive" in candidate.name and "fictive" in candidate.description
    assert candidate.status_log.get().to_status == StructureStatus.CANDIDATE


def test_the_demo_history_rows_say_where_they_come_from(shared_demo):
    history = Structure.objects.get(slug="tag29").history.order_by("history_id")
    assert history[0].history_type == "+"
    assert {row.history_change_reason for row in history} == {"Données de démonstration"}
