"""The change feed: every write of every program is noted, a window's own saves are told
apart, and a reader that fell behind learns it missed some."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
from pathlib import Path

from copydesk.articles import operations
from copydesk.articles import store as articles
from copydesk.articles.operations import KnownVersions
from copydesk.library import changes as library_changes
from copydesk.library import outside_changes
from copydesk.library.changes import KEEP, PRUNE_EVERY
from copydesk.pictures import store as images
from tests.core.test_picture_records_db import FILE, METADATA
from tests.helpers import FIXTURES, FULL_CONTENT, opened


def test_every_kind_of_write_is_noted(library_path: Path) -> None:
    with opened(library_path, sample=True) as library:
        with library.read() as session:
            start = library_changes.latest(session)
        with library.write() as session:
            created = articles.create_article(session, FULL_CONTENT)
            picture = images.add_picture(session, FILE, METADATA)
        with library.write() as session:
            articles.save_content(
                session, created.id, dataclasses.replace(FULL_CONTENT, headline="Autre titre")
            )
            images.update_metadata(session, picture.id, METADATA.replace(creator="Autre"))
        operations.record_revision(library, created.id, "Camille")
        with library.read() as session:
            changes = library_changes.changes_since(session, start)
        assert changes.complete
        assert changes.articles == {created.id}
        assert changes.pictures == {picture.id}
        assert changes.histories == {created.id}
        with library.write() as session:
            articles.delete_article(session, created.id)
            images.delete_picture(session, picture.id)
        with library.read() as session:
            after = library_changes.changes_since(session, changes.until)
            assert library_changes.changes_since(session, after.until) == (
                library_changes.Changes(after.until, after.until)
            )
        assert (after.articles, after.pictures) == ({created.id}, {picture.id})


def test_writes_of_other_programs_are_noted_too(library_path: Path) -> None:
    """Triggers, not our code, write the feed: a plain SQLite client is seen as well."""
    with opened(library_path, sample=True) as library:
        since = outside_changes.start_watching(library)
        other = sqlite3.connect(library_path)
        with other:
            other.execute("UPDATE articles SET headline = 'Changé ailleurs'")
        other.close()
        changes = outside_changes.changes_since(library, since, KnownVersions())
        assert changes.complete and changes.any
        (changed,) = changes.articles
        with library.read() as session:
            assert articles.get_article(session, changed).content.headline == "Changé ailleurs"


def test_the_windows_own_saves_are_not_news(library_path: Path) -> None:
    with opened(library_path, sample=True) as library:
        versions = KnownVersions()
        (summary,) = operations.list_articles(library_path)
        shown = operations.load_article(library, summary.id)
        assert shown.record is not None
        versions.note(shown.record)
        since = outside_changes.start_watching(library)
        content = dataclasses.replace(shown.record.content, headline="Mon titre")
        operations.save_article(library, summary.id, content, versions)
        mine = outside_changes.changes_since(library, since, versions)
        assert mine.articles == frozenset() and not mine.any
        # Another window saves the same article: that is news.
        elsewhere = dataclasses.replace(content, headline="Leur titre")
        operations.save_article(library, summary.id, elsewhere, KnownVersions())
        theirs = outside_changes.changes_since(library, mine.until, versions)
        assert theirs.articles == {summary.id}
        # A deleted article is news as well.
        with library.write() as session:
            articles.delete_article(session, summary.id)
        deleted = outside_changes.changes_since(library, theirs.until, versions)
        assert deleted.articles == {summary.id}


def test_the_feed_prunes_itself_and_a_late_reader_knows_it_missed_changes(
    library_path: Path,
) -> None:
    with opened(library_path, sample=True) as library:
        with library.write() as session:
            connection = session.connection()
            for _ in range(KEEP + PRUNE_EVERY):
                connection.exec_driver_sql(
                    "INSERT INTO library_changes(entity, entity_id) VALUES ('article', 1)"
                )
        with library.read() as session:
            latest = library_changes.latest(session)
            kept = (
                session.connection()
                .exec_driver_sql("SELECT count(*) FROM library_changes")
                .scalar()
            )
            assert kept is not None and KEEP <= kept < KEEP + PRUNE_EVERY
            late = library_changes.changes_since(session, 1)
            recent = library_changes.changes_since(session, latest - 3)
            too_many = library_changes.changes_since(session, latest - 10, limit=5)
        assert not late.complete and late.until == latest
        assert recent.complete and recent.articles == {1}
        assert not too_many.complete and too_many.until == latest
        assert not outside_changes.changes_since(library, 1, KnownVersions()).complete


def test_a_number_beyond_the_latest_means_another_file(library_path: Path) -> None:
    with opened(library_path, sample=True) as library:
        latest = outside_changes.start_watching(library)
        changes = outside_changes.changes_since(library, latest + 50, KnownVersions())
    assert not changes.complete and changes.until == latest


def test_an_upgraded_library_notes_its_changes(tmp_path: Path) -> None:
    path = tmp_path / "old.copydesk"
    shutil.copy(FIXTURES / "libraries" / "0004.copydesk", path)
    with opened(path, create=False) as library:
        since = outside_changes.start_watching(library)
        (first, *_rest) = operations.list_articles(path)
        with library.write() as session:
            articles.delete_article(session, first.id)
        changes = outside_changes.changes_since(library, since, KnownVersions())
    assert changes.articles == changes.histories == {first.id}
