import pytest
from django.template import Context, Template
from django.utils.safestring import SafeData, mark_safe

from fabrique.core.templatetags.fabrique_tags import de_name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Initiatives Alsace", "d'Initiatives Alsace"),
        ("atelier des Possibles", "d'atelier des Possibles"),
        ("Yvelines Actives", "d'Yvelines Actives"),
        ("Écoles du Monde", "d'Écoles du Monde"),
        ("À petits pas", "d'À petits pas"),
        ("Île de Nantes", "d'Île de Nantes"),
        ("Œuvre commune", "d'Œuvre commune"),
        ("Habitat et Humanisme", "d'Habitat et Humanisme"),
        ("Hôtel d'entreprises", "d'Hôtel d'entreprises"),
        ("Hauts-de-France Active", "de Hauts-de-France Active"),
        ("Halles solidaires", "de Halles solidaires"),
        ("Hangar 21", "de Hangar 21"),
        ("TAg BZH", "de TAg BZH"),
        ("'Oasis' Rennes", "de 'Oasis' Rennes"),
        ("« Oasis » Rennes", "de « Oasis » Rennes"),
        ("3 Ponts", "de 3 Ponts"),
        ("", ""),
        (None, ""),
    ],
)
def test_de_name_elides_before_a_vowel_or_a_mute_h_only(name, expected):
    assert de_name(name) == expected


def test_de_name_never_marks_the_name_safe():
    assert not isinstance(de_name(mark_safe("Atelier")), SafeData)  # noqa: S308


NASTY = "Oasis <script>alert('x')</script>"


def test_a_name_is_escaped_like_any_variable():
    html = Template("{% load fabrique_tags %}{{ name|de_name }}").render(Context({"name": NASTY}))
    assert html == "d&#x27;Oasis &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"


def test_a_name_is_escaped_inside_blocktranslate():
    template = Template(
        "{% load i18n fabrique_tags %}"
        "{% blocktranslate with of_name=name|de_name %}Partenaires {{ of_name }}{% endblocktranslate %}"
    )
    html = template.render(Context({"name": NASTY}))
    assert html == "Partenaires d&#x27;Oasis &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"


def test_a_name_is_left_raw_where_autoescaping_is_off_as_in_plain_text_emails():
    template = Template("{% load fabrique_tags %}{% autoescape off %}{{ name|de_name }}{% endautoescape %}")
    assert template.render(Context({"name": "Initiatives Alsace"})) == "d'Initiatives Alsace"
