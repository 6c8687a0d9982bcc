"""Registry objects → the API's answers, with the caller's abilities and absolute page URLs.

Each answer is its schema's fields (fabrique/core/api_answers.py): a function names only what it computes.
Each function reads only what the querysets of fabrique/network/api/ prefetch: no query per row.
"""

from django.utils import timezone

from fabrique.core.api_answers import answer
from fabrique.core.markdown import render_markdown

from . import services
from .perms import collective_abilities, partnership_abilities, structure_abilities
from .schemas import (
    CollectiveOut,
    PartnerGroup,
    PartnerOut,
    PartnershipBrief,
    PartnershipOut,
    StatusLogEntry,
    StructureDetailOut,
    StructureOut,
)


def page_url(request, obj) -> str:
    return request.build_absolute_uri(obj.get_absolute_url())


def _structure(request, structure, schema=StructureOut, **values) -> dict:
    return answer(
        schema,
        structure,
        status_label=str(structure.get_status_display()),
        departements=sorted(d.code for d in structure.departements.all()),
        collectives=sorted(c.slug for c in structure.collectives.all()),
        url=page_url(request, structure),
        **values,
    )


def structure_item(request, structure) -> dict:
    return _structure(request, structure, abilities=structure_abilities(request.user, structure))


def partner_item(partner, schema=PartnerOut, **values) -> dict:
    return answer(schema, partner, kind_label=str(partner.get_kind_display()), **values)


def _status_log(structure) -> list[dict]:
    return [
        answer(
            StatusLogEntry,
            entry,
            changed_by=str(entry.changed_by) if entry.changed_by else None,
            reason=entry.note,
        )
        for entry in structure.status_log.select_related("changed_by")
    ]


def _partner_groups(structure) -> tuple[list[dict], int]:
    overview = services.partner_overview(structure.partnerships.select_related("partner"))
    groups = [
        answer(
            PartnerGroup,
            kind=kind,
            kind_label=str(label),
            partnerships=[answer(PartnershipBrief, p, partner=partner_item(p.partner)) for p in partnerships],
        )
        for kind, label, partnerships in overview.groups
    ]
    return groups, overview.kinds_count


def structure_detail(request, structure) -> dict:
    abilities = structure_abilities(request.user, structure)
    partners, kinds_count = _partner_groups(structure)
    return _structure(
        request,
        structure,
        StructureDetailOut,
        abilities=abilities,
        description_html=str(render_markdown(structure.description)),
        partners=partners,
        partner_kinds_count=kinds_count,
        status_log=_status_log(structure) if abilities["view_history"] else None,
    )


def partnership_item(request, partnership) -> dict:
    abilities = partnership_abilities(request.user, partnership)
    return answer(
        PartnershipOut,
        partnership,
        structure=partnership.structure.slug,
        partner=partner_item(partnership.partner),
        current=partnership.until is None or partnership.until >= timezone.localdate(),
        note=partnership.note if abilities["change"] else None,
        abilities=abilities,
    )


def collective_item(request, collective) -> dict:
    return answer(
        CollectiveOut,
        collective,
        # `visible_members` is prefetched with the caller's visibility rule (candidates stay hidden).
        structures=[s.slug for s in collective.visible_members],
        url=page_url(request, collective),
        abilities=collective_abilities(request.user, collective),
    )
