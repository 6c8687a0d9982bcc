"""`answer()` (core/api_answers.py): an API answer is its schema's fields, read from an object unless given."""

import pytest
from pydantic import Field

from fabrique.core.api_answers import answer
from fabrique.core.pagination import Out


class Row(Out):
    id: int
    name: str
    label: str
    from_: str = Field(alias="from")


class Thing:
    id = 7
    name = "Atelier"
    label = "lu sur l'objet"
    from_ = "detection"
    secret = "jamais dans la réponse"


def test_each_field_is_the_attribute_of_the_same_name_unless_given():
    assert answer(Row, Thing(), label="calculé") == {
        "id": 7,
        "name": "Atelier",
        "label": "calculé",
        "from": "detection",
    }


def test_an_answer_without_an_object_takes_every_field_from_the_values():
    assert answer(Row, id=1, name="a", label="b", from_="c") == {"id": 1, "name": "a", "label": "b", "from": "c"}


def test_a_value_the_schema_does_not_declare_is_refused():
    with pytest.raises(TypeError, match="Row ne déclare pas : secret, slug"):
        answer(Row, Thing(), slug="x", secret="y")


def test_a_field_neither_given_nor_on_the_object_fails_loudly():
    with pytest.raises(AttributeError, match="label"):
        answer(Row, object.__new__(type("Bare", (), {"id": 1, "name": "a", "from_": "b"})))


def test_the_answer_is_what_the_schema_validates():
    assert Row.model_validate(answer(Row, Thing())).model_dump(by_alias=True)["from"] == "detection"
