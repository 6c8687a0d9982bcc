"""Shared checks for the method's page tests."""

import re

INLINE_CODE = [
    re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE),
    re.compile(r"\sstyle\s*=", re.IGNORECASE),
    re.compile(r"\son[a-z]+\s*=", re.IGNORECASE),
    re.compile(r"<style", re.IGNORECASE),
]


def assert_no_inline_code(html: str) -> None:
    found = [match.group(0) for pattern in INLINE_CODE for match in pattern.finditer(html)]
    assert not found, found


def assert_redirects_to_login(response) -> None:
    assert response.status_code == 302
    assert "/comptes/connexion/" in response["Location"] and "next=" in response["Location"]


def expect(response, outcome) -> None:
    """`outcome` is a status code, or "login" for a redirection to the login page."""
    if outcome == "login":
        assert_redirects_to_login(response)
    else:
        assert response.status_code == outcome, (response.status_code, response.get("Location"))
