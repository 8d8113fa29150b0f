"""The start-up reader must see exactly what the SQLAlchemy use cases see."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from copydesk.articles import search as fulltext
from copydesk.articles import store as articles
from copydesk.articles.operations import list_articles
from copydesk.errors import NotFoundError
from copydesk.library import quickread
from copydesk.records.article import (
    ALL_ARTICLES,
    EMPTY_LIST,
    ArticleContent,
    ArticleList,
    ArticleStatus,
)
from tests.helpers import FIXTURES, FULL_CONTENT, opened, run_as_unprivileged_user

VARIED = [
    FULL_CONTENT,
    ArticleContent(),  # every optional field empty
    ArticleContent(headline="English", language="en", status=ArticleStatus.IN_REVIEW),
]


def orm_view(path: Path, page_size: int = 100) -> tuple[ArticleList, list[articles.ArticleRecord]]:
    """What the ORM use cases give: the list's first page, then every article."""
    with opened(path, create=False) as library, library.read() as session:
        ids = fulltext.search_ids(session, "")
        listing = fulltext.first_page(session, ALL_ARTICLES, page_size)
        return listing, [articles.get_article(session, article_id) for article_id in ids]


@pytest.fixture
def varied_library(library_path: Path) -> Path:
    with opened(library_path, sample=True) as library, library.write() as session:
        for content in VARIED:
            articles.create_article(session, content)
    return library_path


def all_libraries(varied: Path, tmp_path: Path) -> list[Path]:
    copies = []
    for fixture in sorted((FIXTURES / "libraries").glob("*.copydesk")):
        copy = tmp_path / fixture.name
        shutil.copy(fixture, copy)
        with opened(copy, create=False):  # brings older fixtures to the current schema
            pass
        copies.append(copy)
    return [varied, *copies]


def test_the_quick_reader_agrees_with_the_use_cases(varied_library: Path, tmp_path: Path) -> None:
    for path in all_libraries(varied_library, tmp_path):
        listing, records = orm_view(path)
        for record in records:
            view = quickread.read_view(path, preferred_id=record.id)
            assert view is not None
            assert view == (listing, record)
        with opened(path, create=False) as library, library.read() as session:
            assert quickread.read_summaries(path) == articles.list_summaries(session)


def test_the_first_page_only_is_read(varied_library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quickread, "PAGE_SIZE", 2)
    listing, _ = orm_view(varied_library, page_size=2)
    view = quickread.read_view(varied_library)
    assert view is not None and view[0] == listing
    assert listing.count == 4 and len(listing.first_page) == 2


def test_without_a_preference_the_latest_article_is_read(varied_library: Path) -> None:
    listing, records = orm_view(varied_library)
    assert quickread.read_view(varied_library, preferred_id=999_999) == (listing, records[0])
    assert quickread.read_view(varied_library) == (listing, records[0])


def test_by_slug(varied_library: Path) -> None:
    _, records = orm_view(varied_library)
    view = quickread.read_view(varied_library, slug=records[-1].slug)
    assert view is not None and view[1] == records[-1]
    with pytest.raises(NotFoundError, match="no article with the slug “missing”"):
        quickread.read_view(varied_library, slug="missing")


def test_an_empty_library_has_no_article(library_path: Path) -> None:
    with opened(library_path):
        pass
    assert quickread.read_view(library_path) == (EMPTY_LIST, None)


def test_files_it_cannot_read_are_left_to_the_full_open(tmp_path: Path) -> None:
    missing = tmp_path / "missing.copydesk"
    letter = tmp_path / "letter.copydesk"
    letter.write_text("not a library")
    assert quickread.read_view(missing) is None
    assert quickread.read_view(letter) is None
    assert quickread.read_summaries(letter) is None
    assert not missing.exists()


def test_an_article_deleted_between_two_reads_falls_back(
    varied_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(quickread, "_pick", lambda *_args: 999_999)
    assert quickread.read_view(varied_library) is None


def test_a_read_only_library_can_still_be_listed(
    varied_library: Path, world_readable_dir: Path
) -> None:
    path = world_readable_dir / "archive.copydesk"
    shutil.copy(varied_library, path)
    path.chmod(0o444)

    def count(for_writing: bool) -> str:
        view = quickread.read_view(path, for_writing=for_writing)
        return "fallback" if view is None else str(len(view[0].ids))

    assert run_as_unprivileged_user(lambda: count(for_writing=False)) == "4"
    assert run_as_unprivileged_user(lambda: count(for_writing=True)) == "fallback"
    assert run_as_unprivileged_user(lambda: str(len(list_articles(path)))) == "4"
