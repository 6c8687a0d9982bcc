"""The RGAA rate and state computed from an audit grid (fabrique/core/accessibility.py), on small grids."""

import io
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from fabrique.core.accessibility import (
    GridError,
    Page,
    State,
    Status,
    conformity_rate,
    conformity_state,
    percent,
    read_audit,
    read_grid,
)

PAGES = [Page("home", "Accueil", "/", "anonyme"), Page("form", "Formulaire", "/f/", "membre")]
HEADER = "criterion,theme,title,home,form,note\n"


def grid(*rows: str) -> list:
    return read_grid(io.StringIO(HEADER + "".join(row + "\n" for row in rows)), PAGES)


def test_a_criterion_failing_on_one_page_fails_over_the_sample():
    (criterion,) = grid('1.1,Images,Alternative,C,NC,"Formulaire : image sans alternative."')
    assert criterion.status is Status.NON_CONFORMING
    assert criterion.pages_with(Status.NON_CONFORMING) == ["form"]


def test_a_criterion_conforming_on_one_page_and_not_applicable_elsewhere_conforms():
    (criterion,) = grid("1.1,Images,Alternative,NA,C,")
    assert criterion.status is Status.CONFORMING


def test_a_criterion_applying_to_no_page_is_not_applicable():
    (criterion,) = grid("2.1,Cadres,Titre de cadre,NA,NA,")
    assert criterion.status is Status.NOT_APPLICABLE


def test_the_rate_is_conforming_criteria_over_applicable_ones_not_counting_pages():
    criteria = grid(
        "1.1,Images,Alternative,C,C,",
        "1.2,Images,Décoration,C,NA,",
        "2.1,Cadres,Titre,NA,NA,",
        '3.1,Couleurs,Couleur,C,NC,"Formulaire : erreurs en rouge seulement."',
    )
    assert conformity_rate(c.status for c in criteria) == Fraction(2, 3)  # 2 C, 1 NC, the NA left out


def test_the_rate_of_a_sample_where_nothing_applies_is_none_and_not_conforming():
    assert conformity_rate([Status.NOT_APPLICABLE, Status.NOT_APPLICABLE]) is None
    assert conformity_state(None) is State.NOT


@pytest.mark.parametrize(
    ("rate", "state"),
    [
        (Fraction(1), State.TOTALLY),
        (Fraction(105, 106), State.PARTIALLY),
        (Fraction(1, 2), State.PARTIALLY),
        (Fraction(52, 106), State.NOT),
        (Fraction(0), State.NOT),
    ],
)
def test_the_state_follows_the_rgaa_thresholds(rate, state):
    assert conformity_state(rate) is state


def test_the_states_read_as_the_rgaa_writes_them():
    assert [s.label for s in State] == ["totalement conforme", "partiellement conforme", "non conforme"]


def test_the_percentage_is_rounded_down_so_that_an_almost_total_rate_never_reads_100():
    assert percent(Fraction(2, 3)) == Decimal("66.6")
    assert percent(Fraction(9999, 10000)) == Decimal("99.9")
    assert percent(Fraction(1)) == Decimal("100")
    assert percent(None) is None


def test_a_status_other_than_c_nc_na_is_refused_with_its_line_and_page():
    with pytest.raises(GridError, match="Ligne 2, page « form » : « OK » n'est ni C, ni NC, ni NA"):
        grid("1.1,Images,Alternative,C,OK,")


def test_a_non_conforming_criterion_must_say_why():
    with pytest.raises(GridError, match="1.1 est non conforme sans note"):
        grid("1.1,Images,Alternative,C,NC,  ")


def test_the_columns_must_be_the_pages_of_the_sample_in_order():
    with pytest.raises(GridError, match="Colonnes de la grille"):
        read_grid(io.StringIO("criterion,theme,title,form,home,note\n"), PAGES)


def test_a_criterion_may_not_appear_twice():
    with pytest.raises(GridError, match="Critère en double"):
        grid("1.1,Images,Alternative,C,C,", "1.1,Images,Alternative,NA,C,")


def test_an_audit_reads_its_sample_and_its_grid_from_one_directory(tmp_path):
    (tmp_path / "audit.toml").write_text(
        'date = 2026-12-03\nauditor = "nous"\nreference = "4.1.2"\ntechnologies = ["HTML5"]\ntools = []\n'
        "environment = []\nexempt = []\nderogations = []\n"
        '[[pages]]\nslug = "home"\ntitle = "Accueil"\npath = "/"\npersona = "anonyme"\n'
        '[[pages]]\nslug = "form"\ntitle = "Formulaire"\npath = "/f/"\npersona = "membre"\n',
        encoding="utf-8",
    )
    (tmp_path / "grille.csv").write_text(
        HEADER + "1.1,Images,Alternative,C,C,\n1.2,Images,Décoration,C,NA,\n3.1,Couleurs,Couleur,NA,NC,Rouge seul.\n",
        encoding="utf-8",
    )
    audit = read_audit(tmp_path)
    assert audit.audited_on == date(2026, 12, 3)
    assert [page.slug for page in audit.pages] == ["home", "form"]
    assert audit.rate == Fraction(2, 3) and audit.state is State.PARTIALLY
    assert audit.page_rate("home") == 1 and audit.page_rate("form") == Fraction(1, 2)
    assert audit.average_rate == Fraction(3, 4)
    assert [(criterion.number, [p.slug for p in pages]) for criterion, pages in audit.failures()] == [("3.1", ["form"])]
