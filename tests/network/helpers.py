"""Shared checks for the registry's page tests."""

import re

INLINE_CODE = [
    re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE),
    re.compile(r"\sstyle\s*=", re.IGNORECASE),
    re.compile(r"\son[a-z]+\s*=", re.IGNORECASE),
    re.compile(r"<style", re.IGNORECASE),
]


def inline_code_in(html: str) -> list[str]:
    """Inline scripts, styles or event handlers found in a page (a strict CSP forbids them)."""
    return [match.group(0) for pattern in INLINE_CODE for match in pattern.finditer(html)]


def assert_redirects_to_login(response):
    assert response.status_code == 302
    assert "/comptes/connexion/" in response["Location"] and "next=" in response["Location"]
