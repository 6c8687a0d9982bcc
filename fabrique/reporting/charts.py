"""Charts drawn on the server as SVG: no JavaScript, printable, and the same in the PDF report.

Python lays out the geometry and writes the SVG (faster than a template for hundreds of shapes).
Colours are presentation attributes (WeasyPrint draws them as browsers do). Each chart comes with its data
as a table beside it.
"""

import functools
import math
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from fabrique.territories.models import Departement
from fabrique.territories.shapes import code_sort_key, load_canvas

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


@dataclass
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

    @functools.cached_property
    def svg(self) -> SafeString:
        rows = "".join(
            f'<g><text x="{self.label_width - 8}" y="{bar.text_y:g}" text-anchor="end" {FONT}>'
            f"{escape(_shorten(bar.label, 32))}</text>"
            f'<rect x="{self.label_width}" y="{bar.y:g}" width="{bar.width:g}" height="20" fill="{self.colour}"/>'
            f'<text x="{bar.text_x:g}" y="{bar.text_y:g}" {FONT}>{escape(bar.text)}</text></g>'
            for bar in self.bars
        )
        summary = " ".join(f"{bar.label} : {bar.text}." for bar in self.bars)
        return _svg(self, "chart chart-hbar", f"0 0 {self.width} {self.height}", summary, rows)


FONT = 'font-size="12" fill="#1b1b1b" font-family="sans-serif"'


def _shorten(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _svg(chart, css: str, view_box: str, summary: str, body: str) -> SafeString:
    """The SVG element with its accessible name (title) and description (the data, as text)."""
    ident = escape(chart.ident)
    size = f' width="{chart.width}" height="{chart.height}"' if hasattr(chart, "height") else ""
    return mark_safe(  # noqa: S308 - texts are escaped; numbers, colours and classes are ours
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{css}" viewBox="{view_box}"{size} role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc"><title id="{ident}-title">{escape(chart.title)}</title>'
        f'<desc id="{ident}-desc">{escape(chart.description)} {escape(summary)}</desc>{body}</svg>'
    )


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


@dataclass
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

    @functools.cached_property
    def svg(self) -> SafeString:
        axis = (
            f'<line x1="0" x2="{self.width}" y1="{self.base:g}" y2="{self.base:g}" stroke="#6c757d" stroke-width="1"/>'
        )
        columns = "".join(
            f'<g><rect x="{c.x:g}" y="{c.y:g}" width="{self.column_width:g}" height="{c.height:g}" '
            f'fill="{self.colour}"/>'
            f'<text x="{c.center:g}" y="{c.text_y:g}" text-anchor="middle" {FONT}>{escape(c.text)}</text>'
            f'<text x="{c.center:g}" y="{self.height - 6}" text-anchor="middle" {FONT}>{escape(c.label)}</text></g>'
            for c in self.columns
        )
        summary = " ".join(f"{c.label} : {c.text}." for c in self.columns)
        return _svg(self, "chart chart-columns", f"0 0 {self.width} {self.height}", summary, axis + columns)


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


@dataclass
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

    @functools.cached_property
    def svg(self) -> SafeString:
        """Written in Python rather than a template: the shapes weigh some 100 kB and are escaped once."""
        paths = _escaped_paths()
        shapes = "".join(
            f'<path d="{paths[a.code]}" fill="{a.fill}" stroke="#ffffff" stroke-width="0.6">'
            f"<title>{escape(a.label)}</title></path>"
            for a in self.shapes
        )
        insets = "".join(
            f'<rect x="{a.inset.x:g}" y="{a.inset.y:g}" width="{a.inset.size:g}" height="{a.inset.size:g}" rx="4" '
            f'fill="{a.fill}" stroke="#8a939c" stroke-width="0.8"><title>{escape(a.label)}</title></rect>'
            f'<text x="{a.inset.text_x:g}" y="{a.inset.name_y:g}" {TEXT}>{escape(a.name[:12])}</text>'
            f'<text x="{a.inset.text_x:g}" y="{a.inset.code_y:g}" {TEXT}>{a.count}</text>'
            for a in self.insets
        )
        listed = " ".join(f"{a.label}." for a in self.rows)
        return _svg(self, "chart chart-map", self.view_box, listed, f"<g>{shapes}</g><g>{insets}</g>")


TEXT = 'text-anchor="middle" font-size="11" fill="#1b1b1b" font-family="sans-serif"'


@functools.cache
def _escaped_paths() -> dict[str, str]:
    return {code: escape(d) for code, d in load_canvas().paths.items()}


def _thresholds(top: int) -> list[int]:
    """Upper bounds of the four shades above zero (1…top split evenly, at least 1 apart)."""
    if top <= 4:
        return list(range(1, 5))
    return [math.ceil(top * k / 4) for k in range(1, 5)]


def choropleth(ident: str, title: str, counts: dict[str, int], description: str = "") -> Choropleth:
    """The département map of territories.shapes (its shapes and overseas insets), shaded by `counts`."""
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
