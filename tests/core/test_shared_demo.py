"""The demo shared by a module (tests/shared_demo.py): a module using it uses it in every database test."""

from types import SimpleNamespace

from tests.shared_demo import modules_mixing_the_shared_demo


def item(module: str, name: str, *fixtures: str, django_db_marker: bool = False):
    return SimpleNamespace(
        module=SimpleNamespace(__name__=module),
        name=name,
        fixturenames=list(fixtures),
        get_closest_marker=lambda marker: object() if django_db_marker and marker == "django_db" else None,
    )


def test_a_module_where_every_database_test_shares_the_demo_is_accepted():
    items = [
        item("tests.a", "test_reads", "shared_demo", "db", "client"),
        item("tests.a", "test_without_database", "settings"),
        item("tests.b", "test_elsewhere", "db"),
    ]
    assert modules_mixing_the_shared_demo(items) == {}


def test_a_database_test_beside_the_shared_demo_is_named_with_its_module():
    items = [
        item("tests.a", "test_reads", "shared_demo", "db"),
        item("tests.a", "test_builds_its_own_rows", "structure", "db"),
        item("tests.a", "test_marked", django_db_marker=True),
        item("tests.b", "test_elsewhere", "db"),
    ]
    assert modules_mixing_the_shared_demo(items) == {"tests.a": ["test_builds_its_own_rows", "test_marked"]}


def test_a_transactional_test_cannot_share_the_demo_it_would_empty():
    items = [
        item("tests.a", "test_reads", "shared_demo", "db"),
        item("tests.a", "test_live", "shared_demo", "db", "transactional_db", "live_server"),
    ]
    assert modules_mixing_the_shared_demo(items) == {"tests.a": ["test_live"]}
