"""Pages of a request: its dossier, the draft's edition, attachments, submission and withdrawal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from fabrique.core.exceptions import DomainError
from fabrique.core.forms import attach_errors
from fabrique.network.models import Structure

from .. import services
from ..enums import ACTIVE_REQUEST_STATUSES, RequestStatus
from ..evidence import compute_evidence, for_display
from ..forms import AttachmentForm, ConflictForm, NewRequestForm, RequestForm, WithdrawForm
from ..models import AppellationRequest, RequestAttachment
from ..perms import item_abilities, readable_requests, requesting_structures, voting_structures
from ..selectors import item_states, with_agenda
from ..transitions import REQUEST_TABLE, SUBMIT
from .common import flash_error, get_request, require


def creatable_structures(user):
    """Structures in experimentation this person administers and that have no request in progress."""
    active = AppellationRequest.objects.filter(structure=OuterRef("pk"), status__in=ACTIVE_REQUEST_STATUSES)
    return requesting_structures(user).exclude(Exists(active)).order_by("name")


@login_required
def request_list(request):
    rows = list(with_agenda(readable_requests(request.user)).order_by("-created_at", "-pk"))
    return render(
        request,
        "appellation/request_list.html",
        {"rows": rows, "can_create": creatable_structures(request.user).exists()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_new(request):
    structures = creatable_structures(request.user)
    require(
        structures.exists(),
        _(
            "Seule une personne administratrice d'une structure en expérimentation, sans "
            "demande en cours, peut demander l'appellation."
        ),
    )
    form = NewRequestForm(request.POST or None, structures=structures)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in AppellationRequest.NARRATIVE_FIELDS}
        try:
            created = services.create_request(form.cleaned_data["structure"], by=request.user, data=data)
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Brouillon enregistré. Ajoutez vos pièces jointes, puis déposez la demande."))
            return redirect(created)
    return render(request, "appellation/request_form.html", {"form": form, "creating": True})


def _decisions(user, appellation_request):
    items = [item for item in appellation_request.agenda_items.all()]
    for item in items:
        item.request = appellation_request
    states = item_states(items)
    rows = []
    for item in items:
        abilities = item_abilities(user, item)
        state = states[item.pk]
        comments = (
            [
                v.comment
                for v in state.votes.values()
                if v.comment.strip() and v.structure_id in state.voter_ids and v.structure_id not in state.conflicts
            ]
            if abilities["view_comments"]
            else []
        )
        names = {voter.pk: voter.name for voter in item.session.voters.all()}
        conflict_names = sorted((names.get(sid, "?"), reason) for sid, reason in state.conflicts.items())
        can_vote = bool(voting_structures(user, item, state.conflicted_ids))
        rows.append(
            {
                "can_vote": can_vote,
                "item": item,
                "state": state,
                "abilities": abilities,
                "comments": sorted(comments),
                "conflict_names": conflict_names if abilities["view_votes"] else [],
            }
        )
    return rows


@login_required
def request_detail(request, pk: int):
    appellation_request, abilities = get_request(request.user, pk)
    if appellation_request.status == RequestStatus.DRAFT:
        evidence = for_display(compute_evidence(appellation_request.structure))
    else:
        evidence = for_display(appellation_request.evidence)
    decisions = _decisions(request.user, appellation_request)
    context = {
        "req": appellation_request,
        "abilities": abilities,
        "evidence": evidence,
        "live_evidence": appellation_request.status == RequestStatus.DRAFT,
        "attachments": list(appellation_request.attachments.all()),
        "log": list(appellation_request.log.select_related("changed_by", "session")),
        "decisions": decisions,
        "attachment_form": AttachmentForm() if abilities["change"] else None,
    }
    if abilities["record_conflict"]:
        open_rows = [row for row in decisions if row["item"].session.is_open]
        if open_rows:
            state = open_rows[-1]["state"]
            voters = Structure.objects.filter(pk__in=state.voter_ids - state.conflicted_ids).order_by("name")
            context["conflict_form"] = ConflictForm(structures=list(voters), hide_structure=False)
    return render(request, "appellation/request_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def request_edit(request, pk: int):
    appellation_request, abilities = get_request(request.user, pk)
    if appellation_request.status != RequestStatus.DRAFT:
        messages.error(request, _("La demande a été déposée : elle ne peut plus être modifiée."))
        return redirect(appellation_request)
    require(abilities["change"], _("Seule une personne administratrice de la structure modifie la demande."))
    form = RequestForm(
        request.POST or None, instance=appellation_request, initial={"version": appellation_request.version}
    )
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in AppellationRequest.NARRATIVE_FIELDS}
        try:
            services.update_request(
                appellation_request, by=request.user, data=data, expected_version=form.cleaned_data.get("version")
            )
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Brouillon enregistré."))
            return redirect(appellation_request)
    return render(request, "appellation/request_form.html", {"form": form, "req": appellation_request})


@login_required
@require_POST
def attachment_add(request, pk: int):
    appellation_request, _abilities = get_request(request.user, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_attachment(
                appellation_request, by=request.user, title=form.cleaned_data["title"], upload=form.cleaned_data["file"]
            )
        except ValidationError as exc:
            attach_errors(form, exc)
        except DomainError as exc:
            flash_error(request, exc)
            return redirect(appellation_request)
        else:
            messages.success(request, _("Document ajouté."))
            return redirect(appellation_request)
    errors = "; ".join(
        f"{form.fields[name].label if name in form.fields else ''} : {' '.join(errs)}".strip(" :")
        for name, errs in form.errors.items()
    )
    messages.error(request, _("Le document n'a pas été ajouté. %(errors)s") % {"errors": errors})
    return redirect(appellation_request)


@login_required
@require_POST
def attachment_delete(request, pk: int, attachment_pk: int):
    appellation_request, _abilities = get_request(request.user, pk)
    attachment = get_object_or_404(RequestAttachment, pk=attachment_pk, request=appellation_request)
    try:
        services.remove_attachment(attachment, by=request.user)
    except DomainError as exc:
        flash_error(request, exc)
    else:
        messages.success(request, _("Document retiré."))
    return redirect(appellation_request)


@login_required
def attachment_download(request, pk: int, attachment_pk: int):
    appellation_request, abilities = get_request(request.user, pk)
    require(abilities["download"], _("Vous ne pouvez pas lire les pièces de cette demande."))
    attachment = get_object_or_404(RequestAttachment, pk=attachment_pk, request=appellation_request)
    extension = attachment.file.name.rsplit(".", 1)[-1] if "." in attachment.file.name else ""
    filename = f"{attachment.title}.{extension}" if extension else attachment.title
    return FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=filename, content_type=attachment.content_type
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_submit(request, pk: int):
    appellation_request, abilities = get_request(request.user, pk)
    if not REQUEST_TABLE.allowed(SUBMIT.name, appellation_request.status):
        messages.error(request, REQUEST_TABLE.refusal(SUBMIT.name, appellation_request.status))
        return redirect(appellation_request)
    require(abilities["submit"], _("Seule une personne administratrice de la structure dépose la demande."))
    if request.method == "POST":
        try:
            services.submit_request(
                appellation_request, by=request.user, expected_version=_int(request.POST.get("version"))
            )
        except (DomainError, ValidationError) as exc:
            flash_error(request, exc)
        else:
            messages.success(request, _("Demande déposée. Elle sera inscrite à l'ordre du jour du prochain comité."))
            return redirect(appellation_request)
    missing = services.requests.missing_narratives(appellation_request)
    return render(request, "appellation/request_submit.html", {"req": appellation_request, "missing": missing})


@login_required
@require_http_methods(["GET", "POST"])
def request_withdraw(request, pk: int):
    appellation_request, abilities = get_request(request.user, pk)
    require(abilities["withdraw"], _("Cette demande ne peut pas être retirée par vous."))
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.withdraw_request(appellation_request, by=request.user, reason=form.cleaned_data["reason"])
        except DomainError as exc:
            flash_error(request, exc)
        else:
            messages.success(request, _("La demande est retirée."))
        return redirect(appellation_request)
    return render(request, "appellation/request_withdraw.html", {"req": appellation_request, "form": form})


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
