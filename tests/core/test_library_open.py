"""Opening library files: anything that is not a healthy, writable Copydesk library is refused
with a message naming the problem, and the file is never modified."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from copydesk.articles import store as articles
from copydesk.errors import LibraryError
from copydesk.library import db
from copydesk.library import inspection as library_file
from tests.helpers import (
    file_digest,
    headlines,
    opened,
    refuse_untouched,
    run_as_unprivileged_user,
)


def test_a_missing_library_is_created_with_the_on_create_content(library_path: Path) -> None:
    with opened(library_path, sample=True) as library:
        assert len(headlines(library)) == 1
        assert library.path == library_path


def test_a_missing_library_is_not_created_unless_asked(library_path: Path) -> None:
    with pytest.raises(LibraryError, match="no Copydesk library"):
        db.open_library(library_path)
    assert not library_path.exists()


def test_a_library_is_created_in_missing_folders(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "desk.copydesk"
    with opened(path):
        pass
    assert path.is_file()


def test_creation_is_all_or_nothing(library_path: Path) -> None:
    def fail(_session: object) -> None:
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        db.open_library(library_path, create=True, on_create=fail)
    assert list(library_path.parent.iterdir()) == []


def test_wal_and_foreign_keys_are_on(library_path: Path) -> None:
    with opened(library_path) as library, library.read() as session:
        assert session.scalar(text("PRAGMA journal_mode")) == "wal"
        assert session.scalar(text("PRAGMA foreign_keys")) == 1


def test_an_empty_file_becomes_a_library(library_path: Path) -> None:
    library_path.touch()
    with opened(library_path) as library:
        assert headlines(library) == []
    assert library_file.inspect_library_file(library_path).state is library_file.FileState.CURRENT


def test_a_text_file_is_refused(library_path: Path) -> None:
    library_path.write_text("Dear editor,\nthis is a letter, not a library.\n")
    refuse_untouched(library_path, "not a Copydesk library.*not a SQLite database")


def test_a_picture_is_refused(tmp_path: Path, shared: Path) -> None:
    path = tmp_path / "photo.copydesk"
    shutil.copy(shared / "images" / "IPTC-PhotometadataRef-Std2017.1.jpg", path)
    refuse_untouched(path, "not a SQLite database")


def test_another_programs_database_is_refused(library_path: Path) -> None:
    connection = sqlite3.connect(library_path)
    with connection:
        connection.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        connection.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    connection.close()
    refuse_untouched(library_path, "a database, but not a Copydesk library")


def test_another_programs_database_in_wal_mode_is_refused_without_a_journal(
    library_path: Path,
) -> None:
    connection = sqlite3.connect(library_path)
    connection.execute("PRAGMA journal_mode = WAL")
    with connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
    connection.close()
    refuse_untouched(library_path, "a database, but not a Copydesk library")


@pytest.mark.parametrize(
    "setup",
    ["CREATE VIEW answer AS SELECT 42", "PRAGMA user_version = 7", "PRAGMA application_id = 99"],
)
def test_a_database_with_anything_in_it_is_never_taken_for_a_new_one(
    library_path: Path, setup: str
) -> None:
    connection = sqlite3.connect(library_path)
    connection.execute(setup)
    connection.commit()
    connection.close()
    refuse_untouched(library_path, "a database, but not a Copydesk library")


def test_a_blank_sqlite_database_becomes_a_library(library_path: Path) -> None:
    connection = sqlite3.connect(library_path)
    connection.execute("VACUUM")  # writes a header, defines nothing
    connection.close()
    assert library_path.stat().st_size > 0
    with opened(library_path) as library:
        assert headlines(library) == []


def test_a_truncated_library_is_refused(library_path: Path) -> None:
    with opened(library_path, sample=True):
        pass
    data = library_path.read_bytes()
    library_path.write_bytes(data[:100])  # the header survives, the schema does not
    refuse_untouched(library_path, "cannot be read; the file may be damaged")


def test_a_library_without_schema_version_is_refused(library_path: Path) -> None:
    with opened(library_path):
        pass
    connection = sqlite3.connect(library_path)
    with connection:
        connection.execute("DROP TABLE alembic_version")
    connection.close()
    refuse_untouched(library_path, "damaged Copydesk library: its schema version is missing")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="is a folder"):
        db.open_library(tmp_path, create=True)


@pytest.mark.parametrize("read_only", ["file", "folder"])
def test_a_read_only_library_is_refused_untouched(world_readable_dir: Path, read_only: str) -> None:
    path = world_readable_dir / "desk.copydesk"
    with opened(path, sample=True):
        pass
    before = file_digest(path)
    path.chmod(0o444 if read_only == "file" else 0o666)
    world_readable_dir.chmod(0o755 if read_only == "file" else 0o555)
    message = run_as_unprivileged_user(lambda: str(db.open_library(path)))
    world_readable_dir.chmod(0o755)
    assert "read-only" in message
    assert ("folder" in message) == (read_only == "folder")
    assert file_digest(path) == before
    assert sorted(p.name for p in world_readable_dir.iterdir()) == ["desk.copydesk"]


def test_a_locked_library_reports_that_it_is_busy(library_path: Path) -> None:
    with opened(library_path, sample=True):
        pass
    library = db.open_library(library_path, busy_timeout=0.2)
    other = sqlite3.connect(library_path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        busy = pytest.raises(LibraryError, match="busy: another program is writing")
        with busy, library.write() as session:
            articles.create_article(session)
        other.execute("ROLLBACK")
        assert len(headlines(library)) == 1
    finally:
        other.close()
        library.close()
