"""Schema discipline: new files at head, old files upgraded, newer files refused."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from copydesk.articles import store as articles
from copydesk.errors import LibraryError
from copydesk.library import changes as library_changes
from copydesk.library import db, search_index
from copydesk.library import inspection as library_file
from copydesk.library.migrations import HEAD_REVISION
from copydesk.library.models import Base
from tests.helpers import FIXTURES, opened, refuse_untouched

LIBRARIES = FIXTURES / "libraries"
# What tests/fixtures/make_library.py writes, whatever the revision.
EXPECTED = {
    "le-conseil-municipal-adopte-le-budget-2025": (
        "Le conseil municipal adopte le budget 2025",
        ("Marie Lefèvre", "Paul Girard"),
        2,
    ),
    "harbour-ferry-returns-after-winter-repairs": (
        "Harbour ferry returns after winter repairs",
        ("Sam Carter",),
        0,
    ),
}


def all_revisions() -> list[str]:
    script = db._script_directory()
    return [revision.revision for revision in script.walk_revisions()]


def test_head_revision_constant_matches_alembic() -> None:
    assert db._script_directory().get_current_head() == HEAD_REVISION


def test_there_is_a_fixture_library_for_every_revision() -> None:
    missing = [rev for rev in all_revisions() if not (LIBRARIES / f"{rev}.copydesk").exists()]
    assert not missing, f"run tests/fixtures/make_library.py and commit it for {missing}"


@pytest.mark.parametrize("fixture", sorted(LIBRARIES.glob("*.copydesk")), ids=lambda p: p.stem)
def test_every_fixture_opens_at_head_with_its_content(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    with opened(path, create=False) as library, library.read() as session:
        found = {}
        for summary in articles.list_summaries(session):
            record = articles.get_article(session, summary.id)
            found[record.slug] = (
                record.content.headline,
                record.content.authors,
                len(record.content.related_links),
            )
    assert found == EXPECTED
    assert library_file.inspect_library_file(path).revision == HEAD_REVISION


def test_migrations_build_exactly_the_models_schema(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'migrated.db'}")
    with engine.begin() as connection:
        config = db._alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        context = MigrationContext.configure(
            connection,
            opts={
                "include_name": lambda name, kind, _: (
                    not (
                        kind == "table"
                        and (
                            search_index.is_index_table(name)
                            or library_changes.is_change_table(name)
                        )
                    )
                )
            },
        )
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_a_new_library_is_created_at_head(library_path: Path) -> None:
    with opened(library_path):
        pass
    inspection = library_file.inspect_library_file(library_path)
    assert inspection.state is library_file.FileState.CURRENT
    assert inspection.revision == HEAD_REVISION
    connection = sqlite3.connect(library_path)
    try:
        assert (
            connection.execute("PRAGMA application_id").fetchone()[0] == library_file.APPLICATION_ID
        )
    finally:
        connection.close()


def test_a_library_from_a_newer_copydesk_is_refused_untouched(library_path: Path) -> None:
    with opened(library_path):
        pass
    connection = sqlite3.connect(library_path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.close()
    refuse_untouched(library_path, "newer Copydesk.*9999_future.*Update Copydesk")


def test_an_upgrade_first_backs_the_library_up(library_path: Path) -> None:
    with opened(library_path, sample=True):
        pass
    backup = db._backup(library_path, "0000")
    assert backup.name == f"{library_path.name}.before-0000.bak"
    with opened(backup, create=False) as copy, copy.read() as session:
        assert len(articles.list_summaries(session)) == 1


def test_a_damaged_library_is_not_upgraded(library_path: Path) -> None:
    with opened(library_path, sample=True):
        pass
    db._check_integrity(library_path)  # healthy: no error
    _damage_index_pages(library_path)
    with pytest.raises(LibraryError, match="damaged"):
        db._check_integrity(library_path)


def _damage_index_pages(path: Path) -> None:
    """Overwrite every page after the schema with garbage, keeping the header readable."""
    connection = sqlite3.connect(path)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.close()
    data = bytearray(path.read_bytes())
    for offset in range(page_size * 2, len(data), page_size):
        data[offset + 8 : offset + 64] = b"\xa5" * 56
    path.write_bytes(bytes(data))


NEXT_MIGRATION = """
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("desk_note", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("desk_note")
"""


@pytest.fixture
def next_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A copy of the migrations with one more revision, as a future Copydesk would ship."""
    scripts = tmp_path / "migrations"
    shutil.copytree(Path(db.__file__).parent / "migrations", scripts)
    (scripts / "versions" / "9001_desk_note.py").write_text(
        NEXT_MIGRATION.format(head=HEAD_REVISION)
    )
    config = db._alembic_config()
    config.set_main_option("script_location", str(scripts))
    monkeypatch.setattr(db, "_alembic_config", lambda: config)
    monkeypatch.setattr(library_file, "HEAD_REVISION", "9001")
    return "9001"


def test_an_older_library_is_backed_up_then_upgraded_in_place(
    tmp_path: Path, next_schema: str
) -> None:
    path = tmp_path / "desk.copydesk"
    shutil.copy(LIBRARIES / f"{HEAD_REVISION}.copydesk", path)
    assert library_file.inspect_library_file(path).state is library_file.FileState.OUTDATED
    with opened(path, create=False) as library, library.read() as session:
        assert len(articles.list_summaries(session)) == len(EXPECTED)
        notes = session.connection().exec_driver_sql("SELECT desk_note FROM articles").all()
        assert [note for (note,) in notes] == ["", ""]
    assert library_file.inspect_library_file(path).revision == next_schema
    backup = path.with_name(f"{path.name}.before-{HEAD_REVISION}.bak")
    assert library_file.inspect_library_file(backup).revision == HEAD_REVISION


def test_a_damaged_older_library_is_refused_untouched(tmp_path: Path, next_schema: str) -> None:
    path = tmp_path / "desk.copydesk"
    shutil.copy(LIBRARIES / f"{HEAD_REVISION}.copydesk", path)
    _damage_page_of(path, "ix_articles_updated_at")
    refuse_untouched(path, "damaged.*it was not upgraded")


def _damage_page_of(path: Path, name: str) -> None:
    """Overwrite the b-tree page of one index: the schema and the version stay readable."""
    connection = sqlite3.connect(path)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    (root,) = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,))
    connection.close()
    data = bytearray(path.read_bytes())
    offset = (root[0] - 1) * page_size
    data[offset : offset + page_size] = b"\xa5" * page_size
    path.write_bytes(bytes(data))


def _schema(path: Path) -> list[tuple[str, str]]:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
            " AND name != 'alembic_version' ORDER BY name"
        ).fetchall()
    finally:
        connection.close()
    return [(name, _normalised(str(sql))) for name, sql in rows]


def _normalised(sql: str) -> str:
    """Whitespace and quotes aside, and table constraints in name order (a table rebuilt by a
    migration lists them in another order, to the same effect)."""
    text = " ".join(sql.split()).replace('"', "")
    head, *constraints = text.split(", CONSTRAINT ")
    if not constraints:
        return text
    *others, last = constraints
    last, closing = last.rsplit(" )", 1)
    return ", CONSTRAINT ".join([head, *sorted([*others, last])]) + " )" + closing


def test_an_upgraded_library_has_the_same_schema_as_a_new_one(tmp_path: Path) -> None:
    """Tables, indexes, the search index and its triggers, whichever way the file was made."""
    upgraded = tmp_path / "upgraded.copydesk"
    shutil.copy(FIXTURES / "libraries" / "0001.copydesk", upgraded)
    with opened(upgraded, create=False), opened(tmp_path / "new.copydesk"):
        pass
    assert _schema(upgraded) == _schema(tmp_path / "new.copydesk")


def test_an_upgraded_library_is_searchable(tmp_path: Path) -> None:
    upgraded = tmp_path / "upgraded.copydesk"
    shutil.copy(FIXTURES / "libraries" / "0001.copydesk", upgraded)
    with opened(upgraded, create=False):
        pass
    connection = sqlite3.connect(upgraded)
    try:
        (count,) = connection.execute(
            "SELECT count(*) FROM article_search WHERE article_search MATCH 'ecoles'"
        ).fetchone()
    finally:
        connection.close()
    assert count == 1


def test_every_library_gets_its_own_identity(tmp_path: Path) -> None:
    """New libraries, and libraries from before schema 0004, each get a uuid of their own."""
    from copydesk.library.identity import library_uuid

    found = set()
    for name in ("a.copydesk", "b.copydesk"):
        with opened(tmp_path / name) as library, library.read() as session:
            found.add(library_uuid(session))
    for name in ("c.copydesk", "d.copydesk"):
        shutil.copy(LIBRARIES / "0003.copydesk", tmp_path / name)
        with opened(tmp_path / name, create=False) as library, library.read() as session:
            found.add(library_uuid(session))
    assert len(found) == 4


def test_an_upgraded_library_still_enforces_its_references(tmp_path: Path) -> None:
    """Foreign keys are off while a table is rebuilt, and on again afterwards."""

    path = tmp_path / "old.copydesk"
    shutil.copy(LIBRARIES / "0003.copydesk", path)
    with (
        opened(path, create=False) as library,
        pytest.raises(LibraryError, match="FOREIGN KEY"),
        library.write() as session,
    ):
        session.connection().exec_driver_sql(
            "INSERT INTO picture_uses (article_id, picture_id, role, caption, alt_text,"
            " illustrative) VALUES (1, 999, 'lead', '', '', 0)"
        )


def test_pictures_awaiting_their_file_can_be_many(library_path: Path) -> None:
    from copydesk.pictures import store as images
    from copydesk.records.picture import PictureFile, PictureMetadata

    with opened(library_path) as library, library.write() as session:
        first = images.add_picture(session, PictureFile.awaited("a.jpg"), PictureMetadata())
        second = images.add_picture(session, PictureFile.awaited("b.jpg"), PictureMetadata())
        assert not first.file.present and not second.file.present
        assert images.get_picture(session, second.id).file == PictureFile.awaited("b.jpg")
        assert images.known_hashes(session) == set()
        assert images.find_by_sha256(session, "") is None
