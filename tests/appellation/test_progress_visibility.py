"""While a session is open, the applicant (and the coordination) see how many voters have voted, of how many: a
count, never who nor how; a voter does not (the secret of the vote), nor does a member of another structure."""

import pytest

from fabrique.appellation import services
from fabrique.appellation.perms import item_abilities

from .conftest import APPELLATION_ROLES

SEES_PROGRESS = {"coordinator": True, "applicant": True, "voter": False, "other_member": False, "anonymous": False}


@pytest.mark.parametrize("appellation_persona", APPELLATION_ROLES, indirect=True)
def test_only_the_applicant_and_the_coordination_see_the_progress_of_an_open_session(
    appellation_persona, session, submitted, voter
):
    name, user = appellation_persona
    services.cast_vote(submitted, by=voter, choice="for")
    item = session.items.select_related("session", "request").get()
    assert item_abilities(user, item)["view_progress"] is SEES_PROGRESS[name]
