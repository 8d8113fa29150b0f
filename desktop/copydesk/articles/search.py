"""Full-text search of the articles, on the SQLite FTS5 index of
``copydesk.library.search_index``.

The seam for another database is ``_matching_ids``: it is the only SQLite-specific part of
``search_ids``. A PostgreSQL library would answer it with a ``tsvector`` query (and its own
reading of ``match_expression``); the ordering and filtering around it are plain SQLAlchemy.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from sqlalchemy import Select, column, select, table, text
from sqlalchemy.orm import Session

from copydesk.articles import store as articles
from copydesk.library.models import Article
from copydesk.library.search_index import INDEX_TABLE
from copydesk.records.article import ArticleStatus, ArticleSummary

# More words than this only narrow an already narrow result; a pasted page is cut here so
# the query stays small.
MAX_WORDS = 32
# A one-letter prefix reads the entries of every word starting with that letter (50 ms on
# 10,000 articles): the word being typed counts from its second character on.
MIN_PREFIX_LENGTH = 2
# Up to this many matches, their rows are sorted in SQL; past it, every id is walked in order
# (reading a row costs about what walking 50 ids of the index does).
SORTED_IN_SQL_UP_TO = 2_000

# ---- search -----------------------------------------------------------------------------


def match_expression(user_text: str) -> str | None:
    """What the user typed as a safe FTS5 query, or None when there is nothing to search.

    Every word becomes an FTS5 string, so operators (``AND``, ``NEAR(…)``, ``-``, ``^``,
    ``headline:``) and stray quotes are searched as text, never interpreted. The words are
    ANDed. The last word is a prefix while it is being typed (no space after it yet), so
    results follow the keyboard; while it is a single character it is left out. Words the
    tokenizer would see as empty (only punctuation) are left out too: an empty FTS5 string
    matches nothing and would empty the whole result.
    """
    words = [word for word in _words(user_text) if _tokens(word)][:MAX_WORDS]
    being_typed = bool(words) and not user_text[-1].isspace()
    if being_typed and len(words[-1]) < MIN_PREFIX_LENGTH:
        words.pop()  # the first letter of the next word narrows nothing yet
        being_typed = False
    if not words:
        return None
    strings = [_fts_string(word) for word in words]
    if being_typed and len(_tokens(words[-1])[-1]) >= MIN_PREFIX_LENGTH:
        strings[-1] += "*"
    return " AND ".join(strings)


def search_ids(
    session: Session, user_text: str = "", status: ArticleStatus | None = None
) -> list[int]:
    """Ids of the articles matching ``user_text`` (all of them when there is nothing to
    search) and ``status``, the most recently changed first.

    Many matches: every id comes in order from the index on ``updated_at`` and the matches
    are kept in Python, since sorting them in SQL reads every matching article's row to find
    its ``updated_at`` (25 ms for a common word on 10,000 articles). A few matches (a rare
    word, a name): their rows are sorted in SQL, which costs what they are, not what the
    library is.
    """
    expression = match_expression(user_text)
    if expression is None:
        ids = _ids(session, _ordered_ids())
    else:
        matches = _matching_ids(session, expression)
        ids = _ordered(session, matches)
    if status is not None:
        ids = _keep(ids, _ids_with_status(session, status))
    return ids


def summaries_by_ids(session: Session, ids: Sequence[int]) -> list[ArticleSummary]:
    """The summaries of ``ids`` in that order; ids of deleted articles are left out."""
    query = articles.summary_query().where(Article.id.in_(ids))
    found = {row.id: ArticleSummary(*row) for row in session.execute(query)}
    return [found[article_id] for article_id in ids if article_id in found]


def _ordered_ids() -> Select[int]:
    # The index on updated_at holds the id too: walked backwards it gives this order
    # without reading a single article row.
    articles = Article.__table__.c
    return select(articles.id).order_by(articles.updated_at.desc(), articles.id.desc())


def _ordered(session: Session, matches: set[int]) -> list[int]:
    if len(matches) > SORTED_IN_SQL_UP_TO:
        return _keep(_ids(session, _ordered_ids()), matches)
    if not matches:
        return []
    return _ids(session, _ordered_ids().where(Article.__table__.c.id.in_(matches)))


def _matching_ids(session: Session, expression: str) -> set[int]:
    """The seam: ids of the articles matching ``expression``. SQLite only."""
    index = table(INDEX_TABLE, column("rowid"))
    query = select(index.c.rowid).where(
        text(f"{INDEX_TABLE} MATCH :expression").bindparams(expression=expression)
    )
    return set(_ids(session, query))


def _ids_with_status(session: Session, status: ArticleStatus) -> set[int]:
    articles = Article.__table__.c
    return set(_ids(session, select(articles.id).where(articles.status == status)))


def _ids(session: Session, query: Select[int]) -> list[int]:
    # On the session's connection: the ORM's result handling would double the time taken
    # by 10,000 ids.
    return [article_id for (article_id,) in session.connection().execute(query)]


def _keep(ids: list[int], wanted: set[int]) -> list[int]:
    return [article_id for article_id in ids if article_id in wanted]


def _words(user_text: str) -> list[str]:
    # Control characters (a NUL ends an FTS5 string early) count as spaces.
    printable = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in user_text)
    return printable.split()


def _tokens(word: str) -> list[str]:
    """The tokens the unicode61 tokenizer finds in ``word``: runs of letters, numbers and
    private-use characters; everything else separates them."""
    separated = "".join(ch if _is_token_character(ch) else " " for ch in word)
    return separated.split()


def _is_token_character(character: str) -> bool:
    category = unicodedata.category(character)
    return category[0] in "LN" or category == "Co"


def _fts_string(word: str) -> str:
    escaped = word.replace('"', '""')
    return f'"{escaped}"'
