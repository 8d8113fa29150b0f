"""A library may become a replica of a newsroom desk: its state, the outbox (written by
triggers in the saving transaction), the revisions being sent, the server bases, the
conflicts kept for a person, and the notices of a sync (see copydesk.sync).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_ACTIVE = "EXISTS (SELECT 1 FROM replica_state WHERE applying = 0)"
_CHILD = "(SELECT uuid FROM articles WHERE id = {row}.article_id)"
NOTED = (
    ("article_inserted", "articles", "INSERT", "article", "new.uuid"),
    ("article_updated", "articles", "UPDATE", "article", "new.uuid"),
    ("article_deleted", "articles", "DELETE", "article", "old.uuid"),
    *(
        (f"{table}_{event.lower()}", table, event, "article", _CHILD.format(row=row))
        for table in ("article_authors", "article_keywords", "related_links", "picture_uses")
        for event, row in (("INSERT", "new"), ("UPDATE", "new"), ("DELETE", "old"))
    ),
    ("picture_inserted", "pictures", "INSERT", "picture", "new.uuid"),
    ("picture_updated", "pictures", "UPDATE", "picture", "new.uuid"),
    ("picture_deleted", "pictures", "DELETE", "picture", "old.uuid"),
)

# A frozen copy of copydesk.library.outbox.TRIGGER_STATEMENTS as of this revision.
TRIGGERS = tuple(
    f"CREATE TRIGGER replica_outbox_{name} AFTER {event} ON {table} WHEN {_ACTIVE} BEGIN"
    f" INSERT INTO replica_outbox(entity, uuid) SELECT '{entity}', noted.uuid"
    f" FROM (SELECT {uuid} AS uuid) AS noted WHERE noted.uuid IS NOT NULL"
    " AND NOT EXISTS (SELECT 1 FROM replica_outbox WHERE replica_outbox.uuid = noted.uuid); END"
    for name, table, event, entity, uuid in NOTED
)


def _utc() -> sa.DateTime:
    return sa.DateTime()


def upgrade() -> None:
    op.create_table(
        "replica_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("server_url", sa.Text(), nullable=False),
        sa.Column("login", sa.String(length=200), nullable=False),
        sa.Column("desk", sa.String(length=200), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("newsroom_uuid", sa.String(length=36), nullable=False),
        sa.Column("pull_cursor", sa.Integer(), nullable=False),
        sa.Column("applying", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("joined_at", _utc(), nullable=False),
        sa.Column("last_sync_at", _utc(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_replica_state")),
    )
    op.create_table(
        "replica_outbox",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=16), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_replica_outbox")),
    )
    op.create_index(op.f("ix_replica_outbox_uuid"), "replica_outbox", ["uuid"])
    op.create_table(
        "replica_sending",
        sa.Column("revision_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=16), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("merge_parent_id", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("revision_id", name=op.f("pk_replica_sending")),
    )
    op.create_index(op.f("ix_replica_sending_position"), "replica_sending", ["position"])
    op.create_index(op.f("ix_replica_sending_uuid"), "replica_sending", ["uuid"])
    op.create_table(
        "replica_bases",
        sa.Column("entity", sa.String(length=16), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("revision_id", sa.String(length=36), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "uuid", name=op.f("pk_replica_bases")),
    )
    op.create_table(
        "replica_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=16), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("base", sa.Text(), nullable=False),
        sa.Column("mine", sa.Text(), nullable=False),
        sa.Column("theirs", sa.Text(), nullable=False),
        sa.Column("theirs_revision", sa.String(length=36), nullable=False),
        sa.Column("theirs_version", sa.Integer(), nullable=False),
        sa.Column("theirs_deleted", sa.Boolean(), nullable=False),
        sa.Column("mine_revision", sa.String(length=36), nullable=True),
        sa.Column("created_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_replica_conflicts")),
        sa.UniqueConstraint("uuid", name=op.f("uq_replica_conflicts_uuid")),
    )
    op.create_table(
        "replica_notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("entity", sa.String(length=16), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_replica_notices")),
    )
    for statement in TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    for name, *_rest in NOTED:
        op.execute(f"DROP TRIGGER replica_outbox_{name}")
    for table in (
        "replica_notices",
        "replica_conflicts",
        "replica_bases",
        "replica_sending",
        "replica_outbox",
        "replica_state",
    ):
        op.drop_table(table)
