"""Helpers shared by the reporting views: the reader's selection of year and scope, from the query string."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.utils.translation import gettext as _

from ..selection import LoginRequired, Selection, select


def parse_year(raw: str | None) -> int | None:
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError:
        raise Http404(_("Année non valide : « %s ».") % raw) from None


def selection_from(request, **forced) -> Selection:
    """The selection asked in the query string (`annee`, `region`, `structure`, `departement`), checked
    against the reader's rights; `forced` values win over the query string."""
    params = {
        "year": parse_year(request.GET.get("annee")),
        "region": request.GET.get("region") or None,
        "structure": request.GET.get("structure") or None,
        "departement": request.GET.get("departement") or None,
    }
    params.update(forced)
    try:
        return select(request.user, **params)
    except ValueError as exc:
        raise Http404(str(exc)) from None


def login_redirect(request):
    return redirect_to_login(request.get_full_path())


__all__ = ["LoginRequired", "login_redirect", "selection_from"]
