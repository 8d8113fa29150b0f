"""Article use cases and the model underneath them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from copydesk.articles import store as articles
from copydesk.errors import LibraryError, NotFoundError
from copydesk.library.models import Article, ArticleAuthor, RelatedLinkRow
from copydesk.records.article import ArticleContent, ArticleStatus, RelatedLink
from tests.helpers import FULL_CONTENT as FULL
from tests.helpers import opened

T0 = datetime(2025, 3, 15, 8, 0, tzinfo=UTC)


def test_every_field_round_trips(library_path: Path) -> None:
    with opened(library_path) as library:
        with library.write() as session:
            created = articles.create_article(session, FULL, now=T0)
        with library.read() as session:
            loaded = articles.get_article(session, created.id)
    assert loaded.content == FULL
    assert loaded.created_at == loaded.updated_at == T0
    assert loaded.created_at.tzinfo is not None
    assert len(loaded.uuid) == 36
    assert loaded.slug == "poutine-et-trump-ont-convenu-d-entamer-des-negociations-sur-l-ukraine"


def test_several_articles_read_at_once_are_those_read_one_by_one(library_path: Path) -> None:
    with opened(library_path) as library:
        with library.write() as session:
            first = articles.create_article(session, FULL, now=T0)
            second = articles.create_article(session, FULL.replace(headline="Autre"), now=T0)
        with library.read() as session:
            found = articles.get_articles(session, [second.id, 999, first.id])
            one_by_one = [articles.get_article(session, n) for n in (first.id, second.id)]
    assert found == {record.id: record for record in one_by_one}


def test_the_list_is_most_recent_first(library_path: Path) -> None:
    with opened(library_path) as library:
        with library.write() as session:
            old = articles.create_article(session, FULL.replace(headline="Old"), now=T0)
            new = articles.create_article(
                session, FULL.replace(headline="New"), now=T0 + timedelta(hours=1)
            )
        with library.read() as session:
            summaries = articles.list_summaries(session)
        assert [s.id for s in summaries] == [new.id, old.id]
        assert summaries[0].status is ArticleStatus.IN_REVIEW
        assert summaries[0].language == "fr"
        with library.write() as session:
            articles.save_content(
                session, old.id, FULL.replace(headline="Old, edited"), now=T0 + timedelta(hours=2)
            )
        with library.read() as session:
            assert [s.headline for s in articles.list_summaries(session)] == ["Old, edited", "New"]


def test_saving_unchanged_content_keeps_the_timestamp(library_path: Path) -> None:
    with opened(library_path) as library:
        with library.write() as session:
            record = articles.create_article(session, FULL, now=T0)
        with library.write() as session:
            again = articles.save_content(session, record.id, FULL, now=T0 + timedelta(days=1))
    assert again.updated_at == T0


def test_lists_are_replaced_in_order(library_path: Path) -> None:
    changed = FULL.replace(
        authors=("Jean Roy", "Olga Demidenko", "Ana Lima"),
        keywords=(),
        related_links=(RelatedLink("Second lien", "https://example.org/2"),),
    )
    with opened(library_path) as library:
        with library.write() as session:
            record = articles.create_article(session, FULL)
        with library.write() as session:
            articles.save_content(session, record.id, changed)
        with library.read() as session:
            assert articles.get_article(session, record.id).content == changed
            positions = session.scalars(
                select(ArticleAuthor.position).order_by(ArticleAuthor.position)
            ).all()
            assert positions == [0, 1, 2]
            assert session.scalar(select(RelatedLinkRow.title)) == "Second lien"


def test_slugs_are_unique(library_path: Path) -> None:
    with opened(library_path) as library, library.write() as session:
        first = articles.create_article(session, FULL)
        second = articles.create_article(session, FULL)
        untitled = articles.create_article(session, ArticleContent())
    assert second.slug == f"{first.slug}-2"
    assert untitled.slug == "untitled"


def test_a_drafts_slug_follows_its_headline_until_it_leaves_draft(library_path: Path) -> None:
    draft = ArticleContent(status=ArticleStatus.DRAFT)
    with opened(library_path) as library, library.write() as session:
        record = articles.create_article(session, draft)
        assert record.slug == "untitled"
        record = articles.save_content(session, record.id, draft.replace(headline="Ferry back"))
        assert record.slug == "ferry-back"
        ready = draft.replace(headline="Ferry back on Monday", status=ArticleStatus.READY)
        record = articles.save_content(session, record.id, ready)
        assert record.slug == "ferry-back"


def test_duplicate_is_a_new_draft_with_the_same_content(library_path: Path) -> None:
    with opened(library_path) as library, library.write() as session:
        source = articles.create_article(session, FULL)
        copy = articles.duplicate_article(session, source.id)
    assert copy.id != source.id and copy.uuid != source.uuid and copy.slug != source.slug
    assert copy.content == FULL.replace(status=ArticleStatus.DRAFT)


def test_delete_removes_the_article_and_its_rows(library_path: Path) -> None:
    with opened(library_path) as library:
        with library.write() as session:
            record = articles.create_article(session, FULL)
        with library.write() as session:
            articles.delete_article(session, record.id)
        with library.read() as session:
            assert articles.list_summaries(session) == []
            for table in ("article_authors", "article_keywords", "related_links"):
                assert session.scalar(text(f"SELECT count(*) FROM {table}")) == 0
            with pytest.raises(NotFoundError):
                articles.get_article(session, record.id)


def test_foreign_keys_are_enforced(library_path: Path) -> None:
    orphan = "INSERT INTO article_authors (article_id, position, name) VALUES (999, 0, 'x')"
    with opened(library_path) as library, pytest.raises(LibraryError), library.write() as session:
        session.execute(text(orphan))


def test_status_is_constrained_to_known_values(library_path: Path) -> None:
    with opened(library_path) as library:
        with library.write() as session:
            record = articles.create_article(session, FULL)
        with pytest.raises(LibraryError), library.write() as session:
            session.execute(
                text("UPDATE articles SET status = 'lost' WHERE id = :id"), {"id": record.id}
            )


def test_a_failed_transaction_leaves_nothing_behind(library_path: Path) -> None:
    with opened(library_path) as library:
        with pytest.raises(LibraryError), library.write() as session:
            first = articles.create_article(session, FULL)
            session.add(Article(uuid=first.uuid, slug="other", language="fr"))  # uuid taken
            session.flush()
        with library.read() as session:
            assert articles.list_summaries(session) == []


def test_find_by_slug(library_path: Path) -> None:
    with opened(library_path) as library, library.write() as session:
        record = articles.create_article(session, FULL)
        assert articles.find_by_slug(session, record.slug) == record
        assert articles.find_by_slug(session, "nothing-here") is None
