from django.template import Context, Template

from fabrique.core.markdown import render_markdown


def test_markdown_keeps_emphasis_lists_and_links():
    html = render_markdown("Du **gras**, de l'*italique*\n\n- un\n- deux\n\n[Avise](https://www.avise.org)")
    assert "<strong>gras</strong>" in html and "<em>italique</em>" in html
    assert "<li>un</li>" in html
    assert 'href="https://www.avise.org"' in html and "noopener" in html


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
