"""The rooms of the house stay true: every name the architecture docs give in backticks still exists.

In docs/apps/*.md, docs/rules.md, docs/architecture.md and docs/glossary.md:
- a dotted `fabrique.…` name imports (the longest importable module, then `getattr` for the rest);
- a `fabrique/…` or `tests/…` path exists (with `::name`, the file defines that function or class), and so does
  a path written from an app (`network/map.py`, or a template's name such as `network/map/_map.html`);
- a relative Markdown link leads to a file, and to its anchor (an `id="…"` or a heading).
Every app of `fabrique/` (a package with an `apps.py`) has its page in docs/apps/, which copies the app's line of
the layer contract as pyproject.toml writes it; the picture of the layers in docs/architecture.md is the contract.
"""

import ast
import importlib
import re
import tomllib
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
SPAN = re.compile(r"`([^`\n]+)`")
# A dotted name, optionally called: `fabrique.method.stages.change_stage`, `fabrique.network.roles.roles_of(user)`.
DOTTED = re.compile(r"^(fabrique(?:\.[A-Za-z_]\w*)+)(?:\(.*\))?$")
# A path of the repository, optionally with a test or a class: `tests/method/test_stages.py::test_one_stage`.
PATH = re.compile(r"^((?:fabrique|tests)/[\w./-]*)(?:::(\w+))?$")
LINK = re.compile(r"\]\(([^)#\s]*)(?:#([^)\s]*))?\)")
ANCHOR = re.compile(r'id="([^"]+)"')
HEADING = re.compile(r"^#+\s+(.*)$", re.MULTILINE)


def apps_of_fabrique() -> list[str]:
    return sorted(path.parent.name for path in (ROOT / "fabrique").glob("*/apps.py"))


# A path inside an app, written short: `network/map.py` (a module) or `network/map/_map.html` (a template's name).
APPS = "|".join(apps_of_fabrique())
SHORT_PATH = re.compile(rf"^(?:{APPS})/[\w./-]*$")


def short_path_exists(path: str) -> bool:
    package = ROOT / "fabrique"
    places = [package / path, package / "templates" / path, *package.glob(f"*/templates/{path}")]
    return any(place.exists() for place in places)


def checked_pages() -> list[Path]:
    pages = [DOCS / "rules.md", DOCS / "architecture.md", DOCS / "glossary.md"]
    return sorted((DOCS / "apps").glob("*.md")) + pages


def spans(text: str) -> list[str]:
    """The code spans of a Markdown text, fenced blocks left out (pictures, not references)."""
    return SPAN.findall(FENCE.sub("", text))


def resolves(dotted: str) -> bool:
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            target = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError as error:
            if error.name is not None and not ".".join(parts[:cut]).startswith(error.name):
                raise  # the module exists but imports something missing: a real failure, not a wrong name
            continue
        for name in parts[cut:]:
            if not hasattr(target, name):
                return False
            target = getattr(target, name)
        return True
    return False


@cache
def defined_names(path: Path) -> frozenset[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    kinds = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
    return frozenset(node.name for node in ast.walk(tree) if isinstance(node, kinds))


def path_exists(path: str, name: str | None) -> bool:
    target = ROOT / path
    if not target.exists():
        return False
    return name is None or (target.suffix == ".py" and name in defined_names(target))


def slug(heading: str) -> str:
    """The anchor a Markdown renderer gives a heading (GitHub's way: lower case, punctuation dropped)."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower().replace("`", ""))
    return text.replace(" ", "-")


def anchors(text: str) -> set[str]:
    return set(ANCHOR.findall(text)) | {slug(heading) for heading in HEADING.findall(FENCE.sub("", text))}


def link_leads_somewhere(page: Path, text: str, target: str, fragment: str) -> bool:
    if "://" in target or target.startswith("mailto:"):
        return True
    destination = page.parent / target if target else page
    if not destination.exists():
        return False
    if not fragment:
        return True
    destination_text = text if not target else destination.read_text(encoding="utf-8")
    return destination.suffix != ".md" or fragment in anchors(destination_text)


def broken_references(text: str, page: Path) -> list[str]:
    """The references of `text` (read as the page `page`) that no longer lead anywhere."""
    broken = []
    for span in spans(text):
        if match := DOTTED.match(span):
            if not resolves(match[1]):
                broken.append(span)
        elif match := PATH.match(span):
            if not path_exists(match[1], match[2]):
                broken.append(span)
        elif SHORT_PATH.match(span) and not short_path_exists(span):
            broken.append(span)
    for target, fragment in LINK.findall(FENCE.sub("", text)):
        if not link_leads_somewhere(page, text, target, fragment):
            broken.append(f"{target}#{fragment}" if fragment else target)
    return broken


@pytest.mark.parametrize("page", checked_pages(), ids=lambda page: str(page.relative_to(DOCS)))
def test_every_name_and_path_of_the_page_exists(page):
    assert broken_references(page.read_text(encoding="utf-8"), page) == []


def test_the_checker_refuses_a_made_up_name_a_missing_path_and_a_dead_link():
    page = DOCS / "rules.md"
    text = (
        "`fabrique.method.stages` `fabrique.core.transitions.TransitionTable` `fabrique.network.roles.roles_of(user)`"
        " `fabrique/method/` `tests/test_docs.py::test_every_name_and_path_of_the_page_exists` [ok](method.md)"
        " [règle](rules.md#quorum) [titre](method.md#les-étapes-et-leurs-règles) [ici](#plus-bas)"
        " `method/stages.py` `network/map/_map.html` `network/api/`\n"
        "`fabrique.method.stages.no_such_rule` `fabrique.no_such_app` `fabrique/method/no_such.py`"
        " `tests/test_docs.py::test_no_such_test` [mort](apps/no_such.md) [ancre](rules.md#no-such-rule)"
        " `method/no_such.py`\n"
        "## Plus bas\n"
        "```\nfabrique.inside_a_picture\n```\n`fabrique demo` `<app>/perms.py`\n"
    )
    assert broken_references(text, page) == [
        "fabrique.method.stages.no_such_rule",
        "fabrique.no_such_app",
        "fabrique/method/no_such.py",
        "tests/test_docs.py::test_no_such_test",
        "method/no_such.py",
        "apps/no_such.md",
        "rules.md#no-such-rule",
    ]


def test_the_app_scan_finds_the_apps():
    assert {"core", "network", "method", "demo"} <= set(apps_of_fabrique())


def test_every_app_has_its_page():
    missing = [name for name in apps_of_fabrique() if not (DOCS / "apps" / f"{name}.md").exists()]
    assert missing == []


def test_the_index_links_every_app_page():
    index = (DOCS / "apps" / "README.md").read_text(encoding="utf-8")
    assert [name for name in apps_of_fabrique() if f"({name}.md)" not in index] == []


def layer_lines() -> list[str]:
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    return next(contract["layers"] for contract in contracts["contracts"] if contract["type"] == "layers")


def layer_of(app: str) -> str:
    module = f"fabrique.{app}"
    return next(line for line in layer_lines() if module in re.split(r"\s*[|:]\s*", line.strip()))


def test_the_layer_scan_finds_an_app_among_its_neighbours():
    assert "fabrique.library" in layer_of("method") and layer_of("core") == "fabrique.core"


@pytest.mark.parametrize("app", apps_of_fabrique())
def test_each_app_page_names_its_line_of_the_layer_contract(app):
    page = (DOCS / "apps" / f"{app}.md").read_text(encoding="utf-8")
    assert layer_of(app) in spans(page)


def pictured_layers(text: str) -> list[set[str]]:
    """The layers drawn in docs/architecture.md (`core < … < {home, ops, demo} < …`), bottom first."""
    picture = next(block for block in FENCE.findall(text) if "core < " in block)
    body = " ".join(line for line in picture.splitlines() if not line.startswith("```"))
    layers = []
    for group in body.split("<"):
        names = [name.strip() for name in group.strip().strip("{}").split(",")]
        layers.append({name if name.startswith("fabrique.") else f"fabrique.{name}" for name in names})
    return layers


def contract_layers() -> list[set[str]]:
    return [set(re.split(r"\s*[|:]\s*", line.strip())) for line in reversed(layer_lines())]


def test_the_picture_of_the_layers_is_the_contract():
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    assert pictured_layers(text) == contract_layers()


def test_the_picture_check_sees_a_layer_out_of_place():
    drawn = "```\ncore < territories < accounts < network < search\n```"
    assert pictured_layers(drawn)[3:] == [{"fabrique.network"}, {"fabrique.search"}]
    assert pictured_layers(drawn) != contract_layers()
