"""Bad input and broken networks, through the real engine: every failure is one sentence
(``NewsroomError``, one line), the library is never left half-written (not joined, or its
outbox kept), and the next sync converges: every article on the server exactly once, both
replicas equal."""

from __future__ import annotations

import contextlib
import io
import math
import os
import socket
import threading
import uuid as uuid_module
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import func, select

from copydesk.articles import operations as articles
from copydesk.articles import store as article_store
from copydesk.library.db import Library, open_library
from copydesk.library.media_store import MediaStore, sha256_of
from copydesk.library.models import (
    Article,
    OutboxEntry,
    ReplicaBase,
    ReplicaConflict,
    ReplicaNotice,
    ReplicaState,
    SendingRevision,
)
from copydesk.pictures import operations as pictures
from copydesk.pictures import store as picture_store
from copydesk.records.article import ArticleContent
from copydesk.records.imports import ImportOutcome
from copydesk.sync import engine, files, operations, pulling, replica
from copydesk.sync.errors import NewsroomError
from copydesk.sync.server import connection as server_connection
from tests.newsroom.newsroom import Newsroom, connect_as, wait_until
from tests.support.fault_proxy import FaultProxy
from tests.support.postgres import PostgresServer

# ---- helpers ------------------------------------------------------------------------------------


def new_library(room: Newsroom, path: Path) -> Library:
    library = open_library(path, create=True)
    room.libraries.append(library)
    return library


def contents(library: Library) -> dict[str, tuple[str, str]]:
    """Every article: uuid → (headline, body)."""
    with library.read() as session:
        rows = session.scalars(select(Article)).all()
        return {
            row.uuid: (article_store.content_of(row).headline, article_store.content_of(row).body)
            for row in rows
        }


def waiting(library: Library) -> int:
    status = operations.status(library)
    assert status is not None
    return status.waiting


def replica_rows(library: Library) -> dict[str, int]:
    with library.read() as session:
        return {
            model.__tablename__: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (
                ReplicaState,
                OutboxEntry,
                SendingRevision,
                ReplicaBase,
                ReplicaConflict,
                ReplicaNotice,
            )
        }


def server_items(room: Newsroom) -> dict[str, tuple[bool, dict[str, Any]]]:
    """uuid → (deleted, content), as the superuser sees them."""
    with connect_as(room) as admin:
        rows = admin.execute("SELECT uuid::text, deleted, content FROM copydesk.items").fetchall()
    return {item: (deleted, content) for item, deleted, content in rows}


def revisions_by_item(room: Newsroom) -> dict[str, list[str]]:
    """uuid → the outcomes of its revisions."""
    with connect_as(room) as admin:
        rows = admin.execute(
            "SELECT item_uuid::text, outcome FROM copydesk.revisions ORDER BY created_at"
        ).fetchall()
    found: dict[str, list[str]] = {}
    for item, outcome in rows:
        found.setdefault(item, []).append(outcome)
    return found


def server_articles(room: Newsroom) -> dict[str, tuple[str, str]]:
    return {
        item: (content["headline"], content["body"])
        for item, (deleted, content) in server_items(room).items()
        if not deleted and "body" in content
    }


def create_many(library: Library, count: int, *, size: int = 1200) -> None:
    for number in range(count):
        filler = f" Paragraphe {number}, mot après mot." * (size // 32)
        articles.create_article(
            library, ArticleContent(headline=f"Dépêche {number}", body=f"Début {number}.{filler}")
        )


def assert_one_line(error: BaseException) -> str:
    message = str(error)
    assert message.strip() and "\n" not in message and "\r" not in message, repr(message)
    return message


def assert_converged(room: Newsroom, *libraries: Library) -> None:
    """Nothing waits, every article is on the server exactly once, every replica equal."""
    for library in libraries:
        assert waiting(library) == 0
        assert operations.list_conflicts(library) == []
    expected = contents(libraries[0])
    assert server_articles(room) == expected
    for library in libraries[1:]:
        assert contents(library) == expected
    with connect_as(room) as admin:
        assert admin.execute(
            "SELECT count(*) FROM copydesk.items WHERE in_conflict"
        ).fetchone() == (0,)


@contextlib.contextmanager
def plain_database(server: PostgresServer) -> Iterator[str]:
    name = f"plain_{uuid_module.uuid4().hex[:8]}"
    server.create_database(name)
    try:
        yield name
    finally:
        server.drop_database(name)


@contextlib.contextmanager
def silent_port() -> Iterator[int]:
    """A port bound here but not listening: a connection to it is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield int(sock.getsockname()[1])


# ---- bad input: join ----------------------------------------------------------------------------

JoinCase = Callable[[Newsroom, str, int, str], tuple[str, str]]  # → (url, desk)

JOIN_CASES: dict[str, tuple[JoinCase, str]] = {
    "unparseable address": (
        lambda room, plain, port, proxy: ("postgresql://alice@[::1/copydesk", "Politique"),
        r"is not a server address",
    ),
    "not an address at all": (
        lambda room, plain, port, proxy: ("le serveur de la rédaction", "Politique"),
        r"is not a server address",
    ),
    "no person named": (
        lambda room, plain, port, proxy: (
            f"postgresql://{room.server.host}:{room.server.port}/{room.dbname}",
            "Politique",
        ),
        r"names no person",
    ),
    "wrong password": (
        lambda room, plain, port, proxy: (
            room.server.url(room.dbname, "alice", "pas le bon"),
            "Politique",
        ),
        r"refused alice: wrong name or password",
    ),
    "unknown person": (
        lambda room, plain, port, proxy: (
            room.server.url(room.dbname, "mallory", "secret"),
            "Politique",
        ),
        r"refused mallory: wrong name or password",
    ),
    "nobody listens on the port": (
        lambda room, plain, port, proxy: (
            room.url("alice").replace(f":{room.server.port}/", f":{port}/"),
            "Politique",
        ),
        r"Cannot reach the newsroom server at 127\.0\.0\.1:\d+",
    ),
    "the connection is reset": (
        lambda room, plain, port, proxy: (
            room.url("alice").replace(f":{room.server.port}/", f":{proxy}/"),
            "Politique",
        ),
        r"Cannot reach the newsroom server at 127\.0\.0\.1:\d+",
    ),
    "no such database": (
        lambda room, plain, port, proxy: (
            room.server.url("pas_de_redaction", "alice", room.passwords["alice"]),
            "Politique",
        ),
        r"has no database “pas_de_redaction”",
    ),
    "a database without the copydesk schema": (
        lambda room, plain, port, proxy: (
            room.server.url(plain, "alice", room.passwords["alice"]),
            "Politique",
        ),
        r"is not a Copydesk newsroom server \(no copydesk schema\)",
    ),
    "a desk one is not in": (
        lambda room, plain, port, proxy: (room.url("alice"), "Sport"),
        r"alice does not belong to the desk “Sport” \(their desks: Politique\)",
    ),
}


@pytest.mark.parametrize("case", list(JOIN_CASES))
def test_join_refuses_bad_input_in_one_line_and_leaves_the_library_untouched(
    newsroom: Newsroom, fault_proxy: FaultProxy, tmp_path: Path, case: str
) -> None:
    make, expected = JOIN_CASES[case]
    library = new_library(newsroom, tmp_path / "a.copydesk")
    articles.create_article(library, ArticleContent(headline="Avant", body="Déjà là."))
    before = contents(library)
    fault_proxy.refuse()
    with plain_database(newsroom.server) as plain, silent_port() as port:
        url, desk = make(newsroom, plain, port, str(fault_proxy.port))
        with pytest.raises(NewsroomError, match=expected) as raised:
            operations.join(library, url, desk)
    assert_one_line(raised.value)
    assert operations.status(library) is None
    assert contents(library) == before
    assert set(replica_rows(library).values()) == {0}
    assert server_items(newsroom) == {}


@pytest.mark.parametrize("address", ["postgresql://alice@127.0.0.1:cinq/x", "user=alice port=1,2"])
def test_join_refuses_a_port_that_is_not_a_number(
    newsroom: Newsroom, tmp_path: Path, address: str
) -> None:
    """(At 49c6a28, ServerAddress.parse did int(port) unguarded: a ValueError.)"""
    library = new_library(newsroom, tmp_path / "a.copydesk")
    with pytest.raises(NewsroomError, match="port") as raised:
        operations.join(library, address, "Politique")
    assert_one_line(raised.value)
    assert operations.status(library) is None


def test_a_malformed_address_is_not_echoed_with_its_password(
    newsroom: Newsroom, tmp_path: Path
) -> None:
    """(At 49c6a28, ServerAddress.parse repeated the whole text, password included.)"""
    library = new_library(newsroom, tmp_path / "a.copydesk")
    with pytest.raises(NewsroomError) as raised:
        operations.join(library, "postgresql://alice:Tr3s-Secret@[::1/copydesk", "Politique")
    assert "Tr3s-Secret" not in str(raised.value)


# ---- bad input: sync ----------------------------------------------------------------------------


def _drop_schema(room: Newsroom) -> None:
    with connect_as(room) as admin:
        admin.execute("DROP SCHEMA copydesk CASCADE")


def _stall(proxy: FaultProxy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server_connection, "CONNECT_TIMEOUT_S", 2)  # libpq's least
    proxy.stall()


SyncBreak = Callable[[Newsroom, FaultProxy, pytest.MonkeyPatch], None]

SYNC_CASES: dict[str, tuple[SyncBreak, str | None, str]] = {
    # name: (break the newsroom, the password given to sync, the message expected)
    "wrong password": (lambda room, proxy, mp: None, "pas le bon", r"wrong name or password"),
    "nobody listens any more": (
        lambda room, proxy, mp: proxy.close(),
        None,
        r"Cannot reach the newsroom server at 127\.0\.0\.1:\d+",
    ),
    "the connection is reset": (
        lambda room, proxy, mp: proxy.refuse(),
        None,
        r"Cannot reach the newsroom server at 127\.0\.0\.1:\d+",
    ),
    "the server does not answer": (
        lambda room, proxy, mp: _stall(proxy, mp),
        None,
        r"did not answer in 2 s",
    ),
    "the copydesk schema is gone": (
        lambda room, proxy, mp: _drop_schema(room),
        None,
        r"not a Copydesk newsroom server \(no copydesk schema\)",
    ),
    "the database is gone": (
        lambda room, proxy, mp: room.server.drop_database(room.dbname),
        None,
        r"has no database “newsroom_[0-9a-f]+”",
    ),
}


@pytest.mark.parametrize("case", list(SYNC_CASES))
def test_sync_refuses_in_one_line_and_keeps_the_outbox(
    newsroom: Newsroom,
    fault_proxy: FaultProxy,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
) -> None:
    breaking, password, expected = SYNC_CASES[case]
    library = newsroom.replica(tmp_path / "a.copydesk", "alice", "Politique", port=fault_proxy.port)
    articles.create_article(library, ArticleContent(headline="Conseil", body="Lundi."))
    before, rows = contents(library), replica_rows(library)
    assert waiting(library) == 1
    breaking(newsroom, fault_proxy, monkeypatch)
    with pytest.raises(NewsroomError, match=expected) as raised:
        operations.sync(library, password)
    assert_one_line(raised.value)
    assert contents(library) == before
    assert replica_rows(library) == rows  # the outbox kept, nothing formed or recorded
    assert waiting(library) == 1


# ---- the network or the server goes away mid-sync ---------------------------------------------


@pytest.mark.parametrize("fraction", [0.02, 0.5, 0.95])
def test_a_push_cut_midway_loses_nothing_and_the_next_sync_converges(
    newsroom: Newsroom,
    fault_proxy: FaultProxy,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fraction: float,
) -> None:
    monkeypatch.setattr(engine, "PUSH_BATCH", 15)
    alice = newsroom.replica(tmp_path / "a.copydesk", "alice", "Politique", port=fault_proxy.port)
    create_many(alice, 60)
    mine = contents(alice)
    # The pushes carry at least the articles' text: cut before that much has gone up.
    payload = sum(len((headline + body).encode()) for headline, body in mine.values())
    fault_proxy.drop_after(int(fraction * payload))
    with pytest.raises(NewsroomError, match="The sync stopped") as raised:
        operations.sync(alice)
    assert_one_line(raised.value)
    assert contents(alice) == mine  # nothing lost
    there = server_articles(newsroom)
    assert len(there) < len(mine)
    assert there.items() <= mine.items()
    assert waiting(alice) + len(there) >= len(mine)
    fault_proxy.heal()
    operations.sync(alice)
    assert set(server_articles(newsroom)) == set(mine)
    assert all(outcomes == ["head"] for outcomes in revisions_by_item(newsroom).values())
    bob = newsroom.replica(tmp_path / "b.copydesk", "bob", "Politique")
    assert_converged(newsroom, alice, bob)
    assert contents(alice) == mine


def _waiting_on_the_push_lock(room: Newsroom) -> bool:
    with connect_as(room) as admin:
        row = admin.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND usename = 'alice'"
            " AND wait_event_type = 'Lock' AND wait_event = 'advisory'",
            (room.dbname,),
        ).fetchone()
        return bool(row and row[0])


def test_the_server_stopping_during_a_push_loses_nothing(
    newsroom: Newsroom, postgres_server: PostgresServer, tmp_path: Path
) -> None:
    alice = newsroom.replica(tmp_path / "a.copydesk", "alice", "Politique")
    create_many(alice, 25)
    mine = contents(alice)
    outcome: dict[str, BaseException | None] = {}

    def run() -> None:
        try:
            operations.sync(alice)
            outcome["error"] = None
        except BaseException as error:  # reported below
            outcome["error"] = error

    blocker = connect_as(newsroom)
    thread = threading.Thread(target=run, daemon=True)
    try:
        # The push waits on its lock, server-side, when the server goes down.
        blocker.execute("SELECT pg_advisory_lock(7126993)")
        thread.start()
        wait_until(lambda: _waiting_on_the_push_lock(newsroom), "the push waits on its lock")
        postgres_server.stop("immediate")
        thread.join(120)
        assert not thread.is_alive()
    finally:
        with contextlib.suppress(Exception):
            blocker.close()
        postgres_server.start()
    error = outcome["error"]
    assert isinstance(error, NewsroomError), repr(error)
    assert_one_line(error)
    assert contents(alice) == mine
    assert waiting(alice) == len(mine)
    assert server_articles(newsroom) == {}
    operations.sync(alice)
    bob = newsroom.replica(tmp_path / "b.copydesk", "bob", "Politique")
    assert_converged(newsroom, alice, bob)
    assert all(outcomes == ["head"] for outcomes in revisions_by_item(newsroom).values())


@pytest.mark.parametrize("fault", ["the server stops", "the network is cut"])
def test_a_sync_broken_between_two_batches_loses_nothing(
    newsroom: Newsroom,
    postgres_server: PostgresServer,
    fault_proxy: FaultProxy,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fault: str,
) -> None:
    monkeypatch.setattr(engine, "PUSH_BATCH", 10)
    alice = newsroom.replica(tmp_path / "a.copydesk", "alice", "Politique", port=fault_proxy.port)
    create_many(alice, 25)
    mine = contents(alice)
    real = replica.take_results
    calls = 0

    def take_then_stop(*args: Any, **kwargs: Any) -> None:
        nonlocal calls
        real(*args, **kwargs)
        calls += 1
        if calls == 1 and fault == "the server stops":
            postgres_server.stop("immediate")
        elif calls == 1:
            fault_proxy.cut()

    monkeypatch.setattr(replica, "take_results", take_then_stop)
    try:
        with pytest.raises(NewsroomError, match="The sync stopped") as raised:
            operations.sync(alice)
    finally:
        postgres_server.start()
    monkeypatch.setattr(replica, "take_results", real)
    assert_one_line(raised.value)
    assert contents(alice) == mine
    assert len(server_articles(newsroom)) == 10
    assert waiting(alice) == 15
    operations.sync(alice)
    bob = newsroom.replica(tmp_path / "b.copydesk", "bob", "Politique")
    assert_converged(newsroom, alice, bob)


def test_a_cut_during_the_pull_loses_nothing(
    newsroom: Newsroom,
    fault_proxy: FaultProxy,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(engine, "PULL_BATCH", 4)
    alice = newsroom.replica(tmp_path / "a.copydesk", "alice", "Politique")
    bob = newsroom.replica(tmp_path / "b.copydesk", "bob", "Politique", port=fault_proxy.port)
    create_many(alice, 14, size=200)
    operations.sync(alice)
    revisions = revisions_by_item(newsroom)
    real = pulling.apply_heads

    def apply_then_cut(*args: Any, **kwargs: Any) -> None:
        real(*args, **kwargs)
        fault_proxy.cut()

    monkeypatch.setattr(pulling, "apply_heads", apply_then_cut)
    with pytest.raises(NewsroomError, match="The sync stopped") as raised:
        operations.sync(bob)
    assert_one_line(raised.value)
    assert len(contents(bob)) == 4  # the first batch is in, and only it
    monkeypatch.setattr(pulling, "apply_heads", real)
    operations.sync(bob)
    assert_converged(newsroom, alice, bob)
    assert revisions_by_item(newsroom) == revisions  # bob sent nothing back


# ---- a picture upload cut midway ----------------------------------------------------------------


def noise_jpeg(path: Path, target_bytes: int) -> bytes:
    """A JPEG of random noise (it does not compress) of at least ``target_bytes``."""
    side = int(math.sqrt(target_bytes / 1.1)) + 16
    image = Image.frombytes("RGB", (side, side), os.urandom(side * side * 3))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95)
    data = buffer.getvalue()
    assert len(data) >= target_bytes
    path.write_bytes(data)
    return data


def import_picture(library: Library, path: Path, **metadata: Any) -> int:
    report = pictures.import_files(library, [path])
    (item,) = report.items
    assert item.outcome is ImportOutcome.IMPORTED, item.reason
    assert item.picture_id is not None
    with library.write() as session:
        record = picture_store.get_picture(session, item.picture_id)
        picture_store.update_metadata(session, item.picture_id, record.metadata.replace(**metadata))
    return item.picture_id


def chunk_rows(room: Newsroom, sha256: str) -> tuple[int, bool]:
    with connect_as(room) as admin:
        count = admin.execute(
            "SELECT count(*) FROM copydesk.file_chunks WHERE sha256 = %s", (sha256,)
        ).fetchone()
        complete = admin.execute(
            "SELECT complete FROM copydesk.files WHERE sha256 = %s", (sha256,)
        ).fetchone()
    return int(count[0]) if count else 0, bool(complete and complete[0])


_SLACK = 64 * 1024  # queries, results and the protocol around the chunks


@pytest.mark.parametrize("cut_at_chunk", [0.5, 1.5, 2.5])
def test_a_picture_upload_cut_midway_resumes_with_the_chunks_the_server_lacks(
    newsroom: Newsroom, fault_proxy: FaultProxy, tmp_path: Path, cut_at_chunk: float
) -> None:
    alice = newsroom.replica(tmp_path / "a.copydesk", "alice", "Politique", port=fault_proxy.port)
    bob = newsroom.replica(tmp_path / "b.copydesk", "bob", "Politique")
    data = noise_jpeg(tmp_path / "bruit.jpg", 3 * 1000 * 1000)
    sha256 = sha256_of(data)
    chunks = -(-len(data) // files.CHUNK_SIZE)
    assert chunks >= 3
    picture_id = import_picture(alice, tmp_path / "bruit.jpg", credit_line="AFP / Jean Roy")
    with alice.read() as session:
        picture_uuid = picture_store.get_picture(session, picture_id).uuid

    start = fault_proxy.bytes_up
    fault_proxy.drop_after(int(cut_at_chunk * files.CHUNK_SIZE))
    with pytest.raises(NewsroomError, match="The sync stopped") as raised:
        operations.sync(alice)
    assert_one_line(raised.value)
    present, complete = chunk_rows(newsroom, sha256)
    assert present == int(cut_at_chunk) and not complete
    assert server_items(newsroom) == {}  # the picture is not pushed before its file
    assert waiting(alice) == 1

    fault_proxy.heal()
    resumed = fault_proxy.bytes_up
    operations.sync(alice)
    sent_again = fault_proxy.bytes_up - resumed
    assert sent_again <= len(data) - present * files.CHUNK_SIZE + _SLACK
    # Over both syncs, at most the chunk that was cut is sent twice.
    assert fault_proxy.bytes_up - start <= len(data) + files.CHUNK_SIZE + 2 * _SLACK
    assert chunk_rows(newsroom, sha256) == (chunks, True)
    assert waiting(alice) == 0

    operations.sync(bob)
    with bob.read() as session:
        record = picture_store.find_by_uuid(session, picture_uuid)
    assert record is not None
    assert record.file.sha256 == sha256
    assert record.metadata.credit_line == "AFP / Jean Roy"
    stored = MediaStore.beside(bob.path).path_for(sha256, record.file.media_type)
    assert sha256_of(stored.read_bytes()) == sha256


# ---- kill points: the client dies between two steps ---------------------------------------------


def test_a_client_that_dies_after_the_server_committed_sends_nothing_twice(
    newsroom: Newsroom, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alice = newsroom.replica(tmp_path / "a.copydesk", "alice", "Politique")
    bob = newsroom.replica(tmp_path / "b.copydesk", "bob", "Politique")
    create_many(alice, 3, size=100)
    operations.sync(alice)
    operations.sync(bob)
    first, second, third = sorted(contents(alice), key=lambda uuid: contents(alice)[uuid][0])
    ids = _local_ids(alice)
    record = articles.load_article(alice, ids[first]).record
    assert record is not None
    articles.save_article(alice, ids[first], record.content.replace(body="Revu."))
    articles.delete_article(alice, ids[third])
    articles.create_article(alice, ArticleContent(headline="Nouvelle", body="Fraîche."))
    real = replica.take_results
    calls = 0

    def die_once(*args: Any, **kwargs: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("the client died before recording the server's answer")
        real(*args, **kwargs)

    monkeypatch.setattr(replica, "take_results", die_once)
    with pytest.raises(RuntimeError, match="client died"):
        operations.sync(alice)
    committed = revisions_by_item(newsroom)
    assert sum(map(len, committed.values())) == 3 + 3  # the server did take the push
    assert waiting(alice) == 3  # but the replica does not know it yet

    operations.sync(alice)
    assert calls == 2
    assert revisions_by_item(newsroom) == committed  # nothing applied twice
    assert committed[first] == ["head", "head"] and committed[third] == ["head", "head"]
    assert committed[second] == ["head"]
    assert server_items(newsroom)[third][0] is True
    operations.sync(bob)
    assert_converged(newsroom, alice, bob)
    assert third not in contents(bob)
    assert contents(bob)[first] == (contents(bob)[first][0], "Revu.")


@pytest.mark.parametrize("bob_edits", [False, True], ids=["plain", "with a merge"])
def test_a_client_that_dies_in_the_middle_of_a_pull_carries_on(
    newsroom: Newsroom, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bob_edits: bool
) -> None:
    monkeypatch.setattr(engine, "PULL_BATCH", 3)
    alice = newsroom.replica(tmp_path / "a.copydesk", "alice", "Politique")
    bob = newsroom.replica(tmp_path / "b.copydesk", "bob", "Politique")
    articles.create_article(alice, ArticleContent(headline="Partagée", body="Premier.\n\nSecond."))
    operations.sync(alice)
    operations.sync(bob)
    (shared,) = contents(bob)
    create_many(alice, 10, size=100)
    _edit_body(alice, shared, "Premier, revu.\n\nSecond.")
    operations.sync(alice)
    if bob_edits:
        _edit_body(bob, shared, "Premier.\n\nSecond, revu.")
    revisions = revisions_by_item(newsroom)
    real = pulling.apply_heads
    calls = 0

    def die_on_the_second_batch(*args: Any, **kwargs: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise RuntimeError("the client died in the middle of a pull")
        real(*args, **kwargs)

    monkeypatch.setattr(pulling, "apply_heads", die_on_the_second_batch)
    with pytest.raises(RuntimeError, match="middle of a pull"):
        operations.sync(bob)
    assert len(contents(bob)) == 1 + 3  # the first batch is in, and only it
    with bob.read() as session:
        state = replica.joined_state(session)
        assert not state.applying
    monkeypatch.setattr(pulling, "apply_heads", real)
    operations.sync(bob)
    operations.sync(alice)
    assert_converged(newsroom, alice, bob)
    expected_body = "Premier, revu.\n\nSecond, revu." if bob_edits else "Premier, revu.\n\nSecond."
    assert contents(bob)[shared][1] == expected_body
    after = revisions_by_item(newsroom)
    if not bob_edits:
        assert after == revisions  # bob sent nothing back
    else:
        # bob's edit (kept as a conflict), then his merge: nothing else, nothing twice.
        assert {item: outcomes for item, outcomes in after.items() if item != shared} == {
            item: outcomes for item, outcomes in revisions.items() if item != shared
        }
        assert after[shared] == [*revisions[shared], "conflict", "head"]


def _local_ids(library: Library) -> dict[str, int]:
    with library.read() as session:
        return {row.uuid: row.id for row in session.scalars(select(Article))}


def _edit_body(library: Library, uuid: str, body: str) -> None:
    article_id = _local_ids(library)[uuid]
    record = articles.load_article(library, article_id).record
    assert record is not None
    articles.save_article(library, article_id, record.content.replace(body=body))


# ---- more join failures -------------------------------------------------------------------------


@pytest.fixture
def outsider(newsroom: Newsroom) -> Iterator[tuple[str, str]]:
    """A PostgreSQL login that is not a person of the newsroom: (login, password)."""
    login, password = f"outsider_{uuid_module.uuid4().hex[:8]}", "Dehors-123"
    with connect_as(newsroom) as admin:
        admin.execute(f"CREATE ROLE {login} LOGIN PASSWORD '{password}'")
    try:
        yield login, password
    finally:
        with connect_as(newsroom) as admin:
            admin.execute(f"DROP ROLE IF EXISTS {login}")


def test_join_refuses_a_login_that_is_not_a_person_of_the_newsroom(
    newsroom: Newsroom, outsider: tuple[str, str], tmp_path: Path
) -> None:
    login, password = outsider
    library = new_library(newsroom, tmp_path / "a.copydesk")
    with pytest.raises(NewsroomError, match=f"{login} is not a person of the newsroom") as raised:
        operations.join(library, newsroom.server.url(newsroom.dbname, login, password), "Politique")
    assert_one_line(raised.value)
    assert operations.status(library) is None
    assert set(replica_rows(library).values()) == {0}


def test_a_join_cut_after_connecting_fails_in_one_line(
    newsroom: Newsroom, fault_proxy: FaultProxy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(At 49c6a28, operations.join let the psycopg error of its later queries escape.)"""
    library = new_library(newsroom, tmp_path / "a.copydesk")
    real = socket.gethostname

    def cut_then_name() -> str:  # join asks for the device's name between two queries
        fault_proxy.cut()
        return real()

    monkeypatch.setattr(operations.socket, "gethostname", cut_then_name)
    with pytest.raises(NewsroomError) as raised:
        operations.join(library, newsroom.url("alice", port=fault_proxy.port), "Politique")
    assert_one_line(raised.value)
    assert operations.status(library) is None


# ---- the address kept in the library ------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        server_connection.ServerAddress("alice", "::1", 5433, "redaction"),
        server_connection.ServerAddress("alice", "/var/run/postgresql", 5433, "redaction"),
        server_connection.ServerAddress("alice", "db.example.org", 5432, "rédaction 2025"),
        server_connection.ServerAddress("alice", "db.example.org", 5432, "questions?"),
    ],
    ids=["ipv6", "socket folder", "space in the name", "question mark in the name"],
)
def test_the_address_kept_in_the_library_parses_back_to_itself(
    address: server_connection.ServerAddress,
) -> None:
    """Join keeps ``address.url`` and every sync parses it again. (At 49c6a28 the URL did
    not bracket an IPv6 host nor encode a socket folder or a database name.)"""
    parsed, password = server_connection.ServerAddress.parse(address.url)
    assert (parsed, password) == (address, None)


def test_a_library_joined_through_a_unix_socket_syncs(
    newsroom: Newsroom, postgres_server: PostgresServer, tmp_path: Path
) -> None:
    """(At 49c6a28 the kept address read back as localhost:5432 and a wrong database.)"""
    library = new_library(newsroom, tmp_path / "a.copydesk")
    articles.create_article(library, ArticleContent(headline="Conseil", body="Lundi."))
    conninfo = (
        f"host={postgres_server.base_dir} port={postgres_server.port} user=alice"
        f" dbname={newsroom.dbname}"
    )
    operations.join(library, conninfo, "Politique")
    operations.sync(library)
    assert waiting(library) == 0
    assert server_articles(newsroom) == contents(library)


# ---- two syncs of one library at once (the window's and the command line's) -------------------


@pytest.mark.parametrize("what", ["a new article", "a merge"])
def test_a_pull_that_meets_its_own_unrecorded_revision_makes_nothing_more(
    newsroom: Newsroom, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, what: str
) -> None:
    """Two syncs of one library at once (the window's and the command line's, say): one
    pushed a revision and has not recorded the answer yet when the other pulls it back.
    Played here in a fixed order: the other sync's pull runs inside the first one's
    ``take_results``, before it records. (At 49c6a28 the pull merged that revision with
    itself and sent a needless one whose parent and merge parent were that head.)"""
    alice = newsroom.replica(tmp_path / "a.copydesk", "alice", "Politique")
    bob = newsroom.replica(tmp_path / "b.copydesk", "bob", "Politique")
    if what == "a merge":
        articles.create_article(alice, ArticleContent(headline="Conseil", body="Un.\n\nDeux."))
        operations.sync(alice)
        operations.sync(bob)
        (uuid,) = contents(bob)
        _edit_body(bob, uuid, "Un, revu.\n\nDeux.")
        _edit_body(alice, uuid, "Un.\n\nDeux, revu.")
        operations.sync(bob)
        expected = ["head", "head", "conflict", "head"]  # made, bob's, alice's, her merge
    else:
        articles.create_article(alice, ArticleContent(headline="Conseil", body="Un."))
        (uuid,) = contents(alice)
        expected = ["head"]
    real = replica.take_results
    other_pulls = 0

    def another_sync_pulls_first(session: Any, results: list[dict[str, Any]], counts: Any) -> None:
        nonlocal other_pulls
        mine = {str(result["id"]) for result in results if result["status"] == "head"}
        if other_pulls == 0 and mine & _sending_ids(alice, merges_only=what == "a merge"):
            other_pulls += 1
            target = engine.replica_of(alice)
            with server_connection.connect(target.address) as other:
                engine.pull(target, other, pulling.PullCounts())
        real(session, results, counts)

    monkeypatch.setattr(replica, "take_results", another_sync_pulls_first)
    operations.sync(alice)
    assert other_pulls == 1
    operations.sync(alice)
    operations.sync(bob)
    assert_converged(newsroom, alice, bob)
    with connect_as(newsroom) as admin:
        selfish = admin.execute(
            "SELECT count(*) FROM copydesk.revisions WHERE parent_id = merge_parent_id"
        ).fetchone()
    assert selfish == (0,)
    assert revisions_by_item(newsroom)[uuid] == expected


def _sending_ids(library: Library, *, merges_only: bool) -> set[str]:
    with library.read() as session:
        rows = session.scalars(select(SendingRevision)).all()
        return {row.revision_id for row in rows if row.merge_parent_id or not merges_only}
