"""The server's search asks once who the person is, and is planned with its words:
``copydesk.search_articles`` read ``copydesk.may_see`` for every row it tested (a definer,
not inlined: two ``pg_has_role`` each), which cost most of a search for words of middle
frequency (14,000 rows tested for a page, about 300 ms at 1,000,000 articles). The desks the
person reads, and whether they are the chief, are now read at the start and the rows compared
with them; the words and those desks are constants of the query, so that PostgreSQL plans
each search knowing them.

Revision ID: s0003
Revises: s0002
Create Date: 2026-12-03
"""

from alembic import op

revision = "s0003"
down_revision = "s0002"
branch_labels = None
depends_on = None

# CREATE OR REPLACE keeps the function's owner and grants.
SEARCH = r"""
CREATE OR REPLACE FUNCTION copydesk.search_articles(
    words text, page_size integer,
    after_time timestamptz DEFAULT NULL, after_uuid uuid DEFAULT NULL)
RETURNS TABLE (uuid uuid, headline text, language text, status text,
               updated_at timestamptz, desk text, shared boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, copydesk AS $$
DECLARE
    chief boolean;
    readable integer[];
BEGIN
    -- What copydesk.may_see answers, asked once: as a definer it is not inlined, and
    -- called for each row it tested (twice pg_has_role) it cost more than the search.
    SELECT EXISTS (SELECT 1 FROM copydesk.newsroom n
                   WHERE pg_has_role(session_user, n.chief_role, 'MEMBER'))
        INTO chief;
    SELECT coalesce(array_agg(d.id), '{}') INTO readable FROM copydesk.desks d
        WHERE pg_has_role(session_user, d.role_name, 'MEMBER');
    -- The words and the desks as constants of the query (format's %L quotes them): planned
    -- knowing the words, the query walks the order of change for words most articles hold
    -- and the GIN index for rare ones (bound as parameters, they were not looked at).
    RETURN QUERY EXECUTE format(
        'SELECT i.uuid, i.content->>''headline'', i.content->>''language'','
        ' i.content->>''status'', i.updated_at, d.name, i.shared'
        ' FROM copydesk.items i JOIN copydesk.desks d ON d.id = i.desk_id'
        ' WHERE i.kind = ''article'' AND NOT i.deleted'
        ' AND i.search @@ (to_tsquery(''copydesk.french'', %1$L)'
        ' || to_tsquery(''copydesk.english'', %1$L) || to_tsquery(''copydesk.simple'', %1$L))'
        ' AND ($1 IS NULL OR (i.updated_at, i.uuid) < ($1, $2)) %2$s'
        ' ORDER BY i.updated_at DESC, i.uuid DESC LIMIT %3$s',
        words,
        CASE WHEN chief THEN ''
             ELSE format('AND (i.shared OR i.desk_id = ANY(%L::integer[]))', readable) END,
        least(greatest(page_size, 0), 500))
        USING after_time, after_uuid;
END $$;
"""

PREVIOUS = r"""
CREATE OR REPLACE FUNCTION copydesk.search_articles(
    words text, page_size integer,
    after_time timestamptz DEFAULT NULL, after_uuid uuid DEFAULT NULL)
RETURNS TABLE (uuid uuid, headline text, language text, status text,
               updated_at timestamptz, desk text, shared boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, copydesk AS $$
BEGIN
    RETURN QUERY EXECUTE
        'SELECT i.uuid, i.content->>''headline'', i.content->>''language'','
        ' i.content->>''status'', i.updated_at, d.name, i.shared'
        ' FROM copydesk.items i JOIN copydesk.desks d ON d.id = i.desk_id'
        ' WHERE i.kind = ''article'' AND NOT i.deleted'
        ' AND i.search @@ (to_tsquery(''copydesk.french'', $1)'
        ' || to_tsquery(''copydesk.english'', $1) || to_tsquery(''copydesk.simple'', $1))'
        ' AND ($3 IS NULL OR (i.updated_at, i.uuid) < ($3, $4))'
        ' AND copydesk.may_see(i.desk_id, i.shared)'
        ' ORDER BY i.updated_at DESC, i.uuid DESC LIMIT least($2, 500)'
        USING words, page_size, after_time, after_uuid;
END $$;
"""


def upgrade() -> None:
    raw = op.get_bind().connection.dbapi_connection
    assert raw is not None
    raw.execute(SEARCH)


def downgrade() -> None:
    raw = op.get_bind().connection.dbapi_connection
    assert raw is not None
    raw.execute(PREVIOUS)
