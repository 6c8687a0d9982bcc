"""The audit grid shipped with the package: the 106 criteria of RGAA 4.1 on the 14 pages of the sample."""

from pathlib import Path

from fabrique.core.accessibility import GRID_DIR, Status, platform_audit

ROOT = Path(__file__).resolve().parents[2]
# RGAA 4.1: 13 themes and the number of criteria in each (106 in all).
CRITERIA_PER_THEME = {1: 9, 2: 2, 3: 3, 4: 13, 5: 8, 6: 2, 7: 5, 8: 10, 9: 4, 10: 14, 11: 13, 12: 11, 13: 12}
SAMPLE = [
    "home",
    "map",
    "directory",
    "structure",
    "login",
    "board",
    "project",
    "need_form",
    "vote",
    "dashboard",
    "search",
    "library",
    "event",
    "declaration",
]


def test_the_grid_has_the_106_criteria_of_rgaa_4_1_in_order():
    expected = [f"{theme}.{n}" for theme, count in CRITERIA_PER_THEME.items() for n in range(1, count + 1)]
    assert len(expected) == 106
    assert [criterion.number for criterion in platform_audit().criteria] == expected


def test_each_theme_has_one_name():
    themes = {}
    for criterion in platform_audit().criteria:
        themes.setdefault(criterion.number.split(".")[0], set()).add(criterion.theme)
    assert len(themes) == 13
    assert all(len(names) == 1 for names in themes.values()), themes


def test_the_sample_is_the_pages_the_issue_names_each_judged_on_every_criterion():
    audit = platform_audit()
    assert [page.slug for page in audit.pages] == SAMPLE
    assert all(list(criterion.results) == SAMPLE for criterion in audit.criteria)


def test_the_declaration_page_is_in_the_sample_at_its_address():
    pages = {page.slug: page.path for page in platform_audit().pages}
    assert pages["declaration"] == "/accessibilite/"


def test_every_non_conforming_criterion_says_what_fails_and_no_other_keeps_a_note():
    # reading a grid already refuses an NC without a note (test_accessibility_rate.py); here, no stale note either
    criteria = platform_audit().criteria
    failing = [c.number for c in criteria if c.status is Status.NON_CONFORMING]
    assert [c.number for c in criteria if c.note.strip()] == failing
    assert all(len(c.note.strip()) > 20 for c in criteria if c.status is Status.NON_CONFORMING)


def test_the_grid_in_docs_is_the_one_of_the_package_not_a_copy():
    for name in ("grille.csv", "audit.toml"):
        documented = ROOT / "docs" / "rgaa" / name
        assert documented.is_symlink(), f"docs/rgaa/{name} doit pointer vers {GRID_DIR / name}"
        assert documented.resolve() == (GRID_DIR / name).resolve()
