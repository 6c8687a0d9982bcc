from html.parser import HTMLParser

import pytest
from django.template import Context, Template

from fabrique.core.markdown import render_markdown


def test_markdown_keeps_emphasis_lists_and_links():
    html = render_markdown("Du **gras**, de l'*italique*\n\n- un\n- deux\n\n[Avise](https://www.avise.org)")
    assert "<strong>gras</strong>" in html and "<em>italique</em>" in html
    assert "<li>un</li>" in html
    assert 'href="https://www.avise.org"' in html and 'rel="noopener noreferrer nofollow"' in html


def test_markdown_drops_scripts_styles_event_handlers_and_javascript_links():
    html = render_markdown(
        "<script>alert(1)</script>\n\n<p style='color:red' onclick='x()'>texte</p>\n\n[piège](javascript:alert(1))"
    )
    assert "<script" not in html and "alert(1)" not in html
    assert "style=" not in html and "onclick" not in html
    assert "javascript:" not in html
    assert "texte" in html and "piège" in html


def test_markdown_headings_are_moved_below_the_page_headings():
    html = render_markdown("# Titre\n\n## Sous-titre\n\n###### Petit")
    assert "<h1" not in html
    assert "<h3>Titre</h3>" in html and "<h4>Sous-titre</h4>" in html and "<h6>Petit</h6>" in html


def test_empty_text_renders_nothing():
    assert render_markdown("") == "" and render_markdown(None) == ""


def test_markdown_template_filter_renders_sanitised_html():
    template = Template("{% load fabrique_tags %}{{ text|markdown }}|{{ text|markdown:1 }}")
    html = template.render(Context({"text": "# Titre <img src=x onerror=alert(1)>"}))
    assert "<h3>Titre" in html and "<h2>Titre" in html
    assert "onerror" not in html and "<img" not in html


class _Attributes(HTMLParser):
    """Collects the attribute names each tag kept, from rendered HTML."""

    def __init__(self):
        super().__init__()
        self.kept: dict[str, set[str]] = {}

    def handle_starttag(self, tag, attrs):
        self.kept.setdefault(tag, set()).update(name for name, _value in attrs)


# The sanitiser's exact allow-list, pinned: a tag or an attribute let through by mistake fails here.
EVERY_TAG = {"title", "lang"}
EXPECTED_ATTRIBUTES = {"a": {"href", "rel"}, "ol": {"start"}}
TRIED_ATTRIBUTES = 'href="https://example.org/" title="t" lang="fr" dir="rtl" start="3" '
TRIED_ATTRIBUTES += 'onclick="x()" onmouseover="x()" style="color:red" '
TRIED_ATTRIBUTES += 'class="c" id="i" target="_blank" src="https://example.org/x.png" formaction="x" data-x="1" '
# the sanitiser's own defaults, which ours narrow
TRIED_ATTRIBUTES += 'hreflang="fr" cite="https://example.org/"'


@pytest.mark.parametrize("tag", ["a", "abbr", "ol", "p", "strong", "em", "code", "blockquote", "h2", "li", "ul"])
def test_each_tag_keeps_exactly_its_allowed_attributes(tag):
    inner = "<li>élément</li>" if tag in ("ol", "ul") else "texte"
    html = render_markdown(f"<div>\n<{tag} {TRIED_ATTRIBUTES}>{inner}</{tag}>\n</div>")
    parser = _Attributes()
    parser.feed(str(html))
    assert tag in parser.kept, html
    assert parser.kept[tag] == EVERY_TAG | EXPECTED_ATTRIBUTES.get(tag, set())


@pytest.mark.parametrize("tag", ["script", "style", "img", "iframe", "form", "input", "svg", "object", "div", "span"])
def test_tags_outside_the_allow_list_are_dropped(tag):
    html = render_markdown(f"<p>avant <{tag} title='t'>dedans</{tag}> après</p>")
    assert f"<{tag}" not in html
    assert "avant" in html and "après" in html


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "file:///etc/passwd",
        # allowed by the sanitiser's own defaults, not by ours
        "ftp://example.org/x",
        "tel:+33100000000",
        "sms:+33600000000",
    ],
)
def test_links_keep_only_http_https_and_mailto_addresses(href):
    html = render_markdown(f'<p><a href="{href}">lien</a> [autre]({href})</p>')
    assert "href" not in html
    assert render_markdown("[écrire](mailto:contact@example.org)").count('href="mailto:contact@example.org"') == 1
