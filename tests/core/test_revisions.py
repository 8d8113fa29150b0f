"""Revision history: recording, periodic snapshots, restore, and conflicts between windows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from copydesk.articles import operations, revisions
from copydesk.articles import store as articles
from copydesk.errors import ConflictError, NotFoundError
from copydesk.library.db import Library
from copydesk.records.article import ArticleContent, RevisionKind
from tests.helpers import FULL_CONTENT as FULL
from tests.helpers import opened

T0 = datetime(2025, 3, 15, 8, 0, tzinfo=UTC)
WHO = "Camille Perrin"


def _create(library: Library, content: ArticleContent = FULL) -> int:
    with library.write() as session:
        return articles.create_article(session, content, now=T0).id


def _save(library: Library, article_id: int, body: str, now: datetime = T0) -> None:
    with library.write() as session:
        articles.save_content(session, article_id, FULL.replace(body=body), now=now)


def test_a_revision_keeps_every_field_and_counts_words(library_path: Path) -> None:
    with opened(library_path) as library:
        article_id = _create(library)
        with library.write() as session:
            summary = revisions.record_revision(
                session, article_id, RevisionKind.MANUAL, author=WHO, now=T0
            )
        with library.read() as session:
            listed = revisions.list_revisions(session, article_id)
            stored = revisions.get_revision(session, summary.id)
    assert listed == [summary]
    assert (summary.author, summary.kind, summary.created_at) == (WHO, RevisionKind.MANUAL, T0)
    assert summary.word_count == 7  # "Le président américain a annoncé… Suite Texte."
    assert stored.content == FULL


def test_an_unchanged_article_is_not_recorded_twice(library_path: Path) -> None:
    with opened(library_path) as library:
        article_id = _create(library)
        with library.write() as session:
            first = revisions.record_revision(session, article_id, RevisionKind.MANUAL, author=WHO)
            again = revisions.record_revision(session, article_id, RevisionKind.MANUAL, author=WHO)
        _save(library, article_id, "Autre texte.")
        with library.write() as session:
            changed = revisions.record_revision(
                session, article_id, RevisionKind.MANUAL, author=WHO
            )
            listed = revisions.list_revisions(session, article_id)
    assert again == first
    assert changed.id != first.id
    assert [r.id for r in listed] == [changed.id, first.id]  # newest first


def test_periodic_revisions_follow_the_interval(library_path: Path) -> None:
    every = timedelta(minutes=5)
    with opened(library_path) as library:
        article_id = _create(library)
        kept = []
        for minute, body in [(0, "a"), (2, "b"), (4, "c"), (6, "d"), (7, "e"), (12, "f")]:
            now = T0 + timedelta(minutes=minute)
            _save(library, article_id, body, now)
            with library.write() as session:
                made = revisions.record_periodic(
                    session, article_id, author=WHO, interval=every, now=now
                )
            if made is not None:
                kept.append(minute)
    assert kept == [0, 6, 12]


def test_restore_brings_the_fields_back_and_loses_nothing(library_path: Path) -> None:
    with opened(library_path) as library:
        article_id = _create(library)
        with library.write() as session:
            original = revisions.record_revision(
                session, article_id, RevisionKind.MANUAL, author=WHO, now=T0
            )
        edited = FULL.replace(headline="Titre changé", body="Tout réécrit.", authors=("X",))
        with library.write() as session:
            articles.save_content(session, article_id, edited)
            restored = revisions.restore_revision(session, article_id, original.id, author=WHO)
            history = revisions.list_revisions(session, article_id)
            kinds = [r.kind for r in history]
            replaced = revisions.get_revision(session, history[1].id).content
    assert restored.content == FULL
    assert kinds == [RevisionKind.RESTORE, RevisionKind.BEFORE_RESTORE, RevisionKind.MANUAL]
    assert replaced == edited  # the text the restore replaced is in the history


def test_a_revision_of_another_article_cannot_be_restored(library_path: Path) -> None:
    with opened(library_path) as library:
        first, second = _create(library), _create(library, FULL.replace(headline="Autre"))
        with library.write() as session:
            revision = revisions.record_revision(session, first, RevisionKind.MANUAL, author=WHO)
        with pytest.raises(NotFoundError), library.write() as session:
            revisions.restore_revision(session, second, revision.id, author=WHO)


def test_revisions_go_with_their_article(library_path: Path) -> None:
    with opened(library_path) as library:
        article_id = _create(library)
        with library.write() as session:
            revision = revisions.record_revision(
                session, article_id, RevisionKind.MANUAL, author=WHO
            )
            articles.delete_article(session, article_id)
        with pytest.raises(NotFoundError), library.read() as session:
            revisions.get_revision(session, revision.id)


def test_content_survives_json_with_unusual_text() -> None:
    content = FULL.replace(body='Emoji 🗞️, guillemets « », \u202f, \\n littéral, "quotes"')
    assert revisions.content_from_json(revisions.content_to_json(content)) == content


# ---- versions and conflicts -------------------------------------------------------------


def test_every_real_change_bumps_the_version(library_path: Path) -> None:
    with opened(library_path) as library:
        article_id = _create(library)
        with library.write() as session:
            first = articles.get_article(session, article_id)
            same = articles.save_content(session, article_id, FULL, base_version=1)
            changed = articles.save_content(
                session, article_id, FULL.replace(body="x"), base_version=1
            )
    assert (first.version, same.version, changed.version) == (1, 1, 2)


def test_a_save_based_on_a_replaced_version_is_refused(library_path: Path) -> None:
    with opened(library_path) as library:
        article_id = _create(library)
        with library.write() as session:
            articles.save_content(session, article_id, FULL.replace(body="theirs"), base_version=1)
        mine = FULL.replace(body="mine")
        with pytest.raises(ConflictError) as caught, library.write() as session:
            articles.save_content(session, article_id, mine, base_version=1)
        with library.read() as session:
            stored = articles.get_article(session, article_id)
    assert stored.content.body == "theirs"
    assert caught.value.theirs.content.body == "theirs"
    assert caught.value.mine == mine


def test_a_reused_id_is_not_mistaken_for_the_deleted_article(library_path: Path) -> None:
    with opened(library_path) as library:
        article_id = _create(library)
        with library.read() as session:
            uuid = articles.get_article(session, article_id).uuid
        with pytest.raises(NotFoundError), library.write() as session:
            articles.save_content(
                session, article_id, FULL.replace(body="x"), base_uuid="not-" + uuid
            )


def _two_windows(path: Path) -> tuple[Library, Library, int]:
    """Two independent opens of one file, as two Copydesk processes would have."""
    with opened(path) as setup:
        article_id = _create(setup)
    from copydesk.library.db import open_library

    return open_library(path), open_library(path), article_id


def _shown_in(library: Library, article_id: int, versions: operations.KnownVersions) -> None:
    versions.note(operations.load_article(library, article_id).record)  # type: ignore[arg-type]


def test_two_windows_never_overwrite_each_other(library_path: Path) -> None:
    first, second, article_id = _two_windows(library_path)
    try:
        versions_a, versions_b = operations.KnownVersions(), operations.KnownVersions()
        _shown_in(first, article_id, versions_a)
        _shown_in(second, article_id, versions_b)
        # Window A saves several times in a row: its own saves never conflict.
        for body in ("A1", "A2", "A3"):
            operations.save_article(first, article_id, FULL.replace(body=body), versions_a)
        with pytest.raises(ConflictError):
            operations.save_article(second, article_id, FULL.replace(body="B"), versions_b)
        assert operations.load_article(first, article_id).record.content.body == "A3"  # type: ignore[union-attr]
    finally:
        first.close()
        second.close()


@pytest.mark.parametrize("keep_mine", [True, False])
def test_resolving_a_conflict_keeps_both_versions(library_path: Path, keep_mine: bool) -> None:
    first, second, article_id = _two_windows(library_path)
    try:
        versions_a, versions_b = operations.KnownVersions(), operations.KnownVersions()
        _shown_in(first, article_id, versions_a)
        _shown_in(second, article_id, versions_b)
        operations.save_article(first, article_id, FULL.replace(body="A"), versions_a)
        mine = FULL.replace(body="B")
        with pytest.raises(ConflictError):
            operations.save_article(second, article_id, mine, versions_b)
        shown = operations.resolve_conflict(
            second, article_id, mine, keep_mine=keep_mine, author=WHO, versions=versions_b
        )
        on_top = shown.record.content.body  # type: ignore[union-attr]
        history = operations.list_revisions(second, article_id)
        kept = operations.get_revision(second, history[0].id).content.body
        # The resolved window saves on without a new conflict.
        operations.save_article(second, article_id, FULL.replace(body="B2"), versions_b)
        # The other window, still on its old version, is told rather than overwriting.
        with pytest.raises(ConflictError):
            operations.save_article(first, article_id, FULL.replace(body="A2"), versions_a)
    finally:
        first.close()
        second.close()
    assert {on_top, kept} == {"A", "B"}
    assert on_top == ("B" if keep_mine else "A")
    assert history[0].kind is (RevisionKind.OTHER_WINDOW if keep_mine else RevisionKind.NOT_KEPT)


def test_saves_record_periodic_revisions_when_asked(library_path: Path) -> None:
    options = operations.SaveOptions(author=WHO, revision_interval=timedelta(minutes=5))
    with opened(library_path) as library:
        article_id = _create(library)
        operations.save_article(library, article_id, FULL.replace(body="un"), None, options)
        operations.save_article(library, article_id, FULL.replace(body="deux"), None, options)
        history = operations.list_revisions(library, article_id)
        kept = operations.get_revision(library, history[0].id).content
    assert [(r.kind, r.author) for r in history] == [(RevisionKind.PERIODIC, WHO)]
    assert kept == FULL  # the text as it was before editing began


def test_ctrl_s_on_text_already_in_the_history_marks_it_saved(library_path: Path) -> None:
    with opened(library_path) as library:
        article_id = _create(library)
        with library.write() as session:
            periodic = revisions.record_revision(
                session, article_id, RevisionKind.PERIODIC, author="auto"
            )
            manual = revisions.record_revision(session, article_id, RevisionKind.MANUAL, author=WHO)
            listed = revisions.list_revisions(session, article_id)
    assert manual.id == periodic.id
    assert [(r.kind, r.author) for r in listed] == [(RevisionKind.MANUAL, WHO)]
