"""The site validates its own forms: every POST form says `novalidate`, so a refused form shows the site's error
summary (focused, linked to the fields) and not the browser's bubble (issue 17, RGAA 11.10)."""

import re
from pathlib import Path

import fabrique

TEMPLATES = sorted(Path(fabrique.__file__).parent.glob("**/templates/**/*.html"))
FORM_TAG = re.compile(r"<form\b[^>]*>", re.IGNORECASE | re.DOTALL)
POST = re.compile(r"""\bmethod\s*=\s*["']?post\b""", re.IGNORECASE)


def post_forms(path: Path) -> list[str]:
    return [tag for tag in FORM_TAG.findall(path.read_text(encoding="utf-8")) if POST.search(tag)]


def test_the_templates_hold_post_forms():
    assert len(TEMPLATES) > 100
    assert sum(len(post_forms(path)) for path in TEMPLATES) > 50


def test_every_post_form_of_the_templates_says_novalidate():
    missing = [
        f"{path.relative_to(Path(fabrique.__file__).parent)}: {' '.join(tag.split())[:120]}"
        for path in TEMPLATES
        for tag in post_forms(path)
        if not re.search(r"\snovalidate\b", tag, re.IGNORECASE)
    ]
    assert missing == [], "Formulaires POST sans novalidate :\n" + "\n".join(missing)


EMPTY_ACTION = re.compile(r"""\baction\s*=\s*(""|'')""", re.IGNORECASE)


def test_no_form_of_the_templates_has_an_empty_action():
    """HTML forbids `action=""` (RGAA 8.2, valid code): a form that submits to its own page leaves `action` out."""
    tags = [tag for path in TEMPLATES for tag in FORM_TAG.findall(path.read_text(encoding="utf-8"))]
    assert len(tags) > 50
    empty = [" ".join(tag.split())[:120] for tag in tags if EMPTY_ACTION.search(tag)]
    assert empty == [], "Formulaires à l'attribut action vide :\n" + "\n".join(empty)
