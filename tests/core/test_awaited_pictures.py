"""Pictures that await their file: known by their credit only (an article imported from plain
text or ninjs described them), shown as such, refused by the checks and the export, and given
their file later (``attach_file``, ``copydesk images attach``)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from html import unescape
from pathlib import Path

import pytest
from PIL import Image

from copydesk.articles import store as articles
from copydesk.articles.pictures import (
    LEAD_FIELD,
    check_pictures,
    load_article_pictures,
    media_url,
)
from copydesk.articles.sample import sample_content
from copydesk.cli.main import main
from copydesk.errors import InvalidPicture, LibraryError
from copydesk.exchange.packages import build as package_build
from copydesk.exchange.packages.export import ExportRefused, export_package, read_snapshot
from copydesk.library.db import Library
from copydesk.library.media_store import MediaStore, MediaStoreError
from copydesk.pictures import importing as picture_import
from copydesk.pictures import store as images
from copydesk.pictures.credits import parse_credit
from copydesk.pictures.importing import attach_file
from copydesk.pictures.operations import Judgement, import_files
from copydesk.pictures.store import AttachRefused
from copydesk.records.article import ArticleContent, LeadPictureUse
from copydesk.records.picture import PictureFile, PictureMetadata
from copydesk.records.problem import Severity
from copydesk.rendering.article import render_article
from copydesk.text.picture_refs import picture_markdown
from tests.helpers import opened

REFERENCE = "images/IPTC-PhotometadataRef-Std2017.1.jpg"
JUDGEMENT = Judgement("fr", True)
# The reference article's credit, as a plain-text import brings it: the creator is missing.
WIKIPEDIA = parse_credit("Photo : wikipedia.org, CC BY 4.0")
# What the desk typed before the file came: its own creator, licence and alt text.
DESK = PictureMetadata(
    creator="Ana Lima",
    licence_id="cc-by-4.0",
    source_url="https://commons.wikimedia.org/wiki/File:Kremlin.jpg",
    alt_text="Deux hommes en costume",
)


def jpeg(path: Path, color: tuple[int, int, int] = (200, 30, 30)) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), color).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def stored_files(store: MediaStore) -> list[Path]:
    return [p for p in store.root.rglob("*") if p.is_file()] if store.root.exists() else []


@pytest.fixture
def library(library_path: Path) -> Iterator[Library]:
    with opened(library_path, sample=True) as library:
        yield library


def add_awaited(library: Library, metadata: PictureMetadata, name: str = "kremlin.jpg") -> int:
    with library.write() as session:
        return images.add_picture(session, PictureFile.awaited(name), metadata).id


def lead_content(picture_id: int, body: str = "") -> ArticleContent:
    content = sample_content().replace(
        lead_picture=LeadPictureUse(picture_id, "Vladimir Poutine et Donald Trump", "Deux hommes")
    )
    return content.replace(body=body) if body else content


# ---- checks and preview ---------------------------------------------------------------------


def test_a_use_of_an_awaited_picture_is_an_error_besides_its_credit_problems(
    library: Library,
) -> None:
    picture = add_awaited(library, WIKIPEDIA)
    body = f"Premier paragraphe.\n\n{picture_markdown(picture, 'Deux hommes', 'Au Kremlin')}\n"
    content = lead_content(picture, body)
    pictures = load_article_pictures(library, {picture}, JUDGEMENT)
    problems = check_pictures(content, pictures)
    awaiting = [p for p in problems if p.code == "picture.awaiting_file"]
    assert [(p.field, p.severity, p.line) for p in awaiting] == [
        (LEAD_FIELD, Severity.ERROR, 1),
        ("body", Severity.ERROR, 3),  # every use, located like the other picture problems
    ]
    assert awaiting[0].message == (
        "kremlin.jpg awaits its file: attach the picture in the Picture Library before publishing."
    )
    assert awaiting[0].params == {"picture": picture, "file": "kremlin.jpg"}
    assert (awaiting[1].start, awaiting[1].end) == (body.index("!["), body.index(")\n") + 1)
    codes = {p.code for p in problems}
    # One cause, one error: the website named as the author.
    assert "picture.credit.website" in codes and "picture.creator.missing" not in codes


def test_an_awaited_picture_has_no_media_url_and_shows_a_placeholder_with_its_credit(
    library: Library,
) -> None:
    picture = add_awaited(library, DESK.replace(source="Kremlin"))
    pictures = load_article_pictures(library, {picture}, JUDGEMENT)
    listing = pictures.get(picture)
    assert listing is not None and media_url(listing.record.file) == ""

    def never(_file: PictureFile) -> str:
        raise AssertionError("a picture awaiting its file has no source to ask for")

    figure = picture_markdown(picture, "Deux hommes", "Au Kremlin")
    body = f"Texte.\n\n{figure}\n\nEt {picture_markdown(picture, 'x')} dans le texte."
    content = lead_content(picture, body)
    html = render_article(
        content, lead_picture=pictures.lead(content, never), resolver=pictures.resolver(never)
    )
    assert "<img" not in html
    assert html.count('class="cd-awaiting"') == 3  # the lead, the body's figure, the inline one
    assert f"Image {picture} en attente de son fichier" in html
    assert "Vladimir Poutine et Donald Trump" in html and "Au Kremlin" in html
    assert unescape(html).count(listing.credit) == 2  # under the lead and the body's figure
    assert "cd-figure-awaiting" in html


# ---- export ---------------------------------------------------------------------------------


def test_an_article_whose_lead_picture_awaits_its_file_is_not_exported(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    picture = add_awaited(library, DESK.replace(source="Kremlin"))
    with library.write() as session:
        article_id = articles.create_article(session, lead_content(picture)).id

    def no_media(*_args: object) -> bytes:
        raise AssertionError("the media store was read for a picture awaiting its file")

    monkeypatch.setattr(MediaStore, "read", no_media)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ExportRefused) as refused:
        export_package(library, article_id, out)
    codes = [problem.code for problem in refused.value.problems]
    assert "picture.awaiting_file" in codes
    assert "awaits its file" in str(refused.value)
    assert list(out.iterdir()) == []
    # Past the checks, the pictures' files are not sought for it either.
    snapshot = read_snapshot(library, article_id, package_build.ExportOptions())
    assert package_build._ship_pictures(snapshot) == {}


# ---- attaching the file ---------------------------------------------------------------------


def test_attaching_the_file_fills_only_the_empty_fields(
    library: Library, library_path: Path, shared: Path
) -> None:
    picture = add_awaited(library, DESK)
    store = MediaStore.beside(library_path)
    record = attach_file(library, store, picture, shared / REFERENCE)
    file = record.file
    assert file.present and file.file_name == "IPTC-PhotometadataRef-Std2017.1.jpg"
    assert (file.media_type, file.width, file.height) == ("image/jpeg", 1000, 500)
    assert store.read(file.sha256, file.media_type) == (shared / REFERENCE).read_bytes()
    metadata = record.metadata
    # The desk's credit wins ...
    assert metadata.creator == "Ana Lima" and metadata.licence_id == "cc-by-4.0"
    assert metadata.alt_text == DESK.alt_text and metadata.source_url == DESK.source_url
    # ... and what it left empty comes from the file.
    assert metadata.description == "The description aka caption (ref2017.1)"
    assert metadata.credit_line == "Credit Line (ref2017.1)"
    assert metadata.city == "City (Core) (ref2017.1)"
    with library.read() as session:
        assert images.get_picture(session, picture) == record
        assert images.find_by_sha256(session, file.sha256) == record
        assert images.known_hashes(session) == {file.sha256}


def test_attaching_refuses_a_file_another_picture_has(
    library: Library, library_path: Path, tmp_path: Path
) -> None:
    (other,) = import_files(library, [jpeg(tmp_path / "plage.jpg")]).picture_ids
    picture = add_awaited(library, DESK)
    store = MediaStore.beside(library_path)
    before = stored_files(store)
    with pytest.raises(AttachRefused, match=f"already in the library as picture {other} "):
        attach_file(library, store, picture, tmp_path / "plage.jpg")
    assert stored_files(store) == before
    with library.read() as session:
        assert not images.get_picture(session, picture).file.present


def test_attaching_refuses_a_picture_that_has_its_file(
    library: Library, library_path: Path, tmp_path: Path
) -> None:
    (picture,) = import_files(library, [jpeg(tmp_path / "plage.jpg")]).picture_ids
    store = MediaStore.beside(library_path)
    with pytest.raises(AttachRefused, match="already has its file"):
        attach_file(library, store, picture, jpeg(tmp_path / "autre.jpg", (0, 90, 0)))
    assert len(stored_files(store)) == 1


def test_attaching_refuses_what_is_not_a_picture(
    library: Library, library_path: Path, tmp_path: Path
) -> None:
    picture = add_awaited(library, DESK)
    notes = tmp_path / "notes.jpg"
    notes.write_text("not a picture")
    store = MediaStore.beside(library_path)
    with pytest.raises(InvalidPicture):
        attach_file(library, store, picture, notes)
    with pytest.raises(InvalidPicture, match="does not exist"):
        attach_file(library, store, picture, tmp_path / "nowhere.jpg")
    assert stored_files(store) == []
    with library.read() as session:
        assert images.get_picture(session, picture).metadata == DESK


def test_a_write_that_fails_leaves_no_stored_file(
    library: Library, library_path: Path, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    picture = add_awaited(library, DESK)
    store = MediaStore.beside(library_path)
    real_write = library.write

    @contextmanager
    def failing_write() -> Iterator[object]:
        with real_write() as session:
            yield session
            assert stored_files(store)  # the file was stored within the transaction
            raise LibraryError("The disk holding the library is full; nothing was saved.")

    monkeypatch.setattr(library, "write", failing_write)
    with pytest.raises(LibraryError, match="disk holding the library is full"):
        attach_file(library, store, picture, shared / REFERENCE)
    monkeypatch.undo()
    assert stored_files(store) == []
    with library.read() as session:
        record = images.get_picture(session, picture)
    assert not record.file.present and record.metadata == DESK


def test_a_store_that_fails_leaves_the_picture_awaiting(
    library: Library, library_path: Path, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    picture = add_awaited(library, DESK)

    def full(*_args: object) -> bool:
        raise MediaStoreError("Cannot store the picture: no space left on device.")

    monkeypatch.setattr(picture_import.MediaStore, "store", full)
    with pytest.raises(MediaStoreError):
        attach_file(library, MediaStore.beside(library_path), picture, shared / REFERENCE)
    with library.read() as session:
        assert not images.get_picture(session, picture).file.present


# ---- the command line -----------------------------------------------------------------------


def test_the_attach_command(
    library: Library,
    library_path: Path,
    shared: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    picture = add_awaited(library, DESK)
    base = ["--library", str(library_path), "images"]
    assert main([*base, "list", "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["awaiting_file"] is True and listed["sha256"] is None
    assert main([*base, "list"]) == 0
    assert "awaiting file" in capsys.readouterr().out

    notes = tmp_path / "notes.txt"
    notes.write_text("not a picture")
    assert main([*base, "attach", str(picture), str(notes)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and len(captured.err.strip().splitlines()) == 1
    assert captured.err.startswith("copydesk: ")

    assert main([*base, "attach", str(picture), str(shared / REFERENCE)]) == 0
    out = capsys.readouterr().out
    assert f"to picture {picture} (1000x500, image/jpeg)" in out
    assert main([*base, "attach", str(picture), str(shared / REFERENCE)]) == 1
    err = capsys.readouterr().err
    assert "already has its file" in err and len(err.strip().splitlines()) == 1
    assert main([*base, "attach", "999", str(shared / REFERENCE)]) == 1
    assert "999" in capsys.readouterr().err


def test_render_shows_an_awaited_lead_picture(
    library: Library, library_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    picture = add_awaited(library, DESK.replace(source="Kremlin"))
    with library.write() as session:
        article = articles.create_article(session, lead_content(picture))
    out = tmp_path / "page.html"
    code = main(["--library", str(library_path), "render", article.slug, "--out", str(out)])
    assert code == 0
    page = out.read_text(encoding="utf-8")
    assert "<img" not in page and "en attente de son fichier" in page
    assert "Vladimir Poutine et Donald Trump" in page
