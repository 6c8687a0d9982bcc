"""French text: "de" elided before a vowel, and folding (lower case, no accents) for searches."""

import unicodedata

VOWELS = frozenset("aàâäeéèêëiîïoôöuùûüyÿæœ")
# An aspirated h forbids the elision ("de hausser", "de Haute-Savoie"); every other h is mute ("d'héberger").
ASPIRATED_H = (
    ("hach", "haï", "harcel", "hasard", "hauss", "heurt", "hiérarch", "hiss", "hurl")
    # The openings of place and organisation names: "Hauts-de-France", "Halles", "Hameau", "Hangar".
    + ("hall", "halte", "hameau", "hangar", "haut")
)


def de(phrase: str) -> str:
    """The preposition "de" before `phrase`, elided before a vowel or a mute h: "d'admettre", "de réadmettre"."""
    word = phrase.lower()
    if word[:1] in VOWELS or (word.startswith("h") and not word.startswith(ASPIRATED_H)):
        return f"d'{phrase}"
    return f"de {phrase}"


def fold(text: str) -> str:
    """Lower case without accents or ligatures: "Œuvre Épicerie" → "oeuvre epicerie"."""
    text = text.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
