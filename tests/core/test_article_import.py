"""Importing articles: Copydesk packages (round trips), ninjs, Markdown and plain text, each
whole or not at all, and hostile files refused with the library unchanged."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from copydesk import articles, images
from copydesk.article_import import (
    ImportKind,
    ImportOutcome,
    import_paths,
)
from copydesk.db import Library
from copydesk.library_identity import library_uuid
from copydesk.media_store import MediaStore
from copydesk.package_build import ARTICLE_NINJS, MANIFEST
from copydesk.packages import export_package
from tests.core.test_packages import add_credited_picture, pictured_content
from tests.helpers import opened

NOW = datetime(2026, 3, 15, 8, 30, tzinfo=UTC)
LATER = datetime(2026, 3, 16, 9, 0, tzinfo=UTC)


@pytest.fixture
def source(tmp_path: Path) -> Iterator[Library]:
    """A library with the sample article."""
    with opened(tmp_path / "source.copydesk", sample=True) as library:
        yield library


@pytest.fixture
def pictured(source: Library, shared: Path) -> int:
    """An article of the source library with a credited lead picture, also in its body."""
    picture = add_credited_picture(source, shared)
    with source.write() as session:
        return articles.create_article(session, pictured_content(picture)).id


@pytest.fixture
def target(tmp_path: Path) -> Iterator[Library]:
    with opened(tmp_path / "target.copydesk") as library:
        yield library


def snapshot(library: Library) -> dict[str, Any]:
    """Everything an import may change: rows and media files."""
    with library.read() as session:
        rows = {
            "articles": [
                articles.get_article(session, summary.id)
                for summary in articles.list_summaries(session)
            ],
            "pictures": images.list_pictures(session),
        }
    store = MediaStore.beside(library.path)
    rows["media"] = (
        sorted(p.name for p in store.root.rglob("*") if p.is_file()) if store.root.exists() else []
    )
    return rows


def only_article(library: Library, slug_part: str = "") -> int:
    with library.read() as session:
        ids = [s.id for s in articles.list_summaries(session) if slug_part in s.slug]
    assert len(ids) == 1, ids
    return ids[0]


def export(library: Library, article_id: int, out: Path, **options: Any) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    return export_package(library, article_id, out, **({"now": NOW} | options)).path


def manifest_of(package: Path) -> dict[str, Any]:
    return json.loads((package / MANIFEST).read_text("utf-8"))


def files_of(package: Path) -> dict[str, bytes]:
    return {
        p.relative_to(package).as_posix(): p.read_bytes() for p in package.rglob("*") if p.is_file()
    }


# ---- packages: round trips --------------------------------------------------------------------


def test_a_package_reimported_into_its_library_exports_the_same_package(
    source: Library, pictured: int, tmp_path: Path
) -> None:
    article_id = pictured
    first = export(source, article_id, tmp_path / "first")
    with source.write() as session:
        articles.delete_article(session, article_id)
    before = snapshot(source)["pictures"]
    report = import_paths(source, [first])
    [item] = report.items
    assert item.outcome is ImportOutcome.IMPORTED, item.reason
    assert (item.kind, item.pictures_reused, item.pictures_added) == (ImportKind.PACKAGE, 1, 0)
    assert snapshot(source)["pictures"] == before  # the library's own picture, reused
    again = export(source, item.article_id, tmp_path / "again", now=LATER)
    first_manifest, again_manifest = manifest_of(first), manifest_of(again)
    assert again_manifest.pop("exported_at") != first_manifest.pop("exported_at")
    assert again_manifest == first_manifest
    assert files_of(again) == files_of(first) | {MANIFEST: files_of(again)[MANIFEST]}


@pytest.mark.parametrize("as_zip", [False, True], ids=["folder", "zip"])
def test_a_package_imported_into_another_library_exports_the_same_package(
    source: Library, pictured: int, target: Library, tmp_path: Path, as_zip: bool
) -> None:
    """Identical but for the export time and the library's uuid (the publisher's part of
    the ninjs URIs)."""
    article_id = pictured
    first = export(source, article_id, tmp_path / "first", as_zip=as_zip)
    report = import_paths(target, [first])
    [item] = report.items
    assert item.outcome is ImportOutcome.IMPORTED, item.reason
    assert (item.pictures_added, item.pictures_awaiting) == (1, 0)
    again = export(target, item.article_id, tmp_path / "again", as_zip=as_zip)
    if as_zip:
        first, again = unzip(first, tmp_path / "first-x"), unzip(again, tmp_path / "again-x")
    with source.read() as session:
        source_uuid = library_uuid(session)
    with target.read() as session:
        target_uuid = library_uuid(session)
    expected = files_of(first)
    expected[ARTICLE_NINJS] = expected[ARTICLE_NINJS].replace(
        source_uuid.encode(), target_uuid.encode()
    )
    found = files_of(again)
    assert found.keys() == expected.keys()
    for name in expected.keys() - {MANIFEST}:
        assert readable(found[name]) == readable(expected[name]), name
    with source.read() as session, target.read() as other:
        mine = articles.get_article(session, article_id)
        theirs = articles.get_article(other, item.article_id)
        assert (theirs.uuid, theirs.slug, theirs.version) == (mine.uuid, mine.slug, mine.version)
        # To the second, as ninjs dates them.
        assert theirs.created_at == mine.created_at.replace(microsecond=0)
        assert theirs.updated_at == mine.updated_at.replace(microsecond=0)
        [picture] = images.list_pictures(other)
        [original] = [p for p in images.list_pictures(session)]
        assert picture.uuid == original.uuid
        assert picture.metadata == original.metadata  # the desk's whole record, licence and all
        assert picture.file.file_name == original.file.file_name


def readable(data: bytes) -> str | bytes:
    """Text as text, so that a difference shows as a diff of lines."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data


def unzip(package: Path, folder: Path) -> Path:
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder)
    return folder
