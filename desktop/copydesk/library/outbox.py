"""The outbox of a library joined to a newsroom: triggers note every article and picture a
transaction saves, inside that very transaction, so that no save can be committed without
its note (``copydesk.sync`` turns the notes into revisions and sends them). The triggers do
nothing in a library that is not joined (no ``replica_state`` row), nor while a pull writes
what came from the server (``replica_state.applying``)."""

from __future__ import annotations

from sqlalchemy import Connection

TABLE = "replica_outbox"
_ACTIVE = "EXISTS (SELECT 1 FROM replica_state WHERE applying = 0)"

# (trigger name, table, event, entity, the uuid of the saved thing)
_NOTED = (
    ("article_inserted", "articles", "INSERT", "article", "new.uuid"),
    ("article_updated", "articles", "UPDATE", "article", "new.uuid"),
    ("article_deleted", "articles", "DELETE", "article", "old.uuid"),
    *(
        (
            f"{table}_{event.lower()}",
            table,
            event,
            "article",
            f"(SELECT uuid FROM articles WHERE id = {row}.article_id)",
        )
        for table in ("article_authors", "article_keywords", "related_links", "picture_uses")
        for event, row in (("INSERT", "new"), ("UPDATE", "new"), ("DELETE", "old"))
    ),
    ("picture_inserted", "pictures", "INSERT", "picture", "new.uuid"),
    ("picture_updated", "pictures", "UPDATE", "picture", "new.uuid"),
    ("picture_deleted", "pictures", "DELETE", "picture", "old.uuid"),
)


def _trigger(name: str, table: str, event: str, entity: str, uuid: str) -> str:
    # One note per thing until the next push takes it: a save rewrites a byline's rows.
    return (
        f"CREATE TRIGGER {TABLE}_{name} AFTER {event} ON {table} WHEN {_ACTIVE} BEGIN"
        f" INSERT INTO {TABLE}(entity, uuid) SELECT '{entity}', noted.uuid"
        f" FROM (SELECT {uuid} AS uuid) AS noted WHERE noted.uuid IS NOT NULL"
        f" AND NOT EXISTS (SELECT 1 FROM {TABLE} WHERE {TABLE}.uuid = noted.uuid); END"
    )


# Frozen copy in migrations/versions/0006: change both (with a new migration) or neither.
TRIGGER_STATEMENTS = tuple(_trigger(*noted) for noted in _NOTED)
TRIGGER_NAMES = tuple(f"{TABLE}_{noted[0]}" for noted in _NOTED)


def install(connection: Connection) -> None:
    """Create the triggers in a new library (the tables are the models')."""
    for statement in TRIGGER_STATEMENTS:
        connection.exec_driver_sql(statement)
