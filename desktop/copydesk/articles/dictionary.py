"""The newsroom dictionary's use cases: what the window and the command line ask of it, one
transaction each, returning plain records.

Words added here are spelt right in every article of their language, in every window on the
library, and travel with the library archive.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from copydesk.records.dictionary import DictionaryEntry

if TYPE_CHECKING:
    from copydesk.library.db import Library


def add_dictionary_word(
    library: Library, word: str, language: str, added_by: str = "", now: datetime | None = None
) -> DictionaryEntry:
    """Teach ``word`` to the library's dictionary for ``language`` (nothing changes if it
    knows it already); ``InvalidWord`` when it is not one word."""
    from copydesk.library import newsroom_dictionary

    with library.write() as session:
        entry, _added = newsroom_dictionary.add_word(session, word, language, added_by, now)
        return entry


def remove_dictionary_word(library: Library, word: str, language: str) -> bool:
    """Take ``word`` out of the dictionary for ``language``; False if it was not in it."""
    from copydesk.library import newsroom_dictionary

    with library.write() as session:
        return newsroom_dictionary.remove_word(session, word, language)


def dictionary_words(library: Library, language: str | None = None) -> list[DictionaryEntry]:
    """Every word of the library's dictionary (of ``language`` only, if given)."""
    from copydesk.library import newsroom_dictionary

    with library.read() as session:
        return newsroom_dictionary.list_words(session, language)


def words_by_language(entries: Iterable[DictionaryEntry]) -> dict[str, set[str]]:
    """The words of ``entries`` grouped by language, as the spelling checker learns them."""
    grouped: dict[str, set[str]] = {}
    for entry in entries:
        grouped.setdefault(entry.language, set()).add(entry.word)
    return grouped
