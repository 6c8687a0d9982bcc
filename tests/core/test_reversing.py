"""reverse_one gives what reverse gives, once the pattern is known."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from fabrique.core.reversing import reverse_one


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("method:project_detail", 42),
        ("method:project_detail", 987654321),
        ("method:activity_detail", "conciergerie-d-ampere"),
        ("network:structure_detail", "tag29"),
    ],
)
def test_the_same_address_as_reverse(name, value):
    assert reverse_one(name, value) == reverse(name, args=[value])


def test_a_value_that_needs_quoting_goes_through_reverse():
    # the slug converter refuses it, as reverse does
    with pytest.raises(NoReverseMatch, match=r"structure_detail' with arguments '\('a b',\)' not found"):
        reverse_one("network:structure_detail", "a b")


def test_the_script_prefix_is_part_of_the_pattern():
    try:
        set_script_prefix("/fabrique/")
        assert reverse_one("method:project_detail", 7) == reverse("method:project_detail", args=[7])
        assert reverse_one("method:project_detail", 7).startswith("/fabrique/methode/")
    finally:
        set_script_prefix("/")
    assert not reverse_one("method:project_detail", 7).startswith("/fabrique/")


def test_a_view_without_exactly_one_argument_is_refused():
    with pytest.raises(NoReverseMatch, match="Reverse for 'home' with arguments"):
        reverse_one("home", 1)
