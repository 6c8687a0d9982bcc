"""The coordination's journal: who changed what and when, across every history table."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from . import journal
from .forms import JournalFilterForm
from .perms import can_read_journal

PER_PAGE = 50


@login_required
def journal_page(request):
    if not can_read_journal(request.user):
        raise PermissionDenied(_("Le journal des modifications est réservé à la coordination du réseau."))
    form = JournalFilterForm(request.GET or None)
    page, entries = None, []
    if not form.is_bound or form.is_valid():
        rows = journal.rows(form.filters() if form.is_bound else journal.Filters())
        page = Paginator(rows if rows is not None else [], PER_PAGE).get_page(request.GET.get("page"))
        entries = journal.entries(list(page.object_list))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "entries": entries, "query": query.urlencode()}
    return render(request, "audit/journal.html", context)
