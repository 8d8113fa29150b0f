"""What a picture's supplier says of its rights, read from its IIM, XMP and EXIF: special
instructions, image supplier, the rights-marked flag, Creative Commons XMP and the model and
property release statuses; and the article that used the picture first.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TEXT_COLUMNS = (
    "special_instructions",
    "image_supplier",
    "cc_license",
    "cc_attribution_name",
    "cc_attribution_url",
    "model_release_status",
    "property_release_status",
)


def upgrade() -> None:
    with op.batch_alter_table("pictures") as table:
        for name in TEXT_COLUMNS:
            table.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=""))
        table.add_column(
            sa.Column("rights_marked", sa.String(length=8), nullable=False, server_default="")
        )
        table.add_column(
            sa.Column("first_use_article", sa.String(length=36), nullable=False, server_default="")
        )
        table.add_column(
            sa.Column("first_use_headline", sa.Text(), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("pictures") as table:
        table.drop_column("first_use_headline")
        table.drop_column("first_use_article")
        table.drop_column("rights_marked")
        for name in reversed(TEXT_COLUMNS):
            table.drop_column(name)
