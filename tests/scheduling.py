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


def _rank(item) -> int:
    path = item.nodeid.split("::", 1)[0]
    return LONGEST_FIRST.index(path) if path in LONGEST_FIRST else len(LONGEST_FIRST)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    items.sort(key=_rank)  # stable: the shuffled order holds within each rank


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
