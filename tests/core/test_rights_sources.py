"""One source of rights: only the perms modules read the roles, and no template tests a role flag of the user
(they read `site_abilities` or an `abilities` dict, both from perms.py)."""

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "fabrique"
ROLE_READERS = {"perms.py", "roles.py"}
ROLE_FLAG = re.compile(r"\buser\.is_(?!authenticated\b|anonymous\b|active\b)\w+")


def roles_of_calls(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (getattr(node.func, "id", None) == "roles_of" or getattr(node.func, "attr", None) == "roles_of")
    ]


def test_only_perms_and_roles_modules_call_roles_of():
    found = {
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in PACKAGE.rglob("*.py")
        if path.name not in ROLE_READERS
        for line in roles_of_calls(path)
    }
    assert not found, f"roles_of() hors de perms.py : passez par une fonction de perms.py ({sorted(found)})"


def test_the_scan_sees_a_roles_of_call(tmp_path):
    sample = tmp_path / "views.py"
    sample.write_text("from x import roles_of\n\ndef f(u):\n    return roles.roles_of(u).coordinator or roles_of(u)\n")
    assert roles_of_calls(sample) == [4, 4]


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
