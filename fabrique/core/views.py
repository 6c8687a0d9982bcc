from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_safe

from fabrique.core.accessibility import Status, percent, platform_audit


@require_safe
def accessibility(request):
    """The accessibility declaration: the state and rate computed from the RGAA grid, what fails, how to complain."""
    audit = platform_audit()
    context = {
        "audit": audit,
        "rate": percent(audit.rate),
        "average_rate": percent(audit.average_rate),
        "counts": {status: len(audit.with_status(status)) for status in Status},
        "failures": audit.failures(),
        "page_rates": [(page, percent(audit.page_rate(page.slug))) for page in audit.pages],
        "contact_email": settings.CONTACT_EMAIL,
    }
    return render(request, "core/accessibility.html", context)
