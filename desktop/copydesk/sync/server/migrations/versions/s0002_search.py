"""Full-text search of the newsroom's articles: each article's words are kept as a
``tsvector`` stemmed in its language (French, English, else unstemmed), accents folded, its
headline weighing most; one GIN index finds them, an index in order of last change serves
the pages of results, and ``copydesk.search_articles`` answers a person with what they may
read (``copydesk.sync.search``).

Revision ID: s0002
Revises: s0001
Create Date: 2026-12-03
"""

from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None

SEARCH = r"""
-- unaccent is a trusted extension: the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA copydesk;

CREATE TEXT SEARCH CONFIGURATION copydesk.french (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION copydesk.french
    ALTER MAPPING FOR hword, hword_part, word WITH copydesk.unaccent, french_stem;
CREATE TEXT SEARCH CONFIGURATION copydesk.english (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION copydesk.english
    ALTER MAPPING FOR hword, hword_part, word WITH copydesk.unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION copydesk.simple (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION copydesk.simple
    ALTER MAPPING FOR hword, hword_part, word WITH copydesk.unaccent, simple;

-- The configuration of an article's language ("fr", "fr-CA", "en-GB"...).
CREATE FUNCTION copydesk.search_config(language text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN lower(language) LIKE 'fr%' THEN 'copydesk.french'::regconfig
        WHEN lower(language) LIKE 'en%' THEN 'copydesk.english'::regconfig
        ELSE 'copydesk.simple'::regconfig
    END
$$;

-- French is written with typographic apostrophes, which PostgreSQL's parser keeps inside a
-- word ("l’économie" would be one word): they are read as plain ones.
CREATE FUNCTION copydesk.article_text(content jsonb, field text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT translate(coalesce(content->>field, ''), E'\u2019\u02bc', '''''')
$$;

CREATE FUNCTION copydesk.article_words(kind text, content jsonb) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN kind = 'article' THEN
        setweight(to_tsvector(copydesk.search_config(content->>'language'),
                              copydesk.article_text(content, 'headline')), 'A')
        || setweight(to_tsvector(copydesk.search_config(content->>'language'),
                                 copydesk.article_text(content, 'standfirst')), 'B')
        || to_tsvector(copydesk.search_config(content->>'language'),
                       copydesk.article_text(content, 'body'))
    END
$$;

ALTER TABLE copydesk.items ADD COLUMN search tsvector
    GENERATED ALWAYS AS (copydesk.article_words(kind, content)) STORED;
CREATE INDEX items_search ON copydesk.items USING gin (search);
CREATE INDEX items_articles_by_change ON copydesk.items (updated_at DESC, uuid DESC)
    WHERE kind = 'article' AND NOT deleted;

-- A page of the articles matching ``words`` (a tsquery's text: the client quotes every
-- token) in any of the three configurations, that the person may read, newest first, after
-- a place in that order. A definer with may_see in its query rather than under the items'
-- row-level security: there, "@@" (not leakproof) could not use the GIN index and every row
-- would be read. EXECUTE plans each search with its words known, so PostgreSQL chooses
-- between the GIN index (a rare word) and the order of change (a common one).
CREATE FUNCTION copydesk.search_articles(
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
REVOKE ALL ON FUNCTION copydesk.search_articles(text, integer, timestamptz, uuid) FROM PUBLIC;

"""


def upgrade() -> None:
    raw = op.get_bind().connection.dbapi_connection
    assert raw is not None
    raw.execute(SEARCH)


def downgrade() -> None:
    raw = op.get_bind().connection.dbapi_connection
    assert raw is not None
    raw.execute(
        "DROP FUNCTION copydesk.search_articles(text, integer, timestamptz, uuid);"
        " DROP INDEX copydesk.items_articles_by_change;"
        " ALTER TABLE copydesk.items DROP COLUMN search;"
        " DROP FUNCTION copydesk.article_words(text, jsonb);"
        " DROP FUNCTION copydesk.article_text(jsonb, text);"
        " DROP FUNCTION copydesk.search_config(text);"
        " DROP TEXT SEARCH CONFIGURATION copydesk.french;"
        " DROP TEXT SEARCH CONFIGURATION copydesk.english;"
        " DROP TEXT SEARCH CONFIGURATION copydesk.simple;"
        " DROP EXTENSION IF EXISTS unaccent;"
    )
