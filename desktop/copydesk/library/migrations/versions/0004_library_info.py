"""The library's own identity (a uuid for the URIs of what it publishes), and pictures that
await their file (their credit came with an imported article before the picture did).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "library_info",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_library_info")),
        sa.UniqueConstraint("uuid", name=op.f("uq_library_info_uuid")),
    )
    now = datetime.now(UTC).replace(tzinfo=None)
    op.bulk_insert(table, [{"id": 1, "uuid": str(uuid.uuid4()), "created_at": now}])
    # Rebuilt (SQLite cannot alter a column), foreign keys off: see copydesk.library.db._upgrade.
    with op.batch_alter_table("pictures") as pictures:
        pictures.alter_column("sha256", existing_type=sa.String(length=64), nullable=True)


def downgrade() -> None:
    op.execute("DELETE FROM pictures WHERE sha256 IS NULL")
    with op.batch_alter_table("pictures") as pictures:
        pictures.alter_column("sha256", existing_type=sa.String(length=64), nullable=False)
    op.drop_table("library_info")
