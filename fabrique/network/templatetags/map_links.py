from django import template

from fabrique.network import map as departement_map

register = template.Library()


@register.filter
def structure_url(slug: str) -> str:
    """`{{ structure.slug|structure_url }}`: the public page of a structure."""
    return departement_map.structure_url(slug)
