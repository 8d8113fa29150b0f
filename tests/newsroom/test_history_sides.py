"""An article's local history records what a sync wrote into it, naming who made it: another
person's changes as they came in, an automatic merge and a settled conflict as revisions
with two sides (the desk's person and this library's). The replica also learns the person's
name and whether they are the newsroom's chief."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from copydesk.articles import operations as articles
from copydesk.library.db import Library
from copydesk.library.models import Article
from copydesk.records.article import ArticleContent, ArticleStatus, RevisionKind
from copydesk.sync import operations, replica
from tests.newsroom.newsroom import Newsroom, connect_as

BODY = "Premier paragraphe.\n\nSecond paragraphe."


def _name_people(room: Newsroom) -> None:
    with connect_as(room) as connection:
        for login, name in (("alice", "Alice Martin"), ("bob", "Bob Perrin")):
            connection.execute(
                "UPDATE copydesk.people SET display_name = %s WHERE login = %s", (name, login)
            )


def _pair(room: Newsroom, tmp_path: Path) -> tuple[Library, Library, int, int]:
    """Alice's and Bob's replicas of the Politique desk sharing one article (its id on each)."""
    _name_people(room)
    alice = room.replica(tmp_path / "alice.copydesk", "alice", "Politique")
    bob = room.replica(tmp_path / "bob.copydesk", "bob", "Politique")
    shown = articles.create_article(alice, ArticleContent(headline="Le budget", body=BODY))
    assert shown.record is not None
    operations.sync(alice)
    operations.sync(bob)
    return alice, bob, shown.record.id, _id_of(bob, shown.record.uuid)


def _id_of(library: Library, uuid: str) -> int:
    with library.read() as session:
        found = session.scalar(select(Article.id).where(Article.uuid == uuid))
    assert found is not None
    return found


def _edit(library: Library, article_id: int, **changes: object) -> None:
    record = articles.load_article(library, article_id).record
    assert record is not None
    articles.save_article(library, article_id, record.content.replace(**changes))


def test_changes_from_another_desk_are_in_the_history_with_their_author(
    newsroom: Newsroom, tmp_path: Path
) -> None:
    alice, bob, alice_id, bob_id = _pair(newsroom, tmp_path)
    _edit(alice, alice_id, headline="Le budget voté")
    operations.sync(alice)
    operations.sync(bob)
    _edit(alice, alice_id, headline="Le budget voté de justesse")
    operations.sync(alice)
    operations.sync(bob)

    (latest, *_older) = articles.list_revisions(bob, bob_id)
    assert latest.kind is RevisionKind.FROM_DESK
    assert latest.author == "Alice Martin"
    assert not latest.two_parents
    # A stream of changes from one person is one revision, holding the latest of them.
    assert [r.kind for r in articles.list_revisions(bob, bob_id)].count(RevisionKind.FROM_DESK) == 1
    record = articles.get_revision(bob, latest.id)
    assert record.content.headline == "Le budget voté de justesse"


def test_an_automatic_merge_is_a_revision_naming_both_sides(
    newsroom: Newsroom, tmp_path: Path
) -> None:
    alice, bob, alice_id, bob_id = _pair(newsroom, tmp_path)
    _edit(alice, alice_id, body="Premier paragraphe, revu.\n\nSecond paragraphe.")
    _edit(bob, bob_id, body="Premier paragraphe.\n\nSecond paragraphe, corrigé.")
    operations.sync(alice)
    report = operations.sync(bob)
    assert report.pulled.merged == 1

    latest = articles.list_revisions(bob, bob_id)[0]
    assert (latest.kind, latest.author, latest.merged_with) == (
        RevisionKind.MERGED,
        "Alice Martin",
        "Bob Perrin",
    )
    assert latest.two_parents
    merged = articles.get_revision(bob, latest.id).content.body
    assert merged == "Premier paragraphe, revu.\n\nSecond paragraphe, corrigé."


def test_a_settled_conflict_is_a_revision_naming_both_sides(
    newsroom: Newsroom, tmp_path: Path
) -> None:
    alice, bob, alice_id, bob_id = _pair(newsroom, tmp_path)
    _edit(alice, alice_id, headline="Le budget adopté")
    _edit(bob, bob_id, headline="Le budget rejeté")
    operations.sync(alice)
    operations.sync(bob)
    (conflict,) = operations.list_conflicts(bob)
    operations.settle_conflict(bob, conflict.id, "theirs")

    latest = articles.list_revisions(bob, bob_id)[0]
    assert (latest.kind, latest.author, latest.merged_with) == (
        RevisionKind.SETTLED,
        "Bob Perrin",
        "Alice Martin",
    )
    assert articles.get_revision(bob, latest.id).content.headline == "Le budget adopté"


def test_the_replica_knows_the_persons_name_and_whether_they_are_chief(
    newsroom: Newsroom, tmp_path: Path
) -> None:
    _name_people(newsroom)
    bob = newsroom.replica(tmp_path / "bob.copydesk", "bob", "Politique")
    chief = newsroom.replica(tmp_path / "chief.copydesk", "chief", "Politique")
    for library, name, is_chief in ((bob, "Bob Perrin", False), (chief, "chief", True)):
        with library.read() as session:
            state = replica.joined_state(session)
            assert (state.display_name, state.chief) == (name, is_chief)
    status = operations.status(chief)
    assert status is not None and status.chief
    assert ArticleStatus.READY in operations.statuses_allowed(chief)
    assert ArticleStatus.READY not in operations.statuses_allowed(bob)
