"""Template filters shared by every app: `{% load fabrique_tags %}`."""

from django import template

from fabrique.core.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text, heading_offset=2):
    """`{{ structure.description|markdown }}`: sanitised HTML; `|markdown:1` when the text sits under an h1."""
    return render_markdown(text, int(heading_offset))
