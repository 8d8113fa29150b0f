"""The triggers that keep the pictures' stored verdicts (``picture_verdicts``) no older than
their pictures: whoever writes or deletes a picture's row (the window, an import, a newsroom
pull, another program), its verdict goes, and the library judges it again
(``copydesk.pictures.verdicts``)."""

from __future__ import annotations

from sqlalchemy.engine import Connection

CREATE_STATEMENTS = (
    "CREATE TRIGGER picture_verdicts_after_update AFTER UPDATE ON pictures BEGIN"
    " DELETE FROM picture_verdicts WHERE picture_id = old.id; END",
    "CREATE TRIGGER picture_verdicts_after_delete AFTER DELETE ON pictures BEGIN"
    " DELETE FROM picture_verdicts WHERE picture_id = old.id; END",
)


def install(connection: Connection) -> None:
    """The triggers, in a new library (``create_all`` makes the table, not its triggers)."""
    for statement in CREATE_STATEMENTS:
        connection.exec_driver_sql(statement)
