"""The library archive: a whole library exported and imported back losslessly, exported
again byte for byte, and every bad archive refused by name with the library untouched."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import sqlite3
import stat
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from copydesk.articles import operations, revisions
from copydesk.articles import search as fulltext
from copydesk.articles import store as articles
from copydesk.exchange.archive import export as archive_export
from copydesk.exchange.archive import format as archive_format
from copydesk.exchange.archive import restore as archive_restore
from copydesk.exchange.archive import rows as archive_rows
from copydesk.exchange.archive.export import export_library, read_snapshot, write_archive
from copydesk.exchange.archive.format import HEADER, ArchiveError
from copydesk.exchange.archive.restore import import_library, open_archive
from copydesk.library import media_store, newsroom_dictionary
from copydesk.library.db import Library
from copydesk.library.identity import library_uuid
from copydesk.library.media_store import MediaStore
from copydesk.library.models import REPLICA_TABLES, Base
from copydesk.pictures import store as images
from copydesk.pictures.operations import import_files
from copydesk.pictures.presets import FillMode, Preset, PresetField
from copydesk.records.article import ArticleQuery, LeadPictureUse, RevisionKind
from copydesk.records.picture import PictureFile, PictureMetadata
from tests.helpers import FULL_CONTENT, fill_disk_after, opened, run_as_unprivileged_user

REFERENCE = "IPTC-PhotometadataRef-Std2017.1.jpg"
WHEN = datetime(2025, 3, 15, 9, 30, 12, 345678, tzinfo=UTC)
LATER = datetime(2025, 3, 16, 18, 5, 1, 2, tzinfo=UTC)
NOW = datetime(2026, 3, 15, 8, 30, tzinfo=UTC)
SPARE = PictureFile("f" * 64, "spare.png", "image/png", 10, 10, 100)
PRESET = Preset.of(
    "Ville de Saint-Aubin",
    {
        "source": PresetField("Ville de Saint-Aubin"),
        "licence_id": PresetField("cc-by-4.0", FillMode.FILL_EMPTY),
    },
)
# Every table that holds content; library_info travels as the header's library uuid.
CONTENT_TABLES = [
    "articles",
    "article_authors",
    "article_keywords",
    "related_links",
    "picture_uses",
    "revisions",
    "pictures",
    "picture_presets",
    "dictionary_words",
]


# ---- a rich library -------------------------------------------------------------------------


def rich_library(library: Library, picture_file: Path) -> int:
    """The sample article, IPTC's reference picture with its metadata edited, an article
    with every field (the picture as its lead and in its body), a history of several kinds,
    a preset, and gaps in the ids (a deleted article, a deleted picture). Returns the
    picture's id."""
    with library.write() as session:
        spare = images.add_picture(session, SPARE, PictureMetadata(), now=WHEN)
    (picture_id,) = import_files(library, [picture_file]).picture_ids
    with library.write() as session:
        images.delete_picture(session, spare.id)
        metadata = images.get_picture(session, picture_id).metadata.replace(
            creator="Zoë Lefèvre",
            source="Wikimédia Commons",
            licence_id="cc-by-4.0",
            alt_text="Trois éoliennes au-dessus d’un champ de blé",
            rights_expiry=date(2030, 12, 31),
            cropped=True,
            credit_override="Photo : Zoë Lefèvre",
        )
        images.update_metadata(session, picture_id, metadata, now=WHEN)
        images.save_preset(session, PRESET, now=WHEN)
        # The newsroom dictionary, with a gap in its ids.
        for word in ("Zelensky", "Ukrainien", "Peskov"):
            newsroom_dictionary.add_word(session, word, "fr", "Olga", now=WHEN)
        newsroom_dictionary.remove_word(session, "Ukrainien", "fr")
        newsroom_dictionary.add_word(session, "Kyiv", "en", "", now=LATER)
        # A picture awaiting its file (its credit came with a plain-text article).
        images.add_picture(
            session,
            PictureFile.awaited("kremlin.jpg"),
            PictureMetadata(credit_line="Sputnik / via Reuters", description="Au Kremlin"),
            now=WHEN,
        )
        gone = articles.create_article(session, FULL_CONTENT.replace(headline="Supprimé"))
        record = articles.create_article(session, _pictured(picture_id), now=WHEN)
        articles.delete_article(session, gone.id)
        revisions.record_revision(session, record.id, RevisionKind.MANUAL, author="Olga")
        changed = record.content.replace(standfirst="Un chapeau réécrit.")
        articles.save_content(session, record.id, changed, now=LATER)
        revisions.record_revision(session, record.id, RevisionKind.PERIODIC, author="", now=LATER)
        (first, *_) = revisions.list_revisions(session, record.id)
        revisions.restore_revision(session, record.id, first.id, author="Olga", now=LATER)
    return picture_id


def _pictured(picture_id: int) -> Any:
    body = f'{FULL_CONTENT.body}\n\n![Un toit solaire](image:{picture_id} "Le toit de l’école")\n'
    lead = LeadPictureUse(picture_id, "Les éoliennes", "Trois éoliennes", illustrative=True)
    return FULL_CONTENT.replace(body=body, lead_picture=lead)


@pytest.fixture
def source(tmp_path: Path, shared: Path) -> Iterator[Library]:
    with opened(tmp_path / "source.copydesk", sample=True) as library:
        rich_library(library, shared / "images" / REFERENCE)
        yield library


@pytest.fixture
def archive(source: Library, tmp_path: Path) -> Path:
    path = tmp_path / "library.zip"
    export_library(source, path, now=NOW)
    return path


@pytest.fixture
def target(tmp_path: Path) -> Iterator[Library]:
    with opened(tmp_path / "target" / "restored.copydesk") as library:
        yield library


def table_rows(library: Library) -> dict[str, list[dict[str, Any]]]:
    """Every content row; the ids of the rows an article holds are left out (the archive
    carries them in their order, not their ids)."""
    found: dict[str, list[dict[str, Any]]] = {}
    with library.read() as session:
        for name in CONTENT_TABLES:
            table = Base.metadata.tables[name]
            rows = session.execute(select(table).order_by(table.c.id)).mappings()
            keep_id = name in (
                "articles",
                "revisions",
                "pictures",
                "picture_presets",
                "dictionary_words",
            )
            found[name] = [
                {key: value for key, value in row.items() if keep_id or key != "id"} for row in rows
            ]
    return found


def entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def media_files(library: Library) -> list[Path]:
    root = MediaStore.beside(library.path).root
    return sorted(path for path in root.rglob("*") if path.is_file())


def assert_untouched(library: Library, uuid: str) -> None:
    assert all(rows == [] for rows in table_rows(library).values())
    assert media_files(library) == []
    with library.read() as session:
        assert library_uuid(session) == uuid


def uuid_of(library: Library) -> str:
    with library.read() as session:
        return library_uuid(session)


# ---- the round trip -------------------------------------------------------------------------


def test_every_table_with_content_is_carried() -> None:
    others = set(Base.metadata.tables) - set(CONTENT_TABLES)
    # A library's membership of a newsroom stays with it: a restored archive is a new
    # library, not a second replica with the same device (it joins on its own). The pictures'
    # verdicts are derived: the restored library judges its pictures again.
    assert others == {"library_info", "picture_verdicts", *REPLICA_TABLES}
    assert archive_rows.carried_tables() == set(CONTENT_TABLES)


def test_export_import_keeps_every_row_file_and_the_library_uuid(
    source: Library, archive: Path, target: Library
) -> None:
    summary = import_library(target, archive)
    assert summary.describe() == "2 articles, 4 revisions, 2 pictures and 1 preset"
    assert summary.library_uuid == uuid_of(source) == uuid_of(target)
    before, after = table_rows(source), table_rows(target)
    assert after == before
    assert len(before["picture_uses"]) == 2 and len(before["related_links"]) == 5
    assert {row["kind"] for row in before["revisions"]} >= {"manual", "restore", "before_restore"}
    assert [row["id"] for row in before["articles"]] == [1, 3]  # the gap is kept
    assert [row["id"] for row in before["pictures"]] == [2, 3]
    assert [row["sha256"] is None for row in after["pictures"]] == [False, True]  # awaiting
    (original,), (restored,) = media_files(source), media_files(target)
    restored_root, original_root = (MediaStore.beside(x.path).root for x in (target, source))
    assert restored.relative_to(restored_root) == original.relative_to(original_root)
    assert restored.read_bytes() == original.read_bytes()


def test_imported_articles_are_searchable_and_show_their_pictures(
    archive: Path, target: Library
) -> None:
    import_library(target, archive)
    with target.read() as session:
        (found,) = fulltext.search_ids(session, "Poutine")
        record = articles.get_article(session, found)
    assert record.content.lead_picture is not None
    assert f"image:{record.content.lead_picture.picture_id}" in record.content.body
    listing = operations.search_articles(target, ArticleQuery(text="toits"))
    assert len(listing.ids) == 1


def test_exporting_the_import_again_gives_the_same_entries(
    archive: Path, target: Library, tmp_path: Path
) -> None:
    import_library(target, archive)
    again = export_library(target, tmp_path / "again.zip", now=LATER).path
    first, second = entries(archive), entries(again)
    assert list(first) == list(second)
    for name in first:
        if name != HEADER:
            assert first[name] == second[name], name
    header, header_again = json.loads(first[HEADER]), json.loads(second[HEADER])
    assert header["exported_at"] == "2026-03-15T08:30:00Z"
    assert header_again.pop("exported_at") != header.pop("exported_at")
    assert header_again == header


def test_the_header_describes_the_archive(source: Library, archive: Path) -> None:
    files = entries(archive)
    header = json.loads(files[HEADER])
    assert header["format"] == "copydesk-library" and header["format_version"] == 1
    assert header["library_uuid"] == uuid_of(source)
    assert header["counts"] == {
        "articles": 2,
        "pictures": 2,
        "presets": 1,
        "revisions": 4,
        "words": 3,
    }
    listed = {entry["name"]: entry for entry in header["entries"]}
    assert set(listed) == set(files) - {HEADER}
    for name, data in files.items():
        if name != HEADER:
            assert listed[name]["sha256"] == hashlib.sha256(data).hexdigest()
            assert listed[name]["size"] == len(data)
    with zipfile.ZipFile(archive) as opened_zip:
        assert {info.date_time for info in opened_zip.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_an_empty_library_round_trips(tmp_path: Path, target: Library) -> None:
    with opened(tmp_path / "empty.copydesk") as empty:
        summary = export_library(empty, tmp_path / "empty.zip")
    assert summary.describe() == "no articles, no revisions, no pictures and no presets"
    assert import_library(target, tmp_path / "empty.zip").library_uuid == summary.library_uuid


# ---- import refusals ------------------------------------------------------------------------


def rewritten(
    archive: Path,
    changes: dict[str, bytes | None],
    *,
    manifest: bool = True,
    header: Callable[[dict[str, Any]], None] | None = None,
) -> Path:
    """A copy of ``archive`` with entries replaced (None: removed). With ``manifest``, the
    header's manifest is brought up to date, so that the change reaches the checks after
    the checksums; ``header`` edits the header itself."""
    files = entries(archive)
    for name, data in changes.items():
        if data is None:
            files.pop(name)
        else:
            files[name] = data
    document = json.loads(files[HEADER])
    if manifest:
        document["entries"] = [
            {"name": n, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d)}
            for n, d in files.items()
            if n != HEADER
        ]
    if header is not None:
        header(document)
    files[HEADER] = json.dumps(document).encode()
    path = archive.with_name("altered.zip")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in files.items():
            out.writestr(name, data)
    return path


def rows_of(archive: Path, name: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(entries(archive)[name])
    return rows


def with_rows(archive: Path, name: str, edit: Callable[[list[dict[str, Any]]], None]) -> Path:
    rows = rows_of(archive, name)
    edit(rows)
    return rewritten(archive, {name: json.dumps(rows).encode()})


def refused(target: Library, path: Path, message: str) -> None:
    uuid = uuid_of(target)
    with pytest.raises(ArchiveError, match=message) as caught:
        import_library(target, path)
    text = str(caught.value)
    assert text.startswith(f"Cannot import {path.name}: ") and "\n" not in text
    assert_untouched(target, uuid)


def test_a_library_that_is_not_empty_is_refused(archive: Path, source: Library) -> None:
    before = table_rows(source)
    with pytest.raises(ArchiveError, match=r"source.copydesk is not empty \(it holds 2 articles"):
        import_library(source, archive)
    assert table_rows(source) == before


def test_an_entry_that_does_not_match_the_manifest_is_named(archive: Path, target: Library) -> None:
    data = entries(archive)["articles/0001.json"].replace(b"Olga", b"Olgo")
    altered = rewritten(archive, {"articles/0001.json": data}, manifest=False)
    refused(target, altered, "the entry “articles/0001.json” does not match its checksum")


def test_a_picture_file_that_is_not_its_sha256_is_refused(archive: Path, target: Library) -> None:
    (name,) = [n for n in entries(archive) if n.startswith("media/")]
    altered = rewritten(archive, {name: b"\xff\xd8 not the picture"})
    refused(target, altered, f"the file of picture 2 .*“{name}”, does not have the SHA-256")


def test_a_picture_without_its_file_is_refused(archive: Path, target: Library) -> None:
    (name,) = [n for n in entries(archive) if n.startswith("media/")]
    refused(target, rewritten(archive, {name: None}), "picture 2 .* has no file in the archive")


def test_a_file_of_no_picture_is_refused(archive: Path, target: Library) -> None:
    extra = {f"media/{'a' * 64}.jpg": b"stray"}
    refused(target, rewritten(archive, extra), f"“media/{'a' * 64}.jpg” is the file of no picture")


def test_an_entry_outside_the_manifest_is_refused(archive: Path, target: Library) -> None:
    altered = rewritten(archive, {"notes.txt": b"hello"}, manifest=False)
    refused(target, altered, "the entry “notes.txt” is not in the archive's manifest")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'[{"id": 1,', "the JSON document is not valid JSON"),
        (b"[" * 100 + b"]" * 100, "nested more than 16 levels deep"),
        (b'{"rows": []}', "should hold a list of rows"),
        (b'[{"id": 1, "id": 2}]', 'has the key "id" twice'),
    ],
)
def test_malformed_json_is_refused(
    archive: Path, target: Library, data: bytes, message: str
) -> None:
    altered = rewritten(archive, {"articles/0001.json": data})
    refused(target, altered, f"the entry “articles/0001.json”.* {message}")


def _set(field: str, value: Any, row: int = 0) -> Callable[[list[dict[str, Any]]], None]:
    def edit(rows: list[dict[str, Any]]) -> None:
        rows[row][field] = value

    return edit


def _drop(field: str) -> Callable[[list[dict[str, Any]]], None]:
    return lambda rows: rows[0].pop(field)


@pytest.mark.parametrize(
    ("entry", "edit", "message"),
    [
        ("articles/0001.json", _set("slug", 5), "row 1: the field “slug” should be text"),
        ("articles/0001.json", _set("version", "2"), "the field “version” should be a whole"),
        ("articles/0001.json", _set("status", "lost"), "“status” should be one of draft"),
        ("articles/0001.json", _set("created_at", "yesterday"), "“created_at” should be a UTC"),
        ("articles/0001.json", _set("dateline_date", "15/03/2025", 1), "row 2: the field “da"),
        ("articles/0001.json", _set("uuid", None), "the field “uuid” cannot be empty"),
        ("articles/0001.json", _set("authors", "Olga"), "the field “authors” should be a list"),
        ("articles/0001.json", _set("extra", 1), "it has an unknown field, “extra”"),
        ("articles/0001.json", _drop("headline"), "the field “headline” is missing"),
        ("pictures/0001.json", _set("cropped", 1), "the field “cropped” should be true or"),
        ("pictures/0001.json", _set("sha256", "../../etc/passwd"), "“sha256” is not a SHA-256"),
        ("revisions/0001.json", _set("kind", "weekly"), "the field “kind” should be one of"),
        ("revisions/0001.json", _set("content", "[1"), "the field “content” is not readable"),
        ("presets/0001.json", _set("fields", '{"x": 1}'), "“fields” is not a preset's fields"),
    ],
)
def test_a_row_with_wrong_fields_is_named(
    archive: Path,
    target: Library,
    entry: str,
    edit: Callable[[list[dict[str, Any]]], None],
    message: str,
) -> None:
    refused(target, with_rows(archive, entry, edit), f"in the entry “{entry}”, .*{message}")


def test_a_wrong_picture_use_is_named_with_its_item(archive: Path, target: Library) -> None:
    def edit(rows: list[dict[str, Any]]) -> None:
        rows[1]["picture_uses"][0]["role"] = "banner"

    altered = with_rows(archive, "articles/0001.json", edit)
    refused(target, altered, "row 2: item 1 of “picture_uses”: the field “role” should be one")


def test_a_picture_use_of_a_missing_picture_is_refused(archive: Path, target: Library) -> None:
    def edit(rows: list[dict[str, Any]]) -> None:
        rows[1]["picture_uses"][0]["picture_id"] = 999

    altered = with_rows(archive, "articles/0001.json", edit)
    refused(target, altered, "article 3 .* refers to picture 999, which is not in the archive")


def test_a_revision_of_a_missing_article_is_refused(archive: Path, target: Library) -> None:
    altered = with_rows(archive, "revisions/0001.json", _set("article_id", 42))
    refused(target, altered, "revision 1 .* refers to article 42, which is not in the archive")


def test_two_rows_with_one_slug_are_refused(archive: Path, target: Library) -> None:
    def edit(rows: list[dict[str, Any]]) -> None:
        rows[1]["slug"] = rows[0]["slug"]

    altered = with_rows(archive, "articles/0001.json", edit)
    refused(target, altered, "article 3 .* has the same slug as article 1")


def test_counts_that_do_not_match_are_refused(archive: Path, target: Library) -> None:
    altered = rewritten(archive, {}, header=lambda h: h["counts"].update(articles=3))
    refused(target, altered, "its header counts 3 articles but it holds 2")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda h: h.update(format_version=2), r"written by a newer Copydesk \(archive format 2\)"),
        (lambda h: h.update(schema_revision="9999"), "schema “9999”, which Copydesk .* not know"),
        (lambda h: h.update(format="something-else"), "not a Copydesk library archive"),
        (lambda h: h.update(library_uuid="x"), "“library_uuid” is missing or malformed"),
        (lambda h: h["entries"].append({"name": "x"}), r"item \d+ of the manifest is not a name"),
    ],
)
def test_a_header_this_copydesk_cannot_read_is_refused(
    archive: Path, target: Library, edit: Callable[[dict[str, Any]], None], message: str
) -> None:
    refused(target, rewritten(archive, {}, header=edit), message)


def test_an_archive_without_a_header_is_not_one(archive: Path, target: Library) -> None:
    altered = rewritten(archive, {}, manifest=False)
    files = entries(altered)
    files.pop(HEADER)
    with zipfile.ZipFile(altered, "w") as out:
        for name, data in files.items():
            out.writestr(name, data)
    refused(target, altered, "it is not a Copydesk library archive \\(it has no archive.json\\)")


def _hostile(archive: Path, info: zipfile.ZipInfo, data: bytes) -> Path:
    path = archive.with_name("hostile.zip")
    with zipfile.ZipFile(path, "w") as out:
        for name, content in entries(archive).items():
            out.writestr(name, content)
        out.writestr(info, data)
    return path


def test_an_entry_that_climbs_out_is_refused(archive: Path, target: Library) -> None:
    hostile = _hostile(archive, zipfile.ZipInfo("media/../../evil.txt"), b"evil")
    refused(target, hostile, "the entry “media/../../evil.txt” goes up out of the folder")


def test_a_symbolic_link_is_refused(archive: Path, target: Library) -> None:
    link = zipfile.ZipInfo("media/link.jpg")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    refused(target, _hostile(archive, link, b"/etc/passwd"), "“media/link.jpg” is a symbolic link")


def test_an_entry_damaged_inside_the_zip_is_named(archive: Path, target: Library) -> None:
    data = archive.read_bytes()
    (name,) = [n for n in entries(archive) if n.startswith("media/")]
    at = data.index(entries(archive)[name][5000:5040]) + 10  # the picture is stored as is
    archive.write_bytes(data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :])
    refused(target, archive, f"the entry “{name}” is damaged")


def test_a_file_that_is_not_a_zip_is_refused(tmp_path: Path, target: Library) -> None:
    path = tmp_path / "library.zip"
    path.write_text("not a zip at all")
    refused(target, path, "it is not a zip archive, or it is damaged")


def test_a_missing_archive_is_named(tmp_path: Path, target: Library) -> None:
    refused(target, tmp_path / "nowhere.zip", "no such file or directory")


# ---- failing while writing --------------------------------------------------------------


def test_a_failure_while_writing_rolls_back_and_removes_the_files(
    archive: Path, target: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The picture file is stored, the rows are inserted, then the last step fails."""

    def fail(*_args: object) -> None:
        raise media_store.MediaStoreError("The disk is full.")

    monkeypatch.setattr(archive_restore, "adopt_uuid", fail)
    refused(target, archive, "the disk is full; nothing was imported")
    assert not (MediaStore.beside(target.path).root).exists()


def test_a_full_disk_in_the_media_store_is_refused(
    archive: Path, target: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(media_store, "_write_synced", full)
    refused(target, archive, "cannot store the picture in .*No space left on device")


def test_an_archive_is_checked_whole_before_the_library_is_touched(
    archive: Path, target: Library
) -> None:
    with open_archive(archive) as checked:
        assert checked.summary.describe() == "2 articles, 4 revisions, 2 pictures and 1 preset"
        assert media_files(target) == []
        checked.restore_into(target)
    assert len(media_files(target)) == 1


# ---- export refusals ------------------------------------------------------------------------


def everything_in(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_a_picture_whose_file_is_missing_refuses_the_export(
    source: Library, tmp_path: Path
) -> None:
    (stored,) = media_files(source)
    stored.unlink()
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ArchiveError, match=rf"the file of picture 2 \(“{REFERENCE}”\) is missing"):
        export_library(source, out / "library.zip")
    assert everything_in(out) == []


def test_a_damaged_picture_file_refuses_the_export(source: Library, tmp_path: Path) -> None:
    (stored,) = media_files(source)
    stored.write_bytes(b"not the picture any more")
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ArchiveError, match=r"picture 2 .* in the media store is damaged"):
        export_library(source, out / "library.zip")
    assert everything_in(out) == []


def test_a_full_disk_leaves_nothing_and_the_old_archive_stays(
    source: Library, archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before, names = archive.read_bytes(), everything_in(archive.parent)
    fill_disk_after(monkeypatch, 20_000)  # the rows fit; the picture does not
    with pytest.raises(ArchiveError, match=r"Cannot write .*library\.zip: No space left on device"):
        export_library(source, archive)
    assert archive.read_bytes() == before
    assert everything_in(archive.parent) == names


def test_a_read_only_folder_leaves_nothing_and_says_why(
    world_readable_dir: Path, shared: Path
) -> None:
    library_path = world_readable_dir / "library.copydesk"
    with opened(library_path, sample=True) as library:
        rich_library(library, shared / "images" / REFERENCE)
        snapshot = read_snapshot(library)  # read here; only the writing runs as "nobody"
    store = MediaStore.beside(library_path)
    out = world_readable_dir / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        outcome = run_as_unprivileged_user(
            lambda: str(write_archive(snapshot, store, out / "library.zip").path)
        )
    finally:
        out.chmod(0o755)
    assert outcome.startswith(f"error: Cannot write {out}/library.zip")
    assert outcome.endswith("Permission denied.")
    assert everything_in(out) == []


def test_archive_entries_are_cut_into_chunks(
    source: Library, tmp_path: Path, target: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(archive_export, "CHUNK_BYTES", 1)  # a row an entry
    path = export_library(source, tmp_path / "chunks.zip").path
    names = list(entries(path))
    assert names[:5] == [
        "pictures/0001.json",
        "pictures/0002.json",
        "articles/0001.json",
        "articles/0002.json",
        "revisions/0001.json",
    ]
    import_library(target, path)
    assert table_rows(target) == table_rows(source)


def test_rows_are_read_a_batch_at_a_time_with_the_same_archive(
    source: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = export_library(source, tmp_path / "whole.zip").path.read_bytes()
    reads: list[int] = []
    real = archive_rows.iter_rows

    def counted(session: object, kind: archive_rows.Kind, batch: int = 500) -> object:
        for row in real(session, kind, batch=1):  # type: ignore[arg-type]
            reads.append(row["id"])
            yield row

    monkeypatch.setattr(archive_export, "iter_rows", counted)
    batched = export_library(source, tmp_path / "batched.zip").path.read_bytes()
    assert batched == whole  # a row at a time: the same bytes, parts and pictures included
    assert reads  # and the rows did come through the batched reader


def test_written_json_is_a_row_a_line(archive: Path) -> None:
    text = io.TextIOWrapper(io.BytesIO(entries(archive)["articles/0001.json"]), "utf-8").read()
    lines = text.splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == 4
    assert "Olga Demidenko" in text  # UTF-8 as is, not escaped


# ---- pictures whose supplier says NO ARCHIVES -------------------------------------------------


def _say_no_archives(library: Library, picture_id: int, wording: str) -> None:
    with library.write() as session:
        metadata = images.get_picture(session, picture_id).metadata
        images.update_metadata(
            session, picture_id, metadata.replace(special_instructions=wording), now=WHEN
        )


@pytest.mark.parametrize(
    "wording", ["ONE TIME USE ONLY; NO ARCHIVES", "Pas d’archives. Usage unique.", "no archive"]
)
def test_a_no_archives_picture_leaves_its_file_out_and_keeps_its_credit(
    source: Library, target: Library, tmp_path: Path, wording: str
) -> None:
    picture_id = _picture_with_file(source)
    _say_no_archives(source, picture_id, wording)
    summary = export_library(source, tmp_path / "out.zip", now=NOW)
    assert summary.no_archives == (f"picture {picture_id} (“{REFERENCE}”)",)
    assert summary.left_out
    assert not [name for name in entries(tmp_path / "out.zip") if name.startswith("media/")]
    assert "no_archives" not in json.loads(entries(tmp_path / "out.zip")[HEADER])
    import_library(target, tmp_path / "out.zip")
    with target.read() as session:
        restored = images.get_picture(session, picture_id)
    assert not restored.file.present and restored.file.file_name == REFERENCE
    with source.read() as session:
        assert restored.metadata == images.get_picture(session, picture_id).metadata
    assert media_files(target) == []
    before, after = table_rows(source), table_rows(target)
    assert after["picture_uses"] == before["picture_uses"]  # the articles still show it
    assert after["articles"] == before["articles"]


def test_a_no_archives_picture_can_be_kept_flagged(
    source: Library, target: Library, tmp_path: Path
) -> None:
    picture_id = _picture_with_file(source)
    _say_no_archives(source, picture_id, "MANDATORY CREDIT: X/AGENCE. NO ARCHIVES.")
    path = tmp_path / "kept.zip"
    summary = export_library(source, path, now=NOW, no_archives=archive_export.NoArchives.KEEP)
    assert summary.no_archives and not summary.left_out
    with source.read() as session:
        uuid = images.get_picture(session, picture_id).uuid
    assert json.loads(entries(path)[HEADER])["no_archives"] == [uuid]
    import_library(target, path)
    assert table_rows(target) == table_rows(source)
    assert len(media_files(target)) == 1


def test_an_archive_without_restricted_pictures_names_none(source: Library, tmp_path: Path) -> None:
    summary = export_library(source, tmp_path / "plain.zip", now=NOW)
    assert summary.no_archives == ()
    assert len([n for n in entries(tmp_path / "plain.zip") if n.startswith("media/")]) == 1


def _picture_with_file(library: Library) -> int:
    with library.read() as session:
        return next(p.id for p in images.list_pictures(session) if p.file.present)


# ---- archives of older schemas ------------------------------------------------------------


@pytest.mark.parametrize("schema", sorted(archive_format.READABLE_SCHEMAS))
def test_every_column_an_older_schema_lacks_takes_its_default(schema: str) -> None:
    fixture = Path(__file__).parents[1] / "fixtures" / "libraries" / f"{schema}.copydesk"
    with sqlite3.connect(f"file:{fixture}?mode=ro", uri=True) as old:
        for kind in archive_rows.KINDS:
            if kind.name in archive_format.LATER_KINDS and schema < "0008":
                continue
            had = {row[1] for row in old.execute(f"PRAGMA table_info({kind.table.name})")}
            lacking = {f.name for f in kind.fields} - had  # list_key is not carried
            added = archive_rows.ADDED_COLUMNS.get(kind.table.name, {})
            assert {name for name in lacking if added.get(name, "") > schema} == lacking


@pytest.mark.parametrize(("schema", "dropped"), [("0009", ["disagreements"]), ("0007", None)])
def test_an_archive_of_an_older_schema_fills_the_columns_it_lacks(
    archive: Path, target: Library, source: Library, schema: str, dropped: list[str] | None
) -> None:
    lacking = dropped or list(archive_rows.ADDED_COLUMNS["pictures"])

    def older(rows: list[dict[str, Any]]) -> None:
        for row in rows:
            for name in lacking:
                del row[name]

    path = with_rows(archive, "pictures/0001.json", older)
    path = rewritten(path, {}, header=lambda h: h.update(schema_revision=schema))
    import_library(target, path)
    restored, original = table_rows(target), table_rows(source)
    for row in restored["pictures"]:
        assert all(row.pop(name) == "" for name in lacking)
    for row in original["pictures"]:
        for name in lacking:
            del row[name]
    assert restored == original
