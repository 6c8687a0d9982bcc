import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from fabrique.core.exceptions import VersionConflict
from fabrique.core.vocabulary import Theme
from fabrique.method import services
from fabrique.method.enums import DecisionChoice, DecisionSubject, LegalForm, NeedSource, NeedStatus, Stage
from fabrique.method.models import EconomicModel, Need, Outcome, Project
from fabrique.territories.models import Departement
from tests.factories import PartnerFactory, PartnershipFactory

from .factories import EconomicModelFactory, NeedFactory, ProjectFactory


def need_data(**overrides):
    data = {
        "title": "Pas de solution de garde le soir à Morlaix",
        "theme": Theme.EARLY_CHILDHOOD,
        "departement": Departement.objects.get(code="29"),
        "commune": "Morlaix",
        "source": NeedSource.ELECTED,
        "detected_on": datetime.date(2024, 4, 2),
    }
    return {**data, **overrides}


def project_data(**overrides):
    return {"title": "Crèche à horaires atypiques", "theme": Theme.EARLY_CHILDHOOD, **overrides}


def test_a_member_records_a_need_with_its_author_in_the_history(structure, member):
    need = services.create_need(structure, by=member, data=need_data())
    assert need.status == NeedStatus.NEW and need.created_by == member
    assert need.history.first().history_user == member


def test_a_need_with_an_unknown_theme_is_refused_and_nothing_is_saved(structure, member):
    with pytest.raises(ValidationError, match="pas un choix valide") as error:
        services.create_need(structure, by=member, data=need_data(theme="astrologie"))
    assert "theme" in error.value.message_dict
    assert not Need.objects.exists()


def test_a_contact_without_consent_is_not_kept(structure, member):
    with pytest.raises(ValidationError, match="Sans le consentement de la personne") as error:
        services.create_need(structure, by=member, data=need_data(brought_by_contact="06 12 34 56 78"))
    assert "consentement" in error.value.message_dict["brought_by_contact"][0]
    need = services.create_need(
        structure, by=member, data=need_data(brought_by_contact="06 12 34 56 78", brought_by_consent=True)
    )
    assert need.brought_by_contact == "06 12 34 56 78"


def test_dismissing_a_need_requires_a_reason(structure, member):
    need = NeedFactory(structure=structure)
    with pytest.raises(ValidationError, match="Indiquez pourquoi ce besoin est écarté") as error:
        services.update_need(need, by=member, data={"status": NeedStatus.DISMISSED}, expected_version=need.version)
    assert "status_reason" in error.value.message_dict
    need.refresh_from_db()
    assert need.status == NeedStatus.NEW and need.version == 1


def test_a_need_merges_only_into_a_need_of_the_same_structure(structure, other_structure, member):
    need = NeedFactory(structure=structure)
    foreign = NeedFactory(structure=other_structure)
    with pytest.raises(ValidationError, match="autre structure"):
        services.update_need(
            need, by=member, data={"status": NeedStatus.MERGED, "merged_into": foreign}, expected_version=1
        )
    target = NeedFactory(structure=structure)
    services.update_need(need, by=member, data={"status": NeedStatus.MERGED, "merged_into": target}, expected_version=1)
    assert target.merged_needs.get() == need


def test_another_structure_cannot_record_or_edit_a_need(structure, other_member, coordinator):
    with pytest.raises(PermissionDenied, match="Seuls les membres de la structure enregistrent ses besoins"):
        services.create_need(structure, by=other_member, data=need_data())
    need = NeedFactory(structure=structure)
    with pytest.raises(PermissionDenied, match="Seuls les membres de la structure modifient ce besoin"):
        services.update_need(need, by=coordinator, data={"title": "x"}, expected_version=1)


def test_a_stale_need_edit_is_refused_and_keeps_the_first_edit(structure, member, staff_member):
    need = NeedFactory(structure=structure)
    services.update_need(need, by=member, data={"commune": "Brest"}, expected_version=1)
    stale = Need.objects.get(pk=need.pk)
    with pytest.raises(VersionConflict, match=r"modifiée par quelqu'un d'autre"):
        services.update_need(stale, by=staff_member, data={"commune": "Quimper"}, expected_version=1)
    need.refresh_from_db()
    assert need.commune == "Brest"


def test_opening_a_project_from_a_need_qualifies_it_and_starts_the_log(structure, member):
    need = NeedFactory(structure=structure)
    project = services.create_project(
        structure, by=member, data=project_data(), departements=[need.departement], needs=[need]
    )
    assert project.stage == Stage.DETECTION and project.slug == "creche-a-horaires-atypiques"
    assert list(project.stage_log.values_list("from_status", "to_status", "changed_by")) == [
        ("", Stage.DETECTION, member.pk)
    ]
    need.refresh_from_db()
    assert need.status == NeedStatus.QUALIFIED and list(need.projects.all()) == [project]
    again = services.create_project(structure, by=member, data=project_data(), departements=[need.departement])
    assert again.slug == "creche-a-horaires-atypiques-2"


def test_a_project_needs_a_departement_and_needs_of_its_own_structure(structure, other_structure, member):
    with pytest.raises(ValidationError, match="au moins un département"):
        services.create_project(structure, by=member, data=project_data(), departements=[])
    foreign = NeedFactory(structure=other_structure)
    with pytest.raises(ValidationError, match="autre structure"):
        services.create_project(
            structure, by=member, data=project_data(), departements=[foreign.departement], needs=[foreign]
        )
    assert not Project.objects.exists()


def test_the_revenue_shares_must_add_up_to_one_hundred_percent(structure, member):
    project = ProjectFactory(structure=structure)
    data = {
        "total_budget": Decimal("80000"),
        "share_sales": Decimal("50"),
        "share_public_subsidies": Decimal("30"),
        "share_private_funding": Decimal("10"),
        "share_other": Decimal("5"),
        "jobs_planned_fte": Decimal("1.5"),
    }
    with pytest.raises(ValidationError, match="elle doit faire 100") as error:
        services.save_economic_model(project, by=member, data=data, expected_version=0)
    message = error.value.messages[0]
    assert "ventes (%) 50" in message and "autres recettes (%) 5" in message and "totalise 95 %" in message
    assert not EconomicModel.objects.exists()
    model = services.save_economic_model(
        project, by=member, data={**data, "share_other": Decimal(10)}, expected_version=0
    )
    assert model.jobs_planned_fte == Decimal("1.5")


def test_an_economic_model_created_meanwhile_is_a_conflict_not_an_overwrite(structure, member):
    model = EconomicModelFactory(project=ProjectFactory(structure=structure))
    with pytest.raises(VersionConflict, match=r"modifiée par quelqu'un d'autre"):
        services.save_economic_model(model.project, by=member, data={"total_budget": Decimal(1)}, expected_version=0)
    model.refresh_from_db()
    assert model.total_budget == Decimal("120000")


def test_an_outcome_with_a_wrong_siret_is_refused(structure, member):
    project = ProjectFactory(structure=structure)
    data = {"created_on": datetime.date(2025, 2, 1), "legal_form": LegalForm.SCIC, "siret": "73282932000075"}
    with pytest.raises(ValidationError, match="Ce SIRET n'est pas valide") as error:
        services.save_outcome(project, by=member, data=data, expected_version=0)
    assert "clé de contrôle" in error.value.message_dict["siret"][0]
    assert not Outcome.objects.exists()
    outcome = services.save_outcome(project, by=member, data={**data, "siret": "732 829 320 00074"}, expected_version=0)
    assert outcome.siret == "73282932000074"


def test_an_outcome_created_before_the_detection_is_refused(structure, member):
    project = ProjectFactory(structure=structure, detected_on=datetime.date(2024, 3, 1))
    data = {"created_on": datetime.date(2024, 2, 28), "legal_form": LegalForm.SCOP}
    with pytest.raises(ValidationError, match="précède la date de détection du projet") as error:
        services.save_outcome(project, by=member, data=data, expected_version=0)
    assert "précède la date de détection" in error.value.message_dict["created_on"][0]
    assert not Outcome.objects.exists()


def test_a_follow_up_is_recorded_only_once_its_date_has_come(structure, member):
    project = ProjectFactory(structure=structure, detected_on=datetime.date(2024, 3, 1))
    data = {"created_on": datetime.date.today(), "legal_form": LegalForm.SCOP, "followup_1y_active": True}
    with pytest.raises(ValidationError, match="Ce suivi se renseigne à partir du") as error:
        services.save_outcome(project, by=member, data=data, expected_version=0)
    assert "followup_1y_active" in error.value.message_dict


def test_a_decision_lists_only_partners_of_the_structure(structure, member):
    project = ProjectFactory(structure=structure)
    ours = PartnershipFactory(structure=structure).partner
    stranger = PartnerFactory(name="Inconnu")
    data = {"decided_on": datetime.date(2024, 6, 1), "subject": DecisionSubject.HANDOVER, "choice": DecisionChoice.GO}
    with pytest.raises(ValidationError, match="Inconnu"):
        services.record_decision(project, by=member, data=data, attendee_partners=[ours, stranger])
    decision = services.record_decision(project, by=member, data=data, attendee_partners=[ours])
    assert list(decision.attendee_partners.all()) == [ours]
    assert decision.history.first().history_user == member


def test_a_partner_takes_a_role_in_a_project_once(structure, member):
    project = ProjectFactory(structure=structure)
    partner = PartnershipFactory(structure=structure).partner
    services.add_project_partner(project, by=member, partner=partner, role="funder")
    with pytest.raises(ValidationError, match="déjà ce rôle"):
        services.add_project_partner(project, by=member, partner=partner, role="funder")
    services.add_project_partner(project, by=member, partner=partner, role="expert")
    assert project.project_partners.count() == 2
