"""The longest modules run first, so that `make test` (pytest-xdist, --dist loadscope) does not end on one of them.

Each install-and-restore round trip drives a dozen subprocesses (migrate, demo, backup, restore): a minute or more
per test, where the other modules take seconds. Started first on one worker, they run while the other worker takes
the rest of the suite; started last, the whole run would wait for them. pytest-randomly still shuffles everything
else, and these modules' own tests.
"""

import pytest

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
