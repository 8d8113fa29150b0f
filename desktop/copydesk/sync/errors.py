"""What goes wrong with a newsroom, said in one sentence a person can act on."""

from __future__ import annotations

from copydesk.errors import CopydeskError


class NewsroomError(CopydeskError):
    """The server cannot be reached, refuses, or is not a Copydesk newsroom server: nothing
    was written to the library and the outbox is kept."""


class NotJoined(NewsroomError):
    """The library is not a replica of a newsroom desk."""
