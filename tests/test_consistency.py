"""Consistency meta-tests: rules about the code as a whole, checked by reading it, in one module.

- every route of the URL conf and every operation of the OpenAPI document has a row in the role matrix;
- every setting read with a fallback is declared and documented, every environment variable read is documented;
- every model and every field of Fabrique declares its French name (gettext), not the one Django derives
  from the Python name;
- every template is used by some code or template;
- no row that owns a stored file can disappear by a database cascade (its file would stay on disk, unlisted);
- a row of a state's log is written only by a services module (one verb per transition);
- only the perms modules read the roles (`roles_of`), and no template tests a role flag of the user (they read
  `site_abilities` or an `abilities` dict, both from perms.py);
- no API answer is a dict written by hand: the presenters fill the schema with `answer()` (one list of fields).

The layers and the imports are checked by tests/test_architecture.py and import-linter (`make lint`).
"""

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.db import models
from django.urls import URLResolver, get_resolver
from django.utils.functional import Promise

from fabrique import settings as declared  # the module: tests' fixtures add settings to django.conf.settings
from fabrique.api import api
from tests.role_matrix import expectations

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "fabrique"
API_PREFIX = "/api/v1"


# --- Every route and operation in the role matrix --------------------------------------------------------------


def _url_patterns(patterns=None, prefix="", namespace=""):
    """(namespace, key, route) of every pattern of the URL conf, recursively; the key is "namespace:name"."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace or ""]))
            yield from _url_patterns(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        else:
            route = prefix + str(pattern.pattern)
            key = ":".join(filter(None, [namespace, pattern.name or route]))
            yield namespace, key, route


def _openapi_operations() -> set[tuple[str, str]]:
    paths = api.get_openapi_schema()["paths"]
    return {(method.upper(), path.removeprefix(API_PREFIX)) for path, ops in paths.items() for method in ops}


def _is_api_operation(route: str, api_paths: set[str]) -> bool:
    """A route of the API served for an operation of the OpenAPI document (its own table checks it)."""
    template = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)
    return template.removeprefix(API_PREFIX) in api_paths


def test_every_route_of_the_url_conf_has_a_row_in_the_role_matrix():
    api_paths = {path for _method, path in _openapi_operations()}
    routes = {
        key
        for namespace, key, route in _url_patterns()
        if namespace != "admin" and not _is_api_operation(route, api_paths)
    }
    assert len(routes) > 100
    covered = {row.route for row in expectations.PAGES}
    assert routes - covered == set(), "routes without a row in tests/role_matrix/expectations.py"
    assert covered - routes == set(), "rows for routes that do not exist"


def test_every_operation_of_the_openapi_document_has_a_row_in_the_role_matrix():
    operations = _openapi_operations()
    assert len(operations) > 50
    covered = {(row.method, row.route) for row in expectations.API}
    assert operations - covered == set(), "operations without a row in tests/role_matrix/expectations.py"
    assert covered - operations == set(), "rows for operations that do not exist"


# --- No setting read without its declaration -------------------------------------------------------------------

GETATTR_SETTING = re.compile(r"""getattr\(\s*settings\s*,\s*["']([A-Za-z0-9_]+)["']""")
# The variables settings.py reads from the environment, through its helpers or os.environ.
ENV_READ = re.compile(
    r"""(?:env[a-z]*|os\.environ\.get)\(\s*["']([A-Z0-9_]+)["']|os\.environ\[\s*["']([A-Z0-9_]+)["']"""
)
DOCUMENTED_VARIABLE = re.compile(r"^\| `([A-Z0-9_]+)` \|", re.MULTILINE)


def settings_read_with_getattr() -> set[str]:
    return {
        name for path in PACKAGE.rglob("*.py") for name in GETATTR_SETTING.findall(path.read_text(encoding="utf-8"))
    }


SETTING_NAMES = sorted(settings_read_with_getattr())


def environment_variables_read() -> set[str]:
    source = (PACKAGE / "settings.py").read_text(encoding="utf-8")
    return {helper or direct for helper, direct in ENV_READ.findall(source)}


def documented_variables() -> set[str]:
    return set(DOCUMENTED_VARIABLE.findall((ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")))


def test_the_scan_finds_the_settings_read_with_getattr():
    assert {"LIBRARY_MAX_UPLOAD_MB", "APPELLATION_QUORUM_RATIO", "MAP_CACHE_SECONDS"} <= set(SETTING_NAMES)


@pytest.mark.parametrize("name", SETTING_NAMES)
def test_a_setting_read_with_getattr_is_declared_in_settings(name):
    assert hasattr(declared, name), f"{name} est lu par getattr(settings, …) mais absent de fabrique/settings.py"


@pytest.mark.parametrize("name", SETTING_NAMES)
def test_a_setting_read_with_getattr_is_documented(name):
    documentation = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert f"`{name}`" in documentation, f"{name} manque dans docs/configuration.md"


def test_the_scan_finds_the_environment_variables():
    assert {"DEBUG", "SECRET_KEY", "AXES_FAILURE_LIMIT", "CACHE_URL", "TRUSTED_PROXY_COUNT"} <= (
        environment_variables_read()
    )


def test_every_environment_variable_read_by_the_settings_is_documented():
    missing = sorted(environment_variables_read() - documented_variables())
    assert missing == [], f"absentes du tableau de docs/configuration.md : {missing}"


def test_every_documented_variable_is_still_read_by_the_settings():
    stale = sorted(documented_variables() - environment_variables_read())
    assert stale == [], f"documentées mais plus lues par fabrique/settings.py : {stale}"


# --- Names in French -------------------------------------------------------------------------------------------


def fabrique_models() -> list[type[models.Model]]:
    """Fabrique's own models; django-simple-history's copies take their names from the model they copy."""
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("fabrique.") and not model.__name__.startswith("Historical")
    ]


def undeclared_names() -> list[str]:
    """Models and fields whose name is the one Django derives from the Python name, or not translatable."""
    found = []
    for model in fabrique_models():
        meta = model._meta
        for attribute in ("verbose_name", "verbose_name_plural"):
            if not isinstance(meta.original_attrs.get(attribute), Promise):
                found.append(f"{meta.label}.Meta.{attribute}")
        for field in [*meta.local_fields, *meta.local_many_to_many]:
            # Field keeps what it was given in `_verbose_name` (None when the name was derived).
            if not field.auto_created and not isinstance(field._verbose_name, Promise):
                found.append(f"{meta.label}.{field.name}")
    return found


def test_the_name_scan_reads_every_model_and_field():
    labels = {model._meta.label for model in fabrique_models()}
    assert {"network.Structure", "method.Project", "appellation.Vote", "library.ResourceFile"} <= labels
    assert sum(len(model._meta.local_fields) for model in fabrique_models()) > 300


def test_every_model_and_field_declares_its_french_name_through_gettext():
    assert undeclared_names() == [], "noms dérivés du nom Python (verbose_name à déclarer, en français, avec _())"


# --- No unused template ----------------------------------------------------------------------------------------

ERROR_PAGE_STATUS = re.compile(r"error_page\(\s*request\s*,\s*(\d{3})")
TEXT_SUFFIXES = {".py", ".html", ".txt", ".xml", ".svg", ".ics", ".css", ".js"}


def templates() -> dict[str, Path]:
    """Every file of every `templates/` folder of the package, by the name the template loaders give it."""
    return {
        str(path.relative_to(folder)): path
        for folder in PACKAGE.rglob("templates")
        if folder.is_dir()
        for path in folder.rglob("*")
        if path.is_file()
    }


def names_used_by_convention() -> set[str]:
    """`<status>.html` of the error pages, which core/error_pages.py renders from the status it is given."""
    source = (PACKAGE / "core" / "error_pages.py").read_text(encoding="utf-8")
    return {f"{status}.html" for status in ERROR_PAGE_STATUS.findall(source)} | {"500.html"}


def unused_templates() -> list[str]:
    text = "\n".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix in TEXT_SUFFIXES
    )
    return sorted(name for name in templates() if name not in text and name not in names_used_by_convention())


def test_the_template_scan_finds_the_templates_and_the_error_pages():
    assert len(templates()) > 100
    assert {"400.html", "403.html", "404.html", "405.html", "500.html"} <= names_used_by_convention()


def test_every_template_is_used():
    assert unused_templates() == []


# --- Files are never orphaned by a cascade ---------------------------------------------------------------------

KEEPS_THE_FILE = {models.PROTECT, models.SET_NULL}


def file_owning_models() -> list[type[models.Model]]:
    return [
        model
        for model in fabrique_models()
        if any(isinstance(field, models.FileField) for field in model._meta.local_fields)
    ]


def test_the_file_scan_finds_the_library_and_the_appellation_files():
    assert {model._meta.label for model in file_owning_models()} == {
        "library.ResourceFile",
        "appellation.RequestAttachment",
        "workspace.MessageAttachment",
        "workspace.ProjectDocumentVersion",
    }


@pytest.mark.parametrize("model", file_owning_models(), ids=lambda model: model._meta.label)
def test_a_row_owning_a_file_is_never_deleted_by_a_cascade(model):
    """Deleting the owner would delete the row and leave its file in the storage: the database refuses it
    (PROTECT), and the services that remove a file delete it from the storage after the commit."""
    cascading = [
        field.name
        for field in model._meta.local_fields
        if field.many_to_one and field.remote_field.on_delete not in KEEPS_THE_FILE
    ]
    assert cascading == []


# --- Log rows only from the services ---------------------------------------------------------------------------

# The logs of a state not yet declared with core's TransitionTable: they are checked by name until they derive
# from TransitionLog (issue 12: every log does now).
LOGS_NOT_YET_ON_A_TABLE: set[str] = set()
# Writers of log rows not yet behind their app's service verbs. The list only shrinks: it is empty.
LOG_WRITERS_LEFT: set[str] = set()


def transition_log_names() -> set[str]:
    from django.apps import apps

    from fabrique.core.transitions import TransitionLog

    return {model.__name__ for model in apps.get_models() if issubclass(model, TransitionLog)} | (
        LOGS_NOT_YET_ON_A_TABLE
    )


def log_rows_written(tree: ast.AST, names: set[str]) -> list[int]:
    """Lines creating a row of one of `names`: `<Log>(...)`, `<Log>.objects.create(...)` or `.bulk_create(...)`."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in names:
            lines.append(node.lineno)
        elif (
            isinstance(func, ast.Attribute)
            and func.attr in ("create", "bulk_create", "get_or_create", "update_or_create")
            and isinstance(func.value, ast.Attribute)
            and func.value.attr == "objects"
            and isinstance(func.value.value, ast.Name)
            and func.value.value.id in names
        ):
            lines.append(node.lineno)
    return lines


def python_files() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if "migrations" not in path.parts)


def _is_services(path: Path) -> bool:
    return path.name == "services.py" or "services" in path.parts


def test_log_rows_are_written_only_by_the_services():
    names = transition_log_names()
    assert {"StructureStatusLog", "ProjectStageLog", "RequestLog"} <= names
    found = {
        str(path.relative_to(ROOT)): lines
        for path in python_files()
        if not _is_services(path) and (lines := log_rows_written(ast.parse(path.read_text("utf-8")), names))
    }
    assert set(found) <= LOG_WRITERS_LEFT, {k: v for k, v in found.items() if k not in LOG_WRITERS_LEFT}
    assert LOG_WRITERS_LEFT <= set(found), (
        f"plus d'écriture de journal ici, à retirer de la liste : {LOG_WRITERS_LEFT - set(found)}"
    )


def test_the_log_row_check_sees_a_create_a_bulk_create_and_a_constructor():
    source = (
        "StructureStatusLog.objects.create(note='x')\n"
        "StructureStatusLog.objects.bulk_create([])\n"
        "row = StructureStatusLog(note='x')\n"
        "StructureStatusLog.objects.filter(pk=1).update(note='y')\n"
    )
    assert log_rows_written(ast.parse(source), {"StructureStatusLog"}) == [1, 2, 3]


# --- Rights read only by the perms modules ---------------------------------------------------------------------

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


# --- One list of fields per API answer -------------------------------------------------------------------------


def api_answering_modules() -> list[Path]:
    """The apps' presenters and API modules (not fabrique/api.py, whose error bodies are core's `ApiError`)."""
    return sorted(
        path
        for path in PACKAGE.glob("*/**/*.py")
        if path.name in ("presenters.py", "api.py") or path.parent.name == "api"
    )


def answers_written_by_hand(tree: ast.AST) -> list[int]:
    """Lines of a dict with text keys in what a function answers (`return …`, `envelope["results"] = …`), unless it
    is the value of a field given to `answer()` (a field the schema types as a free dict)."""
    field_values = {
        id(keyword.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "answer"
        for keyword in node.keywords
    }
    answered = [node.value for node in ast.walk(tree) if isinstance(node, ast.Return) and node.value is not None]
    answered += [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and any(isinstance(target, ast.Subscript) for target in node.targets)
    ]
    return sorted(
        {
            node.lineno
            for expression in answered
            for node in ast.walk(expression)
            if isinstance(node, ast.Dict)
            and id(node) not in field_values
            and any(isinstance(key, ast.Constant) and isinstance(key.value, str) for key in node.keys)
        }
    )


def test_no_api_answer_is_a_dict_written_by_hand():
    modules = api_answering_modules()
    assert {"network/presenters.py", "method/api/projects.py", "community/api.py"} <= {
        str(path.relative_to(PACKAGE)) for path in modules
    }
    found = {
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in modules
        for line in answers_written_by_hand(ast.parse(path.read_text("utf-8")))
    }
    assert not found, f"réponse écrite à la main : answer(Schéma, objet, …) de core/api_answers.py ({sorted(found)})"


def test_the_answer_scan_sees_a_returned_dict_and_a_page_of_them_and_lets_a_free_dict_field_pass():
    source = (
        "def item(x):\n"
        "    return {'id': x.pk}\n"
        "def page(envelope, rows):\n"
        "    envelope['results'] = [{'id': r.pk} for r in rows]\n"
        "def created(x):\n"
        "    return Status(201, {**item(x), 'token': 'abc'})\n"
        "def fine(x):\n"
        "    counts = {'n': 1}\n"
        "    return answer(Out, x, mix={'sales': 1.0}, n=counts['n'])\n"
    )
    assert answers_written_by_hand(ast.parse(source)) == [2, 4, 6]


# A refusal is read by a person: its message goes through gettext like every other text of the interface.
def refusal_names() -> set[str]:
    from fabrique.core.exceptions import DomainError

    names, pending = {"PermissionDenied", "Http404"}, [DomainError]
    while pending:
        cls = pending.pop()
        names.add(cls.__name__)
        pending.extend(cls.__subclasses__())
    return names


def untranslated_refusals(source: str, names: set[str]) -> list[int]:
    """Lines raising a refusal whose message (its last positional argument: a code may come first) is a bare
    string or an f-string, not a gettext call."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Raise)
        and isinstance(node.exc, ast.Call)
        and getattr(node.exc.func, "id", getattr(node.exc.func, "attr", None)) in names
        and node.exc.args
        and isinstance(node.exc.args[-1], ast.JoinedStr | ast.Constant)
    ]


def test_every_refusal_message_goes_through_gettext():
    names = refusal_names()
    found = {
        str(path.relative_to(ROOT)): lines
        for path in sorted((ROOT / "fabrique").rglob("*.py"))
        if "migrations" not in path.parts and (lines := untranslated_refusals(path.read_text(encoding="utf-8"), names))
    }
    assert found == {}


def test_the_refusal_scan_sees_a_bare_string_and_an_f_string_but_not_gettext():
    source = (
        "raise PermissionDenied('Non.')\n"
        "raise TransitionError(f'Non : {x}.')\n"
        "raise PermissionDenied(_('Non.'))\n"
        "raise Http404\n"
        "raise InvitationUnusable('used', _('Déjà utilisée.'))\n"
        "raise InvitationUnusable('used', 'Déjà utilisée.')\n"
    )
    names = {"PermissionDenied", "TransitionError", "Http404", "InvitationUnusable"}
    assert untranslated_refusals(source, names) == [1, 2, 6]
