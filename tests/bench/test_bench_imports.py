"""The bench scripts import the platform inside functions (Django is set up first): a name moved in the code must
not wait for `make bench` to break. Every `from fabrique… import name` written anywhere under bench/ resolves."""

import ast
import importlib
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def fabrique_imports(source: str) -> list[tuple[int, str, str]]:
    """(line, module, name) of each `from fabrique… import name` of a module, at any depth."""
    return [
        (node.lineno, node.module, alias.name)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "fabrique"
        for alias in node.names
    ]


def unresolved(source: str) -> list[str]:
    problems = []
    for line, module_name, name in fabrique_imports(source):
        try:
            module = importlib.import_module(module_name)
        except ImportError as error:
            problems.append(f"ligne {line} : {module_name} ({error})")
            continue
        if not hasattr(module, name):
            try:
                importlib.import_module(f"{module_name}.{name}")
            except ImportError:
                problems.append(f"ligne {line} : {module_name} n'a pas de {name}")
    return problems


@pytest.mark.parametrize("path", sorted(BENCH.rglob("*.py")), ids=lambda path: str(path.relative_to(BENCH)))
def test_every_import_of_the_platform_in_the_bench_resolves(path):
    assert unresolved(path.read_text(encoding="utf-8")) == []


def test_the_check_sees_a_moved_module_and_a_moved_name():
    source = (
        "def prepare():\n"
        "    from fabrique.accounts.enums import MembershipRole\n"
        "    from fabrique.accounts.models import Membership, User\n"
    )
    assert unresolved(source) == [
        "ligne 2 : fabrique.accounts.enums (No module named 'fabrique.accounts.enums')",
        "ligne 3 : fabrique.accounts.models n'a pas de Membership",
    ]
