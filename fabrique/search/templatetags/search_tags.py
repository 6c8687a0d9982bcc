"""`{% load search_tags %}`: links that change one filter of the current query, and "déjà fait ailleurs"."""

from django import template

from ..similarity import similar_activities

register = template.Library()


@register.simple_tag
def query_with(query, name: str, value="") -> str:
    """`?…` with `name` set to `value` (removed when empty) and the page number reset."""
    params = query.copy()
    params.pop("page", None)
    if value:
        params[name] = value
    else:
        params.pop(name, None)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.inclusion_tag("search/_similar.html", takes_context=True)
def similar_elsewhere(context, source, heading_level: int = 2):
    """Déjà fait ailleurs: the created activities of other structures closest to a need or a project."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"activities": similar_activities(user, source), "heading_level": heading_level, "source": source}
