from django.utils.translation import ngettext


def counted(count: int, singular: str, plural: str) -> str:
    """« 0 fichier », « 1 fichier », « 2 fichiers »: French puts 0 in the singular; without a catalog to set
    Plural-Forms, ngettext would follow the English rule."""
    return ngettext(singular, plural, 1 if count <= 1 else count) % {"count": count}
