"""Registry objects → the API's answers, with the caller's abilities and absolute page URLs.

Each function reads only what the querysets of fabrique/network/api/ prefetch: no query per row.
"""

from django.utils import timezone

from fabrique.core.markdown import render_markdown

from . import services
from .perms import collective_abilities, partnership_abilities, structure_abilities


def page_url(request, obj) -> str:
    return request.build_absolute_uri(obj.get_absolute_url())


def structure_item(request, structure) -> dict:
    return {
        "slug": structure.slug,
        "name": structure.name,
        "status": structure.status,
        "status_label": str(structure.get_status_display()),
        "departements": sorted(d.code for d in structure.departements.all()),
        "area_label": structure.area_label,
        "collectives": sorted(c.slug for c in structure.collectives.all()),
        "city": structure.city,
        "website": structure.website,
        "joined_on": structure.joined_on,
        "experimenting_since": structure.experimenting_since,
        "labelled_on": structure.labelled_on,
        "url": page_url(request, structure),
        "abilities": structure_abilities(request.user, structure),
    }


def partner_item(partner) -> dict:
    return {
        "id": partner.pk,
        "name": partner.name,
        "kind": partner.kind,
        "kind_label": str(partner.get_kind_display()),
        "siret": partner.siret,
        "website": partner.website,
        "version": partner.version,
    }


def _status_log(structure) -> list[dict]:
    return [
        {
            "from_status": entry.from_status,
            "to_status": entry.to_status,
            "changed_at": entry.changed_at,
            "changed_by": str(entry.changed_by) if entry.changed_by else None,
            "reason": entry.note,
            "via": entry.via,
        }
        for entry in structure.status_log.select_related("changed_by")
    ]


def structure_detail(request, structure) -> dict:
    item = structure_item(request, structure)
    overview = services.partner_overview(structure.partnerships.select_related("partner"))
    item.update(
        legal_form=structure.legal_form,
        parent_network=structure.parent_network,
        public_email=structure.public_email,
        description=structure.description,
        description_html=str(render_markdown(structure.description)),
        withdrawn_on=structure.withdrawn_on,
        version=structure.version,
        partners=[
            {
                "kind": kind,
                "kind_label": str(label),
                "partnerships": [
                    {
                        "id": p.pk,
                        "partner": partner_item(p.partner),
                        "role": p.role,
                        "since": p.since,
                        "until": p.until,
                    }
                    for p in partnerships
                ],
            }
            for kind, label, partnerships in overview.groups
        ],
        partner_kinds_count=overview.kinds_count,
        status_log=_status_log(structure) if item["abilities"]["view_history"] else None,
    )
    return item


def partnership_item(request, partnership) -> dict:
    abilities = partnership_abilities(request.user, partnership)
    today = timezone.localdate()
    return {
        "id": partnership.pk,
        "structure": partnership.structure.slug,
        "partner": partner_item(partnership.partner),
        "role": partnership.role,
        "since": partnership.since,
        "until": partnership.until,
        "current": partnership.until is None or partnership.until >= today,
        "note": partnership.note if abilities["change"] else None,
        "version": partnership.version,
        "abilities": abilities,
    }


def collective_item(request, collective) -> dict:
    return {
        "slug": collective.slug,
        "name": collective.name,
        "description": collective.description,
        "website": collective.website,
        # `visible_members` is prefetched with the caller's visibility rule (candidates stay hidden).
        "structures": [s.slug for s in collective.visible_members],
        "url": page_url(request, collective),
        "abilities": collective_abilities(request.user, collective),
    }
