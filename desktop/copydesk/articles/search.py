"""The article list and its full-text search, a page at a time, on the SQLite FTS5 index of
``copydesk.library.search_index``.

The list goes from the most recently changed article backwards along the articles' list keys;
a page is the rows after the last key shown. The full-text index is keyed by the same keys,
so a search reads its matches newest first and stops after a page: what a search costs
follows the screen, not the library (about a millisecond for a page of a common word on
100,000 articles). How many articles match is counted up to ``COUNT_UP_TO``.

The seam for another database is ``_matching_rows``, the only FTS5-specific query; the rest
is plain SQLAlchemy.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, and_, column, func, select, table, text
from sqlalchemy.orm import Session

from copydesk.articles import store as articles
from copydesk.library.models import Article
from copydesk.library.search_index import INDEX_TABLE, LONGEST_PREFIX_INDEX, TERMS_TABLE
from copydesk.records.article import (
    PAGE_SIZE,
    ArticleList,
    ArticlePage,
    ArticleQuery,
    ArticleStatus,
    ArticleSummary,
)

# More words than this only narrow an already narrow result; a pasted page is cut here so
# the query stays small.
MAX_WORDS = 32
# A one-letter prefix would match most of the library: the word being typed counts from its
# second character on.
MIN_PREFIX_LENGTH = 2
# Matches are counted up to this many; past it the list says "more than".
COUNT_UP_TO = 10_000
# A word being typed that begins more index words than this is left to FTS5's prefix query.
MAX_PREFIX_TERMS = 64

_index = table(INDEX_TABLE, column("rowid"))
_terms = table(TERMS_TABLE, column("term"))
_articles = Article.__table__.c

# ---- what the user typed ------------------------------------------------------------------


def match_expression(user_text: str) -> str | None:
    """What the user typed as a safe FTS5 query, or None when there is nothing to search.

    The words are cut into the tokens the index holds (runs of letters and digits: "l'école"
    is "l" and "école"), each quoted as an FTS5 string and all of them ANDed, so operators
    (``AND``, ``NEAR(…)``, ``-``, ``^``, ``headline:``) and stray quotes are searched as text,
    never interpreted. The last token is a prefix while it is being typed (no space after it
    yet); while it is a single character it is left out.
    """
    tokens, being_typed = search_tokens(user_text)
    if not tokens:
        return None
    strings = [f'"{token}"' for token in tokens]
    if being_typed:
        strings[-1] += "*"
    return " AND ".join(strings)


def search_tokens(user_text: str) -> tuple[list[str], bool]:
    """The tokens to search for in what the user typed, and whether the last one is a
    prefix (being typed): ``match_expression``'s reading, which the newsroom server's search
    shares."""
    tokens = [token for word in _words(user_text) for token in _tokens(word)][:MAX_WORDS]
    being_typed = bool(tokens) and _is_token_character(user_text.rstrip("*")[-1:] or " ")
    if being_typed and len(tokens[-1]) < MIN_PREFIX_LENGTH:
        tokens.pop()  # the first letter of the next word narrows nothing yet
        being_typed = False
    return tokens, being_typed


# ---- the list, a page at a time -------------------------------------------------------------


def first_page(session: Session, query: ArticleQuery, limit: int = PAGE_SIZE) -> ArticleList:
    """The first ``limit`` articles ``query`` finds, the most recently changed first, and how
    many it finds."""
    page = next_page(session, query, None, limit)
    if page.after is None:
        return ArticleList(page.summaries, len(page.summaries), query=query)
    count, exact = _count(session, query)
    return ArticleList(page.summaries, count, exact, page.after, query)


def next_page(
    session: Session, query: ArticleQuery, after: int | None, limit: int = PAGE_SIZE
) -> ArticlePage:
    """The next ``limit`` articles ``query`` finds after the list key ``after`` (from the
    start when None); the page's ``after`` is None when nothing follows."""
    selected = _page_query(session, query, after).limit(limit + 1)
    rows = session.connection().execute(selected).all()
    summaries = [ArticleSummary(*row[:-1]) for row in rows[:limit]]
    more = len(rows) > limit
    return ArticlePage(summaries, rows[limit - 1][-1] if more else None)


def neighbour(session: Session, query: ArticleQuery, article_id: int) -> int | None:
    """The article after ``article_id`` in ``query``'s list, else the one before it (what to
    show once it is deleted); None when it is alone or not in the list."""
    key = session.scalar(select(_articles.list_key).where(_articles.id == article_id))
    if key is None:
        return None
    following = next_page(session, query, key, 1).summaries
    if following:
        return following[0].id
    before = _page_query(session, query, None, before=key).limit(1)
    row = session.connection().execute(before).first()
    return None if row is None else int(row[0])


def search_ids(
    session: Session, user_text: str = "", status: ArticleStatus | None = None
) -> list[int]:
    """Ids of every article matching ``user_text`` (all of them when there is nothing to
    search) and ``status``, the most recently changed first: for the commands that act on a
    whole list (an export), not for the screen."""
    query = _page_query(session, ArticleQuery(user_text, status), None)
    return [row[0] for row in session.connection().execute(query)]


def summaries_by_ids(session: Session, ids: Sequence[int]) -> list[ArticleSummary]:
    """The summaries of ``ids`` in that order; ids of deleted articles are left out."""
    query = articles.summary_query().where(Article.id.in_(ids))
    found = {row.id: ArticleSummary(*row) for row in session.execute(query)}
    return [found[article_id] for article_id in ids if article_id in found]


def _page_query(
    session: Session, query: ArticleQuery, after: int | None, before: int | None = None
) -> Select[Any]:
    """The summaries' columns and the list key of the rows ``query`` finds past ``after``
    (going down the list) or ``before`` (going up it)."""
    expression = _expression(session, query.text)
    key = _articles.list_key if expression is None else _index.c.rowid
    columns = [*articles.summary_query().selected_columns, _articles.list_key]
    selected = select(*columns)
    if expression is not None:
        selected = _matching_rows(selected, expression)
    conditions = []
    if query.status is not None:
        conditions.append(_articles.status == query.status)
    if after is not None:
        conditions.append(key < after)
    if before is not None:
        conditions.append(key > before)
    if conditions:
        selected = selected.where(and_(*conditions))
    return selected.order_by(key.asc() if before is not None else key.desc())


def _matching_rows(selected: Select[Any], expression: str) -> Select[Any]:
    """The seam: ``selected`` narrowed to the articles matching ``expression``, read from
    the index in list-key order (FTS5 walks its matches by key and stops at the page's
    LIMIT). SQLite only."""
    return (
        selected.select_from(_index)
        .join(Article.__table__, _articles.list_key == _index.c.rowid)
        .where(_match(expression))
    )


def _match(expression: str) -> Any:
    return text(f"{INDEX_TABLE} MATCH :expression").bindparams(expression=expression)


def _count(session: Session, query: ArticleQuery) -> tuple[int, bool]:
    """How many articles ``query`` finds, and whether that is exact: a search counts the
    first ``COUNT_UP_TO`` matches of the index (then those with the status), not all of them."""
    expression = _expression(session, query.text)
    if expression is None:
        counted = select(func.count()).select_from(Article.__table__)
        if query.status is not None:
            counted = counted.where(_articles.status == query.status)
        return int(session.connection().execute(counted).scalar_one()), True
    matches = (
        select(_index.c.rowid.label("key"))
        .where(_match(expression))
        .limit(COUNT_UP_TO + 1)
        .subquery()
    )
    examined = int(
        session.connection().execute(select(func.count()).select_from(matches)).scalar_one()
    )
    if query.status is None:
        count = examined
    else:
        with_status = (
            select(func.count())
            .select_from(matches)
            .join(Article.__table__, _articles.list_key == matches.c.key)
            .where(_articles.status == query.status)
        )
        count = int(session.connection().execute(with_status).scalar_one())
    return min(count, COUNT_UP_TO), examined <= COUNT_UP_TO


# ---- words and tokens -----------------------------------------------------------------------


def _expression(session: Session, user_text: str) -> str | None:
    """``match_expression``, with a word being typed past the prefix indexes' lengths read
    as the words of the index it begins (a handful, found in its vocabulary) ORed: FTS5 would
    otherwise read and merge the entries of every one of them before giving a first match
    (60 ms for "ministr" on 100,000 articles, against 10 ms this way)."""
    tokens, being_typed = search_tokens(user_text)
    if not tokens:
        return None
    strings = [f'"{token}"' for token in tokens]
    if being_typed:
        strings[-1] = _prefix(session, tokens[-1])
    return " AND ".join(strings)


def _prefix(session: Session, token: str) -> str:
    plain = f'"{token}"*'
    if len(token) <= LONGEST_PREFIX_INDEX:
        return plain
    start = _folded(token)
    terms = session.connection().execute(
        select(_terms.c.term)
        .where(_terms.c.term >= start, _terms.c.term < start + "\U0010ffff")
        .limit(MAX_PREFIX_TERMS + 1)
    )
    words = [term for (term,) in terms]
    if not words or len(words) > MAX_PREFIX_TERMS:
        return plain  # none (FTS5 finds none at once), or too many to OR
    return "(" + " OR ".join(f'"{word}"' for word in words) + ")"


def _folded(token: str) -> str:
    """``token`` as the index holds it: lower case, without diacritics."""
    decomposed = unicodedata.normalize("NFD", token.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _words(user_text: str) -> list[str]:
    # Control characters (a NUL ends an FTS5 string early) count as spaces.
    composed = unicodedata.normalize("NFC", user_text)  # an accent typed apart joins its letter
    printable = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in composed)
    return printable.split()


def _tokens(word: str) -> list[str]:
    """The tokens the unicode61 tokenizer finds in ``word``: runs of letters, numbers and
    private-use characters; everything else separates them."""
    separated = "".join(ch if _is_token_character(ch) else " " for ch in word)
    return separated.split()


def _is_token_character(character: str) -> bool:
    category = unicodedata.category(character)
    return category[0] in "LN" or category == "Co"
