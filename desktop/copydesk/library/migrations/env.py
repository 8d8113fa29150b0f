"""Alembic environment: migrations run on the connection Copydesk hands over."""

from alembic import context

from copydesk.library.changes import is_change_table
from copydesk.library.models import Base
from copydesk.library.search_index import is_index_table

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "Copydesk migrations run on a connection passed by copydesk.library.db,"
        " not from the alembic CLI."
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    transactional_ddl=True,
    # The search index and the change feed are raw DDL (a virtual table, triggers), not
    # part of the models.
    include_name=lambda name, type_, _parent: (
        not (type_ == "table" and (is_index_table(name) or is_change_table(name)))
    ),
)
with context.begin_transaction():
    context.run_migrations()
