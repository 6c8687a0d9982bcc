from django import template

from fabrique.network import map as departement_map

register = template.Library()


@register.filter
def plain_paint(status_class: str) -> departement_map.PlainPaint:
    """`{{ dep.status_class|plain_paint }}`: the map's drawing of that status without style sheets (RGAA 10.2)."""
    return departement_map.plain_paint(status_class)
