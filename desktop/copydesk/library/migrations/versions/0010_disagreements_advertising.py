"""What a picture's file said differently in its IIM, XMP and EXIF, field by field, for the
desk to choose (``copydesk.pictures.disagreements``); and the articles that are advertising or
sponsored content (a commercial use of their pictures).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pictures") as table:
        table.add_column(sa.Column("disagreements", sa.Text(), nullable=False, server_default=""))
    # Not a batch: SQLite adds a column in place, and recreating the table would break the
    # triggers that name it.
    op.add_column(
        "articles",
        sa.Column("advertising", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("articles", "advertising")
    with op.batch_alter_table("pictures") as table:
        table.drop_column("disagreements")
