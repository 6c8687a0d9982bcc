"""The French text functions shared by both databases: folding, stemming, highlighting."""

import pytest

from fabrique.search import french


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("épiceries", "epiceri"),
        ("Épicerie", "epiceri"),
        ("solidaires", "solidair"),
        ("mobilités", "mobilit"),
        ("conciergeries", "conciergeri"),
        ("locaux", "local"),
        ("porteuses", "porteur"),
        ("animatrices", "animateur"),
        ("citoyennes", "citoyen"),
        ("culturelles", "culturel"),
        ("actives", "actif"),
        ("boulangères", "boulanger"),
    ],
)
def test_singular_plural_and_feminine_forms_share_one_stem(word, stem):
    assert french.stem(french.fold(word)) == stem


def test_stop_words_and_elisions_are_not_query_terms():
    assert french.query_terms("Conciergerie solidaire pour un quartier d'Ampère") == [
        "conciergerie",
        "solidaire",
        "quartier",
        "ampere",
    ]


def test_highlighting_marks_every_form_of_the_word_and_escapes_the_rest():
    html = french.highlight("<b>Épiceries</b> & épicerie solidaire", ["epiceri"])
    assert html == "&lt;b&gt;<mark>Épiceries</mark>&lt;/b&gt; &amp; <mark>épicerie</mark> solidaire"


def test_a_snippet_is_cut_around_the_first_match():
    text = "Début. " + "mot " * 100 + "la mobilité partagée " + "fin " * 100
    snippet = french.snippet(text, ["mobilit"], width=80)
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert "<mark>mobilité</mark>" in snippet
