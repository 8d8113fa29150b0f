"""What a picture's file said differently in its IIM, XMP and EXIF, field by field, for the
desk to choose (``copydesk.pictures.disagreements``).

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


def downgrade() -> None:
    with op.batch_alter_table("pictures") as table:
        table.drop_column("disagreements")
