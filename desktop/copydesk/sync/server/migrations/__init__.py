"""Alembic migrations of the newsroom server's schema. ``HEAD_REVISION`` names the newest:
a server at a revision this list does not hold was set up by a newer Copydesk."""

HEAD_REVISION = "s0003"
