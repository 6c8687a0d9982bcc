from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def validate_siret(value: str) -> None:
    """A SIRET is 14 digits passing the Luhn check (La Poste's establishments excepted)."""
    digits = value.replace(" ", "")
    if len(digits) != 14 or not digits.isdigit():
        raise ValidationError(_("Un SIRET compte exactement 14 chiffres."), code="siret_length")
    if digits.startswith("356000000"):
        if sum(int(c) for c in digits) % 5 != 0:
            raise ValidationError(_("Ce SIRET n'est pas valide (clé de contrôle)."), code="siret_checksum")
        return
    if not luhn_ok(digits):
        raise ValidationError(_("Ce SIRET n'est pas valide (clé de contrôle)."), code="siret_checksum")
