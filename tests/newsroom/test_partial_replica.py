"""Partial replicas, against the suite's real server: a replica joined with ``keep_days``
takes only what changed in those last days; older articles stay on the server, found by its
search and brought when opened, and come by themselves once they change again."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from copydesk.articles import operations as articles
from copydesk.library.db import Library, open_library
from copydesk.library.models import Article, ReplicaState
from copydesk.records.article import ArticleContent
from copydesk.sync import operations
from copydesk.sync import search as server_search
from copydesk.sync.errors import NewsroomError
from tests.newsroom.newsroom import Newsroom, connect_as


def headlines(library: Library) -> list[str]:
    with library.read() as session:
        return sorted(session.scalars(select(Article.headline)))


def create(library: Library, headline: str) -> int:
    shown = articles.create_article(library, ArticleContent(headline=headline, body="Texte."))
    assert shown.record is not None
    return shown.record.id


def age_on_server(newsroom: Newsroom, headline: str, days: int) -> None:
    with connect_as(newsroom) as connection:
        connection.execute(
            "UPDATE copydesk.items SET updated_at = now() - make_interval(days => %s)"
            " WHERE content->>'headline' = %s",
            (days, headline),
        )


@pytest.fixture
def desk(newsroom: Newsroom, tmp_path: Path) -> Library:
    """Alice's full replica of Politique: an article of last year and one of today."""
    library = newsroom.replica(tmp_path / "alice.copydesk", "alice", "Politique")
    create(library, "Les vœux de l’an dernier")
    create(library, "Le conseil de ce matin")
    operations.sync(library)
    age_on_server(newsroom, "Les vœux de l’an dernier", 400)
    return library


def partial(newsroom: Newsroom, path: Path, keep_days: int = 90) -> Library:
    library = open_library(path, create=True)
    newsroom.libraries.append(library)
    operations.join(library, newsroom.url("bob"), "Politique", keep_days=keep_days)
    return library


def test_a_partial_replica_takes_what_changed_lately(
    newsroom: Newsroom, desk: Library, tmp_path: Path
) -> None:
    bob = partial(newsroom, tmp_path / "bob.copydesk")
    assert headlines(bob) == ["Le conseil de ce matin"]
    with bob.read() as session:
        state = session.scalars(select(ReplicaState)).one()
        assert state.keep_days == 90
    whole = newsroom.replica(tmp_path / "carol.copydesk", "bob", "Politique")
    assert headlines(whole) == ["Le conseil de ce matin", "Les vœux de l’an dernier"]


def test_an_older_article_is_found_on_the_server_and_brought(
    newsroom: Newsroom, desk: Library, tmp_path: Path
) -> None:
    bob = partial(newsroom, tmp_path / "bob.copydesk")
    (found,) = server_search.search(bob, "vœux ")
    assert not found.here
    local_id = server_search.bring(bob, [found.uuid])[found.uuid]
    assert headlines(bob) == ["Le conseil de ce matin", "Les vœux de l’an dernier"]
    # Brought, it follows the desk's changes like any other.
    with desk.read() as session:
        alice_id = session.scalars(select(Article.id).where(Article.uuid == found.uuid)).one()
    record = articles.load_article(desk, alice_id).record
    assert record is not None
    articles.save_article(desk, alice_id, record.content.replace(body="Texte revu."))
    operations.sync(desk)
    operations.sync(bob)
    brought = articles.load_article(bob, local_id).record
    assert brought is not None and brought.content.body == "Texte revu."


def test_an_older_article_comes_by_itself_once_it_changes(
    newsroom: Newsroom, desk: Library, tmp_path: Path
) -> None:
    bob = partial(newsroom, tmp_path / "bob.copydesk")
    with desk.read() as session:
        alice_id = session.scalars(
            select(Article.id).where(Article.headline == "Les vœux de l’an dernier")
        ).one()
    record = articles.load_article(desk, alice_id).record
    assert record is not None
    articles.save_article(desk, alice_id, record.content.replace(body="Repris aujourd’hui."))
    operations.sync(desk)
    operations.sync(bob)
    assert headlines(bob) == ["Le conseil de ce matin", "Les vœux de l’an dernier"]


def test_a_replica_keeps_at_least_a_day(newsroom: Newsroom, tmp_path: Path) -> None:
    library = open_library(tmp_path / "bob.copydesk", create=True)
    newsroom.libraries.append(library)
    with pytest.raises(NewsroomError, match="at least one day"):
        operations.join(library, newsroom.url("bob"), "Politique", keep_days=0)
    with library.read() as session:
        assert session.scalars(select(ReplicaState)).first() is None  # not joined


def test_a_join_takes_the_most_recently_changed_articles_first(
    newsroom: Newsroom, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A desk's history comes in the order it was written, a batch at a time; its most
    recently changed articles (the list's first pages) come before it."""
    from copydesk.sync import engine

    alice = newsroom.replica(tmp_path / "alice.copydesk", "alice", "Politique")
    for number in range(1, 6):
        create(alice, f"Article {number}")
    operations.sync(alice)
    for number in range(1, 6):  # written in this order, changed in this order
        age_on_server(newsroom, f"Article {number}", 10 - number)
    monkeypatch.setattr(engine, "PULL_BATCH", 2)
    monkeypatch.setattr(engine, "RECENT_FIRST", 2)
    bob = open_library(tmp_path / "bob.copydesk", create=True)
    newsroom.libraries.append(bob)
    held_at_first_batch: list[list[str]] = []

    def progress(done: int, total: int) -> None:
        if not held_at_first_batch:
            held_at_first_batch.append(headlines(bob))

    operations.join(bob, newsroom.url("bob"), "Politique", progress=progress)
    # The first batch of the history (articles 1 and 2), and the two most recent ones.
    assert held_at_first_batch == [["Article 1", "Article 2", "Article 4", "Article 5"]]
    assert headlines(bob) == [f"Article {number}" for number in range(1, 6)]
    with bob.read() as session:
        assert session.scalars(select(ReplicaState)).one().pull_cursor > 0
