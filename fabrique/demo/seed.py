"""The demo data loaders, one per domain, run in order by `fabrique demo` inside one transaction.

Each loader is a function of its app (`<app>/demo.py`) listed in the setting FABRIQUE_DEMO_LOADERS; it takes the
run's LoadReport (`core/demo_support.py`), finds rows by natural key (slug, e-mail, name) and writes only what
differs, so a second run changes nothing. An app adds its demo data by listing its loader in the setting.
"""

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string

from fabrique.appellation import demo as appellation_demo
from fabrique.core.demo_support import Loader, LoadReport
from fabrique.network import demo as network_demo
from fabrique.workspace import demo as workspace_demo


def loaders() -> list[Loader]:
    """The loaders of FABRIQUE_DEMO_LOADERS, in order."""
    return [import_string(path) for path in settings.FABRIQUE_DEMO_LOADERS]


def demo_logins() -> list[tuple[str, str]]:
    """(e-mail, what the account can do) for every demo login, in the order they are printed."""
    logins = network_demo.demo_logins()
    known = {email for email, _ in logins}
    logins += [login for login in appellation_demo.demo_logins() if login[0] not in known]  # the committee's peers
    logins += workspace_demo.demo_logins()  # the people invited on two projects
    return logins


def load_all(chosen: list[Loader] | None = None) -> LoadReport:
    """Run the loaders in order, all or nothing."""
    report = LoadReport()
    with transaction.atomic():
        for loader in chosen if chosen is not None else loaders():
            loader(report)
    return report
