"""Turn the method's objects into the API's answers, with the caller's abilities and only what they may read.

Each answer is its schema's fields (fabrique/core/api_answers.py): a function names only what it computes."""

from functools import lru_cache

from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import get_language

from fabrique.core.api_answers import answer
from fabrique.core.api_refs import StructureRef
from fabrique.core.vocabulary import Theme

from .enums import CarrierKind, LegalForm, NeedSource, NeedStatus, PartnerRole, Stage
from .models import Project, ProjectPartner
from .perms import need_abilities, project_abilities, session_abilities
from .schemas import (
    BroughtBy,
    CarrierOut,
    CreativitySessionOut,
    DecisionOut,
    EconomicModelOut,
    FollowUp,
    NeedOut,
    OutcomeOut,
    PartnerRef,
    ProjectOut,
    ProjectPartnerOut,
)


@lru_cache(maxsize=512)
def _label_in(language: str, choices, value: str) -> str:
    return str(choices(value).label) if value in choices.values else value


def label(choices, value: str) -> str:
    """The French label of a code: `get_FOO_display()` rebuilds its choices on each call, lists call it a lot."""
    return _label_in(get_language(), choices, value)


def need_item(request, need) -> dict:
    return answer(
        NeedOut,
        need,
        structure=answer(StructureRef, need.structure),
        theme_label=label(Theme, need.theme),
        departement=need.departement_id,
        source_label=label(NeedSource, need.source),
        session=need.session_id,
        brought_by=answer(
            BroughtBy,
            name=need.brought_by_name,
            contact=need.brought_by_contact,
            consent=need.brought_by_consent,
        ),
        status_label=label(NeedStatus, need.status),
        merged_into=need.merged_into_id,
        projects=[p.pk for p in need.projects.all()],
        url=request.build_absolute_uri(need.get_absolute_url()),
        abilities=need_abilities(request.user, need),
    )


def session_item(request, session) -> dict:
    return answer(
        CreativitySessionOut,
        session,
        structure=answer(StructureRef, session.structure),
        departement=session.departement_id,
        partners=[answer(PartnerRef, p) for p in session.partners.all()],
        needs=[n.pk for n in session.needs.all()],
        url=request.build_absolute_uri(session.get_absolute_url()),
        abilities=session_abilities(request.user, session),
    )


def _one(project, name: str):
    try:
        return getattr(project, name)
    except ObjectDoesNotExist:
        return None


def economic_model_item(model) -> dict | None:
    if model is None:
        return None
    return answer(
        EconomicModelOut,
        model,
        total_budget=float(model.total_budget),
        revenue_mix={
            "sales": float(model.share_sales),
            "public_subsidies": float(model.share_public_subsidies),
            "private_funding": float(model.share_private_funding),
            "other": float(model.share_other),
        },
        jobs_planned_fte=float(model.jobs_planned_fte),
    )


def _follow_up(active, jobs_fte) -> dict:
    return answer(FollowUp, active=active, jobs_fte=None if jobs_fte is None else float(jobs_fte))


def outcome_item(outcome, full: bool) -> dict | None:
    if outcome is None:
        return None
    siret_public = outcome.legal_form != LegalForm.SOLE_TRADER  # a sole trader's SIRET identifies a person
    return answer(
        OutcomeOut,
        outcome,
        legal_form_label=label(LegalForm, outcome.legal_form),
        siret=outcome.siret if full or siret_public else None,
        jobs_fte=float(outcome.jobs_fte),
        followup_1y=_follow_up(outcome.followup_1y_active, outcome.followup_1y_jobs_fte),
        followup_3y=_follow_up(outcome.followup_3y_active, outcome.followup_3y_jobs_fte),
        version=outcome.version if full else None,
    )


def _carrier(project, full: bool) -> dict:
    kind = project.carrier_kind or None
    return answer(
        CarrierOut,
        name=(project.carrier_name if full else project.public_carrier_name) or None,
        kind=kind,
        kind_label=label(CarrierKind, kind) if kind else None,
        contact=(project.carrier_contact or None) if full else None,
    )


def attach_departement_codes(projects: list) -> dict:
    """`departement_codes` of each project (sorted), in one query; returns the projects by id."""
    by_id = {project.pk: project for project in projects}
    for project in projects:
        project.departement_codes = []
    departements = Project.departements.through.objects.filter(project_id__in=by_id).order_by("departement_id")
    for project_id, code in departements.values_list("project_id", "departement_id"):
        by_id[project_id].departement_codes.append(code)
    return by_id


def attach_project_lists(projects: list) -> list:
    """The département codes, need ids and partners of each project, in three queries for the whole page.

    Read as plain values: prefetching through the related managers builds a queryset per project and
    per relation, which cost more than the rest of an API page of 50 projects."""
    by_id = attach_departement_codes(projects)
    for project in projects:
        project.need_ids, project.partner_links = [], []
    needs = Project.needs.through.objects.filter(project_id__in=by_id).order_by("need_id")
    for project_id, need_id in needs.values_list("project_id", "need_id"):
        by_id[project_id].need_ids.append(need_id)
    links = ProjectPartner.objects.filter(project_id__in=by_id).order_by("partner__name", "role", "pk")
    for project_id, partner_id, name, role in links.values_list("project_id", "partner_id", "partner__name", "role"):
        by_id[project_id].partner_links.append((partner_id, name, role))
    return projects


def project_item(request, project) -> dict:
    """`project` has been through `attach_project_lists`. The whole project for its structure and the
    coordinator; its public shape (no personal data, no business plan, no needs) for anyone else, who only ever
    reads public created activities."""
    abilities = project_abilities(request.user, project)
    full = abilities["view"]
    return answer(
        ProjectOut,
        project,
        structure=answer(StructureRef, project.structure),
        theme_label=label(Theme, project.theme),
        departements=project.departement_codes,
        stage_label=label(Stage, project.stage),
        stopped_at=(project.stopped_at or None) if full else None,
        stop_reason=project.stop_reason if full else None,
        carrier=_carrier(project, full),
        needs=project.need_ids if full else None,
        partners=[
            answer(
                ProjectPartnerOut,
                partner=answer(PartnerRef, id=partner_id, name=name),
                role=role,
                role_label=label(PartnerRole, role),
            )
            for partner_id, name, role in project.partner_links
        ],
        economic_model=economic_model_item(_one(project, "economic_model")) if full else None,
        outcome=outcome_item(_one(project, "outcome"), full),
        version=project.version if full else None,
        url=request.build_absolute_uri(project.get_absolute_url()) if full else None,
        public_url=request.build_absolute_uri(project.get_public_url()) if project.is_public_activity else None,
        abilities=abilities,
    )


def decision_item(decision) -> dict:
    return answer(
        DecisionOut,
        decision,
        subject_label=decision.get_subject_display(),
        choice_label=decision.get_choice_display(),
        attendee_partners=[answer(PartnerRef, p) for p in decision.attendee_partners.all()],
    )
