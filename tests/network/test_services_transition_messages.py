import re

import pytest

from fabrique.core.exceptions import TransitionError
from fabrique.network import services
from fabrique.network.enums import StructureStatus as S
from tests.factories import StructureFactory


@pytest.mark.parametrize(
    ("verb", "status", "kwargs", "message"),
    [
        (
            services.admit,
            S.EXPERIMENTING,
            {},
            "Impossible d'admettre la candidature et ouvrir l'expérimentation : "
            "la structure est « en expérimentation ».",
        ),
        (
            services.withdraw,
            S.WITHDRAWN,
            {"reason": "Fin du projet"},
            "Impossible d'enregistrer le retrait : la structure est « retirée ».",
        ),
        (
            services.readmit,
            S.LABELLED,
            {"reason": "Retour"},
            "Impossible de réadmettre en expérimentation : la structure est « avec appellation ».",
        ),
        (
            services.grant_appellation,
            S.CANDIDATE,
            {"via": "committee"},
            "Impossible d'accorder l'appellation : la structure est « candidate ».",
        ),
    ],
)
def test_an_impossible_transition_is_refused_in_correct_french(verb, status, kwargs, message, coordinator):
    structure = StructureFactory(status=status)
    with pytest.raises(TransitionError, match=re.escape(message)) as refusal:
        verb(structure, by=coordinator, **kwargs)
    assert str(refusal.value) == message
