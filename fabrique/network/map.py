"""The map of the network: each département coloured by the strongest status among the structures the reader may
see, drawn server-side as inline SVG on the shapes of territories/shapes.py (network/map/_map.html)."""

import dataclasses
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from types import MappingProxyType
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from fabrique.core import generations
from fabrique.core.reversing import reverse_one
from fabrique.territories.models import Departement
from fabrique.territories.shapes import Inset, code_sort_key, load_canvas

from .enums import StructureStatus
from .models import Structure
from .perms import readable_structures, readable_structures_key

# Strongest first: a département shows the status of its most advanced structure.
STATUS_ORDER = (
    StructureStatus.LABELLED,
    StructureStatus.EXPERIMENTING,
    StructureStatus.CANDIDATE,
    StructureStatus.WITHDRAWN,
)
MEMBER_STATUSES = frozenset({StructureStatus.LABELLED, StructureStatus.EXPERIMENTING})


def strongest_status(statuses) -> str | None:
    present = set(statuses)
    return next((status for status in STATUS_ORDER if status in present), None)


def structure_url(slug: str) -> str:
    try:  # a thousand structures: one reversed pattern (fabrique/core/reversing.py)
        return reverse_one("network:structure_detail", slug)
    except NoReverseMatch:  # the registry's pages live in another app; a URLconf without them still links
        return f"/structures/{slug}/"


@lru_cache(maxsize=64)
def _status_label(language: str | None, status: str) -> str:
    return str(StructureStatus(status).label)


def directory_url(departement_code: str) -> str:
    base = _soft_reverse("network:structure_list", [], "/structures/")
    return f"{base}?{urlencode({'departement': departement_code})}"


def _soft_reverse(name: str, args: list, fallback: str) -> str:
    # The registry's pages live in another app; a URLconf without them still gets a working canonical link.
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return fallback


@dataclass(frozen=True)
class MapStructure:
    slug: str
    name: str
    status: str

    @cached_property
    def status_label(self) -> str:
        return _status_label(get_language(), self.status)

    @cached_property
    def url(self) -> str:
        return structure_url(self.slug)


@dataclass(frozen=True)
class MapDepartement:
    code: str
    name: str
    region_code: str
    region_name: str
    path: str | None = None
    inset: Inset | None = None
    structures: tuple[MapStructure, ...] = ()

    @cached_property
    def status(self) -> str | None:
        return strongest_status(s.status for s in self.structures)

    @cached_property
    def status_class(self) -> str:
        return f"status-{self.status or 'none'}"

    @property
    def is_covered(self) -> bool:
        """Covered by a member of the network (experimenting or labelled), not by a candidate or a leaver."""
        return any(s.status in MEMBER_STATUSES for s in self.structures)

    @cached_property
    def url(self) -> str | None:
        if not self.structures:
            return None
        if len(self.structures) == 1:
            return self.structures[0].url
        return directory_url(self.code)

    @cached_property
    def title(self) -> str:
        """« Finistère (29) »: the first line of the label the map shows on focus or hover."""
        return _("%(name)s (%(code)s)") % {"name": self.name, "code": self.code}

    @cached_property
    def summary(self) -> str:
        """« TAg29 — avec appellation », or « aucune structure »: the second line of that label."""
        listed = " ; ".join(
            _("%(name)s — %(status)s") % {"name": s.name, "status": s.status_label} for s in self.structures
        )
        return listed or _("aucune structure")

    @cached_property
    def label(self) -> str:
        """Accessible name: « Finistère (29) : TAg29 — avec appellation »."""
        return _("%(title)s : %(summary)s") % {"title": self.title, "summary": self.summary}


@dataclass(frozen=True)
class DepartementMap:
    view_box: str
    departements: tuple[MapDepartement, ...]
    legend: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    # set by build_map: the templates keep their rendering of this map in the cache as long as the map itself
    cache_key: str = ""
    cache_seconds: int = 0

    @property
    def shapes(self) -> list[MapDepartement]:
        """Metropolitan shapes, those without structures first so the linked ones are drawn on top."""
        drawn = [d for d in self.departements if d.path]
        return [d for d in drawn if not d.structures] + [d for d in drawn if d.structures]

    @property
    def insets(self) -> list[MapDepartement]:
        return [d for d in self.departements if d.inset]

    @property
    def with_structures(self) -> list[MapDepartement]:
        return [d for d in self.departements if d.structures]

    @property
    def without_structures_count(self) -> int:
        return sum(1 for d in self.departements if not d.structures)

    @property
    def covered(self) -> list[MapDepartement]:
        return [d for d in self.departements if d.is_covered]

    @property
    def covered_regions(self) -> set[str]:
        return {d.region_code for d in self.covered}


@dataclass(frozen=True)
class PlainPaint:
    """How a status is drawn without style sheets: `fill` for the shape, `ink` for its edge and for the name of an
    overseas inset, which `paper` haloes."""

    fill: str
    ink: str = "#000"
    paper: str = "#fff"


# Without style sheets (RGAA 10.2) the map and its swatches are drawn in black and white by these SVG presentation
# attributes, which the rules of css/map.css override: a status keeps its drawing (solid, the hatching of its
# <pattern> in network/map/_map.html, whose ground is white and ink black, or empty), not its colour.
PLAIN_PAINTS = MappingProxyType(
    {
        f"status-{StructureStatus.LABELLED.value}": PlainPaint(fill="#000", ink="#fff", paper="#000"),
        **{
            f"status-{status.value}": PlainPaint(fill=f"url(#fab-map-pattern-{status.value})")
            for status in STATUS_ORDER
            if status != StructureStatus.LABELLED
        },
        "status-none": PlainPaint(fill="#fff"),
    }
)


def plain_paint(status_class: str) -> PlainPaint:
    """The black-and-white drawing of `status-…`, the class that map.css colours."""
    return PLAIN_PAINTS[status_class]


def legend() -> tuple[tuple[str, str], ...]:
    items = [(f"status-{status.value}", str(status.label)) for status in STATUS_ORDER]
    return (*items, ("status-none", _("aucune structure")))


# The map is the same for every reader who sees the same structures; it is kept in the cache until a structure
# or its départements change (any write to their tables bumps the generation, see network/apps.py and
# core/generations.py). With several processes and the default per-process cache, a change shows everywhere after
# settings.MAP_CACHE_SECONDS (60 by default) at most; 0 turns the cache off.
MAP_GENERATION_KEY = "network:map:generation"
MAP_GENERATION = generations.Generation(MAP_GENERATION_KEY)


def build_map(user) -> DepartementMap:
    """`compute_map(user)`, from the cache when a reader who sees the same structures asked for it recently."""
    seconds = int(getattr(settings, "MAP_CACHE_SECONDS", 60))
    if seconds <= 0:
        return compute_map(user)
    scope = readable_structures_key(user)
    generation = MAP_GENERATION.current()
    key = f"network:map:{generation}:{get_language()}:{scope}"
    found = cache.get(key)
    if found is None:
        found = dataclasses.replace(compute_map(user), cache_key=key, cache_seconds=seconds)
        cache.set(key, found, seconds)
    return found


def compute_map(user) -> DepartementMap:
    """Every département with the structures `user` may see; two queries whatever their number."""
    canvas = load_canvas()
    # plain values: a thousand structures on 1,400 départements as model instances cost half the computation
    links = Structure.departements.through.objects.filter(
        structure__in=readable_structures(user, Structure.objects.all())
    )
    by_departement: dict[str, list[MapStructure]] = {}
    fields = ("departement_id", "structure__slug", "structure__name", "structure__status")
    for code, slug, name, status in links.values_list(*fields):
        by_departement.setdefault(code, []).append(MapStructure(slug=slug, name=name, status=status))
    departements = Departement.objects.values_list("code", "name", "region__code", "region__name")
    rows = [
        MapDepartement(
            code=code,
            name=name,
            region_code=region_code,
            region_name=region_name,
            path=canvas.paths.get(code),
            inset=canvas.insets.get(code),
            structures=_ordered(by_departement.get(code, [])),
        )
        for code, name, region_code, region_name in departements
    ]
    rows.sort(key=lambda d: code_sort_key(d.code))
    for row in rows:  # computed once, kept with the map in the cache
        _ = (row.label, row.url, row.status_class, [(s.url, s.status_label) for s in row.structures])
    return DepartementMap(view_box=canvas.view_box, departements=tuple(rows), legend=legend())


def _ordered(structures) -> tuple[MapStructure, ...]:
    rank = {status: index for index, status in enumerate(STATUS_ORDER)}
    return tuple(sorted(structures, key=lambda s: (rank.get(s.status, len(rank)), s.name.casefold())))
