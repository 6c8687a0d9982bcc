"""The client's address for the login throttling and the API rate limits: never taken from what the client writes."""

import pytest
from django.test import RequestFactory

from fabrique.core.client_ip import client_ip


def _request(remote="198.51.100.7", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(_request(forwarded="203.0.113.5")) == "198.51.100.7"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "10.9.9.9, 203.0.113.5", "203.0.113.5"),  # the left part is the client's own writing
        (2, "10.9.9.9, 203.0.113.5, 192.0.2.1", "203.0.113.5"),
        (2, "203.0.113.5", "203.0.113.5"),  # fewer entries than proxies: what the first proxy wrote
        (1, "2001:db8::1", "2001:db8::1"),
        (1, "pas-une-adresse", "198.51.100.7"),
        (1, "", "198.51.100.7"),
    ],
)
def test_behind_trusted_proxies_the_address_the_outermost_one_saw(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_ip(_request(forwarded=forwarded)) == expected


def test_an_address_that_is_not_one_is_none(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(_request(remote="n'importe quoi")) is None
