from django.urls import reverse

from fabrique.method.enums import NeedSource, NeedStatus
from fabrique.method.models import CreativitySession, Need

NEED = {
    "title": "Personne pour réparer les vélos à Carhaix",
    "theme": "mobility",
    "departement": "29",
    "commune": "Carhaix-Plouguer",
    "source": "inhabitant",
    "detected_on": "2024-05-14",
}


def test_a_member_records_a_need_and_reads_it_with_who_brought_it(client_for, member, structure):
    client = client_for(member)
    data = {
        **NEED,
        "brought_by_name": "Erwan Le Bihan",
        "brought_by_contact": "erwan@example.org",
        "brought_by_consent": "on",
    }
    response = client.post(reverse("method:need_create", args=[structure.slug]), data)
    need = Need.objects.get()
    assert response["Location"] == need.get_absolute_url()
    html = client.get(need.get_absolute_url()).content.decode()
    assert "Erwan Le Bihan" in html and "erwan@example.org" in html
    assert "Créer un projet à partir de ce besoin" in html


def test_a_need_with_an_unknown_theme_is_refused_naming_the_field(client_for, member, structure):
    html = client_for(member).post(reverse("method:need_create", args=[structure.slug]), {**NEED, "theme": "astro"})
    assert 'href="#id_theme">Thème</a>' in html.content.decode()
    assert not Need.objects.exists()


def test_dismissing_a_need_without_reason_is_refused_and_keeps_what_was_typed(client_for, member, need):
    data = {**NEED, "title": "Titre retouché", "status": "dismissed", "status_reason": "", "version": need.version}
    html = client_for(member).post(reverse("method:need_edit", args=[need.pk]), data).content.decode()
    assert "Indiquez pourquoi ce besoin est écarté" in html and "Titre retouché" in html
    need.refresh_from_db()
    assert need.status == NeedStatus.NEW


def test_the_need_list_filters_by_status(client_for, member, structure, need):
    Need.objects.create(
        structure=structure,
        title="Idée écartée",
        theme="food",
        departement_id="29",
        source=NeedSource.ELECTED,
        status=NeedStatus.DISMISSED,
        status_reason="Déjà couvert",
    )
    html = client_for(member).get(reverse("method:need_list", args=[structure.slug]) + "?statut=new").content.decode()
    assert need.title.replace("'", "&#x27;") in html and "Idée écartée" not in html


def test_a_member_records_a_session_with_partners_of_the_structure(client_for, member, structure, partner):
    client = client_for(member)
    data = {
        "title": "Séance alimentation",
        "held_on": "2024-04-03",
        "place": "Landerneau",
        "departement": "29",
        "participants_count": "32",
        "partners": [partner.pk],
    }
    response = client.post(reverse("method:session_create", args=[structure.slug]), data)
    session = CreativitySession.objects.get()
    assert response["Location"] == session.get_absolute_url()
    assert list(session.partners.all()) == [partner]
    html = client.get(session.get_absolute_url()).content.decode()
    assert "Conseil départemental du Finistère" in html and "32" in html


def test_a_session_with_a_negative_count_of_participants_is_refused(client_for, member, structure):
    data = {
        "title": "Séance",
        "held_on": "2024-04-03",
        "place": "Brest",
        "departement": "29",
        "participants_count": "-4",
    }
    html = client_for(member).post(reverse("method:session_create", args=[structure.slug]), data).content.decode()
    assert 'href="#id_participants_count"' in html
    assert not CreativitySession.objects.exists()


def test_a_stale_session_edit_is_refused(client_for, member, staff_member, session):
    url = reverse("method:session_edit", args=[session.pk])
    data = {
        "title": session.title,
        "held_on": "2024-02-01",
        "place": "Brest",
        "departement": "29",
        "participants_count": "10",
        "version": 1,
    }
    client_for(staff_member).post(url, data)
    html = client_for(member).post(url, {**data, "place": "Quimper"}).content.decode()
    assert "modifiée par quelqu&#x27;un d&#x27;autre" in html and "Quimper" in html
    session.refresh_from_db()
    assert session.place == "Brest"
