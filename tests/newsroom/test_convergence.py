"""Three replicas of one desk edit the same articles through network cuts and kills
(seeded: COPYDESK_SYNC_SEED replays a run). Once the network is back and every conflict
settled: every revision formed is on the server exactly once, every replica equals the
server, every conflict the server kept was merged into a two-parent revision, every word
ever saved is in the server's history, and no outbox entry waits."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import select

from copydesk.articles import operations as articles
from copydesk.library.db import Library
from copydesk.library.models import Article, SendingRevision
from copydesk.records.article import ArticleContent
from copydesk.sync import local, operations, replica, wire
from copydesk.sync.errors import NewsroomError
from tests.helpers import REPO
from tests.newsroom.newsroom import Newsroom
from tests.support.fault_proxy import FaultProxy

SEED = int(os.environ.get("COPYDESK_SYNC_SEED", "20261202"))
CUTS, KILLS, EDITS = 100, 20, 220
KILL_POINTS = ("after_push_commit", "mid_pull")
WORDS = [
    "le",
    "conseil",
    "municipal",
    "a",
    "voté",
    "jeudi",
    "soir",
    "la",
    "mise",
    "en",
    "place",
    "du",
    "budget",
]


@dataclass
class Desk:
    library: Library
    path: Path
    proxy: FaultProxy
    formed: set[str] = field(default_factory=set)

    def note_formed(self) -> None:
        with self.library.read() as session:
            self.formed |= set(session.scalars(select(SendingRevision.revision_id)))


@dataclass
class Run:
    rng: random.Random
    desks: list[Desk]
    tokens: dict[str, str] = field(default_factory=dict)  # token → article uuid
    deleted: set[str] = field(default_factory=set)
    counter: int = 0
    killed: int = 0  # syncs that died at their kill point
    cut: int = 0  # syncs the network cut failed

    def token(self) -> str:
        self.counter += 1
        return f"t{self.counter}x"


def test_replicas_converge_through_cuts_and_kills(
    newsroom: Newsroom, tmp_path: Path, postgres_server: object
) -> None:
    proxies = [FaultProxy(newsroom.server.host, newsroom.server.port) for _ in range(3)]
    try:
        desks = [
            Desk(
                newsroom.replica(tmp_path / f"{n}.copydesk", login, "Politique", port=p.port),
                tmp_path / f"{n}.copydesk",
                p,
            )
            for n, (login, p) in enumerate(zip(("alice", "bob", "alice"), proxies, strict=True))
        ]
        run = Run(random.Random(SEED), desks)
        for action in _schedule(run.rng):
            _do(run, action, newsroom)
            for desk in desks:
                desk.note_formed()
        for proxy in proxies:
            proxy.heal()
        _settle_everything(run)
        _check(run, newsroom)
    finally:
        for proxy in proxies:
            proxy.close()


def _schedule(rng: random.Random) -> list[str]:
    actions = ["edit"] * EDITS + ["sync"] * 60 + ["cut"] * CUTS + ["kill"] * KILLS
    rng.shuffle(actions)
    return actions


def _do(run: Run, action: str, newsroom: Newsroom) -> None:
    desk = run.rng.choice(run.desks)
    if action == "edit":
        _edit(run, desk)
    elif action == "sync":
        _sync(desk)
    elif action == "cut":
        run.cut += _cut_sync(run, desk)
    else:
        _edit(run, desk)  # something to send, so that the kill point is reached
        run.killed += _killed_sync(desk, run.rng.choice(KILL_POINTS))


def _cut_sync(run: Run, desk: Desk) -> bool:
    """A sync the network cuts: somewhere in what it sends, else early in the login."""
    try:
        for limit in (run.rng.randint(1_500, 30_000), run.rng.randint(20, 200)):
            desk.proxy.drop_after(limit)
            if not _sync(desk):
                return True
        return False
    finally:
        desk.proxy.drop_after(None)


def _sync(desk: Desk) -> bool:
    try:
        operations.sync(desk.library)
    except NewsroomError as error:
        assert "\n" not in str(error)
        return False
    return True


def _killed_sync(desk: Desk, point: str) -> bool:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-m", "tests.newsroom.sync_driver", str(desk.path), point],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode in (0, -signal.SIGKILL), done.stderr
    return done.returncode == -signal.SIGKILL


def _edit(run: Run, desk: Desk) -> None:
    uuids = _article_uuids(desk.library)
    if len(uuids) < 3 or run.rng.random() < 0.05:
        _new_article(run, desk)
    elif run.rng.random() < 0.03:
        uuid = run.rng.choice(uuids)
        run.deleted.add(uuid)
        articles.delete_article(desk.library, _local_id(desk.library, uuid))
    else:
        _change_article(run, desk, run.rng.choice(uuids))


def _new_article(run: Run, desk: Desk) -> None:
    token = run.token()
    body = "\n\n".join(" ".join(run.rng.choices(WORDS, k=8)) for _ in range(5)) + f" {token}"
    shown = articles.create_article(desk.library, ArticleContent(headline=token, body=body))
    assert shown.record is not None
    run.tokens[token] = shown.record.uuid


def _change_article(run: Run, desk: Desk, uuid: str) -> None:
    """Words are only ever added: a word saved and later missing was lost, not edited away."""
    article_id = _local_id(desk.library, uuid)
    record = articles.load_article(desk.library, article_id).record
    assert record is not None
    token = run.token()
    run.tokens[token] = uuid
    paragraphs = record.content.body.split("\n\n")
    where = run.rng.randrange(len(paragraphs))
    words = paragraphs[where].split(" ")
    words.insert(run.rng.randrange(len(words) + 1), token)
    paragraphs[where] = " ".join(words)
    changes: dict[str, object] = {"body": "\n\n".join(paragraphs)}
    if run.rng.random() < 0.2:
        changes = {"headline": f"{record.content.headline} {token}"}
    articles.save_article(desk.library, article_id, record.content.replace(**changes))


def _settle_everything(run: Run) -> None:
    for _round in range(12):
        for desk in run.desks:
            operations.sync(desk.library)
            for conflict in operations.list_conflicts(desk.library):
                keep = "mine" if conflict.id % 2 else "theirs"
                operations.settle_conflict(desk.library, conflict.id, keep)
            desk.note_formed()
        if all(_quiet(desk.library) for desk in run.desks) and _same_everywhere(run):
            return
    pytest.fail("the replicas did not settle in 12 rounds")


def _quiet(library: Library) -> bool:
    with library.read() as session:
        nothing_sent = not list(session.scalars(select(SendingRevision)))
        return nothing_sent and replica.waiting_count(session) == 0


def _same_everywhere(run: Run) -> bool:
    first, *others = (_contents(desk.library) for desk in run.desks)
    return all(other == first for other in others)


def _contents(library: Library) -> dict[str, str]:
    with library.read() as session:
        uuids = session.scalars(select(Article.uuid)).all()
        return {uuid: wire.dumps(local.read(session, "article", uuid) or {}) for uuid in uuids}


def _check(run: Run, newsroom: Newsroom) -> None:
    with newsroom.server.admin_connect(newsroom.dbname) as server:
        heads = {
            str(uuid): wire.dumps(content)
            for uuid, content in server.execute(
                "SELECT uuid, content FROM copydesk.items WHERE kind = 'article' AND NOT deleted"
            )
        }
        revisions = [str(row[0]) for row in server.execute("SELECT id FROM copydesk.revisions")]
        unsettled = server.execute(
            "SELECT count(*) FROM copydesk.conflicts WHERE settled_by IS NULL"
        ).fetchone()
        kinds = server.execute(
            "SELECT count(*) FILTER (WHERE outcome = 'conflict'),"
            " count(*) FILTER (WHERE merge_parent_id IS NOT NULL) FROM copydesk.revisions"
        ).fetchone()
        history = " ".join(
            str(row[0]) for row in server.execute("SELECT content::text FROM copydesk.revisions")
        )
    # The run did what it is for: syncs cut and killed, concurrent edits kept and merged.
    assert run.cut == CUTS and run.killed >= KILLS // 2, (run.cut, run.killed)
    assert kinds is not None and kinds[0] > 0 and kinds[1] > 0, kinds
    formed = set().union(*(desk.formed for desk in run.desks))
    assert formed <= set(revisions), "a revision formed on a replica never reached the server"
    assert len(revisions) == len(set(revisions))
    for desk in run.desks:
        assert _contents(desk.library) == heads
        assert _quiet(desk.library)
    assert unsettled == (0,), "a conflict kept by the server was never merged"
    lost = [t for t, uuid in run.tokens.items() if uuid not in run.deleted and t not in history]
    assert lost == [], f"words saved and never sent: {lost[:10]}"


def _article_uuids(library: Library) -> list[str]:
    with library.read() as session:
        return list(session.scalars(select(Article.uuid).order_by(Article.id)))


def _local_id(library: Library, uuid: str) -> int:
    with library.read() as session:
        found = session.scalar(select(Article.id).where(Article.uuid == uuid))
        assert found is not None
        return found
