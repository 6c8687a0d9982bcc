"""What the suite collects, in which order: the longest modules first, so that `make test` (pytest-xdist, --dist
loadscope) does not end on one of them.

Each install-and-restore round trip drives a dozen subprocesses (migrate, demo, backup, restore): a minute or more
per test, where the other modules take seconds. Started first on one worker, they run while the other worker takes
the rest of the suite; started last, the whole run would wait for them. pytest-randomly still shuffles everything
else, and these modules' own tests.

The schema fuzzing module is not even collected when `-m` leaves out its marker (`make test`'s default): schemathesis
builds its hundreds of cases while collecting, which cost each worker more than half of its collection time.
"""

import pytest

FUZZING = "test_schema_fuzzing.py"  # every test of it is marked fuzz
LONGEST_FIRST = (
    "tests/ops/test_backup_restore.py",
    "tests/ops/test_backup_live_sqlite.py",
)


def _module(item) -> str:
    return item.nodeid.split("::", 1)[0]


def _transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return "transactional_db" in item.fixturenames or bool(marker and marker.kwargs.get("transaction"))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Longest modules first; modules with a transactional test last, as pytest-django orders the tests themselves.

    A transactional test empties its worker's database at its end, the départements of the migrations included:
    pytest-django runs those tests after all the others, but --dist loadscope hands out whole modules in the order
    of their first test, so a module holding one must come after every module that needs the reference data.
    """
    transactional = {_module(item) for item in items if _transactional(item)}

    def rank(item) -> tuple[int, bool]:
        module = _module(item)
        first = LONGEST_FIRST.index(module) if module in LONGEST_FIRST else len(LONGEST_FIRST)
        return first, module in transactional

    items.sort(key=rank)  # stable: the shuffled order, and pytest-django's, hold within each rank


def fuzzing_left_out(markexpr: str) -> bool:
    """True when the `-m` expression deselects a test marked fuzz (and nothing else)."""
    if not markexpr:
        return False
    try:  # pytest's own evaluation of -m; should it move, the module is collected and deselected as before
        from _pytest.mark import MarkMatcher
        from _pytest.mark.expression import Expression
    except ImportError:
        return False
    return not Expression.compile(markexpr).evaluate(MarkMatcher.from_markers([pytest.mark.fuzz.mark]))


def pytest_ignore_collect(collection_path, config):
    if collection_path.name == FUZZING and fuzzing_left_out(config.option.markexpr):
        return True
    return None
