"""A committee session as its people click it: a voter changes its vote, another declares a conflict of interest, an
applicant withdraws its request, the coordinator closes the session (one request granted, one deferred for want of
a quorum), publishes the announcement, and the newly labelled structure signs the network's charter."""

import re

import pytest
from playwright.sync_api import expect

from fabrique.appellation import services
from fabrique.appellation.enums import RequestStatus
from fabrique.appellation.models import CharterAcceptance, Vote
from fabrique.community.models import NewsPost
from tests.appellation.conftest import NARRATIVES, open_session_with
from tests.factories import MembershipFactory, PartnershipFactory, StructureFactory, UserFactory

from .browser import assert_accessible, flash

pytestmark = pytest.mark.django_db(transaction=True)

ANNOUNCEMENT = "Une nouvelle structure rejoint la Fabrique à initiatives"


def applicant(name: str, slug: str, code: str):
    structure = StructureFactory(name=name, slug=slug, departements=[code])
    PartnershipFactory(structure=structure)
    admin = MembershipFactory(structure=structure, user__email=f"{slug}@example.org").user
    return services.submit_request(services.create_request(structure, by=admin, data=NARRATIVES), by=admin)


@pytest.fixture
def session(territories, settings, tmp_path):
    settings.APPELLATION_PRIVATE_ROOT = tmp_path / "private"
    requests = [
        applicant("Fabrique du Cantal", "cantal", "15"),
        applicant("Fabrique de Lozère", "lozere", "48"),
        applicant("Fabrique de l'Aveyron", "aveyron", "12"),
    ]
    voters = [
        MembershipFactory(
            structure=StructureFactory(name=name, slug=slug, labelled=True), user__email=f"{slug}@example.org"
        ).user
        for name, slug in [("Fabrique Armor", "armor"), ("Fabrique Alsace", "alsace"), ("Fabrique Jura", "jura")]
    ]
    coordinator = UserFactory(email="coordination@example.org", coordinator=True)
    opened = open_session_with(coordinator, requests)
    services.cast_vote(requests[0], by=voters[2], choice="for", comment="Un dossier solide.")
    return opened


def ballot_for(page, applicant_name: str):
    return page.get_by_role("article", name=re.compile(applicant_name))


def test_a_committee_session_with_a_changed_vote_a_conflict_a_withdrawal_and_a_deferral(
    session, live_server, signed_in
):
    base = live_server.url

    # Armor votes against the Cantal's request, then changes its mind.
    armor = signed_in("armor@example.org")
    armor.goto(f"{base}/appellation/votes/")
    assert_accessible(armor)
    cantal = ballot_for(armor, "Cantal")
    cantal.get_by_label("défavorable", exact=True).check()
    cantal.get_by_label(re.compile("^Commentaire")).fill("Les partenaires sont trop récents.")
    cantal.get_by_role("button", name="Voter").click()
    expect(flash(armor)).to_contain_text("Vote enregistré pour la demande de Fabrique du Cantal.")
    expect(ballot_for(armor, "Cantal")).to_contain_text("Vote actuel : défavorable")
    assert_accessible(armor)
    cantal = ballot_for(armor, "Cantal")
    cantal.get_by_label("favorable", exact=True).check()
    cantal.get_by_label(re.compile("^Commentaire")).fill("Les conventions jointes nous ont convaincus.")
    cantal.get_by_role("button", name="Modifier le vote").click()
    expect(ballot_for(armor, "Cantal")).to_contain_text("Vote actuel : favorable")
    assert_accessible(armor)

    # Alsace declares a conflict of interest on the Lozère's request: it no longer votes there.
    alsace = signed_in("alsace@example.org")
    alsace.goto(f"{base}/appellation/votes/")
    assert_accessible(alsace)
    lozere = ballot_for(alsace, "Lozère")
    lozere.get_by_text("Déclarer un conflit d'intérêts").click()
    lozere.get_by_label("Motif du conflit d'intérêts").fill("Notre directrice siège au conseil de la Lozère.")
    lozere.get_by_role("button", name="Déclarer le conflit").click()
    expect(flash(alsace)).to_contain_text("Conflit d'intérêts déclaré : votre structure ne vote pas")
    expect(ballot_for(alsace, "Lozère")).to_contain_text("Notre directrice siège au conseil de la Lozère.")
    expect(ballot_for(alsace, "Lozère").get_by_role("button", name="Voter")).to_have_count(0)
    assert_accessible(alsace)

    # The Aveyron withdraws its request before the closing.
    aveyron = signed_in("aveyron@example.org")
    aveyron.goto(f"{base}/appellation/demandes/")
    assert_accessible(aveyron)
    aveyron.get_by_role("link", name=re.compile("Aveyron")).first.click()
    expect(aveyron.get_by_role("link", name="Retirer la demande")).to_be_visible()
    assert_accessible(aveyron)
    aveyron.get_by_role("link", name="Retirer la demande").click()
    assert_accessible(aveyron)
    aveyron.get_by_label("Motif du retrait").fill("Nous redéposerons après une année de plus.")
    aveyron.get_by_role("button", name="Retirer la demande").click()
    expect(flash(aveyron)).to_contain_text("La demande est retirée.")
    assert_accessible(aveyron)

    # The coordinator closes the session: Cantal granted (2 of 3 voted for), Lozère deferred (no quorum).
    coordination = signed_in("coordination@example.org")
    coordination.goto(f"{base}{session.get_absolute_url()}")
    assert_accessible(coordination)
    coordination.get_by_role("link", name="Clore la séance et appliquer les décisions").click()
    assert_accessible(coordination)
    coordination.get_by_role("button", name="Clore la séance").click()
    expect(flash(coordination)).to_contain_text("Séance close : les décisions sont appliquées")
    items = coordination.locator("article.session-item")
    expect(items.filter(has_text="Cantal")).to_contain_text("Décision : appellation accordée")
    expect(items.filter(has_text="Lozère")).to_contain_text("Décision : reportée")
    expect(items.filter(has_text="Aveyron")).to_contain_text("retirée")
    assert_accessible(coordination)

    # The announcement drafted at the closing is published as a news post.
    coordination.goto(f"{base}/appellation/annonces/")
    assert_accessible(coordination)
    coordination.get_by_role("link", name=ANNOUNCEMENT).click()
    expect(coordination.get_by_role("link", name="Publier comme actualité")).to_be_visible()
    assert_accessible(coordination)
    coordination.get_by_role("link", name="Publier comme actualité").click()
    expect(coordination.get_by_label(re.compile("^Titre"))).to_have_value(ANNOUNCEMENT)
    assert_accessible(coordination)
    coordination.get_by_role("button", name="Publier l'actualité").click()
    expect(flash(coordination)).to_contain_text("Le projet d'annonce est publié comme actualité.")
    expect(coordination.get_by_role("heading", level=1)).to_have_text(ANNOUNCEMENT)
    assert_accessible(coordination)

    # The Cantal, now labelled, commits to the charter.
    cantal_admin = signed_in("cantal@example.org")
    cantal_admin.goto(f"{base}/appellation/charte/")
    assert_accessible(cantal_admin)
    cantal_admin.get_by_label("J'ai lu la charte et j'engage ma structure à la respecter.").check()
    cantal_admin.get_by_role("button", name="Accepter la charte").click()
    expect(flash(cantal_admin)).to_contain_text("Engagement enregistré : Fabrique du Cantal a accepté la charte")
    expect(cantal_admin.get_by_role("region", name="Engagements de mes structures")).to_contain_text(
        "Fabrique du Cantal : version 1 acceptée le"
    )
    expect(cantal_admin.get_by_role("button", name="Accepter la charte")).to_have_count(0)
    assert_accessible(cantal_admin)

    statuses = dict(session.items.values_list("request__structure__slug", "request__status"))
    assert statuses == {"cantal": RequestStatus.GRANTED, "lozere": RequestStatus.DEFERRED, "aveyron": "withdrawn"}
    assert Vote.objects.get(structure__slug="armor").choice == "for"
    assert NewsPost.objects.filter(title=ANNOUNCEMENT).count() == 1
    assert CharterAcceptance.objects.filter(structure__slug="cantal", accepted_by__email="cantal@example.org").exists()
