"""The coordination's pages on personal data: find a person, download their data, erase them."""

import logging

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from fabrique.core.exceptions import DomainError

from .erase import erase_person
from .export import export_person, filename
from .forms import EraseForm, PersonSearchForm
from .models import Erasure
from .perms import can_manage_personal_data
from .records import preview

logger = logging.getLogger(__name__)
MAX_FOUND = 50


def _require_coordinator(user) -> None:
    if not can_manage_personal_data(user):
        raise PermissionDenied(_("Cet espace est réservé à la coordination du réseau."))


def _search(query: str):
    query = query.strip()
    if not query:
        return []
    people = get_user_model().objects.exclude(email__endswith="@" + get_user_model().ERASED_DOMAIN)
    matching = Q(email__icontains=query) | Q(first_name__icontains=query) | Q(last_name__icontains=query)
    return list(people.filter(matching).order_by("email")[:MAX_FOUND])


@login_required
def people(request):
    """Find a person by e-mail or name; the latest erasures."""
    _require_coordinator(request.user)
    form = PersonSearchForm(request.GET or None)
    found = _search(form.cleaned_data["q"]) if form.is_valid() else []
    context = {
        "form": form,
        "found": found,
        "searched": form.is_bound,
        "max_found": MAX_FOUND,
        "erasures": Erasure.objects.select_related("erased_by")[:20],
    }
    return render(request, "privacy/people.html", context)


@login_required
def person_export(request, pk):
    """Download everything tied to one person's account, as JSON."""
    _require_coordinator(request.user)
    person = get_object_or_404(get_user_model(), pk=pk)
    text = export_person(person, by=request.user)
    logger.info("Données de la personne %s exportées par %s", person.pk, request.user.pk)
    response = HttpResponse(text, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename(person)}"'
    return response


@login_required
def person_erase(request, pk):
    """Confirmation page, then the erasure itself."""
    _require_coordinator(request.user)
    person = get_object_or_404(get_user_model(), pk=pk)
    form = EraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            erase_person(person, by=request.user, reason=form.cleaned_data["reason"])
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("La personne a été effacée ; son compte apparaît comme « personne effacée »."))
            return redirect("privacy:people")
    context = {"person": person, "form": form, "preview": [] if person.is_erased else preview(person)}
    return render(request, "privacy/erase.html", context)
