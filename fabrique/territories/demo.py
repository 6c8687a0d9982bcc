"""`fabrique demo`: the geography, first of the loaders (FABRIQUE_DEMO_LOADERS)."""

from fabrique.core.demo_support import LoadReport

from . import loader
from .models import Departement, Region


def load_territories(report: LoadReport) -> None:
    """The départements come with the migrations; reload them only if a test database flushed them."""
    expected = len(loader.read_rows("departements.csv"))
    if Departement.objects.count() < expected:
        loader.load_territories(Region, Departement)
        report.created["départements (référentiel)"] += expected
