"""Colours of the département map (RGAA 3.3 and 10.7, WCAG 1.4.11), computed from the stylesheets its pages load,
fabrique.css then map.css, with WCAG's relative luminance: two statuses that may touch are told apart at 3:1, by
their colours or by a hatching whose ink stands out from its ground; the focus ring, or its halo, stands out from
every colour of the map. The browser test tests/e2e/test_a11y_map.py checks the ring as drawn."""

import itertools
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from fabrique.network.map import STATUS_ORDER

ROOT = Path(__file__).resolve().parents[2] / "fabrique"
STYLESHEETS = [ROOT / "static" / "css" / "fabrique.css", ROOT / "static" / "css" / "map.css"]  # cascade order
MAP_TEMPLATE = ROOT / "network" / "templates" / "network" / "map" / "_map.html"
NON_TEXT = 3.0  # WCAG 1.4.11
WHITE = "#ffffff"  # the page, and the edges between départements
STATUSES = [status.value for status in STATUS_ORDER]


def _rules() -> list[tuple[str, dict[str, str]]]:
    """(selector, declarations) of every style rule, in cascade order; the map's CSS has no nesting."""
    found = []
    for path in STYLESHEETS:
        text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
        for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text):
            declarations = dict(
                (name.strip(), value.strip())
                for name, value in re.findall(r"([\w-]+)\s*:\s*((?:url\([^)]*\)|[^;])+)", body)
            )
            for selector in re.split(r",(?![^(]*\))", selectors):
                found.append((" ".join(selector.split()), declarations))
    return found


RULES = _rules()
VARIABLES = {name: value for _, declarations in RULES for name, value in declarations.items() if name.startswith("--")}


def declared(selector_end: str, prop: str) -> str:
    """The value the last rule whose selector ends with `selector_end` gives to `prop`."""
    values = [d[prop] for selector, d in RULES if selector.endswith(selector_end) and prop in d]
    assert values, f"aucune règle « {selector_end} » ne donne {prop}"
    return values[-1]


def colour(value: str) -> str:
    """A hexadecimal colour, following `var(--name, fallback)`."""
    value = value.strip().lower()
    reference = re.fullmatch(r"var\(\s*(--[\w-]+)\s*(?:,\s*(.+))?\)", value)
    if reference:
        name, fallback = reference.groups()
        return colour(VARIABLES[name] if name in VARIABLES else fallback)
    if re.fullmatch(r"#[0-9a-f]{3}", value):
        value = "#" + "".join(digit * 2 for digit in value[1:])
    assert re.fullmatch(r"#[0-9a-f]{6}", value), f"{value} n'est pas une couleur hexadécimale"
    return value


def contrast(first: str, second: str) -> float:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@dataclass(frozen=True)
class Paint:
    """How the map paints a status: one colour, or a hatching (`pattern`) of `ink` on `ground`."""

    colour: str | None = None
    pattern: str | None = None
    ink: str | None = None
    ground: str | None = None

    @property
    def colours(self) -> list[str]:
        return [self.colour] if self.colour else [self.ink, self.ground]


def paint(status: str) -> Paint:
    fill = declared(f".dep.status-{status}", "fill")
    pattern = re.fullmatch(r"url\(\s*[\"']#([\w-]+)[\"']\s*\)", fill)
    if pattern is None:
        return Paint(colour=colour(fill))
    name = pattern.group(1)
    return Paint(
        pattern=name, ink=colour(declared(f"#{name} .ink", "fill")), ground=colour(declared(f"#{name} .ground", "fill"))
    )


def pattern_shapes(name: str) -> str:
    """The drawing of a hatching in the map's template: its tile and its shapes, without its name."""
    found = re.search(rf'<pattern id="{name}"([^>]*)>(.*?)</pattern>', MAP_TEMPLATE.read_text(encoding="utf-8"))
    assert found is not None, f"le motif {name} manque à la carte"
    return found.group(1) + found.group(2)


def told_apart(first: Paint, second: Paint) -> bool:
    """Two départements side by side look different at 3:1: by their colours, or by a different hatching."""
    if first.pattern and second.pattern:
        return pattern_shapes(first.pattern) != pattern_shapes(second.pattern)
    solid, other = (first, second) if first.colour else (second, first)
    return max(contrast(solid.colour, c) for c in other.colours) >= NON_TEXT


def test_the_ratio_is_wcag_s():
    assert contrast("#ffffff", "#000000") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("status", STATUSES)
def test_each_status_stands_out_from_white_and_from_a_departement_without_structure(status):
    """The solid colour, or the ink of the hatching, reaches 3:1 on the page, on the edges and on an empty one."""
    mark = paint(status).colour or paint(status).ink
    empty = paint("none").colour
    assert contrast(mark, WHITE) >= NON_TEXT, f"{status} : {contrast(mark, WHITE):.2f}:1 sur blanc"
    assert contrast(mark, empty) >= NON_TEXT, f"{status} : {contrast(mark, empty):.2f}:1 sur un département vide"


@pytest.mark.parametrize("status", STATUSES)
def test_a_hatching_s_ink_stands_out_from_its_ground(status):
    hatching = paint(status)
    if hatching.pattern is None:
        pytest.skip(f"{status} est d'une seule couleur")
    assert contrast(hatching.ink, hatching.ground) >= NON_TEXT


@pytest.mark.parametrize(("first", "second"), list(itertools.combinations([*STATUSES, "none"], 2)))
def test_two_statuses_side_by_side_are_told_apart(first, second):
    a, b = paint(first), paint(second)
    colours = ", ".join(f"{c} / {d} : {contrast(c, d):.2f}:1" for c in a.colours for d in b.colours)
    assert told_apart(a, b), f"{first} et {second} se confondent ({colours})"


def test_the_hatched_statuses_have_three_different_drawings():
    patterns = [paint(status).pattern for status in STATUSES if paint(status).pattern]
    assert len(patterns) == 3
    assert len({pattern_shapes(name) for name in patterns}) == 3


@pytest.mark.parametrize("status", [*STATUSES, "none"])
def test_the_legend_swatches_are_painted_by_the_rule_that_paints_the_map(status):
    selectors = [s for s, d in RULES if s.endswith(f".dep.status-{status}") and "fill" in d]
    assert selectors and ".fab-map" in selectors[-1] and ".legend-swatch" in selectors[-1]


def test_the_focus_ring_or_its_halo_stands_out_from_every_colour_of_the_map():
    ring = colour(declared(".fab-map-focus-ring", "stroke"))
    halo = colour(declared(".fab-map-focus-halo", "stroke"))
    assert contrast(ring, halo) >= NON_TEXT
    colours = {WHITE, *(c for status in [*STATUSES, "none"] for c in paint(status).colours)}
    assert len(colours) >= 6
    weak = {c: round(max(contrast(ring, c), contrast(halo, c)), 2) for c in colours}
    assert {c: ratio for c, ratio in weak.items() if ratio < NON_TEXT} == {}


def test_the_halo_shows_on_both_sides_of_the_ring():
    ring = float(declared(".fab-map-focus-ring", "stroke-width").removesuffix("px"))
    halo = float(declared(".fab-map-focus-halo", "stroke-width").removesuffix("px"))
    assert ring >= 2 and halo - ring >= 2  # at least 1 px of halo each side, the ring centred on the edge
