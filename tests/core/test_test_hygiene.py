"""Tests that cannot pass by accident: read with `ast`, every test module under tests/ is held to two rules.

- `pytest.raises(...)` names the refusal it expects (`match=` on the French message or the error code): without it,
  any error of that type, raised for any reason, lets the test pass.
- A test whose assertions all sit inside `for` loops also asserts something outside them (usually that the
  loop has rows to check): otherwise it passes, checking nothing, when the loop is empty. A loop over values
  written out in the test (`for url in ("/", "/carte/")`) cannot be empty and counts as straight code.
- Browser tests wait for what they check: `expect(locator).to_be_visible()`, never `locator.is_visible()`, which
  answers at once, before the page has finished changing.
"""

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
LOOPS = (ast.For, ast.AsyncFor)
SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


def suite_modules() -> list[Path]:
    return sorted(TESTS.rglob("*.py"))


def parsed(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(TESTS.parent)}:{node.lineno}"


def is_pytest_raises(call: ast.Call) -> bool:
    """`pytest.raises(...)` or `raises(...)` imported from pytest."""
    function = call.func
    if isinstance(function, ast.Attribute):
        return function.attr == "raises" and isinstance(function.value, ast.Name) and function.value.id == "pytest"
    return isinstance(function, ast.Name) and function.id == "raises"


def raises_without_match(tree: ast.AST) -> list[ast.Call]:
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and is_pytest_raises(node)
        and not any(keyword.arg == "match" for keyword in node.keywords)
    ]


def always_runs(loop: ast.For | ast.AsyncFor) -> bool:
    """A loop over a written-out list, tuple or set of values cannot be empty."""
    values = loop.iter
    return (
        isinstance(values, ast.List | ast.Tuple | ast.Set)
        and bool(values.elts)
        and not any(isinstance(value, ast.Starred) for value in values.elts)
    )


def asserts_by_place(node: ast.AST, in_loop: bool = False) -> tuple[int, int]:
    """(asserts inside a `for` body, asserts outside any) in one function, its nested functions left out."""
    inside = outside = 0
    for child in ast.iter_child_nodes(node):
        if isinstance(child, SCOPES):
            continue
        # the loop's `else:` runs once, loop or no loop: only its body is conditional on rows
        child_in_loop = in_loop or isinstance(node, LOOPS) and child in node.body and not always_runs(node)
        if isinstance(child, ast.Assert):
            inside, outside = (inside + 1, outside) if child_in_loop else (inside, outside + 1)
        more_inside, more_outside = asserts_by_place(child, child_in_loop)
        inside, outside = inside + more_inside, outside + more_outside
    return inside, outside


def functions_named_test(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test_"):
            yield node


def loop_only_tests(tree: ast.AST) -> list[ast.FunctionDef]:
    found = []
    for function in functions_named_test(tree):
        inside, outside = asserts_by_place(function)
        if inside and not outside:
            found.append(function)
    return found


def test_the_scan_covers_the_whole_suite():
    paths = {str(path.relative_to(TESTS)) for path in suite_modules()}
    assert {"conftest.py", "core/test_test_hygiene.py", "e2e/conftest.py", "network/helpers.py"} <= paths
    assert len(paths) > 150


def test_every_pytest_raises_names_the_refusal_it_expects():
    missing = [where(path, call) for path in suite_modules() for call in raises_without_match(parsed(path))]
    assert missing == [], "pytest.raises sans match= (n'importe quelle erreur de ce type suffirait) : " + ", ".join(
        missing
    )


def is_visible_calls(tree: ast.AST) -> list[ast.Call]:
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "is_visible"
    ]


def test_browser_tests_wait_for_what_they_check():
    browser_modules = sorted((TESTS / "e2e").glob("*.py"))
    assert browser_modules
    found = [where(path, call) for path in browser_modules for call in is_visible_calls(parsed(path))]
    assert found == [], "is_visible() n'attend pas : utilisez expect(…).to_be_visible() : " + ", ".join(found)


def test_no_test_asserts_only_inside_a_loop():
    loop_only = [where(path, function) for path in suite_modules() for function in loop_only_tests(parsed(path))]
    assert loop_only == [], (
        "tests dont toutes les assertions sont dans une boucle (ils passent si elle est vide) : " + ", ".join(loop_only)
    )


# The scans themselves are tested on small sources, so that a scan finding nothing means something.

ON_EMPTY_LOOP = """
def test_each_row(rows):
    for row in rows:
        assert row.ok
"""

GUARDED_LOOP = """
def test_each_row(rows):
    assert rows
    for row in rows:
        assert row.ok
"""

ASSERT_IN_A_LOOP_ELSE = """
def test_each_row(rows):
    for row in rows:
        assert row.ok
    else:
        assert True
"""

ASSERT_IN_A_NESTED_HELPER = """
def test_each_row(rows):
    def check():
        assert rows
    for row in rows:
        assert row.ok
"""


OVER_WRITTEN_OUT_VALUES = """
def test_each_page(client):
    for url in ("/", "/carte/"):
        assert client.get(url).status_code == 200
"""

OVER_A_STARRED_LIST = """
def test_each_page(client, urls):
    for url in [*urls]:
        assert client.get(url).status_code == 200
"""

IN_A_LOOP_INSIDE_A_WRITTEN_OUT_ONE = """
def test_each_page(client, pages):
    for who in ("member", "anonymous"):
        for url in pages[who]:
            assert client.get(url).status_code == 200
"""


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        (ON_EMPTY_LOOP, True),
        (GUARDED_LOOP, False),
        (ASSERT_IN_A_LOOP_ELSE, False),
        (ASSERT_IN_A_NESTED_HELPER, True),
        (OVER_WRITTEN_OUT_VALUES, False),
        (OVER_A_STARRED_LIST, True),
        (IN_A_LOOP_INSIDE_A_WRITTEN_OUT_ONE, True),
    ],
)
def test_the_loop_scan_flags_only_unguarded_loops(source, flagged):
    assert bool(loop_only_tests(ast.parse(source))) is flagged


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        ("with pytest.raises(ValueError):\n    int('x')", True),
        ("with pytest.raises(ValueError) as error:\n    int('x')", True),
        ("from pytest import raises\nwith raises(ValueError):\n    int('x')", True),
        ("with pytest.raises(ValueError, match='invalid literal'):\n    int('x')", False),
        ("with pytest.raises(\n    ValueError,\n    match='invalid literal',\n):\n    int('x')", False),
    ],
)
def test_the_raises_scan_flags_only_calls_without_match(source, flagged):
    assert bool(raises_without_match(ast.parse(source))) is flagged


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        ("assert page.get_by_role('button').is_visible()", True),
        ("expect(page.get_by_role('button')).to_be_visible()", False),
    ],
)
def test_the_browser_scan_flags_is_visible(source, flagged):
    assert bool(is_visible_calls(ast.parse(source))) is flagged
