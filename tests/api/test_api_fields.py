"""The check that every API answer built as a dict gives exactly its schema's fields (tests/api_fields.py) finds
a key the schema does not declare and a declared field left out, at any depth."""

import pytest
from ninja import Schema
from pydantic import Field

from fabrique.core.pagination import Out, Page
from tests.api_fields import field_problems


class Ref(Out):
    id: int
    name: str


class Item(Out):
    id: int
    ref: Ref | None
    refs: list[Ref]
    note: str = Field("", description="Une valeur par défaut ne dispense pas le présentateur de la donner.")


class Loose(Schema):
    id: int


def _item(**changes) -> dict:
    return {"id": 1, "ref": {"id": 2, "name": "a"}, "refs": [{"id": 3, "name": "b"}], "note": "", **changes}


def test_an_answer_with_exactly_the_schemas_fields_passes():
    assert (
        field_problems(
            Page[Item],
            {
                "count": 1,
                "page": 1,
                "page_size": 50,
                "next": None,
                "previous": None,
                "results": [_item(), _item(ref=None)],
            },
        )
        == []
    )


def test_a_key_the_schema_does_not_declare_is_found():
    assert field_problems(Item, _item(slug="x")) == ["réponse.slug : absent de Item"]


def test_a_declared_field_left_out_is_found_even_with_a_default():
    answer = _item()
    del answer["note"]
    assert field_problems(Item, answer) == ["réponse.note : non fourni (Item)"]


def test_a_nested_answer_is_checked_in_lists_and_optional_fields():
    answer = _item(ref={"id": 2}, refs=[{"id": 3, "name": "b", "extra": 1}])
    assert field_problems(Item, answer) == [
        "réponse.ref.name : non fourni (Ref)",
        "réponse.refs[0].extra : absent de Ref",
    ]


def test_a_ninja_schema_answered_from_a_dict_is_checked_too():
    assert field_problems(list[Loose], [{"id": 1, "other": 2}]) == ["réponse[0].other : absent de Loose"]


def test_a_model_instance_read_by_its_schema_has_one_list_already():
    class Row:
        id = 1
        other = 2

    assert field_problems(Loose, Row()) == []


def test_the_check_runs_on_every_answer_of_the_test_session(client, coordinator, structure, monkeypatch):
    from fabrique.method import presenters
    from fabrique.method.models import Need

    Need.objects.create(structure=structure, title="Un besoin", theme="food", departement_id="29", source="inhabitant")
    need = presenters.need_item
    monkeypatch.setattr(presenters, "need_item", lambda request, obj: {**need(request, obj), "stale": 1})
    client.force_login(coordinator)
    with pytest.raises(AssertionError, match=r"results\[0\]\.stale : absent de NeedOut"):
        client.get("/api/v1/needs")
