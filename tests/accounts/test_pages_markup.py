"""Pages of the accounts app: no inline script, style or event handler (a strict CSP is planned), headings in
order, every form field labelled."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from fabrique.network.services import members as services

from .helpers import text

TEMPLATES = Path(__file__).resolve().parents[2] / "fabrique" / "accounts" / "templates"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
STYLE_ATTR = re.compile(r"\sstyle\s*=", re.I)
STYLE_TAG = re.compile(r"<style[\s>]", re.I)
HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)
FIELD = re.compile(r"<(input|select|textarea)\b[^>]*>", re.I)


def _assert_clean(html: str, where: str) -> None:
    for pattern in (INLINE_SCRIPT, STYLE_ATTR, STYLE_TAG, HANDLER):
        match = pattern.search(html)
        assert match is None, f"{where}: {match.group(0) if match else ''}"


def _assert_fields_labelled(html: str, where: str) -> None:
    for tag in FIELD.finditer(html):
        markup = tag.group(0)
        if re.search(r'type="(hidden|submit)"', markup):
            continue
        field_id = re.search(r'\sid="([^"]+)"', markup)
        assert field_id, f"{where}: field without id {markup}"
        assert f'for="{field_id.group(1)}"' in html, f"{where}: no label for {markup}"


def _assert_headings_in_order(html: str, where: str) -> None:
    levels = [int(level) for level in re.findall(r"<h([1-6])\b", html)]
    assert levels and levels[0] == 1, where
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, f"{where}: h{before} then h{after}"


@pytest.mark.parametrize("path", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: p.name)
def test_templates_have_no_inline_script_style_or_handler(path):
    _assert_clean(path.read_text(), path.name)


@pytest.fixture
def pages(coordinator, member, structure, django_capture_on_commit_callbacks):
    _invitation, raw = services.invite(by=coordinator, email="nouvelle@example.org", structure=structure)
    return {
        "anonymous": [
            reverse("accounts:login"),
            reverse("accounts:password_reset"),
            reverse("accounts:password_reset_done"),
            reverse("network:accept_invitation", args=[raw]),
            reverse("network:accept_invitation", args=["inconnu"]),
        ],
        "member": [
            reverse("dashboard"),
            reverse("accounts:profile"),
            reverse("accounts:password_change"),
            reverse("accounts:tokens"),
            reverse("network:invitations"),
            reverse("network:invite"),
            reverse("network:members", args=[structure.slug]),
        ],
    }


def test_rendered_pages_are_clean_labelled_and_well_outlined(client_for, member, pages):
    assert len(pages["anonymous"]) == 5 and len(pages["member"]) == 7
    for who, urls in pages.items():
        client = client_for(member if who == "member" else None)
        for url in urls:
            response = client.get(url)
            assert response.status_code in {200, 404}, url
            html = text(response)
            _assert_clean(html, url)
            _assert_fields_labelled(html, url)
            _assert_headings_in_order(html, url)


def test_the_token_page_shown_once_is_clean_too(client_for, member):
    response = client_for(member).post(reverse("accounts:tokens"), {"name": "Export"})
    html = text(response)
    _assert_clean(html, "token_created")
    _assert_fields_labelled(html, "token_created")
