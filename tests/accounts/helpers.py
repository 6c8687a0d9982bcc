"""Small helpers shared by the accounts tests."""

import html


def text(response) -> str:
    """The page as a reader sees it: HTML entities decoded (Django escapes apostrophes)."""
    return html.unescape(response.content.decode())
