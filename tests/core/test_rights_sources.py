"""One source of rights: no template tests a role flag of the user (they read `site_abilities` or an
`abilities` dict, both from perms.py)."""

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "fabrique"
ROLE_FLAG = re.compile(r"\buser\.is_(?!authenticated\b|anonymous\b|active\b)\w+")


def test_no_template_tests_a_role_flag_of_the_user():
    found = {
        f"{path.relative_to(PACKAGE)}: {match.group()}"
        for path in PACKAGE.rglob("templates/**/*.html")
        for match in ROLE_FLAG.finditer(path.read_text(encoding="utf-8"))
    }
    assert not found, f"lisez site_abilities ou un dictionnaire abilities de perms.py ({sorted(found)})"


def test_the_template_scan_sees_the_role_flags_and_lets_identity_pass():
    assert ROLE_FLAG.findall("{% if user.is_coordinator %}{% if request.user.is_superuser %}{{ user.is_staff }}") == [
        "user.is_coordinator",
        "user.is_superuser",
        "user.is_staff",
    ]
    assert not ROLE_FLAG.findall("{% if user.is_authenticated %}{% if not user.is_anonymous %}")
