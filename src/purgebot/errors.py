"""Domain errors: small classes the front ends turn into a private, plain-language reply."""

from __future__ import annotations


class UserFacingError(Exception):
    """An error whose message is written for the person who caused it and is safe to show them."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
