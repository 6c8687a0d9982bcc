"""A strict Content-Security-Policy on every page (django-csp), and no markup that it would refuse."""

import re
from pathlib import Path

import pytest
from django.test import Client

from tests.core.test_settings import start_django

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "fabrique"

pytestmark = pytest.mark.django_db


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.fixture
def coordinator_client(coordinator):
    client = Client()
    client.force_login(coordinator)
    return client


PAGES = ["/", "/carte/", "/structures/", "/structures/tag-test/", "/recherche/?q=tag", "/indicateurs/", "/nulle-part/"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_carries_a_strict_policy(coordinator_client, structure, url):
    response = coordinator_client.get(url)
    assert response.status_code in {200, 404}
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert set(policy["img-src"]) == {"'self'", "data:"}
    assert "Content-Security-Policy-Report-Only" not in response


def test_no_source_list_allows_inline_code_or_eval(client, db):
    header = client.get("/")["Content-Security-Policy"]
    assert header  # not empty
    assert "unsafe-inline" not in header and "unsafe-eval" not in header and "*" not in header


def test_anonymous_visitors_and_the_api_get_the_policy_too(client, db):
    assert "default-src 'self'" in client.get("/structures/")["Content-Security-Policy"]
    assert "default-src 'self'" in client.get("/api/v1/structures")["Content-Security-Policy"]


def test_the_api_docs_page_is_served_under_the_policy(client, db):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert "unsafe-inline" not in response["Content-Security-Policy"]


# Markup a strict policy refuses: inline styles, <style> blocks, inline scripts, event-handler attributes.
INLINE_STYLE = re.compile(r"""\sstyle\s*=\s*["'{]""", re.IGNORECASE)
STYLE_BLOCK = re.compile(r"<style[\s>]", re.IGNORECASE)
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"""\son[a-z]+\s*=\s*["']""", re.IGNORECASE)
DATA_BLOCK = re.compile(r"""\btype\s*=\s*["']application/(ld\+)?json["']""", re.IGNORECASE)


def refused_markup(text: str) -> list[str]:
    found = [
        m.group(0).strip() for pattern in (INLINE_STYLE, STYLE_BLOCK, EVENT_HANDLER) for m in pattern.finditer(text)
    ]
    for match in SCRIPT_TAG.finditer(text):
        attributes = match.group(1)
        if "src=" not in attributes and not DATA_BLOCK.search(attributes):
            found.append(match.group(0))
    return found


def test_the_scan_finds_what_the_policy_refuses():
    samples = [
        '<p style="color: red">',
        "<div STYLE='x'>",
        "<style>p {}</style>",
        "<script>alert(1)</script>",
        '<script type="module">x()</script>',
        '<button onclick="go()">',
        "<body onload='x()'>",
        "<rect style={{ x }}>",
    ]
    assert len(samples) == 8
    for sample in samples:
        assert refused_markup(sample), sample
    allowed = [
        '<script src="/static/vendor/htmx/htmx.min.js" defer></script>',
        '<script type="application/json" id="swagger-settings">{}</script>',
        '<ul class="list-unstyled">',
        '<rect fill="#1d4e89" stroke-width="0.6"/>',
        '<a href="/x" data-online="1">',
        '<meta name="htmx-config" content=\'{"includeIndicatorStyles": false}\'>',
    ]
    for sample in allowed:
        assert refused_markup(sample) == [], sample


def markup_sources() -> list[Path]:
    templates = [p for p in PACKAGE.rglob("*.html") if "templates" in p.parts]
    svg = [p for p in PACKAGE.rglob("*.svg")]
    python = [p for p in PACKAGE.rglob("*.py") if "<svg" in p.read_text(encoding="utf-8") or "<rect" in p.read_text()]
    return sorted(templates + svg + python)


def test_the_scan_reads_the_templates_and_the_svg_built_in_python():
    names = {p.relative_to(PACKAGE).as_posix() for p in markup_sources()}
    assert {"templates/base.html", "reporting/charts.py", "network/templates/network/map/_map.html"} <= names
    assert len(names) > 100


@pytest.mark.parametrize("path", markup_sources(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_template_or_generated_svg_holds_markup_the_policy_refuses(path):
    assert refused_markup(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("url", PAGES)
def test_no_rendered_page_holds_markup_the_policy_refuses(coordinator_client, structure, url):
    """Also what Python writes (charts, the map, form widgets), as the coordinator sees it."""
    html = coordinator_client.get(url).content.decode()
    assert refused_markup(html) == []


def test_htmx_is_told_not_to_inject_its_indicator_style(client, db):
    html = client.get("/").content.decode()
    assert """<meta name="htmx-config" content='{"includeIndicatorStyles": false, "allowEval": false}'>""" in html
    css = (PACKAGE / "static" / "css" / "fabrique.css").read_text()
    assert ".htmx-indicator { opacity: 0; }" in css  # what htmx would have injected, in our own file


def show_policy_headers():
    return (
        "from django.test import Client; r = Client().get('/api/v1/openapi.json'); "
        "print(repr(r.get('Content-Security-Policy'))); print(repr(r.get('Content-Security-Policy-Report-Only')))"
    )


def test_report_only_mode_sends_the_policy_as_a_report_only_header_with_its_report_uri(tmp_path):
    result = start_django(tmp_path, show_policy_headers(), CSP_REPORT_ONLY="true", CSP_REPORT_URI="/csp-rapports/")
    assert result.returncode == 0, result.stderr
    enforced, report_only = result.stdout.split("\n")[:2]
    assert enforced == "None"
    assert "script-src 'self'" in report_only and "report-uri /csp-rapports/" in report_only


def test_by_default_the_policy_is_enforced(tmp_path):
    result = start_django(tmp_path, show_policy_headers())
    assert result.returncode == 0, result.stderr
    enforced, report_only = result.stdout.split("\n")[:2]
    assert "script-src 'self'" in enforced and "report-uri" not in enforced
    assert report_only == "None"


def test_a_report_only_switch_that_cannot_be_understood_stops_the_start_up(tmp_path):
    result = start_django(tmp_path, CSP_REPORT_ONLY="peut-être")
    assert result.returncode != 0 and "CSP_REPORT_ONLY" in result.stderr
