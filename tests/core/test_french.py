import pytest

from fabrique.core.french import de


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("admettre la candidature", "d'admettre la candidature"),
        ("enregistrer le retrait", "d'enregistrer le retrait"),
        ("accorder l'appellation", "d'accorder l'appellation"),
        ("élire", "d'élire"),
        ("Ouvrir", "d'Ouvrir"),
        ("héberger", "d'héberger"),
        ("réadmettre en expérimentation", "de réadmettre en expérimentation"),
        ("hausser le seuil", "de hausser le seuil"),
        ("clore la séance", "de clore la séance"),
        ("Habitat et Humanisme", "d'Habitat et Humanisme"),
        ("Hauts-de-France Active", "de Hauts-de-France Active"),
        ("Haute-Savoie", "de Haute-Savoie"),
    ],
)
def test_de_is_elided_before_a_vowel_or_a_mute_h_only(phrase, expected):
    assert de(phrase) == expected
