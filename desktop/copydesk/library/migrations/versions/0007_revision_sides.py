"""Revisions from the newsroom say who made them and, for a merge, who made the other side;
a conflict keeps who made the desk's side; the replica knows the person's name and whether
they are the newsroom's chief.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("revisions") as batch:
        batch.add_column(
            sa.Column("merged_with", sa.String(length=200), server_default="", nullable=False)
        )
    with op.batch_alter_table("replica_conflicts") as batch:
        batch.add_column(
            sa.Column("theirs_author", sa.String(length=200), server_default="", nullable=False)
        )
    with op.batch_alter_table("replica_state") as batch:
        batch.add_column(
            sa.Column("display_name", sa.String(length=200), server_default="", nullable=False)
        )
        batch.add_column(sa.Column("chief", sa.Boolean(), server_default="0", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("replica_state") as batch:
        batch.drop_column("chief")
        batch.drop_column("display_name")
    with op.batch_alter_table("replica_conflicts") as batch:
        batch.drop_column("theirs_author")
    with op.batch_alter_table("revisions") as batch:
        batch.drop_column("merged_with")
