"""Template filters and tags shared by every app: `{% load fabrique_tags %}`."""

from django import template
from django.contrib.messages import constants, get_messages
from django.forms import BaseForm, BaseFormSet

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


@register.simple_tag(takes_context=True)
def refused(context) -> bool:
    """`{% refused as refused %}`: the page answers a refused form — a bound form (or formset) of the context has
    errors, or a message is an error. base.html then starts the title with « Erreur : » (the one place for it)."""
    for layer in context.dicts:
        for value in layer.values():
            if isinstance(value, BaseForm | BaseFormSet) and value.is_bound and not value.is_valid():
                return True
    # all the messages of the request, those a page shows elsewhere than at the top too (the board's cards)
    request = context.get("request")
    return flash_refused(get_messages(request) if request is not None else ())


@register.filter
def flash_refused(flashed) -> bool:
    """`messages|flash_refused`: one of the messages is an error (base.html announces them as an alert)."""
    return any(message.level >= constants.ERROR for message in flashed)
