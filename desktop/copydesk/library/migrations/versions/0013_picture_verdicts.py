"""The pictures' stored verdicts (``copydesk.pictures.verdicts``): what the compliance engine
last said of each picture, so that the Picture Library filters and counts in SQL. The table
starts empty; the library judges its pictures, a batch at a time, when the Picture Library
next opens. Triggers drop a picture's verdict whenever its row changes.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# As copydesk.library.picture_verdicts wrote them at this revision.
_TRIGGERS = (
    "CREATE TRIGGER picture_verdicts_after_update AFTER UPDATE ON pictures BEGIN"
    " DELETE FROM picture_verdicts WHERE picture_id = old.id; END",
    "CREATE TRIGGER picture_verdicts_after_delete AFTER DELETE ON pictures BEGIN"
    " DELETE FROM picture_verdicts WHERE picture_id = old.id; END",
)


def upgrade() -> None:
    op.create_table(
        "picture_verdicts",
        sa.Column("picture_id", sa.Integer(), nullable=False),
        sa.Column("judged_with", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("haystack", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["picture_id"], ["pictures.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("picture_id"),
    )
    op.create_index(
        "ix_picture_verdicts_status", "picture_verdicts", ["judged_with", "status", "updated_at"]
    )
    op.create_index("ix_picture_verdicts_valid_until", "picture_verdicts", ["valid_until"])
    for statement in _TRIGGERS:
        op.execute(statement)
    # The licence filter in the list's order.
    op.drop_index("ix_pictures_licence_id", table_name="pictures")
    op.create_index("ix_pictures_licence_id_updated_at", "pictures", ["licence_id", "updated_at"])


def downgrade() -> None:
    op.drop_index("ix_pictures_licence_id_updated_at", table_name="pictures")
    op.create_index("ix_pictures_licence_id", "pictures", ["licence_id"])
    op.execute("DROP TRIGGER picture_verdicts_after_delete")
    op.execute("DROP TRIGGER picture_verdicts_after_update")
    op.drop_table("picture_verdicts")
