"""Importing articles: Copydesk packages (round trips), ninjs, Markdown and plain text, each
whole or not at all, and hostile files refused with the library unchanged."""

from __future__ import annotations

import json
import shutil
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from copydesk.articles import store as articles
from copydesk.articles.pictures import check_pictures, load_article_pictures
from copydesk.exchange.importing.batch import import_paths, read_article_file
from copydesk.exchange.importing.prepared import ImportKind, ImportRefused
from copydesk.exchange.ninjs.schema import NinjsVersion, validate
from copydesk.exchange.packages.build import ARTICLE_MARKDOWN, ARTICLE_NINJS, MANIFEST
from copydesk.exchange.packages.export import export_package
from copydesk.library.db import Library
from copydesk.library.identity import library_uuid
from copydesk.library.media_store import MediaStore
from copydesk.pictures import store as images
from copydesk.pictures.importing import attach_file
from copydesk.pictures.operations import default_judgement
from copydesk.records.imports import ImportOutcome
from copydesk.records.picture import PictureFile, PictureMetadata
from copydesk.text.picture_refs import find_picture_references
from tests.core.test_packages import (
    EXIFTOOL,
    add_credited_picture,
    exiftool_tags,
    pictured_content,
)
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
def sample_id(source: Library) -> int:
    return only_article(source)


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
        assert picture.imported_at == original.imported_at.replace(microsecond=0)
        assert picture.updated_at == original.updated_at.replace(microsecond=0)


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


# ---- the reference article, ninjs, Markdown ---------------------------------------------------


def test_the_reference_article_lands_in_its_fields_with_its_credit_errors(
    target: Library, shared: Path
) -> None:
    [item] = import_paths(target, [shared / "seed" / "reference-article.txt"]).items
    assert (item.outcome, item.kind, item.pictures_awaiting) == (
        ImportOutcome.IMPORTED,
        ImportKind.PLAIN_TEXT,
        1,
    )
    assert any("awaits its file" in note for note in item.notes)
    with target.read() as session:
        record = articles.get_article(session, item.article_id)
        [picture] = images.list_pictures(session)
    content = record.content
    assert (
        content.headline == "Poutine et Trump ont convenu d’entamer des négociations sur l’Ukraine"
    )
    assert (content.edition, content.authors) == ("France", ("Olga Demidenko",))
    assert content.related_title == "Nouvelles des partenaires"
    lead = content.lead_picture
    assert lead is not None and lead.picture_id == picture.id
    assert lead.alt_text and lead.caption and lead.illustrative
    assert not picture.file.present
    pictures = load_article_pictures(target, [picture.id], default_judgement(content.language))
    codes = {problem.code for problem in check_pictures(content, pictures)}
    assert {"picture.credit.website", "picture.source_url.missing"} <= codes
    assert "picture.creator.missing" not in codes  # the same cause, said once


@pytest.mark.parametrize(
    "example",
    sorted((Path(__file__).parents[3] / "shared" / "ninjs").glob("examples-*/*.json")),
    ids=lambda path: f"{path.parent.name}/{path.stem}",
)
def test_every_iptc_ninjs_example_imports(target: Library, example: Path) -> None:
    [item] = import_paths(target, [example]).items
    assert item.outcome is ImportOutcome.IMPORTED, item.reason
    assert item.kind is ImportKind.NINJS
    with target.read() as session:
        record = articles.get_article(session, item.article_id)
        pictures = images.list_pictures(session)
    assert record.content.headline or record.content.body or pictures
    assert len(pictures) == item.pictures_awaiting + item.pictures_added


def test_the_examples_folder_imports_in_one_go(target: Library, shared: Path) -> None:
    report = import_paths(target, [shared / "ninjs" / "examples-3.1"])
    assert len(report.items) == 8
    assert report.count(ImportOutcome.IMPORTED) == 8


def test_a_markdown_file_with_front_matter_keeps_every_field(
    source: Library, target: Library, tmp_path: Path
) -> None:
    sample = only_article(source)
    package = export(source, sample, tmp_path / "out")
    markdown = tmp_path / "article.md"
    shutil.copy(package / ARTICLE_MARKDOWN, markdown)
    [item] = import_paths(target, [markdown]).items
    assert item.outcome is ImportOutcome.IMPORTED, item.reason
    with source.read() as session, target.read() as other:
        mine = articles.get_article(session, sample)
        theirs = articles.get_article(other, item.article_id)
    assert (theirs.content, theirs.uuid, theirs.slug) == (mine.content, mine.uuid, mine.slug)


def test_markdown_without_front_matter_takes_its_headline_from_the_first_heading(
    target: Library, tmp_path: Path
) -> None:
    path = tmp_path / "note.md"
    path.write_text("# Le marché rouvre\n\nLes étals sont de retour.\n", "utf-8")
    [item] = import_paths(target, [path]).items
    with target.read() as session:
        content = articles.get_article(session, item.article_id).content
    assert (content.headline, content.body.strip()) == (
        "Le marché rouvre",
        "Les étals sont de retour.",
    )


def test_markdown_naming_pictures_of_another_library_gets_pictures_awaiting_files(
    target: Library, tmp_path: Path
) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "---\nheadline: Titre\nlead_picture:\n  picture_id: 41\n  caption: Légende\n"
        '  alt_text: Un quai\n---\nTexte.\n\n![Un pont](image:42 "Le pont")\n',
        "utf-8",
    )
    with target.write() as session:  # a picture of this library with id 1, not to be used
        images.add_picture(session, PictureFile.awaited("mine.jpg"), PictureMetadata())
    [item] = import_paths(target, [path]).items
    assert item.pictures_awaiting == 2, item.reason
    with target.read() as session:
        content = articles.get_article(session, item.article_id).content
        names = {p.id: p.file.file_name for p in images.list_pictures(session)}
    assert content.lead_picture is not None
    assert names[content.lead_picture.picture_id] == "picture 41"
    [reference] = find_picture_references(content.body)
    assert names[reference.picture_id] == "picture 42"
    assert reference.caption == "Le pont"


def test_an_article_already_in_the_library_is_refused(
    source: Library, pictured: int, tmp_path: Path
) -> None:
    package = export(source, pictured, tmp_path / "out")
    before = snapshot(source)
    [item] = import_paths(source, [package]).items
    assert item.outcome is ImportOutcome.REFUSED
    assert "already in the library" in item.reason
    assert snapshot(source) == before


# ---- hostile input ----------------------------------------------------------------------------


def package_folder(source: Library, article_id: int, tmp_path: Path) -> Path:
    return export(source, article_id, tmp_path / "packages")


def rezip(folder: Path, path: Path, extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                archive.writestr(file.relative_to(folder).as_posix(), file.read_bytes())
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


def refused(library: Library, path: Path) -> str:
    before = snapshot(library)
    [item] = import_paths(library, [path]).items
    assert item.outcome is ImportOutcome.REFUSED, f"{path.name} was imported"
    assert snapshot(library) == before
    return item.reason


def test_a_package_altered_after_export_is_refused(
    source: Library, pictured: int, target: Library, tmp_path: Path
) -> None:
    folder = package_folder(source, pictured, tmp_path)
    markdown = folder / ARTICLE_MARKDOWN
    markdown.write_text(markdown.read_text("utf-8").replace("Saint-Aubin", "Saint-Albin"), "utf-8")
    assert "article.md does not match its checksum" in refused(target, folder)


def test_a_file_added_to_a_package_is_refused(
    source: Library, pictured: int, target: Library, tmp_path: Path
) -> None:
    folder = package_folder(source, pictured, tmp_path)
    (folder / "images" / "extra.jpg").write_bytes(b"\xff\xd8")
    assert "images/extra.jpg is in the package but not in its manifest" in refused(target, folder)


def test_a_package_missing_a_listed_file_is_refused(
    source: Library, pictured: int, target: Library, tmp_path: Path
) -> None:
    folder = package_folder(source, pictured, tmp_path)
    (folder / "article.html").unlink()
    assert "article.html is listed in the manifest.json but missing" in refused(target, folder)


def test_a_package_from_a_newer_copydesk_is_refused(
    source: Library, sample_id: int, target: Library, tmp_path: Path
) -> None:
    folder = package_folder(source, sample_id, tmp_path)
    manifest = manifest_of(folder)
    manifest["format_version"] = 99
    (folder / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    assert "newer Copydesk" in refused(target, folder)


@pytest.mark.parametrize(
    ("name", "reason"),
    [("../evil.txt", "“../evil.txt”"), ("/etc/evil", "“/etc/evil”")],
)
def test_a_zip_with_escaping_entries_is_refused(
    source: Library, sample_id: int, target: Library, tmp_path: Path, name: str, reason: str
) -> None:
    folder = package_folder(source, sample_id, tmp_path)
    assert reason in refused(target, rezip(folder, tmp_path / "evil.zip", {name: b"x"}))


def test_a_zip_with_a_symlink_is_refused(
    source: Library, sample_id: int, target: Library, tmp_path: Path
) -> None:
    folder = package_folder(source, sample_id, tmp_path)
    path = rezip(folder, tmp_path / "link.zip")
    with zipfile.ZipFile(path, "a") as archive:
        info = zipfile.ZipInfo("images/photo.jpg")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/passwd")
    assert "symbolic link" in refused(target, path)


def test_a_package_folder_with_a_symlink_is_refused(
    source: Library, sample_id: int, target: Library, tmp_path: Path
) -> None:
    folder = package_folder(source, sample_id, tmp_path)
    (folder / "secret").symlink_to("/etc/passwd")
    assert "symbolic link, “secret”" in refused(target, folder)


def test_a_zip_bomb_is_refused(
    source: Library, sample_id: int, target: Library, tmp_path: Path
) -> None:
    folder = package_folder(source, sample_id, tmp_path)
    bomb = {"images/bomb.jpg": bytes(64 * 1024 * 1024)}  # deflates a thousandfold
    assert "compress" in refused(target, rezip(folder, tmp_path / "bomb.zip", bomb)).lower()


def test_a_file_that_is_not_a_zip_is_refused(target: Library, tmp_path: Path) -> None:
    path = tmp_path / "package.zip"
    path.write_bytes(b"PK not really")
    assert refused(target, path)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("broken.json", b'{"uri": ', "JSON"),
        ("deep.json", b"[" * 5000 + b"]" * 5000, "nested"),
        ("dupes.json", b'{"uri": "a", "uri": "b"}', "uri"),
        ("latin1.json", '{"uri": "é"}'.encode("latin-1"), "UTF-8"),
        ("invalid.json", b'{"uri": 5, "type": "text"}', "not valid ninjs"),
        ("latin1.md", "# Été\n".encode("latin-1"), "UTF-8"),
        ("latin1.txt", "Été\n".encode("latin-1"), "UTF-8"),
        ("unknown.md", b"---\nheadline: A\ncolour: red\n---\nText\n", "colour"),
        ("typed.md", b"---\nheadline: A\nauthors: 12\n---\nText\n", "authors"),
        ("picture.doc", b"hello", "not “.doc” files"),
    ],
)
def test_bad_documents_are_refused_by_name(
    target: Library, tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert reason in refused(target, path)


def test_a_failed_import_leaves_no_picture_file_behind(
    source: Library, pictured: int, target: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = export(source, pictured, tmp_path / "out")

    def fail(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(articles, "import_article", fail)
    assert "No space left" in refused(target, package)
    assert snapshot(target)["media"] == []


def test_read_article_file_refuses_a_folder_that_is_not_a_package(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="not a Copydesk package"):
        read_article_file(tmp_path)


# ---- done when: the reference article, credited, goes out and comes back ----------------------


@pytest.mark.parametrize("version", ["3.1", "2.2"])
def test_the_imported_reference_article_once_credited_exports_and_comes_back(
    target: Library, shared: Path, tmp_path: Path, version: NinjsVersion
) -> None:
    """Import the plain-text reference article, attach its picture's file, give it the
    credit CC BY requires; its package validates, its renditions carry the credit, and it
    imports into another library as it was, to export the same again."""
    [item] = import_paths(target, [shared / "seed" / "reference-article.txt"]).items
    with target.read() as session:
        [picture] = images.list_pictures(session)
    store = MediaStore.beside(target.path)
    attach_file(
        target, store, picture.id, shared / "images" / "IPTC-PhotometadataRef-Std2017.1.jpg"
    )
    with target.write() as session:
        credited = images.get_picture(session, picture.id).metadata.replace(
            creator="Zoë Lefèvre",
            source_url="https://commons.wikimedia.org/wiki/File:Kremlin.jpg",
            credit_override="",
            web_statement="",
            usage_terms="",
        )
        images.update_metadata(session, picture.id, credited)
    package = export(target, item.article_id, tmp_path / "out", ninjs_version=version)
    validate(json.loads((package / ARTICLE_NINJS).read_text("utf-8")), version)
    if EXIFTOOL is not None:
        [page] = [p for p in (package / "images").iterdir() if p.name.endswith("-1200.jpg")]
        tags = exiftool_tags(page)
        assert tags["XMP-dc:Creator"] == "Zoë Lefèvre"
        assert tags["XMP-photoshop:Credit"] == credited.credit_line  # the supplier's
        assert tags["XMP-iptcCore:AltTextAccessibility"]
    with opened(tmp_path / "elsewhere.copydesk") as elsewhere:
        [back] = import_paths(elsewhere, [package]).items
        assert back.outcome is ImportOutcome.IMPORTED, back.reason
        with target.read() as session, elsewhere.read() as other:
            mine = articles.get_article(session, item.article_id)
            theirs = articles.get_article(other, back.article_id)
            [copy] = images.list_pictures(other)
        assert theirs.content == mine.content.replace(
            lead_picture=replace(mine.content.lead_picture, picture_id=copy.id)
        )
        assert copy.metadata == credited
        again = export(elsewhere, back.article_id, tmp_path / "again", ninjs_version=version)
        assert files_of(again)[ARTICLE_MARKDOWN] == files_of(package)[ARTICLE_MARKDOWN]
        assert files_of(again)["article.html"] == files_of(package)["article.html"]


def test_the_sample_article_exports_in_both_versions_and_comes_back(
    source: Library, sample_id: int, target: Library, tmp_path: Path
) -> None:
    for version in ("3.1", "2.2"):
        package = export(source, sample_id, tmp_path / version, ninjs_version=version)
        validate(json.loads((package / ARTICLE_NINJS).read_text("utf-8")), version)
    [back] = import_paths(target, [tmp_path / "3.1"]).items
    assert back.outcome is ImportOutcome.IMPORTED, back.reason
    with source.read() as session, target.read() as other:
        assert (
            articles.get_article(other, back.article_id).content
            == articles.get_article(session, sample_id).content
        )
