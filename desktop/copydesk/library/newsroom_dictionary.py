"""The newsroom dictionary's store: the words the spelling checker learnt, per language.

Functions take the caller's ``Session``; the window and the command line go through
``copydesk.articles.dictionary``, the use cases.
"""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from copydesk.errors import CopydeskError
from copydesk.library.models import DictionaryWord, utc_now
from copydesk.records.dictionary import DictionaryEntry
from copydesk.translation import _

MAX_WORD_LENGTH = 100
MAX_NAME_LENGTH = 200
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:[_-][A-Za-z]{2,4})?")


class InvalidWord(CopydeskError):
    """A word the newsroom dictionary cannot hold (empty, several words, too long)."""


def checked_word(word: str) -> str:
    """``word`` without the spaces around it; ``InvalidWord`` if it is not one word."""
    word = word.strip()
    if not word:
        raise InvalidWord(_("An empty word cannot be added to the newsroom dictionary."))
    if any(char.isspace() for char in word):
        raise InvalidWord(
            _("“{word}” is not one word: the newsroom dictionary holds single words.").format(
                word=word
            )
        )
    if len(word) > MAX_WORD_LENGTH:
        raise InvalidWord(
            _("A word of the newsroom dictionary has at most {limit} characters.").format(
                limit=MAX_WORD_LENGTH
            )
        )
    return word


def checked_language(language: str) -> str:
    language = language.strip()
    if not _LANGUAGE.fullmatch(language):
        raise InvalidWord(
            _("“{language}” is not a language code such as “fr” or “en”.").format(
                language=language[:20]
            )
        )
    return language


def add_word(
    session: Session, word: str, language: str, added_by: str = "", now: datetime | None = None
) -> tuple[DictionaryEntry, bool]:
    """Add ``word`` for ``language``; returns the entry and whether it is new (a word
    already there keeps who added it first)."""
    word, language = checked_word(word), checked_language(language)
    row = session.scalar(
        select(DictionaryWord).where(
            DictionaryWord.word == word, DictionaryWord.language == language
        )
    )
    if row is not None:
        return _entry(row), False
    row = DictionaryWord(
        word=word,
        language=language,
        added_by=added_by.strip()[:MAX_NAME_LENGTH],
        added_at=now or utc_now(),
    )
    session.add(row)
    session.flush()
    return _entry(row), True


def remove_word(session: Session, word: str, language: str) -> bool:
    """Take ``word`` out of the dictionary of ``language``; False if it was not in it."""
    result = session.execute(
        delete(DictionaryWord).where(
            DictionaryWord.word == word.strip(), DictionaryWord.language == language.strip()
        )
    )
    return bool(getattr(result, "rowcount", 0))


def list_words(session: Session, language: str | None = None) -> list[DictionaryEntry]:
    """Every word (of ``language`` only, if given), in alphabetical order."""
    query = select(DictionaryWord).order_by(
        DictionaryWord.language, DictionaryWord.word, DictionaryWord.id
    )
    if language is not None:
        query = query.where(DictionaryWord.language == language)
    return [_entry(row) for row in session.scalars(query)]


def _entry(row: DictionaryWord) -> DictionaryEntry:
    return DictionaryEntry(row.word, row.language, row.added_by, row.added_at)
