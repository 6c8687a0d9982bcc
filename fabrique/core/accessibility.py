"""The RGAA 4.1 audit of the platform, kept as data (`data/rgaa/`), and the conformity it gives.

The RGAA method: on each page of the sample a criterion is conforming (C), non-conforming (NC) or not applicable
(NA). Over the sample, a criterion is NC if it fails on at least one page, C if it passes on at least one page and
fails on none, NA if it applies to no page. The rate is C / (C + NC); the state is « totalement conforme » at
100 %, « partiellement conforme » from 50 %, « non conforme » below (or without a rate).
"""

import csv
import enum
import functools
import math
import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from django.utils.translation import gettext_lazy as _

GRID_DIR = Path(__file__).resolve().parent / "data" / "rgaa"
FIXED_COLUMNS = ("criterion", "theme", "title")


class GridError(ValueError):
    """The grid cannot be read as an RGAA audit: the message says where, in French."""


class Status(enum.StrEnum):
    CONFORMING = "C"
    NON_CONFORMING = "NC"
    NOT_APPLICABLE = "NA"


class State(enum.Enum):
    TOTALLY = _("totalement conforme")
    PARTIALLY = _("partiellement conforme")
    NOT = _("non conforme")

    @property
    def label(self) -> str:
        return str(self.value)


@dataclass(frozen=True)
class Page:
    slug: str
    title: str
    path: str
    persona: str


@dataclass(frozen=True)
class Criterion:
    number: str
    theme: str
    title: str
    results: dict[str, Status]
    note: str

    @property
    def status(self) -> Status:
        """Over the whole sample: NC if NC somewhere, else C if C somewhere, else NA."""
        found = set(self.results.values())
        for status in (Status.NON_CONFORMING, Status.CONFORMING):
            if status in found:
                return status
        return Status.NOT_APPLICABLE

    def pages_with(self, status: Status) -> list[str]:
        return [slug for slug, result in self.results.items() if result is status]


def conformity_rate(statuses) -> Fraction | None:
    """C / (C + NC) over the given statuses; None when no criterion applies."""
    statuses = list(statuses)
    conforming = statuses.count(Status.CONFORMING)
    applicable = conforming + statuses.count(Status.NON_CONFORMING)
    return Fraction(conforming, applicable) if applicable else None


def percent(rate: Fraction | None) -> Decimal | None:
    """The rate as a percentage with one decimal, rounded down: 99.96 % is not shown as 100 %."""
    if rate is None:
        return None
    return Decimal(math.floor(rate * 1000)) / 10


def conformity_state(rate: Fraction | None) -> State:
    if rate is None or rate < Fraction(1, 2):
        return State.NOT
    return State.TOTALLY if rate == 1 else State.PARTIALLY


@dataclass(frozen=True)
class Audit:
    audited_on: date
    auditor: str
    reference: str
    technologies: list[str]
    tools: list[str]
    environment: list[str]
    exempt: list[str]
    derogations: list[str]
    pages: list[Page]
    criteria: list[Criterion]

    def with_status(self, status: Status) -> list[Criterion]:
        return [criterion for criterion in self.criteria if criterion.status is status]

    @property
    def rate(self) -> Fraction | None:
        return conformity_rate(criterion.status for criterion in self.criteria)

    @property
    def state(self) -> State:
        return conformity_state(self.rate)

    def failures(self) -> list[tuple[Criterion, list[Page]]]:
        """Each non-conforming criterion with the pages where it fails."""
        return [
            (criterion, [page for page in self.pages if criterion.results[page.slug] is Status.NON_CONFORMING])
            for criterion in self.with_status(Status.NON_CONFORMING)
        ]

    def page_rate(self, slug: str) -> Fraction | None:
        return conformity_rate(criterion.results[slug] for criterion in self.criteria)

    @property
    def average_rate(self) -> Fraction | None:
        """The RGAA's « taux moyen »: the mean of the pages' rates (the pages where something applies)."""
        rates = [rate for rate in (self.page_rate(page.slug) for page in self.pages) if rate is not None]
        return sum(rates, Fraction(0)) / len(rates) if rates else None


def read_grid(lines, pages: list[Page]) -> list[Criterion]:
    """One row per criterion: its number, theme and title, then one column per page of the sample, then a note,
    which a criterion NC on a page must have (what fails, where)."""
    reader = csv.DictReader(lines)
    expected = [*FIXED_COLUMNS, *(page.slug for page in pages), "note"]
    if reader.fieldnames != expected:
        raise GridError(f"Colonnes de la grille : {reader.fieldnames} ; attendues : {expected}.")
    criteria = [_criterion(row, pages, reader.line_num) for row in reader]
    numbers = [criterion.number for criterion in criteria]
    if len(set(numbers)) != len(numbers):
        raise GridError(
            f"Critère en double dans la grille : {sorted(n for n in set(numbers) if numbers.count(n) > 1)}."
        )
    return criteria


def _criterion(row: dict, pages: list[Page], line: int) -> Criterion:
    results = {}
    for page in pages:
        raw = (row[page.slug] or "").strip()
        try:
            results[page.slug] = Status(raw)
        except ValueError:
            raise GridError(f"Ligne {line}, page « {page.slug} » : « {raw} » n'est ni C, ni NC, ni NA.") from None
    criterion = Criterion(row["criterion"].strip(), row["theme"].strip(), row["title"].strip(), results, row["note"])
    if criterion.status is Status.NON_CONFORMING and not criterion.note.strip():
        raise GridError(f"Ligne {line} : le critère {criterion.number} est non conforme sans note qui dise pourquoi.")
    return criterion


def read_audit(directory: Path) -> Audit:
    """`audit.toml` (date, who, tools, sample) and `grille.csv` (the results) of one directory."""
    with open(directory / "audit.toml", "rb") as file:
        meta = tomllib.load(file)
    pages = [Page(p["slug"], p["title"], p["path"], p["persona"]) for p in meta["pages"]]
    with open(directory / "grille.csv", encoding="utf-8", newline="") as file:
        criteria = read_grid(file, pages)
    return Audit(
        audited_on=meta["date"],
        auditor=meta["auditor"],
        reference=meta["reference"],
        technologies=meta["technologies"],
        tools=meta["tools"],
        environment=meta["environment"],
        exempt=meta["exempt"],
        derogations=meta["derogations"],
        pages=pages,
        criteria=criteria,
    )


@functools.cache
def platform_audit() -> Audit:
    """The audit shipped with the package, read once per process."""
    return read_audit(GRID_DIR)
