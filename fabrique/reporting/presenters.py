"""Indicators as plain data: the API's answer (its schema's fields, fabrique/core/api_answers.py) and the rows of
the exports (same names as the docs)."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from fabrique.core.api_answers import answer
from fabrique.core.vocabulary import Theme
from fabrique.method.enums import NeedSource, Stage
from fabrique.network.enums import PartnerKind

from .indicators import Figures, FollowUp
from .schemas import (
    IndicatorActivities,
    IndicatorConversionRow,
    IndicatorCountItem,
    IndicatorFollowUp,
    IndicatorFunnelRow,
    IndicatorNeeds,
    IndicatorPartners,
    IndicatorScopeOut,
    IndicatorSessions,
    IndicatorsOut,
    IndicatorStageRow,
    IndicatorStudies,
)


def _number(value: Decimal | int | None) -> float | int | None:
    if value is None or isinstance(value, int):
        return value
    return int(value) if value == value.to_integral_value() else float(value)


def _counts(choices, counts: dict[str, int]) -> list[dict]:
    return [answer(IndicatorCountItem, code=c.value, label=str(c.label), count=counts.get(c.value, 0)) for c in choices]


def _follow_up(follow: FollowUp) -> dict:
    return answer(IndicatorFollowUp, follow, jobs_fte=_number(follow.jobs_fte))


def _stage_row(figures: Figures, code: str) -> dict:
    days = figures.stage_days.get(code)
    return answer(
        IndicatorStageRow,
        code=code,
        label=str(Stage(code).label),
        median_days=_number(days.median_days) if days else None,
        stays=days.stays if days else 0,
        current=figures.projects_by_stage.get(code, 0),
    )


def figures_dict(figures: Figures, structure_slug: str | None = None) -> dict:
    scope = figures.scope
    return answer(
        IndicatorsOut,
        figures,
        scope=answer(
            IndicatorScopeOut,
            scope,
            structure=structure_slug,
            departements=sorted(scope.departements) if scope.departements is not None else None,
        ),
        needs=answer(
            IndicatorNeeds,
            total=figures.needs_total,
            by_source=_counts(NeedSource, figures.needs_by_source),
            by_theme=_counts(Theme, figures.needs_by_theme),
        ),
        creativity_sessions=answer(
            IndicatorSessions, count=figures.sessions, participants=figures.session_participants
        ),
        opportunity_studies=answer(
            IndicatorStudies, launched=figures.studies_launched, completed=figures.studies_completed
        ),
        activities=answer(
            IndicatorActivities,
            created=figures.activities_created,
            jobs_fte=_number(figures.jobs_created_fte),
            followup_1y=_follow_up(figures.followup_1y),
            followup_3y=_follow_up(figures.followup_3y),
        ),
        partners=answer(
            IndicatorPartners,
            total=figures.partners_total,
            new=figures.partners_new,
            by_kind=_counts(PartnerKind, figures.partners_by_kind),
        ),
        stages=[_stage_row(figures, code) for code in Stage.values],
        funnel=[answer(IndicatorFunnelRow, step, code=step.stage) for step in figures.funnel],
        conversions=[
            answer(IndicatorConversionRow, c, from_=c.from_stage, to=c.to_stage, rate=_number(c.rate))
            for c in figures.conversions
        ],
    )


def flat_rows(figures: Figures) -> list[tuple[str, str, float | int | None]]:
    """(code, French label, value) for every figure: one line each in the indicators export."""
    rows: list[tuple[str, str, float | int | None]] = [
        (code, str(label), _number(value)) for code, label, value in figures.key_figures()
    ]
    for choice in NeedSource:
        label = _("besoins — origine : %s") % choice.label
        rows.append((f"needs_by_source.{choice.value}", label, figures.needs_by_source.get(choice.value, 0)))
    for choice in Theme:
        label = _("besoins — thème : %s") % choice.label
        rows.append((f"needs_by_theme.{choice.value}", label, figures.needs_by_theme.get(choice.value, 0)))
    for follow in (figures.followup_1y, figures.followup_3y):
        prefix = f"followup_{follow.years}y"
        years = ngettext("%d an", "%d ans", follow.years) % follow.years
        rows += [
            (f"{prefix}.due", _("suivi à %s — activités concernées") % years, follow.due),
            (f"{prefix}.recorded", _("suivi à %s — suivis renseignés") % years, follow.recorded),
            (f"{prefix}.active", _("suivi à %s — activités toujours actives") % years, follow.active),
            (f"{prefix}.jobs_fte", _("suivi à %s — emplois (ETP)") % years, _number(follow.jobs_fte)),
        ]
    for choice in PartnerKind:
        label = _("partenaires — %s") % choice.label
        rows.append((f"partners_by_kind.{choice.value}", label, figures.partners_by_kind.get(choice.value, 0)))
    for code, days in figures.stage_days.items():
        label = _("durée médiane (jours) — %s") % Stage(code).label
        rows.append((f"median_days.{code}", label, _number(days.median_days)))
    for step in figures.funnel:
        label = _("projets détectés dans l'année ayant atteint : %s") % step.label
        rows.append((f"funnel.{step.stage}", label, step.reached))
    for conversion in figures.conversions:
        label = _("taux de passage (%%) — %s") % conversion.label
        rows.append((f"conversion.{conversion.from_stage}.{conversion.to_stage}", label, _number(conversion.rate)))
    return rows
