"""Slugs for addresses: a title's slug, made free in its table."""

from django.utils.text import slugify

SUFFIX_ROOM = len("-999")


def unique_slug(model, title: str, fallback: str, reserved: frozenset[str] = frozenset()) -> str:
    """A slug of `title` free in `model`, short enough for its column once a "-N" suffix is added (up to "-999").

    `fallback` stands for a title without letters, and follows a slug that is a word of the app's addresses
    (`reserved`: "nouveau" would hide the creation page)."""
    room = min(80, model._meta.get_field("slug").max_length - SUFFIX_ROOM)
    base = slugify(title)[:room].strip("-") or fallback
    if base in reserved:
        base = f"{base}-{fallback}"
    existing = set(model.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in existing:
        slug, number = f"{base}-{number}", number + 1
    return slug
