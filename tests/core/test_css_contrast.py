"""Colour contrasts of the theme, computed from the `--fab-*` variables of fabrique/static/css/*.css with WCAG's
relative luminance: control borders, the focus ring and the status colours reach 3:1 against what they sit on
(RGAA 3.3 and 10.7, WCAG 1.4.11). The browser tests (tests/e2e/test_a11y_focus.py) check the rendered focus."""

import re
from pathlib import Path

import pytest

from fabrique.appellation.enums import RequestStatus
from fabrique.network.enums import StructureStatus

CSS_DIR = Path(__file__).resolve().parents[2] / "fabrique" / "static" / "css"
DECLARATION = re.compile(r"(--fab-[\w-]+)\s*:\s*([^;}]+)")
REFERENCE = re.compile(r"^var\(\s*(--[\w-]+)\s*(?:,[^)]*)?\)$")
NON_TEXT = 3.0  # WCAG 1.4.11


def css_variables() -> dict[str, set[str]]:
    """Every `--fab-*` custom property declared in the site's CSS files, with the values it is given."""
    found: dict[str, set[str]] = {}
    for path in sorted(CSS_DIR.glob("*.css")):
        text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
        for name, value in DECLARATION.findall(text):
            found.setdefault(name, set()).add(value.strip().lower())
    return found


VARIABLES = css_variables()


def raw(name: str) -> str:
    (value,) = VARIABLES[name]
    return value


def colour(name: str) -> str:
    """The hexadecimal colour of a variable, following `var(--other)` references."""
    value = raw(name)
    reference = REFERENCE.match(value)
    if reference:
        return colour(reference.group(1))
    assert re.fullmatch(r"#[0-9a-f]{3}|#[0-9a-f]{6}", value), f"{name}: {value} is not a hexadecimal colour"
    if len(value) == 4:
        value = "#" + "".join(digit * 2 for digit in value[1:])
    return value


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def ratio(first: str, second: str) -> float:
    """The contrast ratio of two variables' colours."""
    return contrast(colour(first), colour(second))


def named(*prefixes: str) -> list[str]:
    return sorted(name for name in VARIABLES if name.startswith(prefixes))


def test_the_ratio_is_wcag_s():
    assert contrast("#ffffff", "#000000") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast("#dee2e6", "#ffffff") == pytest.approx(1.30, abs=0.01)


def test_each_variable_has_one_value_across_the_css_files():
    """Two files giving one variable two values would make a page's colours depend on which file it loads."""
    assert "--fab-primary" in VARIABLES
    assert {name: values for name, values in VARIABLES.items() if len(values) > 1} == {}


@pytest.mark.parametrize("control", ["--fab-control-border", "--fab-control-checked"])
@pytest.mark.parametrize("surface", ["--fab-surface", "--fab-surface-muted"])
def test_fields_radios_and_checkboxes_are_outlined_at_3_to_1(control, surface):
    assert ratio(control, surface) >= NON_TEXT, f"{control} on {surface}: {ratio(control, surface):.2f}"


@pytest.mark.parametrize("surface", ["--fab-surface", "--fab-surface-muted"])
def test_the_focus_ring_stands_out_from_the_page(surface):
    assert ratio("--fab-focus-color", surface) >= NON_TEXT, f"{ratio('--fab-focus-color', surface):.2f}"


def test_the_focus_ring_stands_out_from_the_gap_between_it_and_the_component():
    assert ratio("--fab-focus-color", "--fab-focus-gap") >= NON_TEXT


@pytest.mark.parametrize("dark", ["--fab-primary", "--fab-status-labelled"])
def test_the_gap_of_the_focus_ring_stands_out_from_dark_components(dark):
    """A dark button keeps a visible edge: the white gap of the ring contrasts with it, the ring with the gap."""
    assert ratio("--fab-focus-gap", dark) >= NON_TEXT, f"{dark}: {ratio('--fab-focus-gap', dark):.2f}"


def test_the_focus_ring_is_thick_and_set_apart():
    assert int(raw("--fab-focus-width").removesuffix("px")) >= 2
    assert int(raw("--fab-focus-offset").removesuffix("px")) >= 1


def test_every_structure_status_has_its_colour():
    assert {f"--fab-status-{status}" for status in StructureStatus.values} <= set(VARIABLES)


def test_every_appellation_request_status_has_its_colour():
    assert {f"--fab-request-{status}" for status in RequestStatus.values} <= set(VARIABLES)


STATUS_COLOURS = named("--fab-status-", "--fab-stage-", "--fab-request-")


@pytest.mark.parametrize("status", STATUS_COLOURS)
@pytest.mark.parametrize("surface", ["--fab-surface", "--fab-surface-muted"])
def test_status_and_stage_colours_reach_3_to_1_on_the_page_and_the_board(status, surface):
    assert ratio(status, surface) >= NON_TEXT, f"{status} on {surface}: {ratio(status, surface):.2f}"


def test_the_status_and_stage_colours_are_read_from_the_css():
    assert len(STATUS_COLOURS) >= 14
