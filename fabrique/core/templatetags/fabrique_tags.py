"""Template filters shared by every app: `{% load fabrique_tags %}`."""

from django import template

from fabrique.core.french import de
from fabrique.core.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text, heading_offset=2):
    """`{{ structure.description|markdown }}`: sanitised HTML; `|markdown:1` when the text sits under an h1."""
    return render_markdown(text, int(heading_offset))


@register.filter
def de_name(name) -> str:
    """`{% blocktranslate with of_name=structure.name|de_name %}Partenaires {{ of_name }}…`: "de TAg", "d'Initiatives".

    The result is never marked safe: the name is escaped like any variable where autoescaping is on.
    """
    text = str(name or "")
    return de(text) if text else ""
