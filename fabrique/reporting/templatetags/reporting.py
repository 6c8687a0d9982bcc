"""Template helpers of the reporting pages: the tabs a reader may open, numbers in French."""

from decimal import Decimal

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from .. import perms

register = template.Library()


@register.simple_tag(takes_context=True)
def reporting_links(context) -> list[tuple[str, str, str]]:
    """(code, label, url) of the reporting tabs the reader may open."""
    user = context["request"].user
    abilities = perms.reporting_abilities(user)
    links = [("public", _("Chiffres publics"), "reporting:public")]
    if abilities["network"]:
        links.append(("network", _("Réseau"), "reporting:network"))
    if abilities["structure"]:
        links.append(("structure", _("Structure"), "reporting:my_structure"))
    if abilities["territory"]:
        links.append(("territory", _("Mon territoire"), "reporting:territory"))
    if abilities["export"]:
        links.append(("exports", _("Exports"), "reporting:export_list"))
    if abilities["import"]:
        links.append(("imports", _("Import"), "reporting:import_home"))
    links.append(("opendata", _("Données ouvertes"), "reporting:opendata"))
    return [(code, label, url) for code, label, name in links if (url := _soft_reverse(name))]


def _soft_reverse(name: str) -> str:
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


@register.filter
def number(value) -> str:
    """12 345,5 — a French number: narrow no-break space for thousands, decimal comma, no useless zeros."""
    if value is None or value == "":
        return "—"
    if isinstance(value, Decimal | float):
        value = Decimal(str(value)).normalize()
        if value == value.to_integral_value():
            value = int(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", "\u202f")
    whole, _sep, decimals = format(value, "f").partition(".")
    return f"{int(whole):,}".replace(",", "\u202f") + ("," + decimals if decimals else "")
