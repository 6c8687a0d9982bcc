"""Assertions shared by the API tests."""


def names_field(response, field: str) -> bool:
    """True when a 422 answer names `field` in the location of one of its errors."""
    detail = response.json()["detail"]
    return isinstance(detail, list) and any(field in error["loc"] for error in detail)


def messages(response) -> str:
    """Every message of an error answer, joined, to check the French wording."""
    detail = response.json()["detail"]
    if isinstance(detail, list):
        return " ".join(error["msg"] for error in detail)
    return str(detail)
