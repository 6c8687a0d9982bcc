"""Partners of a structure: list, link an organisation, edit or end a partnership (never delete it)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fabrique.core.exceptions import DomainError, VersionConflict
from fabrique.core.forms import attach_errors

from .. import services
from ..forms import EndPartnershipForm, NewPartnershipForm, PartnerForm, PartnerSearchForm, PartnershipForm
from ..models import Partner
from ..perms import partner_abilities
from .common import structure_for

SEARCH_LIMIT = 20


def _partners_url(structure) -> str:
    return reverse("network:partner_list", args=[structure.slug])


@login_required
def partner_list(request, slug):
    structure, abilities = structure_for(request.user, slug, "manage_partners")
    partnerships = structure.partnerships.select_related("partner").order_by("partner__name", "pk")
    context = {
        "structure": structure,
        "abilities": abilities,
        "partners": services.partner_overview(partnerships),
        "end_form": EndPartnershipForm(),
    }
    return render(request, "network/partners/list.html", context)


def _search_partners(query: str):
    if not query:
        return []
    digits = query.replace(" ", "")
    match = Q(name__unaccent_icontains=query) | (Q(siret=digits) if digits.isdigit() else Q())
    return list(Partner.objects.filter(match).order_by("name")[:SEARCH_LIMIT])


@login_required
def partnership_add(request, slug):
    """Link an existing organisation (found by name or SIRET) or a new one to the structure."""
    structure, abilities = structure_for(request.user, slug, "manage_partners")
    search = PartnerSearchForm(request.GET or None)
    query = search.cleaned_data["q"].strip() if search.is_valid() else ""
    candidates = _search_partners(query)
    if request.method == "POST":
        chosen = request.POST.get("partner", "")
        if chosen.isdigit():  # keep the chosen organisation among the choices shown again
            candidates = [*candidates, *Partner.objects.filter(pk=chosen).exclude(pk__in=[c.pk for c in candidates])]
        form = NewPartnershipForm(request.POST, structure=structure, candidates=candidates)
        if form.is_valid():
            try:
                partnership = services.save_partnership(form.build_partnership(), by=request.user)
            except ValidationError as exc:
                attach_errors(form, exc)
            else:
                messages.success(
                    request, _("Partenariat avec « %(name)s » enregistré.") % {"name": partnership.partner.name}
                )
                return redirect(_partners_url(structure))
    else:
        form = NewPartnershipForm(structure=structure, candidates=candidates)
    context = {
        "structure": structure,
        "search": search,
        "query": query,
        "candidates": candidates,
        "search_limit": SEARCH_LIMIT,
        "form": form,
    }
    return render(request, "network/partners/add.html", context)


def _partnership_for(request, slug, pk):
    structure, abilities = structure_for(request.user, slug, "manage_partners")
    partnership = get_object_or_404(structure.partnerships.select_related("partner"), pk=pk)
    partnership.structure = structure
    return structure, partnership


@login_required
def partnership_edit(request, slug, pk):
    """Edit the role, dates and note of a partnership; the organisation itself on the same page."""
    structure, partnership = _partnership_for(request, slug, pk)
    partner = partnership.partner
    can_change_partner = partner_abilities(request.user, partner)["change"]
    form = PartnershipForm(request.POST or None, instance=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_partnership(form.instance, by=request.user, expected_version=form.cleaned_data["version"])
        except VersionConflict as exc:
            form.add_error(None, str(exc))
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, _("Partenariat avec « %(name)s » enregistré.") % {"name": partner.name})
            return redirect(_partners_url(structure))
    context = {
        "structure": structure,
        "partnership": partnership,
        "partner": partner,
        "form": form,
        "partner_form": PartnerForm(instance=partner) if can_change_partner else None,
    }
    return render(request, "network/partners/edit.html", context)


@login_required
def partner_edit(request, slug, pk):
    """Correct the organisation of a partnership (its kind counts in the diversity of partners)."""
    structure, partnership = _partnership_for(request, slug, pk)
    partner = partnership.partner
    if not partner_abilities(request.user, partner)["change"]:
        raise PermissionDenied(_("Vous ne pouvez pas modifier cette organisation partenaire."))
    if request.method != "POST":
        return redirect("network:partnership_edit", slug=structure.slug, pk=partnership.pk)
    partner_form = PartnerForm(request.POST, instance=partner)
    if partner_form.is_valid():
        data = {name: partner_form.cleaned_data[name] for name in ("name", "kind", "siret", "website")}
        try:
            services.update_partner(
                partner, by=request.user, data=data, expected_version=partner_form.cleaned_data["version"]
            )
        except VersionConflict as exc:
            partner_form.add_error(None, str(exc))
        except ValidationError as exc:
            attach_errors(partner_form, exc)
        else:
            messages.success(request, _("Organisation « %(name)s » enregistrée.") % {"name": partner.name})
            return redirect(_partners_url(structure))
    partnership.partner = get_object_or_404(Partner, pk=partner.pk)  # show the stored name, not the typed one
    context = {
        "structure": structure,
        "partnership": partnership,
        "partner": partnership.partner,
        "form": PartnershipForm(instance=partnership),
        "partner_form": partner_form,
    }
    return render(request, "network/partners/edit.html", context)


@login_required
@require_POST
def partnership_end(request, slug, pk):
    """End a partnership on a date (today by default): it stays listed among the ended ones."""
    structure, partnership = _partnership_for(request, slug, pk)
    form = EndPartnershipForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Date de fin : %(error)s") % {"error": " ".join(form.errors["until"])})
    else:
        try:
            services.end_partnership(partnership, by=request.user, until=form.cleaned_data["until"])
        except DomainError as exc:
            messages.error(request, str(exc))
        except ValidationError:
            messages.error(
                request,
                _("Date de fin : elle ne peut précéder le début du partenariat (%(since)s).")
                % {"since": partnership.since.strftime("%d/%m/%Y") if partnership.since else "—"},
            )
        else:
            messages.success(request, _("Partenariat avec « %(name)s » terminé.") % {"name": partnership.partner.name})
    return redirect(_partners_url(structure))
