"""The network's news: list, a page per post, and the coordination's writing, preview and withdrawal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from fabrique.core.exceptions import DomainError, VersionConflict
from fabrique.core.forms import attach_errors
from fabrique.core.markdown import render_markdown

from ..forms import NewsPostForm, UnpublishNewsForm
from ..models import NewsPost
from ..perms import can_write_news, news_abilities, readable_news, readable_testimonials
from ..services import news

PER_PAGE = 20


@require_safe
def news_list(request):
    posts = readable_news(request.user, NewsPost.objects.all()).order_by("-published_on", "-pk")
    page = Paginator(posts, PER_PAGE).get_page(request.GET.get("page"))
    context = {"page": page, "today": timezone.localdate(), "query": "", "can_write": can_write_news(request.user)}
    return render(request, "community/news/list.html", context)


@require_safe
def news_detail(request, slug):
    post = get_object_or_404(NewsPost, slug=slug)
    abilities = news_abilities(request.user, post)
    if not abilities["view"]:
        if not request.user.is_authenticated and post.is_published():
            return redirect_to_login(request.get_full_path())
        raise Http404(_("Actualité introuvable."))
    testimonials = readable_testimonials(request.user, post.testimonials.select_related("structure")).order_by("pk")
    context = {"post": post, "abilities": abilities, "testimonials": testimonials, "today": timezone.localdate()}
    return render(request, "community/news/detail.html", context)


def _post_for(request, slug: str, ability: str) -> NewsPost:
    post = get_object_or_404(NewsPost, slug=slug)
    abilities = news_abilities(request.user, post)
    if not abilities["view"]:
        raise Http404(_("Actualité introuvable."))
    if not abilities[ability]:
        raise PermissionDenied(_("Seule la coordination du réseau rédige les actualités."))
    return post


def conflict_message(post: NewsPost, exc: VersionConflict) -> str:
    """The conflict, and who saved the post last and when, so that the writer knows what happened."""
    latest = post.history.select_related("history_user").first()
    if latest is None or latest.history_user is None:
        return str(exc)
    when = formats.date_format(timezone.localtime(latest.history_date), "j F Y à H:i")
    last = _("Dernier enregistrement : %(who)s, le %(when)s.") % {"who": latest.history_user, "when": when}
    return f"{exc} {last}"


def preview_of(request, form):
    """The « Prévisualiser » button: the body rendered as it will be published, nothing saved."""
    if "preview" in request.POST and form.is_valid():
        return render_markdown(form.cleaned_data["body"])
    return None


@login_required
@require_http_methods(["GET", "POST"])
def news_create(request):
    if not can_write_news(request.user):
        raise PermissionDenied(_("Seule la coordination du réseau rédige les actualités."))
    form = NewsPostForm(request.POST or None, initial={"published_on": timezone.localdate()})
    preview = preview_of(request, form) if request.method == "POST" else None
    if request.method == "POST" and "preview" not in request.POST and form.is_valid():
        try:
            post = news.create_news(request.user, form.news_data())
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, _published_message(post))
            return redirect(post)
    return render(request, "community/news/form.html", {"form": form, "post": None, "preview": preview})


@login_required
@require_http_methods(["GET", "POST"])
def news_edit(request, slug):
    post = _post_for(request, slug, "change")
    title = post.title
    form = NewsPostForm(request.POST or None, instance=post)
    preview = preview_of(request, form) if request.method == "POST" else None
    if request.method == "POST" and "preview" not in request.POST and form.is_valid():
        try:
            news.update_news(post, request.user, form.news_data(), form.cleaned_data["version"])
        except VersionConflict as exc:
            form.add_error(None, conflict_message(post, exc))
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            messages.success(request, _published_message(post))
            return redirect(post)
    context = {"form": form, "post": post, "title": title, "preview": preview}
    return render(request, "community/news/form.html", context)


def _published_message(post: NewsPost) -> str:
    if post.published_on is None:
        return _("L'actualité est enregistrée comme brouillon : seule la coordination la lit.")
    if post.published_on > timezone.localdate():
        day = formats.date_format(post.published_on, "j F Y")
        return _("L'actualité est programmée : elle paraîtra le %(day)s.") % {"day": day}
    return _("L'actualité est publiée.")


@login_required
@require_http_methods(["GET", "POST"])
def news_unpublish(request, slug):
    """Withdraw a post after a confirmation: it goes back to draft, kept with its history."""
    post = _post_for(request, slug, "change")
    if post.published_on is None:
        messages.error(request, _("Cette actualité est déjà un brouillon : elle n'est pas publiée."))
        return redirect(post)
    form = UnpublishNewsForm(request.POST or None, post=post)
    if request.method == "POST" and form.is_valid():
        try:
            news.unpublish_news(post, request.user, form.cleaned_data["version"])
        except VersionConflict as exc:
            form.add_error(None, conflict_message(post, exc))
        except DomainError as exc:
            messages.error(request, str(exc))
            return redirect(post)
        else:
            messages.success(request, _("L'actualité est retirée : elle redevient un brouillon."))
            return redirect(post)
    return render(request, "community/news/unpublish.html", {"form": form, "post": post})
