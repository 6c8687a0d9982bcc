"""The house plan, checked: the layer contract names every app, no import cycle runs through `fabrique/`, and an
import inside a function says why it is there.

The layers themselves are checked by import-linter (`make lint`, `[tool.importlinter]` in pyproject.toml).
"""

import ast
import re
import tomllib
from functools import cache
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "fabrique"
# The comment that justifies an import inside a function, on its line or just above the imports it heads.
REASON = re.compile(r"#\s*Local import:\s*\S")


def python_files() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if "migrations" not in path.parts)


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports_fabrique(node: ast.AST) -> bool:
    if isinstance(node, ast.ImportFrom):
        return node.level > 0 or (node.module or "").split(".")[0] == "fabrique"
    return isinstance(node, ast.Import) and any(alias.name.split(".")[0] == "fabrique" for alias in node.names)


@cache
def imports_in_functions(path: Path) -> tuple[ast.stmt, ...]:
    """Every import statement written inside a function of `path`."""
    found = []
    for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom) and node not in found:
                    found.append(node)
    return tuple(found)


def local_imports(path: Path) -> tuple[ast.stmt, ...]:
    """The imports of a Fabrique module written inside a function of `path`."""
    return tuple(node for node in imports_in_functions(path) if _imports_fabrique(node))


def lines_of(nodes) -> set[int]:
    return {number for node in nodes for number in range(node.lineno, (node.end_lineno or 0) + 1)}


def has_reason(lines: list[str], node: ast.stmt, import_lines: set[int]) -> bool:
    """A `# Local import: …` comment on the import's line, or above it through comments and other imports."""
    if REASON.search(lines[node.lineno - 1]):
        return True
    number = node.lineno - 1
    while number >= 1:
        line = lines[number - 1].strip()
        if REASON.search(line):
            return True
        if line and not line.startswith("#") and number not in import_lines:
            return False
        number -= 1
    return False


def unexplained_local_imports() -> list[str]:
    unexplained = []
    for path in python_files():
        nodes = local_imports(path)
        if not nodes:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        import_lines = lines_of(imports_in_functions(path))
        for node in nodes:
            if not has_reason(lines, node, import_lines):
                unexplained.append(f"{path.relative_to(ROOT)}:{node.lineno}: {lines[node.lineno - 1].strip()}")
    return unexplained


def test_every_import_inside_a_function_says_why_it_is_not_at_the_top():
    unexplained = unexplained_local_imports()
    assert not unexplained, "Import dans une fonction sans « # Local import: … » :\n" + "\n".join(unexplained)


def test_the_local_import_check_sees_an_unexplained_import_and_accepts_an_explained_one(tmp_path):
    source = tmp_path / "sample.py"
    source.write_text(
        "def bare():\n    from fabrique.core import french\n\n\n"
        "def explained():\n    # Local import: read once the apps are loaded.\n    from django.db import models\n\n"
        "    from fabrique.core import french\n    from . import lookups\n",
        encoding="utf-8",
    )
    nodes = local_imports(source)
    lines = source.read_text(encoding="utf-8").splitlines()
    import_lines = lines_of(imports_in_functions(source))
    assert [has_reason(lines, node, import_lines) for node in nodes] == [False, True, True]


@cache
def runtime_graph() -> grimp.ImportGraph:
    return grimp.build_graph("fabrique", cache_dir=None, exclude_type_checking_imports=True)


def _module_level_edges(graph: grimp.ImportGraph) -> dict[str, set[str]]:
    """Who imports whom when a module is imported: the imports inside functions run later and are left out."""
    local_lines = {}
    for path in python_files():
        local_lines[module_name(path)] = {node.lineno for node in local_imports(path)}
    edges: dict[str, set[str]] = {}
    for importer in graph.modules:
        for imported in graph.find_modules_directly_imported_by(importer):
            details = graph.get_import_details(importer=importer, imported=imported)
            lines = {detail["line_number"] for detail in details}
            if not details or lines - local_lines.get(importer, set()):
                edges.setdefault(importer, set()).add(imported)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges.get(root, ()))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_cycle_runs_through_fabrique():
    found = cycles(_module_level_edges(runtime_graph()))
    assert not found, "Cycles d'imports :\n" + "\n".join(" <-> ".join(component) for component in found)


def test_the_cycle_check_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@cache
def contract() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]


def test_the_layer_contract_names_every_app_of_fabrique():
    (layers,) = [item for item in contract()["contracts"] if item["type"] == "layers"]
    named = {name.strip().strip("()") for layer in layers["layers"] for name in re.split(r"[|:]", layer)}
    apps = {f"fabrique.{path.parent.name}" for path in PACKAGE.glob("*/apps.py")}
    assert apps <= named, f"Applications absentes du contrat des couches : {sorted(apps - named)}"
