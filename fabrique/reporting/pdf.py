"""The annual report as a PDF (WeasyPrint, HTML → PDF): key figures, funnel, map, created activities with
their jobs, testimonials, partners by kind — for a structure or for the network."""

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from fabrique.community.models import Testimonial

from . import dashboards
from .selection import Selection

REPORT_CSS = Path(__file__).resolve().parent / "templates" / "reporting/report.css"
MAX_TESTIMONIALS = 4


def _testimonials(selection: Selection) -> list[Testimonial]:
    testimonials = Testimonial.objects.filter(is_public=True).select_related("structure")
    if selection.structure is not None:
        testimonials = testimonials.filter(structure=selection.structure)
    else:
        testimonials = testimonials.order_by("-featured", "pk")
    return list(testimonials[:MAX_TESTIMONIALS])


def report_html(selection: Selection) -> str:
    dashboard = dashboards.build(selection)
    return render_to_string(
        "reporting/report.html",
        {
            "dashboard": dashboard,
            "figures": dashboard.figures,
            "selection": selection,
            "structure": selection.structure,
            "testimonials": _testimonials(selection),
            "NETWORK_NAME": settings.NETWORK_NAME,
            "generated_on": timezone.localdate(),
        },
    )


def render_pdf(selection: Selection) -> bytes:
    from weasyprint import CSS, HTML

    html = HTML(string=report_html(selection), base_url=str(settings.BASE_DIR))
    # PDF/UA-1: a tagged PDF (headings, tables, reading order), its language and its title, so a screen reader
    # reads the report downloaded from the dashboard (RGAA 13.3)
    return html.write_pdf(stylesheets=[CSS(filename=str(REPORT_CSS))], pdf_variant="pdf/ua-1")


def filename(selection: Selection) -> str:
    who = selection.structure.slug if selection.structure else "reseau"
    return f"rapport-annuel-{who}-{selection.year}.pdf"
