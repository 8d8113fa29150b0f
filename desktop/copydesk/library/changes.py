"""What changed in the library since a moment, whoever changed it.

Triggers note every insert, update and delete of an article, a picture or a revision in an
article's history, in ``library_changes`` under an ever-growing sequence
number. Being triggers, they note the writes of every program that opens the library (the
command line, a second window, a future sync), through any code path. A window keeps the
last number it has seen and asks, a few times a second, for what came after.

The table keeps its latest ``KEEP`` entries and prunes itself; a reader whose number has
fallen out of it learns that it missed some (``Changes.complete`` is False) and reloads
everything it shows.

A migration that rebuilds ``articles``, ``pictures`` or ``revisions`` (SQLite's
``batch_alter_table``) drops their triggers: it must install them again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

TABLE = "library_changes"
KEEP = 10_000
PRUNE_EVERY = 500

ARTICLE = "article"
PICTURE = "picture"
HISTORY = "history"  # a revision of an article's history was added, changed or removed

# (trigger name, table, event, entity, row) for every change noted.
_NOTED = (
    ("article_inserted", "articles", "INSERT", ARTICLE, "new.id"),
    # Not when only its list key moved: the search index's triggers do that after a change
    # already noted (see copydesk.library.search_index).
    ("article_updated", "articles", "UPDATE", ARTICLE, "new.id"),
    ("article_deleted", "articles", "DELETE", ARTICLE, "old.id"),
    ("picture_inserted", "pictures", "INSERT", PICTURE, "new.id"),
    ("picture_updated", "pictures", "UPDATE", PICTURE, "new.id"),
    ("picture_deleted", "pictures", "DELETE", PICTURE, "old.id"),
    ("revision_inserted", "revisions", "INSERT", HISTORY, "new.article_id"),
    ("revision_updated", "revisions", "UPDATE", HISTORY, "new.article_id"),
    ("revision_deleted", "revisions", "DELETE", HISTORY, "old.article_id"),
)

_CONDITIONS = {"article_updated": " WHEN new.list_key IS old.list_key"}

# Frozen copies in migrations/versions/0005 and (article_updated's condition) 0011: change
# both (with a new migration) or neither.
CREATE_STATEMENTS = (
    f"CREATE TABLE {TABLE} ("
    "seq INTEGER PRIMARY KEY AUTOINCREMENT, entity VARCHAR(16) NOT NULL,"
    " entity_id INTEGER NOT NULL)",
    *(
        f"CREATE TRIGGER {TABLE}_{name} AFTER {event} ON {table}{_CONDITIONS.get(name, '')}"
        f" BEGIN INSERT INTO {TABLE}(entity, entity_id) VALUES ('{entity}', {row}); END"
        for name, table, event, entity, row in _NOTED
    ),
    f"CREATE TRIGGER {TABLE}_pruned AFTER INSERT ON {TABLE}"
    f" WHEN new.seq % {PRUNE_EVERY} = 0 BEGIN"
    f" DELETE FROM {TABLE} WHERE seq <= new.seq - {KEEP}; END",
)


def install(connection: Connection) -> None:
    """Create the table and its triggers in a new library."""
    for statement in CREATE_STATEMENTS:
        connection.exec_driver_sql(statement)


def is_change_table(name: str | None) -> bool:
    """The table the ORM models do not describe."""
    return name == TABLE


@dataclass(frozen=True)
class Changes:
    """What changed after ``since`` up to ``until`` (the number to ask from next time)."""

    since: int
    until: int
    articles: frozenset[int] = field(default_factory=frozenset)
    pictures: frozenset[int] = field(default_factory=frozenset)
    histories: frozenset[int] = field(default_factory=frozenset)
    complete: bool = True  # False: some changes were pruned before they were read

    @property
    def any(self) -> bool:
        return self.until != self.since or not self.complete


def latest(session: Session) -> int:
    """The number of the latest change: what a reader starts from."""
    value = session.connection().exec_driver_sql(f"SELECT max(seq) FROM {TABLE}").scalar()
    return int(value or 0)


def changes_since(session: Session, since: int, limit: int = KEEP) -> Changes:
    """The articles, pictures and histories changed after change number ``since``.

    More than ``limit`` changes, or changes already pruned, come back incomplete: the
    reader reloads everything rather than going through them."""
    connection = session.connection()
    rows = connection.exec_driver_sql(
        f"SELECT seq, entity, entity_id FROM {TABLE} WHERE seq > ? ORDER BY seq LIMIT ?",
        (since, limit + 1),
    ).all()
    if not rows:
        # Nothing after ``since``; a number beyond the latest means another library file
        # now stands under this name (restored from a backup, say).
        newest = latest(session)
        return Changes(since, newest, complete=newest >= since)
    oldest = connection.exec_driver_sql(f"SELECT min(seq) FROM {TABLE}").scalar()
    complete = len(rows) <= limit and int(oldest or 0) <= since + 1
    if not complete:
        return Changes(since, latest(session), complete=False)
    found: dict[str, set[int]] = {ARTICLE: set(), PICTURE: set(), HISTORY: set()}
    for _seq, entity, entity_id in rows:
        found.setdefault(entity, set()).add(int(entity_id))
    return Changes(
        since,
        int(rows[-1][0]),
        frozenset(found[ARTICLE]),
        frozenset(found[PICTURE]),
        frozenset(found[HISTORY]),
    )
