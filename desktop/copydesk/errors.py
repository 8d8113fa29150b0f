"""Errors the user sees. Kept free of heavy imports so the GUI can catch them cheaply."""

from __future__ import annotations


class CopydeskError(Exception):
    """Base class for errors whose message is meant for the user."""


class LibraryError(CopydeskError):
    """A library file cannot be opened, created or written."""


class NotFoundError(CopydeskError):
    """A record the user asked for does not exist."""

    @classmethod
    def for_slug(cls, slug: str) -> NotFoundError:
        return cls(f"There is no article with the slug “{slug}” in this library.")
