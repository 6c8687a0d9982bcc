import datetime

import pytest
from django.utils import timezone

from fabrique.core.exceptions import TransitionError
from fabrique.network import services
from tests.factories import PartnershipFactory


def test_ending_an_ended_partnership_is_refused_naming_it_and_changes_nothing(member, structure):
    partnership = PartnershipFactory(structure=structure, partner__name="Fondation X", until=datetime.date(2025, 3, 31))
    with pytest.raises(TransitionError, match=r"partenariat avec « Fondation X » est déjà terminé \(le 31/03/2025\)"):
        services.end_partnership(partnership, by=member)
    partnership.refresh_from_db()
    assert (partnership.until, partnership.version) == (datetime.date(2025, 3, 31), 1)


def test_a_partnership_ending_today_has_already_ended(member, structure):
    partnership = PartnershipFactory(structure=structure, until=timezone.localdate())
    with pytest.raises(TransitionError, match="déjà terminé"):
        services.end_partnership(partnership, by=member, until=datetime.date(2024, 1, 1))


def test_a_partnership_with_a_future_end_can_be_ended_now(member, structure):
    partnership = PartnershipFactory(structure=structure, until=timezone.localdate() + datetime.timedelta(days=30))
    services.end_partnership(partnership, by=member)
    partnership.refresh_from_db()
    assert (partnership.until, partnership.version) == (timezone.localdate(), 2)
