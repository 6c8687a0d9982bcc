"""The whole appellation procedure in a browser: a structure in experimentation submits its request, the
coordinator opens a session, three labelled structures vote while a fourth, in the same collective, is refused,
the coordinator closes the session, the structure is labelled on the map and named in the draft announcement."""

import os

import pytest
from playwright.sync_api import expect

from fabrique.network.enums import MembershipRole
from tests.factories import (
    CollectiveFactory,
    MembershipFactory,
    PartnershipFactory,
    StructureFactory,
    UserFactory,
)

from .browser import assert_accessible
from .conftest import SCREENSHOTS

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
APPLICANT = "Fabrique du Cantal"


@pytest.fixture
def network(territories):
    applicant = StructureFactory(name=APPLICANT, slug="fabrique-du-cantal", departements=["15"], city="Aurillac")
    PartnershipFactory(structure=applicant)
    people = {"applicant": MembershipFactory(structure=applicant, user__email="cantal@example.org").user}
    peers = [
        StructureFactory(name=name, slug=slug, labelled=True, departements=[code])
        for name, slug, code in [
            ("Fabrique Armor", "fabrique-armor", "22"),
            ("Fabrique Alsace", "fabrique-alsace", "67"),
            ("Fabrique Limousin", "fabrique-limousin", "87"),
            ("Fabrique Auvergne", "fabrique-auvergne", "63"),
        ]
    ]
    for peer in peers:
        people[peer.slug] = MembershipFactory(
            structure=peer, user__email=f"{peer.slug}@example.org", role=MembershipRole.ADMIN
        ).user
    CollectiveFactory(name="Collectif du Massif").structures.set([applicant, peers[3]])
    people["coordinator"] = UserFactory(email="coordination@example.org", coordinator=True)
    return people


def shoot(tab, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_the_appellation_procedure_from_request_to_the_map(network, live_server, signed_in):
    base = live_server.url

    # The structure in experimentation writes and submits its request.
    page = signed_in("cantal@example.org")
    page.goto(f"{base}/appellation/")
    assert_accessible(page)
    page.get_by_role("link", name="Demander l'appellation").first.click()
    assert_accessible(page)
    page.get_by_label("utilité du dispositif pour la structure et pour le territoire").fill(
        "Trois années d'expérimentation réussies dans le Cantal."
    )
    page.get_by_label("diversité des partenaires durablement investis").fill("Département, agglomération, SCIC.")
    page.get_by_label("savoir-faire métier ancré").fill("Détection, études d'opportunité, transmission.")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    page.get_by_label("Titre du document").fill("Bilan de l'expérimentation")
    page.get_by_label("Fichier").set_input_files({"name": "bilan.pdf", "mimeType": "application/pdf", "buffer": PDF})
    page.get_by_role("button", name="Ajouter le document").click()
    expect(page.get_by_role("link", name="Bilan de l'expérimentation")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Déposer la demande").click()
    assert_accessible(page)
    page.get_by_role("button", name="Confirmer le dépôt").click()
    assert "lecture seule" in page.content()
    assert page.get_by_role("link", name="Modifier le brouillon").count() == 0
    shoot(page, "appellation-request-submitted")
    page.context.close()

    # The coordinator opens a session with the request on its agenda.
    coordinator = signed_in("coordination@example.org")
    coordinator.goto(f"{base}/appellation/seances/")
    assert_accessible(coordinator)
    coordinator.get_by_role("link", name="Ouvrir une séance").click()
    assert_accessible(coordinator)
    coordinator.get_by_label("Date de la séance").fill("2031-03-20")
    coordinator.get_by_label("Date limite des votes").fill("2031-03-18T18:00")
    assert coordinator.get_by_label(APPLICANT).is_checked()
    coordinator.get_by_role("button", name="Ouvrir la séance").click()
    assert "Séance ouverte" in coordinator.content()
    session_url = coordinator.url
    assert_accessible(coordinator)

    # Three labelled structures vote; the one sharing a collective with the applicant is refused.
    for slug, choice in [
        ("fabrique-armor", "favorable"),
        ("fabrique-alsace", "favorable"),
        ("fabrique-limousin", "abstention"),
    ]:
        voter = signed_in(f"{slug}@example.org")
        voter.goto(f"{base}/appellation/votes/")
        assert_accessible(voter)
        voter.get_by_label(choice, exact=True).check()
        voter.get_by_label("Commentaire").fill(f"Avis de {slug}")
        voter.get_by_role("button", name="Voter").click()
        assert "Vote enregistré" in voter.content()
        assert_accessible(voter)
        if slug == "fabrique-armor":
            shoot(voter, "appellation-ballot")
        voter.context.close()
    refused = signed_in("fabrique-auvergne@example.org")
    refused.goto(f"{base}/appellation/votes/")
    assert "membre d'un même collectif (Collectif du Massif)" in refused.content()
    assert refused.get_by_role("button", name="Voter").count() == 0
    shoot(refused, "appellation-ballot-conflict")
    assert_accessible(refused)
    refused.context.close()

    # The coordinator closes the session: the structure is labelled.
    coordinator.goto(session_url)
    coordinator.get_by_role("link", name="Clore la séance et appliquer les décisions").click()
    assert_accessible(coordinator)
    coordinator.get_by_role("button", name="Clore la séance").click()
    assert "Séance close" in coordinator.content() and "appellation accordée" in coordinator.content()
    assert_accessible(coordinator)
    shoot(coordinator, "appellation-session-closed")

    coordinator.goto(f"{base}/carte/")
    label = coordinator.locator("svg a[aria-label*='Fabrique du Cantal']").first.get_attribute("aria-label")
    assert "Fabrique du Cantal — avec appellation" in label

    coordinator.goto(f"{base}/appellation/annonces/")
    assert_accessible(coordinator)
    coordinator.get_by_role("link", name="Une nouvelle structure rejoint la Fabrique à initiatives").click()
    assert APPLICANT in coordinator.get_by_label("Texte").input_value()
    assert "Cantal" in coordinator.get_by_role("article").inner_text()
    assert_accessible(coordinator)
    shoot(coordinator, "appellation-announcement")

    from fabrique.network.models import Structure

    applicant = Structure.objects.get(slug="fabrique-du-cantal")
    assert applicant.status == "labelled" and applicant.status_log.filter(via="committee").exists()
