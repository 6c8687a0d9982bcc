"""Charts drawn on the server as SVG: no JavaScript, printable, and the same in the PDF report.

Python lays out the geometry; templates in reporting/charts/ write the SVG. Colours are presentation
attributes (WeasyPrint draws them as browsers do). Each chart comes with its data as a table beside it.
"""

import math
from dataclasses import dataclass
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from fabrique.territories.map import code_sort_key, load_canvas
from fabrique.territories.models import Departement

BAR = "#1d4e89"
BAR_ALT = "#b3421b"
INK = "#1b1b1b"
# Sequential blues, light to dark; the first is "none" (contrast with white borders kept).
SHADES = ("#e9edf2", "#c6d6ea", "#8fb0d8", "#4d7fbd", "#1d4e89")


def _fmt(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, Decimal | float):
        value = Decimal(str(value)).normalize()
        if value == value.to_integral_value():
            value = int(value)
        else:
            return format(value, "f").replace(".", ",")
    return f"{value:,}".replace(",", "\u202f")


@dataclass(frozen=True)
class HBar:
    label: str
    value: object
    text: str
    y: float
    width: float
    text_x: float

    @property
    def text_y(self) -> float:
        return self.y + 15


@dataclass(frozen=True)
class HBarChart:
    ident: str
    title: str
    description: str
    bars: list[HBar]
    width: int
    height: int
    label_width: int
    row: int
    colour: str = BAR

    def render(self) -> SafeString:
        return render_to_string("reporting/charts/hbar.svg.html", {"chart": self})


def hbar_chart(ident: str, title: str, items: list[tuple[str, object]], description: str = "", unit: str = ""):
    """Horizontal bars, one per (label, value); an empty value (None) draws no bar and reads "—"."""
    width, label_width, row, value_room = 640, 230, 30, 70
    area = width - label_width - value_room
    numbers = [float(v) for _label, v in items if v is not None]
    top = max(numbers, default=0) or 1
    bars = []
    for index, (label, value) in enumerate(items):
        length = 0 if value is None else area * float(value) / top
        bars.append(
            HBar(
                label=str(label),
                value=value,
                text=_fmt(value) + (unit if value is not None else ""),
                y=index * row + 6,
                width=round(max(length, 0), 1),
                text_x=round(label_width + max(length, 0) + 6, 1),
            )
        )
    return HBarChart(ident, title, description, bars, width, len(items) * row + 8, label_width, row)


@dataclass(frozen=True)
class Column:
    label: str
    value: object
    text: str
    x: float
    y: float
    height: float
    center: float
    text_y: float


@dataclass(frozen=True)
class ColumnChart:
    ident: str
    title: str
    description: str
    columns: list[Column]
    width: int
    height: int
    base: float
    column_width: float
    colour: str = BAR

    def render(self) -> SafeString:
        return render_to_string("reporting/charts/columns.svg.html", {"chart": self})


def column_chart(ident: str, title: str, items: list[tuple[str, object]], description: str = "", colour=BAR):
    """Vertical columns, one per (label, value), e.g. one per year."""
    width, height, top_room, bottom_room = 320, 180, 22, 24
    area = height - top_room - bottom_room
    count = max(len(items), 1)
    slot = (width - 10) / count
    column_width = round(slot * 0.62, 1)
    top = max((float(v or 0) for _l, v in items), default=0) or 1
    base = height - bottom_room
    columns = []
    for index, (label, value) in enumerate(items):
        h = area * float(value or 0) / top
        columns.append(
            Column(
                label=str(label),
                value=value,
                text=_fmt(value),
                x=round(5 + index * slot + (slot - column_width) / 2, 1),
                y=round(base - h, 1),
                height=round(h, 1),
                center=round(5 + index * slot + slot / 2, 1),
                text_y=round(base - h - 5, 1),
            )
        )
    return ColumnChart(ident, title, description, columns, width, height, base, column_width, colour)


# --- choropleth ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    count: int
    shade: int
    path: str | None
    inset: object

    @property
    def fill(self) -> str:
        return SHADES[self.shade]

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code}) : {self.count}"


@dataclass(frozen=True)
class Choropleth:
    ident: str
    title: str
    description: str
    view_box: str
    areas: list[Area]
    legend: list[tuple[str, str]]

    @property
    def shapes(self) -> list[Area]:
        return [a for a in self.areas if a.path]

    @property
    def insets(self) -> list[Area]:
        return [a for a in self.areas if a.inset]

    @property
    def rows(self) -> list[Area]:
        """The départements that have at least one, for the table beside the map."""
        return [a for a in self.areas if a.count]

    @property
    def total(self) -> int:
        return sum(a.count for a in self.areas)

    def render(self) -> SafeString:
        return render_to_string("reporting/charts/choropleth.svg.html", {"chart": self})


def _thresholds(top: int) -> list[int]:
    """Upper bounds of the four shades above zero (1…top split evenly, at least 1 apart)."""
    if top <= 4:
        return list(range(1, 5))
    return [math.ceil(top * k / 4) for k in range(1, 5)]


def choropleth(ident: str, title: str, counts: dict[str, int], description: str = "") -> Choropleth:
    """The département map of territories.map (its shapes and overseas insets), shaded by `counts`."""
    canvas = load_canvas()
    bounds = _thresholds(max(counts.values(), default=0))
    departements = sorted(Departement.objects.values_list("code", "name"), key=lambda d: code_sort_key(d[0]))
    areas = []
    for code, name in departements:
        count = counts.get(code, 0)
        shade = 0 if not count else next(i + 1 for i, bound in enumerate(bounds) if count <= bound)
        areas.append(Area(code, name, count, shade, canvas.paths.get(code), canvas.insets.get(code)))
    legend, low = [(SHADES[0], "0")], 1
    for index, bound in enumerate(bounds):
        if bound >= low:
            legend.append((SHADES[index + 1], str(low) if bound == low else f"{low} – {bound}"))
            low = bound + 1
    return Choropleth(ident, title, description, canvas.view_box, areas, legend)
