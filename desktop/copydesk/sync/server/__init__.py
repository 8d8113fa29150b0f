"""The newsroom server: a PostgreSQL database with its own schema (``copydesk``), migrated by
its own Alembic environment, where people write only through functions and read under
row-level security."""
