"""The newsroom schema: desks, people and their devices; articles and pictures (items) with
their version, change sequence and tombstones; every revision ever pushed; conflicts kept
beside the head; applied operation ids; picture files stored by SHA-256 in chunks; presence.
People write only through the functions below and read under row-level security; the
grants to the newsroom's roles are made by ``copydesk newsroom init`` (role names depend on
the database, which a template copy would not follow).

Revision ID: s0001
Revises:
Create Date: 2026-12-02
"""

from alembic import op

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None

TABLES = r"""
CREATE TABLE copydesk.newsroom (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    uuid uuid NOT NULL,
    person_role text NOT NULL,
    chief_role text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE copydesk.desks (
    id serial PRIMARY KEY,
    name text NOT NULL UNIQUE CHECK (name <> ''),
    role_name text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE copydesk.people (
    login text PRIMARY KEY,
    display_name text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE copydesk.devices (
    id uuid PRIMARY KEY,
    login text NOT NULL,
    name text NOT NULL DEFAULT '',
    first_seen timestamptz NOT NULL DEFAULT now(),
    last_seen timestamptz NOT NULL DEFAULT now()
);
CREATE SEQUENCE copydesk.change_seq;
CREATE TABLE copydesk.items (
    uuid uuid PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('article', 'picture')),
    desk_id integer NOT NULL REFERENCES copydesk.desks (id),
    shared boolean NOT NULL DEFAULT false,
    version integer NOT NULL,
    seq bigint NOT NULL UNIQUE,
    head_revision uuid NOT NULL,
    deleted boolean NOT NULL DEFAULT false,
    in_conflict boolean NOT NULL DEFAULT false,
    sha256 text,
    content jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text NOT NULL
);
CREATE TABLE copydesk.revisions (
    id uuid PRIMARY KEY,
    item_uuid uuid NOT NULL REFERENCES copydesk.items (uuid),
    kind text NOT NULL,
    parent_id uuid,
    merge_parent_id uuid,
    device_id uuid NOT NULL,
    login text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    deleted boolean NOT NULL,
    content jsonb NOT NULL,
    outcome text NOT NULL CHECK (outcome IN ('head', 'conflict', 'overruled', 'redundant'))
);
CREATE INDEX revisions_item ON copydesk.revisions (item_uuid);
CREATE TABLE copydesk.conflicts (
    id bigserial PRIMARY KEY,
    item_uuid uuid NOT NULL REFERENCES copydesk.items (uuid),
    revision_id uuid NOT NULL REFERENCES copydesk.revisions (id),
    head_revision uuid NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    settled_by uuid
);
CREATE INDEX conflicts_open ON copydesk.conflicts (item_uuid) WHERE settled_by IS NULL;
CREATE TABLE copydesk.applied_ops (
    op_id uuid PRIMARY KEY,
    login text NOT NULL,
    result jsonb NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE copydesk.files (
    sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    byte_size bigint NOT NULL CHECK (byte_size >= 0),
    chunk_size integer NOT NULL CHECK (chunk_size > 0),
    complete boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE copydesk.file_chunks (
    sha256 text NOT NULL REFERENCES copydesk.files (sha256),
    index integer NOT NULL CHECK (index >= 0),
    data bytea NOT NULL,
    PRIMARY KEY (sha256, index)
);
CREATE TABLE copydesk.presence (
    device_id uuid NOT NULL REFERENCES copydesk.devices (id),
    item_uuid uuid NOT NULL,
    login text NOT NULL,
    since timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (device_id, item_uuid)
);

-- Every revision is kept as it was pushed.
CREATE FUNCTION copydesk.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'copydesk revisions are immutable';
END $$;
CREATE TRIGGER revisions_immutable BEFORE UPDATE OR DELETE ON copydesk.revisions
    FOR EACH ROW EXECUTE FUNCTION copydesk.refuse_change();
CREATE TRIGGER revisions_never_emptied BEFORE TRUNCATE ON copydesk.revisions
    FOR EACH STATEMENT EXECUTE FUNCTION copydesk.refuse_change();
"""

FUNCTIONS = r"""
-- Whether the person logged in may see (and so write) an item of this desk.
CREATE FUNCTION copydesk.may_see(desk integer, is_shared boolean) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, copydesk AS $$
    SELECT is_shared
        OR EXISTS (SELECT 1 FROM copydesk.desks d
                   WHERE d.id = desk AND pg_has_role(session_user, d.role_name, 'MEMBER'))
        OR EXISTS (SELECT 1 FROM copydesk.newsroom n
                   WHERE pg_has_role(session_user, n.chief_role, 'MEMBER'))
$$;

CREATE FUNCTION copydesk.my_desks() RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, copydesk AS $$
    SELECT d.name FROM copydesk.desks d
    WHERE pg_has_role(session_user, d.role_name, 'MEMBER')
       OR EXISTS (SELECT 1 FROM copydesk.newsroom n
                  WHERE pg_has_role(session_user, n.chief_role, 'MEMBER'))
    ORDER BY d.name
$$;

CREATE FUNCTION copydesk.register_device(device uuid, device_name text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, copydesk AS $$
DECLARE
    owner text;
BEGIN
    SELECT login INTO owner FROM copydesk.devices WHERE id = device;
    IF owner IS NULL THEN
        INSERT INTO copydesk.devices (id, login, name) VALUES (device, session_user, device_name)
        ON CONFLICT (id) DO NOTHING;
    ELSIF owner <> session_user THEN
        RAISE EXCEPTION 'copydesk: device % belongs to another person', device
            USING ERRCODE = 'insufficient_privilege';
    ELSE
        UPDATE copydesk.devices SET last_seen = now() WHERE id = device;
    END IF;
END $$;

CREATE FUNCTION copydesk.refusal(op_id uuid, reason text) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_build_object('id', op_id, 'status', 'refused', 'reason', reason)
$$;

-- One operation: a revision of an article or a picture, applied once whatever the resends.
CREATE FUNCTION copydesk.apply_op(device uuid, op jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, copydesk AS $$
DECLARE
    v_id uuid := (op->>'id')::uuid;
    v_item_id uuid := (op->>'item')::uuid;
    v_parent uuid := (op->>'parent')::uuid;
    v_merge uuid := (op->>'merge_parent')::uuid;
    v_deleted boolean := coalesce((op->>'deleted')::boolean, false);
    v_kind text := op->>'kind';
    v_file text := nullif(op->>'sha256', '');
    v_prior jsonb;
    v_prior_login text;
    v_item copydesk.items%ROWTYPE;
    v_desk integer;
    v_seq bigint;
    v_outcome text;
    v_result jsonb;
BEGIN
    SELECT a.result, a.login INTO v_prior, v_prior_login
    FROM copydesk.applied_ops a WHERE a.op_id = v_id;
    IF v_prior_login IS DISTINCT FROM session_user AND v_prior IS NOT NULL THEN
        RETURN copydesk.refusal(v_id, 'id_taken');  -- another person's: not theirs to read
    ELSIF v_prior IS NOT NULL THEN
        RETURN v_prior;
    END IF;
    IF v_file IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM copydesk.files f WHERE f.sha256 = v_file AND f.complete
    ) THEN
        RETURN copydesk.refusal(v_id, 'file_missing');
    END IF;
    SELECT * INTO v_item FROM copydesk.items i WHERE i.uuid = v_item_id FOR UPDATE;
    IF NOT FOUND THEN
        SELECT d.id INTO v_desk FROM copydesk.desks d WHERE d.name = op->>'desk';
        IF v_desk IS NULL OR NOT copydesk.may_see(v_desk, false) THEN
            RETURN copydesk.refusal(v_id, 'not_your_desk');
        END IF;
        v_seq := nextval('copydesk.change_seq');
        INSERT INTO copydesk.items (uuid, kind, desk_id, shared, version, seq, head_revision,
                                    deleted, sha256, content, updated_by)
        VALUES (v_item_id, v_kind, v_desk, coalesce((op->>'shared')::boolean, v_kind = 'picture'),
                1, v_seq, v_id, v_deleted, v_file, op->'content', session_user);
        v_outcome := 'head';
    ELSIF v_item.kind <> v_kind OR NOT copydesk.may_see(v_item.desk_id, v_item.shared) THEN
        RETURN copydesk.refusal(v_id, 'not_your_desk');
    ELSIF v_item.head_revision = v_parent OR (v_item.deleted AND NOT v_deleted) THEN
        -- In step with the head, or an edit that beats a delete it had not seen.
        IF v_item.head_revision IS DISTINCT FROM v_parent THEN
            v_merge := coalesce(v_merge, v_item.head_revision);
        END IF;
        v_seq := nextval('copydesk.change_seq');
        UPDATE copydesk.items SET version = version + 1, seq = v_seq, head_revision = v_id,
            deleted = v_deleted, sha256 = v_file, content = op->'content',
            updated_at = now(), updated_by = session_user
        WHERE uuid = v_item_id;
        v_outcome := 'head';
    ELSIF v_deleted AND v_item.deleted THEN
        v_outcome := 'redundant';
    ELSIF v_deleted THEN
        v_outcome := 'overruled';  -- a delete never wins over an edit it had not seen
    ELSE
        v_outcome := 'conflict';
    END IF;
    INSERT INTO copydesk.revisions (id, item_uuid, kind, parent_id, merge_parent_id, device_id,
                                    login, deleted, content, outcome)
    VALUES (v_id, v_item_id, v_kind, v_parent, v_merge, device, session_user, v_deleted,
            op->'content', v_outcome);
    IF v_outcome = 'conflict' THEN
        INSERT INTO copydesk.conflicts (item_uuid, revision_id, head_revision)
        VALUES (v_item_id, v_id, v_item.head_revision);
    ELSIF v_outcome = 'head' AND v_merge IS NOT NULL THEN
        -- A merge settles every conflict its merged side descends from.
        UPDATE copydesk.conflicts SET settled_by = v_id
        WHERE item_uuid = v_item_id AND settled_by IS NULL AND revision_id IN (
            WITH RECURSIVE lineage (id) AS (
                SELECT v_merge
                UNION
                SELECT parents.id FROM copydesk.revisions r
                JOIN lineage l ON r.id = l.id
                CROSS JOIN LATERAL (VALUES (r.parent_id), (r.merge_parent_id)) AS parents (id)
                WHERE parents.id IS NOT NULL
            )
            SELECT id FROM lineage
        );
    END IF;
    UPDATE copydesk.items SET in_conflict = EXISTS (
        SELECT 1 FROM copydesk.conflicts c WHERE c.item_uuid = v_item_id AND c.settled_by IS NULL)
    WHERE uuid = v_item_id;
    SELECT jsonb_build_object('id', v_id, 'status', v_outcome, 'version', i.version,
                              'seq', i.seq, 'head', i.head_revision, 'deleted', i.deleted)
        INTO v_result FROM copydesk.items i WHERE i.uuid = v_item_id;
    INSERT INTO copydesk.applied_ops (op_id, login, result) VALUES (v_id, session_user, v_result);
    IF v_seq IS NOT NULL THEN
        PERFORM pg_notify('copydesk_changes', v_seq::text);
    END IF;
    RETURN v_result;
END $$;

-- A batch of operations, in one transaction. The lock makes change numbers commit in the
-- order they are taken, so that a pull reading "after N" can never skip a row.
CREATE FUNCTION copydesk.push(device uuid, ops jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, copydesk AS $$
DECLARE
    op jsonb;
    results jsonb := '[]'::jsonb;
BEGIN
    PERFORM copydesk.register_device(device, '');
    PERFORM pg_advisory_xact_lock(7126993);
    FOR op IN SELECT value FROM jsonb_array_elements(ops) LOOP
        results := results || jsonb_build_array(copydesk.apply_op(device, op));
    END LOOP;
    RETURN results;
END $$;

-- Picture files: one chunk per call, each committed on its own, so that an upload cut off
-- resumes where it stopped. The file counts once its SHA-256 has been checked.
CREATE FUNCTION copydesk.upload_chunk(hash text, total bigint, chunk integer, idx integer,
                                      data bytea) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, copydesk AS $$
BEGIN
    INSERT INTO copydesk.files (sha256, byte_size, chunk_size) VALUES (hash, total, chunk)
    ON CONFLICT (sha256) DO NOTHING;
    INSERT INTO copydesk.file_chunks (sha256, index, data) VALUES (hash, idx, data)
    ON CONFLICT (sha256, index) DO NOTHING;
END $$;

CREATE FUNCTION copydesk.finish_upload(hash text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, copydesk AS $$
DECLARE
    whole bytea;
    expected bigint;
BEGIN
    SELECT byte_size INTO expected FROM copydesk.files WHERE sha256 = hash;
    IF expected IS NULL THEN
        RETURN false;
    END IF;
    SELECT coalesce(string_agg(data, ''::bytea ORDER BY index), ''::bytea) INTO whole
    FROM copydesk.file_chunks WHERE sha256 = hash;
    IF length(whole) <> expected OR encode(sha256(whole), 'hex') <> hash THEN
        -- A chunk (or the size announced) is wrong: the file starts again from nothing,
        -- so that nobody can make a file impossible to upload by announcing it wrongly.
        DELETE FROM copydesk.file_chunks WHERE sha256 = hash;
        DELETE FROM copydesk.files WHERE sha256 = hash AND NOT complete;
        RETURN false;
    END IF;
    UPDATE copydesk.files SET complete = true WHERE sha256 = hash;
    RETURN true;
END $$;

CREATE FUNCTION copydesk.touch_presence(device uuid, item uuid, seconds integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, copydesk AS $$
BEGIN
    PERFORM copydesk.register_device(device, '');
    INSERT INTO copydesk.presence (device_id, item_uuid, login, expires_at)
    VALUES (device, item, session_user, now() + make_interval(secs => seconds))
    ON CONFLICT (device_id, item_uuid)
    DO UPDATE SET expires_at = excluded.expires_at;
    DELETE FROM copydesk.presence WHERE expires_at < now();
END $$;

CREATE FUNCTION copydesk.leave_presence(device uuid, item uuid) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, copydesk AS $$
    DELETE FROM copydesk.presence p
    WHERE p.device_id = device AND p.item_uuid = item AND p.login = session_user
$$;
"""

POLICIES = r"""
ALTER TABLE copydesk.items ENABLE ROW LEVEL SECURITY;
CREATE POLICY items_visible ON copydesk.items FOR SELECT
    USING (copydesk.may_see(desk_id, shared));
ALTER TABLE copydesk.revisions ENABLE ROW LEVEL SECURITY;
CREATE POLICY revisions_visible ON copydesk.revisions FOR SELECT
    USING (EXISTS (SELECT 1 FROM copydesk.items i WHERE i.uuid = item_uuid));
ALTER TABLE copydesk.conflicts ENABLE ROW LEVEL SECURITY;
CREATE POLICY conflicts_visible ON copydesk.conflicts FOR SELECT
    USING (EXISTS (SELECT 1 FROM copydesk.items i WHERE i.uuid = item_uuid));
ALTER TABLE copydesk.presence ENABLE ROW LEVEL SECURITY;
CREATE POLICY presence_visible ON copydesk.presence FOR SELECT
    USING (expires_at > now() AND EXISTS (SELECT 1 FROM copydesk.items i WHERE i.uuid = item_uuid));
ALTER TABLE copydesk.devices ENABLE ROW LEVEL SECURITY;
CREATE POLICY devices_own ON copydesk.devices FOR SELECT USING (login = session_user);
ALTER TABLE copydesk.applied_ops ENABLE ROW LEVEL SECURITY;
CREATE POLICY applied_ops_own ON copydesk.applied_ops FOR SELECT USING (login = session_user);
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA copydesk FROM PUBLIC;
"""


def upgrade() -> None:
    # Straight to psycopg: no parameters, so "%" and ":" in the function bodies stay as they are.
    raw = op.get_bind().connection.dbapi_connection
    assert raw is not None
    for script in (TABLES, FUNCTIONS, POLICIES):
        raw.execute(script)


def downgrade() -> None:
    op.execute("DROP SCHEMA copydesk CASCADE")
