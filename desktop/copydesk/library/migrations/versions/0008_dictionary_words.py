"""The newsroom dictionary: words the spelling checker learnt (proper names, terms of the
trade), each for one language, with who added it and when.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-09
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dictionary_words",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("word", sa.String(length=100), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("added_by", sa.String(length=200), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dictionary_words")),
        sa.UniqueConstraint("word", "language", name=op.f("uq_dictionary_words_word")),
    )


def downgrade() -> None:
    op.drop_table("dictionary_words")
