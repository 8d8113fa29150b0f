"""Two replicas of one desk on the suite's PostgreSQL server: what one saves, the other
gets; concurrent edits merge or stay as conflicts; nothing is ever lost."""

from __future__ import annotations

from pathlib import Path

from copydesk.articles import operations as articles
from copydesk.library.db import Library
from copydesk.records.article import ArticleContent
from copydesk.sync import operations
from tests.newsroom.newsroom import Newsroom


def bodies(library: Library) -> dict[str, str]:
    from sqlalchemy import select

    from copydesk.articles import store
    from copydesk.library.models import Article

    with library.read() as session:
        rows = session.scalars(select(Article)).all()
        return {row.uuid: store.content_of(row).body for row in rows}


def create(library: Library, body: str, headline: str = "Titre") -> int:
    shown = articles.create_article(library, ArticleContent(headline=headline, body=body))
    assert shown.record is not None
    return shown.record.id


def edit(library: Library, article_id: int, **changes: object) -> None:
    record = articles.load_article(library, article_id).record
    assert record is not None
    articles.save_article(library, article_id, record.content.replace(**changes))


def test_what_one_desk_saves_the_other_gets(newsroom: Newsroom, tmp_path: Path) -> None:
    first = newsroom.replica(tmp_path / "a.copydesk", "alice", "Politique")
    second = newsroom.replica(tmp_path / "b.copydesk", "bob", "Politique")
    create(first, "Lundi, le conseil se réunit.")
    report = operations.sync(first)
    assert report.pushed.sent == 1
    operations.sync(second)
    assert bodies(second) == bodies(first)


def test_edits_in_different_paragraphs_merge(newsroom: Newsroom, tmp_path: Path) -> None:
    first = newsroom.replica(tmp_path / "a.copydesk", "alice", "Politique")
    second = newsroom.replica(tmp_path / "b.copydesk", "bob", "Politique")
    article = create(first, "Premier paragraphe.\n\nSecond paragraphe.")
    operations.sync(first)
    operations.sync(second)
    (uuid,) = bodies(second)
    other = _local_id(second, uuid)
    edit(first, article, body="Premier paragraphe, revu.\n\nSecond paragraphe.")
    edit(second, other, body="Premier paragraphe.\n\nSecond paragraphe, revu.")
    operations.sync(first)
    report = operations.sync(second)
    assert report.pulled.merged == 1
    operations.sync(first)
    expected = "Premier paragraphe, revu.\n\nSecond paragraphe, revu."
    assert bodies(first) == bodies(second) == {uuid: expected}


def test_the_same_word_changed_two_ways_is_a_conflict(newsroom: Newsroom, tmp_path: Path) -> None:
    first = newsroom.replica(tmp_path / "a.copydesk", "alice", "Politique")
    second = newsroom.replica(tmp_path / "b.copydesk", "bob", "Politique")
    article = create(first, "Rendez-vous lundi.")
    operations.sync(first)
    operations.sync(second)
    (uuid,) = bodies(second)
    edit(first, article, body="Rendez-vous mardi.")
    edit(second, _local_id(second, uuid), body="Rendez-vous mercredi.")
    operations.sync(first)
    report = operations.sync(second)
    assert report.open_conflicts == 1
    assert bodies(second) == {uuid: "Rendez-vous mercredi."}  # mine stays until settled
    (conflict,) = operations.list_conflicts(second)
    assert conflict.fields == ("body",)
    assert conflict.theirs["body"] == "Rendez-vous mardi."
    operations.settle_conflict(second, conflict.id, "theirs")
    operations.sync(second)
    operations.sync(first)
    assert bodies(first) == bodies(second) == {uuid: "Rendez-vous mardi."}
    assert operations.list_conflicts(second) == []


def _local_id(library: Library, uuid: str) -> int:
    from sqlalchemy import select

    from copydesk.library.models import Article

    with library.read() as session:
        found = session.scalar(select(Article.id).where(Article.uuid == uuid))
        assert found is not None
        return found
