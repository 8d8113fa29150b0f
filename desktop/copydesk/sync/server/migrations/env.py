"""Alembic environment of the newsroom server: migrations run on the connection Copydesk
hands over (``copydesk.sync.server.admin``), the version table in the ``copydesk`` schema."""

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "Newsroom migrations run on a connection passed by copydesk.sync.server.admin,"
        " not from the alembic CLI."
    )

context.configure(
    connection=connection,
    target_metadata=None,
    version_table_schema="copydesk",
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
