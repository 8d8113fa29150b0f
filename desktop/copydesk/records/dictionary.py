"""A word of the newsroom dictionary, as the library keeps it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class DictionaryEntry:
    """``word`` is spelt right in articles in ``language`` ("fr", "en"); ``added_by`` (a
    person's name, may be empty) taught it to the library at ``added_at``."""

    word: str
    language: str
    added_by: str
    added_at: datetime
