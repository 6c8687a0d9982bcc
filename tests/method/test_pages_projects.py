from django.urls import reverse

from fabrique.method.enums import NeedStatus, Stage
from fabrique.method.models import EconomicModel, Outcome, Project
from tests.snapshots import assert_unchanged, models_of

from .factories import SteeringDecisionFactory


def test_a_project_opened_from_a_need_starts_prefilled_with_it(client_for, member, structure, need):
    client = client_for(member)
    html = client.get(reverse("method:project_create", args=[structure.slug]) + f"?besoin={need.pk}").content.decode()
    assert f'value="{need.title}"' in html.replace("&#x27;", "'")
    response = client.post(
        reverse("method:project_create", args=[structure.slug]),
        {
            "title": "Micro-crèche",
            "theme": "early_childhood",
            "departements": ["29"],
            "needs": [need.pk],
            "detected_on": "2024-03-01",
        },
    )
    project = Project.objects.get(title="Micro-crèche")
    assert response["Location"] == project.get_absolute_url()
    need.refresh_from_db()
    assert need.status == NeedStatus.QUALIFIED


def test_a_project_without_title_or_departement_is_refused_with_the_fields_named(client_for, member, structure):
    response = client_for(member).post(reverse("method:project_create", args=[structure.slug]), {"theme": "food"})
    html = response.content.decode()
    assert response.status_code == 200 and "pas été enregistré" in html
    assert 'href="#id_title">Intitulé</a>' in html and "Départements" in html
    assert not Project.objects.exists()


def test_a_stale_project_edit_shows_a_conflict_and_keeps_what_was_typed(client_for, member, staff_member, project):
    url = reverse("method:project_edit", args=[project.pk])
    data = {
        "title": project.title,
        "theme": "mobility",
        "departements": ["29"],
        "detected_on": "2024-03-01",
        "version": 1,
    }
    client_for(staff_member).post(url, {**data, "summary": "Premier résumé"})
    response = client_for(member).post(url, {**data, "summary": "Mon résumé détaillé, tapé longuement"})
    html = response.content.decode()
    assert "modifiée par quelqu&#x27;un d&#x27;autre" in html
    assert "Mon résumé détaillé, tapé longuement" in html
    project.refresh_from_db()
    assert project.summary == "Premier résumé"


def test_the_project_page_shows_its_timeline_of_stages_decisions_and_notes(client_for, member, project):
    client = client_for(member)
    SteeringDecisionFactory(project=project, note="Le comité valide la transmission")
    client.post(reverse("method:project_move", args=[project.pk]), {"to": "opportunity", "version": 1, "note": "Go"})
    client.post(reverse("method:note_add", args=[project.pk]), {"text": "Rencontre avec la mairie"})
    html = client.get(project.get_absolute_url()).content.decode()
    assert "Étape : détection → étude d&#x27;opportunité" in html
    assert "Le comité valide la transmission" in html and "décision « go »" in html
    assert "Rencontre avec la mairie" in html
    assert "Yann Kerouac" in html and "06 11 22 33 44" in html  # members see the carrier


def test_going_back_without_a_reason_redisplays_the_form_with_the_reason_asked(client_for, member, project):
    client = client_for(member)
    url = reverse("method:project_move", args=[project.pk])
    client.post(url, {"to": "opportunity", "version": 1})
    project.refresh_from_db()
    assert project.stage == Stage.OPPORTUNITY
    with assert_unchanged(*models_of("method")):
        response = client.post(url, {"to": "detection", "version": 2, "note": " "})
    assert response.status_code == 400
    assert "Indiquez le motif du retour" in response.content.decode()


def test_a_refused_move_shows_the_form_again_with_the_allowed_changes_only(client_for, member, project):
    url = reverse("method:project_move", args=[project.pk])
    client_for(member).post(url, {"to": "opportunity", "version": 1})
    response = client_for(member).post(url, {"to": "detection", "version": 2, "note": ""})
    assert response.status_code == 400
    html = response.content.decode().replace("&#x27;", "'")
    assert "Revenir à « détection »" in html and "Mettre en pause" in html
    assert '<option value="launch"' not in html and '<option value="created"' not in html


def test_a_move_posted_to_a_stage_not_offered_gets_the_rule_s_reason(client_for, member, project):
    client = client_for(member)
    with assert_unchanged(*models_of("method")):
        response = client.post(reverse("method:project_move", args=[project.pk]), {"to": "launch", "version": 1})
    assert response.status_code == 400
    assert "On avance d&#x27;une étape à la fois" in response.content.decode()


def test_the_move_page_offers_only_the_allowed_changes(client_for, member, project):
    html = client_for(member).get(reverse("method:project_move", args=[project.pk])).content.decode()
    assert "Passer à « étude d&#x27;opportunité »" in html and "Mettre en pause" in html and "Abandonner" in html
    assert "Revenir à" not in html


def test_economic_model_shares_not_adding_up_are_refused_and_named(client_for, member, project):
    url = reverse("method:economic_model_edit", args=[project.pk])
    data = {
        "total_budget": "90000",
        "share_sales": "40",
        "share_public_subsidies": "40",
        "share_private_funding": "10",
        "share_other": "5",
        "jobs_planned_fte": "2",
        "version": 0,
    }
    html = client_for(member).post(url, data).content.decode()
    assert "La répartition des recettes" in html and "totalise 95 %" in html
    assert not EconomicModel.objects.exists()
    response = client_for(member).post(url, {**data, "share_other": "10"})
    assert response.status_code == 302
    assert EconomicModel.objects.get().total_budget == 90000


def test_an_outcome_with_a_bad_siret_or_an_early_date_is_refused(client_for, member, project):
    url = reverse("method:outcome_edit", args=[project.pk])
    data = {
        "created_on": "2024-01-01",
        "legal_form": "scic",
        "siret": "12345678901234",
        "jobs_fte": "3",
        "followup_1y_active": "unknown",
        "followup_3y_active": "unknown",
        "version": 0,
    }
    html = client_for(member).post(url, data).content.decode()
    assert "clé de contrôle" in html and "précède la date de détection" in html
    assert not Outcome.objects.exists()
    response = client_for(member).post(url, {**data, "created_on": "2025-01-10", "siret": "73282932000074"})
    assert response.status_code == 302 and Outcome.objects.get().jobs_fte == 3


def test_partners_are_associated_with_a_role_and_removed(client_for, member, project, partner):
    client = client_for(member)
    url = reverse("method:project_partners", args=[project.pk])
    assert client.post(url, {"partner": partner.pk, "role": "funder"}).status_code == 302
    html = client.post(url, {"partner": partner.pk, "role": "funder"}).content.decode()
    assert "déjà ce rôle" in html
    link = project.project_partners.get()
    client.post(reverse("method:project_partner_remove", args=[project.pk, link.pk]))
    assert not project.project_partners.exists()


def _project_page_queries(client, project) -> tuple[int, str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("method:project_detail", args=[project.pk])
    client.get(url)  # warm the session
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


def _grow(project, other_structure, n: int) -> None:
    """n more decisions (each with two partners present), notes, departements and similar created activities."""
    from fabrique.method.models import ProjectNote, ProjectPartner
    from tests.factories import PartnerFactory

    from .factories import ProjectFactory

    for _ in range(n):
        decision = SteeringDecisionFactory(project=project)
        decision.attendee_partners.set([PartnerFactory(), PartnerFactory()])
        ProjectNote.objects.create(project=project, text="Point d'étape")
        ProjectPartner.objects.create(project=project, partner=PartnerFactory())
        ProjectFactory(structure=other_structure, title="Recyclerie solidaire", stage=Stage.CREATED, is_public=True)


def test_a_project_page_costs_at_most_13_queries_for_3_and_for_30_of_everything(
    client_for, member, structure, other_structure
):
    from .factories import ProjectFactory

    project = ProjectFactory(structure=structure, title="Recyclerie solidaire", departements=["29", "22"])
    client = client_for(member)
    _grow(project, other_structure, 3)
    few, html = _project_page_queries(client, project)
    assert html.count("Partenaires présents :") == 3
    _grow(project, other_structure, 27)
    many, html = _project_page_queries(client, project)
    assert html.count("Partenaires présents :") == 30
    assert "Déjà fait ailleurs" in html
    assert few == many <= 13  # one of them: the header's unread notifications badge, on every page
