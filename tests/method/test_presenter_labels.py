"""The API's presenters label a choice as its model does."""

import pytest

from fabrique.core.vocabulary import Theme
from fabrique.method import presenters
from fabrique.method.enums import LegalForm, Stage


@pytest.mark.parametrize(("choices", "value"), [(Theme, "food"), (Stage, "opportunity"), (LegalForm, "scic")])
def test_the_labels_of_the_api_are_those_of_the_models(choices, value):
    assert presenters.label(choices, value) == str(choices(value).label)
