"""The longest modules go first in the collected order (tests/scheduling.py), the others keep theirs."""

from pathlib import Path
from types import SimpleNamespace

from tests.scheduling import LONGEST_FIRST, pytest_collection_modifyitems

REPOSITORY = Path(__file__).resolve().parents[2]


def test_every_module_named_as_longest_exists():
    assert LONGEST_FIRST
    missing = [path for path in LONGEST_FIRST if not (REPOSITORY / path).is_file()]
    assert missing == []


def test_the_longest_modules_move_to_the_front_in_their_order_and_the_rest_keeps_its_order():
    nodeids = [
        "tests/core/test_a.py::test_one",
        f"{LONGEST_FIRST[1]}::test_two",
        "tests/core/test_b.py::test_three",
        f"{LONGEST_FIRST[0]}::test_four[sqlite]",
        "tests/core/test_a.py::test_five",
        f"{LONGEST_FIRST[0]}::test_four[postgresql]",
    ]
    items = [SimpleNamespace(nodeid=nodeid) for nodeid in nodeids]
    pytest_collection_modifyitems(items)
    assert [item.nodeid for item in items] == [
        f"{LONGEST_FIRST[0]}::test_four[sqlite]",
        f"{LONGEST_FIRST[0]}::test_four[postgresql]",
        f"{LONGEST_FIRST[1]}::test_two",
        "tests/core/test_a.py::test_one",
        "tests/core/test_b.py::test_three",
        "tests/core/test_a.py::test_five",
    ]
