"""tests/scheduling.py: the longest modules go first, the others keep their order; the fuzzing module is collected only
when its tests are selected."""

import ast
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.scheduling import FUZZING, LONGEST_FIRST, fuzzing_left_out, pytest_collection_modifyitems

REPOSITORY = Path(__file__).resolve().parents[2]


def plain(nodeid: str, *fixtures: str, transaction: bool = False):
    marker = SimpleNamespace(kwargs={"transaction": True}) if transaction else None
    return SimpleNamespace(nodeid=nodeid, fixturenames=list(fixtures), get_closest_marker=lambda name: marker)


def test_modules_holding_a_transactional_test_come_after_all_the_others_tests_keeping_their_order():
    items = [
        plain("tests/core/test_a.py::test_one", "db"),
        plain("tests/core/test_t.py::test_db_first", "db"),
        plain("tests/core/test_b.py::test_two", "db"),
        plain("tests/core/test_m.py::test_marked", transaction=True),
        plain("tests/core/test_c.py::test_three"),
        plain("tests/core/test_t.py::test_flushes", "transactional_db"),
        plain(f"{LONGEST_FIRST[0]}::test_long"),
    ]
    pytest_collection_modifyitems(items)
    assert [item.nodeid for item in items] == [
        f"{LONGEST_FIRST[0]}::test_long",
        "tests/core/test_a.py::test_one",
        "tests/core/test_b.py::test_two",
        "tests/core/test_c.py::test_three",
        "tests/core/test_t.py::test_db_first",
        "tests/core/test_m.py::test_marked",
        "tests/core/test_t.py::test_flushes",
    ]


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
    items = [plain(nodeid) for nodeid in nodeids]
    pytest_collection_modifyitems(items)
    assert [item.nodeid for item in items] == [
        f"{LONGEST_FIRST[0]}::test_four[sqlite]",
        f"{LONGEST_FIRST[0]}::test_four[postgresql]",
        f"{LONGEST_FIRST[1]}::test_two",
        "tests/core/test_a.py::test_one",
        "tests/core/test_b.py::test_three",
        "tests/core/test_a.py::test_five",
    ]


@pytest.mark.parametrize(
    ("markexpr", "left_out"),
    [
        ("not e2e and not fuzz", True),  # make test (pyproject's addopts)
        ("e2e", True),  # make e2e
        ("fuzz", False),  # make fuzz
        ("not e2e", False),
        ("", False),
    ],
)
def test_the_fuzzing_module_is_left_out_only_when_the_marker_expression_deselects_fuzz(markexpr, left_out):
    assert fuzzing_left_out(markexpr) is left_out


def test_every_test_of_the_fuzzing_module_carries_the_fuzz_marker():
    [path] = (REPOSITORY / "tests").rglob(FUZZING)
    module = ast.parse(path.read_text(encoding="utf-8"))
    marks = [
        ast.unparse(node.value)
        for node in module.body
        if isinstance(node, ast.Assign) and [ast.unparse(target) for target in node.targets] == ["pytestmark"]
    ]
    assert marks == ["pytest.mark.fuzz"]
