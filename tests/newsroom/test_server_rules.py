"""The newsroom server's own rules, as real logins meet them (psycopg connections with each
person's password): row-level security and grants, immutable revisions, idempotent pushes,
stale parents kept as conflicts, change numbers that commit in the order they are taken, and
``copydesk newsroom init`` run twice or against a newer schema."""

from __future__ import annotations

import hashlib
import threading
import uuid as uuid_module
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg.types.json import Jsonb

from copydesk.articles import operations as articles
from copydesk.records.article import ArticleContent
from copydesk.sync import operations
from copydesk.sync.errors import NewsroomError
from copydesk.sync.server.admin import init_newsroom
from copydesk.sync.server.connection import ServerAddress
from tests.newsroom.newsroom import Newsroom, connect_as, wait_until
from tests.support.postgres import PostgresServer

Connection = psycopg.Connection[Any]


def new_id() -> str:
    return str(uuid_module.uuid4())


def op(
    item: str,
    *,
    op_id: str | None = None,
    parent: str | None = None,
    merge_parent: str | None = None,
    deleted: bool = False,
    desk: str = "Politique",
    kind: str = "article",
    body: str = "Texte.",
) -> dict[str, Any]:
    """One operation as the engine sends it (``replica.as_operation``)."""
    return {
        "id": op_id or new_id(),
        "item": item,
        "kind": kind,
        "parent": parent,
        "merge_parent": merge_parent,
        "deleted": deleted,
        "desk": desk,
        "sha256": None,
        "content": {"headline": "Titre", "body": body},
    }


def push(connection: Connection, device: str, *ops: dict[str, Any]) -> list[dict[str, Any]]:
    row = connection.execute("SELECT copydesk.push(%s, %s)", (device, Jsonb(list(ops)))).fetchone()
    assert row is not None
    return list(row[0])


def server_state(room: Newsroom) -> dict[str, Any]:
    """Everything a push can change, read as the superuser (no row-level security)."""
    with connect_as(room) as admin:

        def rows(query: str) -> list[tuple[Any, ...]]:
            return [tuple(row) for row in admin.execute(query).fetchall()]

        return {
            "items": rows(
                "SELECT uuid::text, kind, desk_id, version, seq, head_revision::text, deleted,"
                " in_conflict, content FROM copydesk.items ORDER BY uuid"
            ),
            "revisions": rows(
                "SELECT id::text, item_uuid::text, outcome FROM copydesk.revisions ORDER BY id"
            ),
            "conflicts": rows(
                "SELECT item_uuid::text, revision_id::text, settled_by::text"
                " FROM copydesk.conflicts ORDER BY id"
            ),
            "applied": rows("SELECT op_id::text, login FROM copydesk.applied_ops ORDER BY op_id"),
            "sequence": rows("SELECT last_value, is_called FROM copydesk.change_seq"),
            "files": rows("SELECT sha256, complete FROM copydesk.files ORDER BY sha256"),
        }


def item_row(room: Newsroom, item: str) -> dict[str, Any]:
    with connect_as(room) as admin:
        cursor = admin.execute(
            "SELECT version, seq, head_revision::text AS head, deleted, in_conflict, content"
            " FROM copydesk.items WHERE uuid = %s",
            (item,),
        )
        row = cursor.fetchone()
        assert row is not None
        names = [column.name for column in cursor.description or ()]
        return dict(zip(names, row, strict=True))


def revision_count(room: Newsroom, item: str) -> int:
    with connect_as(room) as admin:
        row = admin.execute(
            "SELECT count(*) FROM copydesk.revisions WHERE item_uuid = %s", (item,)
        ).fetchone()
        return int(row[0]) if row else 0


@pytest.fixture
def politique_article(newsroom: Newsroom) -> tuple[str, str]:
    """An article alice pushed to Politique: (item uuid, head revision id)."""
    item, first = new_id(), new_id()
    with connect_as(newsroom, "alice") as alice:
        (result,) = push(alice, new_id(), op(item, op_id=first))
    assert result["status"] == "head"
    return item, first


# ---- row-level security and grants -------------------------------------------------------------


def test_carol_of_sport_sees_neither_the_politique_article_nor_its_revisions(
    newsroom: Newsroom, politique_article: tuple[str, str]
) -> None:
    item, _head = politique_article
    with connect_as(newsroom, "carol") as carol:
        assert (
            carol.execute("SELECT * FROM copydesk.items WHERE uuid = %s", (item,)).fetchall() == []
        )
        assert carol.execute("SELECT count(*) FROM copydesk.items").fetchone() == (0,)
        found = carol.execute(
            "SELECT * FROM copydesk.revisions WHERE item_uuid = %s", (item,)
        ).fetchall()
        assert found == []
        assert carol.execute("SELECT count(*) FROM copydesk.revisions").fetchone() == (0,)
        assert carol.execute("SELECT count(*) FROM copydesk.applied_ops").fetchone() == (0,)
    with connect_as(newsroom, "bob") as bob:  # the same desk sees it
        assert bob.execute("SELECT count(*) FROM copydesk.items").fetchone() == (1,)
        assert bob.execute("SELECT count(*) FROM copydesk.revisions").fetchone() == (1,)


@pytest.mark.parametrize(
    "attempt",
    ["edit on the head", "edit naming her own desk", "delete", "edit with no parent"],
)
def test_a_push_by_carol_naming_a_politique_item_is_refused_and_changes_nothing(
    newsroom: Newsroom, politique_article: tuple[str, str], attempt: str
) -> None:
    item, head = politique_article
    operation = {
        "edit on the head": op(item, parent=head, body="Piraté."),
        "edit naming her own desk": op(item, parent=head, desk="Sport", body="Piraté."),
        "delete": op(item, parent=head, deleted=True),
        "edit with no parent": op(item, body="Piraté."),
    }[attempt]
    before = server_state(newsroom)
    with connect_as(newsroom, "carol") as carol:
        (result,) = push(carol, new_id(), operation)
    assert result == {"id": operation["id"], "status": "refused", "reason": "not_your_desk"}
    assert "version" not in result and "head" not in result  # nothing of the item leaks
    after = server_state(newsroom)
    assert after == before


def test_a_new_item_pushed_to_a_desk_one_is_not_in_is_refused(newsroom: Newsroom) -> None:
    before = server_state(newsroom)
    with connect_as(newsroom, "carol") as carol:
        results = push(
            carol,
            new_id(),
            first := op(new_id(), desk="Politique"),
            second := op(new_id(), desk="Nulle part"),
        )
    assert [result["status"] for result in results] == ["refused", "refused"]
    assert [result["reason"] for result in results] == ["not_your_desk", "not_your_desk"]
    assert [result["id"] for result in results] == [first["id"], second["id"]]
    assert server_state(newsroom) == before
    with connect_as(newsroom, "carol") as carol:  # her own desk is fine
        (result,) = push(carol, new_id(), op(new_id(), desk="Sport"))
    assert result["status"] == "head"


def test_the_chief_sees_every_desk(newsroom: Newsroom, politique_article: tuple[str, str]) -> None:
    item, _head = politique_article
    sport = new_id()
    with connect_as(newsroom, "carol") as carol:
        (result,) = push(carol, new_id(), op(sport, desk="Sport"))
    assert result["status"] == "head"
    with connect_as(newsroom, "chief") as chief:
        items = {row[0] for row in chief.execute("SELECT uuid::text FROM copydesk.items")}
        assert items == {item, sport}
        items_of_revisions = {
            row[0] for row in chief.execute("SELECT item_uuid::text FROM copydesk.revisions")
        }
        assert items_of_revisions == {item, sport}
    with connect_as(newsroom, "alice") as alice:  # but alice only hers
        items = {row[0] for row in alice.execute("SELECT uuid::text FROM copydesk.items")}
        assert items == {item}


def test_pictures_are_shared_between_desks(newsroom: Newsroom) -> None:
    picture = new_id()
    with connect_as(newsroom, "alice") as alice:
        (result,) = push(alice, new_id(), op(picture, kind="picture"))
    assert result["status"] == "head"
    with connect_as(newsroom, "carol") as carol:
        assert carol.execute(
            "SELECT kind FROM copydesk.items WHERE uuid = %s", (picture,)
        ).fetchall() == [("picture",)]


WRITES = [
    "INSERT INTO copydesk.items (uuid, kind, desk_id, version, seq, head_revision, content,"
    " updated_by) VALUES (gen_random_uuid(), 'article', 1, 1, 999, gen_random_uuid(), '{}', 'x')",
    "UPDATE copydesk.items SET content = '{}'",
    "DELETE FROM copydesk.items",
    "INSERT INTO copydesk.revisions (id, item_uuid, kind, device_id, login, deleted, content,"
    " outcome) SELECT gen_random_uuid(), uuid, kind, gen_random_uuid(), 'x', false, '{}', 'head'"
    " FROM copydesk.items",
    "UPDATE copydesk.revisions SET content = '{}'",
    "DELETE FROM copydesk.revisions",
    "TRUNCATE copydesk.revisions CASCADE",
    "UPDATE copydesk.applied_ops SET result = '{}'",
    "INSERT INTO copydesk.file_chunks (sha256, index, data) VALUES ('00', 0, '')",
    "UPDATE copydesk.alembic_version SET version_num = 's9999'",
    "SELECT copydesk.apply_op(gen_random_uuid(), '{}'::jsonb)",
]


@pytest.mark.parametrize("login", ["alice", "chief"])
@pytest.mark.parametrize("statement", WRITES, ids=lambda text: " ".join(text.split()[:3]))
def test_a_person_writes_only_through_the_functions(
    newsroom: Newsroom, politique_article: tuple[str, str], login: str, statement: str
) -> None:
    before = server_state(newsroom)
    with connect_as(newsroom, login) as person, pytest.raises(psycopg.errors.InsufficientPrivilege):
        person.execute(statement)
    assert server_state(newsroom) == before


# ---- revisions are kept as they were pushed -----------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        'UPDATE copydesk.revisions SET content = \'{"body": "Réécrit."}\'',
        "UPDATE copydesk.revisions SET outcome = 'conflict'",
        "DELETE FROM copydesk.revisions",
    ],
)
def test_revisions_are_immutable_even_for_the_superuser(
    newsroom: Newsroom, politique_article: tuple[str, str], statement: str
) -> None:
    before = server_state(newsroom)
    with connect_as(newsroom) as admin:
        owner = admin.execute(
            "SELECT pg_get_userbyid(relowner) = current_user FROM pg_class"
            " WHERE oid = 'copydesk.revisions'::regclass"
        ).fetchone()
        assert owner == (True,)  # the owner, and a superuser: no grant is what stops it
        with pytest.raises(psycopg.errors.RaiseException, match="immutable"):
            admin.execute(statement)
    assert server_state(newsroom) == before


# ---- a push is applied once -------------------------------------------------------------------


def test_the_same_operation_sent_twice_is_applied_once(newsroom: Newsroom) -> None:
    item, device = new_id(), new_id()
    first = op(item)
    with connect_as(newsroom, "alice") as alice:
        (once,) = push(alice, device, first)
        state = server_state(newsroom)
        (twice,) = push(alice, device, first)
        assert server_state(newsroom) == state  # not even a change number was taken
        resent_in_one_batch = push(alice, device, first, first)
        edit = op(item, parent=first["id"], body="Revu.")
        after_edit = push(alice, device, edit, first, edit)
    assert once["status"] == "head"
    assert twice == once
    assert resent_in_one_batch == [once, once]
    # The result of an operation is the one it had: a resend later gives the same answer.
    assert after_edit[1] == once
    assert after_edit[2] == after_edit[0]
    assert after_edit[0]["status"] == "head" and after_edit[0]["version"] == 2
    assert revision_count(newsroom, item) == 2
    assert item_row(newsroom, item)["version"] == 2


def test_an_operation_id_is_answered_only_to_the_person_who_sent_it(
    newsroom: Newsroom,
) -> None:
    """A person who sends another person's operation id (a Politique revision id, for
    carol of Sport) is not handed that operation's stored result (the head, version and
    change number of an item she may not see), nor told her own operation was applied.
    (At 49c6a28, apply_op looked the id up by id alone and did both.)"""
    item, first = new_id(), new_id()
    with connect_as(newsroom, "alice") as alice:
        (mine,) = push(alice, new_id(), op(item, op_id=first))
    assert mine["status"] == "head"
    her_item = new_id()
    with connect_as(newsroom, "carol") as carol:
        (answer,) = push(carol, new_id(), op(her_item, op_id=first, desk="Sport"))
    assert answer["status"] == "refused", answer
    assert "head" not in answer and "seq" not in answer
    with connect_as(newsroom, "carol") as carol:  # and her own item was not silently dropped
        (answer,) = push(carol, new_id(), op(her_item, desk="Sport"))
    assert answer["status"] == "head"


# ---- a stale parent never overwrites ------------------------------------------------------------


def test_a_stale_parent_is_kept_as_a_conflict_until_a_merge_names_it(newsroom: Newsroom) -> None:
    item = new_id()
    base = op(item, body="Lundi.")
    with connect_as(newsroom, "alice") as alice:
        push(alice, new_id(), base)
        newer = op(item, parent=base["id"], body="Mardi.")
        (result,) = push(alice, new_id(), newer)
    assert result["status"] == "head"
    head_before = item_row(newsroom, item)
    stale = op(item, parent=base["id"], body="Mercredi.")
    with connect_as(newsroom, "bob") as bob:
        (result,) = push(bob, new_id(), stale)
    assert result["status"] == "conflict"
    assert result["head"] == newer["id"] and result["version"] == head_before["version"]
    held = item_row(newsroom, item)
    assert held["in_conflict"] is True
    assert {key: held[key] for key in ("version", "seq", "head", "content")} == {
        key: head_before[key] for key in ("version", "seq", "head", "content")
    }
    with connect_as(newsroom) as admin:
        kept = admin.execute(
            "SELECT outcome, content->>'body', parent_id::text FROM copydesk.revisions"
            " WHERE id = %s",
            (stale["id"],),
        ).fetchone()
        assert kept == ("conflict", "Mercredi.", base["id"])
        assert admin.execute(
            "SELECT revision_id::text, head_revision::text, settled_by FROM copydesk.conflicts"
            " WHERE item_uuid = %s",
            (item,),
        ).fetchall() == [(stale["id"], newer["id"], None)]

    # Another edit on the head that does not name the kept revision settles nothing.
    unrelated = op(item, parent=newer["id"], body="Mardi, revu.")
    with connect_as(newsroom, "alice") as alice:
        (result,) = push(alice, new_id(), unrelated)
    assert result["status"] == "head"
    assert item_row(newsroom, item)["in_conflict"] is True

    merge = op(item, parent=unrelated["id"], merge_parent=stale["id"], body="Mardi ou mercredi.")
    with connect_as(newsroom, "bob") as bob:
        (result,) = push(bob, new_id(), merge)
    assert result["status"] == "head"
    settled = item_row(newsroom, item)
    assert settled["in_conflict"] is False
    assert settled["head"] == merge["id"]
    assert settled["content"]["body"] == "Mardi ou mercredi."
    with connect_as(newsroom) as admin:
        assert admin.execute(
            "SELECT settled_by::text FROM copydesk.conflicts WHERE item_uuid = %s", (item,)
        ).fetchall() == [(merge["id"],)]


def test_a_merge_of_a_descendant_settles_the_conflict_it_descends_from(
    newsroom: Newsroom,
) -> None:
    item = new_id()
    base = op(item, body="Lundi.")
    newer = op(item, parent=base["id"], body="Mardi.")
    with connect_as(newsroom, "alice") as alice:
        push(alice, new_id(), base, newer)
    stale = op(item, parent=base["id"], body="Mercredi.")
    stale_again = op(item, parent=stale["id"], body="Mercredi soir.")
    with connect_as(newsroom, "bob") as bob:
        results = push(bob, new_id(), stale, stale_again)
        assert [result["status"] for result in results] == ["conflict", "conflict"]
        assert item_row(newsroom, item)["in_conflict"] is True
        merge = op(item, parent=newer["id"], merge_parent=stale_again["id"], body="Mardi soir.")
        (result,) = push(bob, new_id(), merge)
    assert result["status"] == "head"
    assert item_row(newsroom, item)["in_conflict"] is False


# ---- change numbers commit in the order they are taken -----------------------------------------


def _waiting_on_the_push_lock(room: Newsroom, login: str) -> bool:
    with connect_as(room) as admin:
        row = admin.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND usename = %s"
            " AND wait_event_type = 'Lock' AND wait_event = 'advisory'",
            (room.dbname, login),
        ).fetchone()
        return bool(row and row[0])


def test_no_later_change_number_is_taken_while_one_is_uncommitted(newsroom: Newsroom) -> None:
    first_item = new_id()
    with connect_as(newsroom, "alice") as alice:
        push(alice, new_id(), op(first_item))
    reader = connect_as(newsroom, "chief")
    holder = connect_as(newsroom, "alice", autocommit=False)
    late = connect_as(newsroom, "bob")
    try:
        cursor = int(reader.execute("SELECT max(seq) FROM copydesk.items").fetchone()[0])
        held_item = new_id()
        (held,) = push(holder, new_id(), op(held_item))  # A: a number taken, not committed
        assert held["status"] == "head" and held["seq"] > cursor

        late.execute("SET lock_timeout = '300ms'")
        with pytest.raises(psycopg.errors.LockNotAvailable):
            push(late, new_id(), op(new_id()))
        late.execute("RESET lock_timeout")

        # A pull reading "after the cursor" now sees nothing: A's row is not committed.
        seen = reader.execute(
            "SELECT seq FROM copydesk.items WHERE seq > %s ORDER BY seq", (cursor,)
        ).fetchall()
        assert seen == []

        # B waits for A (no timeout now), then takes a later number.
        later_item = new_id()
        outcome: dict[str, Any] = {}

        def push_late() -> None:
            try:
                (outcome["result"],) = push(late, new_id(), op(later_item))
            except BaseException as error:  # reported below
                outcome["error"] = error

        thread = threading.Thread(target=push_late, daemon=True)
        thread.start()
        wait_until(lambda: _waiting_on_the_push_lock(newsroom, "bob"), "bob waits for alice")
        assert thread.is_alive()
        seen = reader.execute("SELECT seq FROM copydesk.items WHERE seq > %s", (cursor,)).fetchall()
        assert seen == []  # still nothing: B took no number while A held one
        holder.commit()
        thread.join(60)
        assert not thread.is_alive() and "error" not in outcome, outcome
        assert outcome["result"]["status"] == "head"
        assert outcome["result"]["seq"] > held["seq"]

        seen = reader.execute(
            "SELECT uuid::text, seq FROM copydesk.items WHERE seq > %s ORDER BY seq", (cursor,)
        ).fetchall()
        assert seen == [(held_item, held["seq"]), (later_item, outcome["result"]["seq"])]
    finally:
        for connection in (holder, late, reader):
            connection.close()


def test_a_pull_during_an_open_push_never_skips_its_number(newsroom: Newsroom) -> None:
    """A reader that reads "after N" while pushes come and go, moving its cursor to the
    highest number it saw, ends up with every item: no number is committed below a cursor."""
    with connect_as(newsroom, "alice") as alice:
        push(alice, new_id(), *(op(new_id()) for _ in range(3)))
    reader = connect_as(newsroom, "chief")
    writers = [connect_as(newsroom, login, autocommit=False) for login in ("alice", "bob")]
    pulled: dict[str, int] = {}
    cursor = 0

    def pull() -> None:
        nonlocal cursor
        rows = reader.execute(
            "SELECT uuid::text, seq FROM copydesk.items WHERE seq > %s ORDER BY seq", (cursor,)
        ).fetchall()
        for item, seq in rows:
            pulled[item] = seq
            cursor = max(cursor, seq)

    try:
        pull()
        for round_number in range(6):
            writer = writers[round_number % 2]
            pushed = push(writer, new_id(), op(new_id()), op(new_id()))
            pull()  # while the push is open
            assert all(result["seq"] > cursor for result in pushed)
            writer.commit()
            pull()
        with connect_as(newsroom) as admin:
            everything = dict(
                admin.execute("SELECT uuid::text, seq FROM copydesk.items").fetchall()
            )
        assert pulled == everything
    finally:
        for connection in (*writers, reader):
            connection.close()


# ---- init ---------------------------------------------------------------------------------------


def schema_snapshot(server: PostgresServer, dbname: str) -> dict[str, Any]:
    """The newsroom's objects, roles and grants, and its data."""
    with server.admin_connect(dbname) as admin:

        def rows(query: str) -> list[tuple[Any, ...]]:
            return sorted(tuple(map(str, row)) for row in admin.execute(query).fetchall())

        return {
            "relations": rows(
                "SELECT c.relname, c.relkind, c.relowner::regrole, c.relacl, c.relrowsecurity"
                " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                " WHERE n.nspname = 'copydesk'"
            ),
            "functions": rows(
                "SELECT p.oid::regprocedure, p.prosrc, p.prosecdef, p.proacl FROM pg_proc p"
                " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'copydesk'"
            ),
            "policies": rows(
                "SELECT tablename, policyname, cmd, qual FROM pg_policies"
                " WHERE schemaname = 'copydesk'"
            ),
            "triggers": rows(
                "SELECT tgname, tgrelid::regclass FROM pg_trigger t JOIN pg_class c"
                " ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                " WHERE n.nspname = 'copydesk' AND NOT t.tgisinternal"
            ),
            "schema": rows("SELECT nspacl FROM pg_namespace WHERE nspname = 'copydesk'"),
            "newsroom": rows("SELECT uuid, person_role, chief_role FROM copydesk.newsroom"),
            "version": rows("SELECT version_num FROM copydesk.alembic_version"),
            "desks": rows("SELECT id, name, role_name FROM copydesk.desks"),
            "items": rows("SELECT uuid, version, seq, content FROM copydesk.items"),
            "revisions": rows("SELECT id FROM copydesk.revisions"),
            "roles": rows(  # the newsroom's roles, who belongs to them, and what they may do
                "WITH ours (name) AS (SELECT person_role FROM copydesk.newsroom"
                " UNION SELECT chief_role FROM copydesk.newsroom"
                " UNION SELECT role_name FROM copydesk.desks)"
                " SELECT r.rolname, r.rolcanlogin, m.member::regrole FROM pg_roles r"
                " LEFT JOIN pg_auth_members m ON m.roleid = r.oid"
                " WHERE r.rolname IN (SELECT name FROM ours)"
            ),
        }


def test_init_twice_on_a_new_database_changes_nothing_the_second_time(
    postgres_server: PostgresServer,
) -> None:
    name = f"newsroom_init_{uuid_module.uuid4().hex[:8]}"
    postgres_server.create_database(name)
    try:
        address, password = ServerAddress.parse(postgres_server.url(name))
        first = init_newsroom(address, password)
        assert first.changed and first.revision_before is None
        snapshot = schema_snapshot(postgres_server, name)
        second = init_newsroom(address, password)
        assert not second.changed
        assert second.revision_before == second.revision_after == first.revision_after
        assert (second.person_role, second.chief_role) == (first.person_role, first.chief_role)
        assert schema_snapshot(postgres_server, name) == snapshot
    finally:
        postgres_server.drop_database(name)


def test_init_again_on_a_newsroom_in_use_keeps_everything(
    newsroom: Newsroom, politique_article: tuple[str, str]
) -> None:
    snapshot = schema_snapshot(newsroom.server, newsroom.dbname)
    report = init_newsroom(newsroom.admin, newsroom.server.superuser_password)
    assert not report.changed
    assert schema_snapshot(newsroom.server, newsroom.dbname) == snapshot
    with connect_as(newsroom, "bob") as bob:  # grants still work
        (result,) = push(bob, new_id(), op(politique_article[0], parent=politique_article[1]))
    assert result["status"] == "head"


def _set_schema_revision(room: Newsroom, revision: str) -> None:
    with connect_as(room) as admin:
        admin.execute("UPDATE copydesk.alembic_version SET version_num = %s", (revision,))


def test_a_newer_schema_is_refused_by_init_and_writes_nothing(
    newsroom: Newsroom, politique_article: tuple[str, str]
) -> None:
    _set_schema_revision(newsroom, "s9999")
    snapshot = schema_snapshot(newsroom.server, newsroom.dbname)
    with pytest.raises(NewsroomError, match="newer Copydesk") as raised:
        init_newsroom(newsroom.admin, newsroom.server.superuser_password)
    assert "s9999" in str(raised.value) and "\n" not in str(raised.value)
    assert schema_snapshot(newsroom.server, newsroom.dbname) == snapshot


def test_a_newer_schema_is_refused_by_sync_and_join_and_the_library_keeps_its_outbox(
    newsroom: Newsroom, tmp_path: Path
) -> None:
    library = newsroom.replica(tmp_path / "a.copydesk", "alice", "Politique")
    articles.create_article(library, ArticleContent(headline="Conseil", body="Lundi."))
    status = operations.status(library)
    assert status is not None and status.waiting == 1
    last_sync = status.last_sync_at
    before = server_state(newsroom)
    _set_schema_revision(newsroom, "s9999")
    with pytest.raises(NewsroomError, match="newer Copydesk") as raised:
        operations.sync(library)
    assert "\n" not in str(raised.value)
    status = operations.status(library)
    assert status is not None and status.waiting == 1 and status.last_sync_at == last_sync
    assert server_state(newsroom) == before

    other = tmp_path / "b.copydesk"
    from copydesk.library.db import open_library

    fresh = open_library(other, create=True)
    newsroom.libraries.append(fresh)
    with pytest.raises(NewsroomError, match="newer Copydesk"):
        operations.join(fresh, newsroom.url("bob"), "Politique")
    assert operations.status(fresh) is None
    assert server_state(newsroom) == before

    _set_schema_revision(newsroom, "s0001")  # the older Copydesk's schema again: it carries on
    operations.sync(library)
    status = operations.status(library)
    assert status is not None and status.waiting == 0


def test_revisions_cannot_be_truncated_even_by_the_owner(newsroom: Newsroom) -> None:
    with connect_as(newsroom) as owner, pytest.raises(psycopg.Error, match="immutable"):
        owner.execute("TRUNCATE copydesk.revisions CASCADE")


def test_a_file_announced_with_a_wrong_size_can_still_be_uploaded(newsroom: Newsroom) -> None:
    data = b"copydesk" * 1000
    digest = hashlib.sha256(data).hexdigest()
    with connect_as(newsroom, "carol") as carol:
        carol.execute(
            "SELECT copydesk.upload_chunk(%s, %s, %s, %s, %s)", (digest, 5, 1024, 0, b"wrong")
        )
        assert carol.execute("SELECT copydesk.finish_upload(%s)", (digest,)).fetchone() == (False,)
    with connect_as(newsroom, "alice") as alice:
        alice.execute(
            "SELECT copydesk.upload_chunk(%s, %s, %s, %s, %s)",
            (digest, len(data), len(data), 0, data),
        )
        assert alice.execute("SELECT copydesk.finish_upload(%s)", (digest,)).fetchone() == (True,)
