"""The library's own identity (a uuid for the URIs of what it publishes).

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


def downgrade() -> None:
    op.drop_table("library_info")
