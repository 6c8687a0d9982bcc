"""The annual report, generated on demand from a dashboard."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .. import pdf, perms
from .common import LoginRequired, login_redirect, selection_from


@require_GET
def report(request):
    """`?annee=&structure=`: a structure's report for its members and the coordinator; without a structure,
    the network's (or a région's, `region=`) for the coordinator."""
    try:
        selection = selection_from(request, departement=None)
    except LoginRequired:
        return login_redirect(request)
    if selection.structure is None and not perms.can_view_network_dashboard(request.user):
        if not request.user.is_authenticated:
            return login_redirect(request)
        raise PermissionDenied(_("Le rapport du réseau est réservé à la coordination."))
    response = HttpResponse(pdf.render_pdf(selection), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{pdf.filename(selection)}"'
    return response
