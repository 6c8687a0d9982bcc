"""`{% load appellation_tags %}{% appellation_public structure %}`: the public part of a structure's appellation."""

from django import template
from django.conf import settings

from ..public import public_appellation

register = template.Library()


@register.inclusion_tag("appellation/includes/structure_appellation.html")
def appellation_public(structure):
    return {
        "structure": structure,
        "appellation": public_appellation(structure),
        "NETWORK_NAME": settings.NETWORK_NAME,
    }
