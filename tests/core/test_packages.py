"""Publishing packages: what is in them, that they are valid and credited, refused when the
checks say so, and written whole or not at all."""

from __future__ import annotations

import hashlib
import json
import pickle
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from datetime import UTC, date, datetime
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from copydesk import __version__
from copydesk.articles import store as articles
from copydesk.articles.sample import sample_content
from copydesk.exchange.markdown_file.read import parse_article
from copydesk.exchange.ninjs.schema import NinjsVersion, validate
from copydesk.exchange.packages import export as packages
from copydesk.exchange.packages import write as package_writer
from copydesk.exchange.packages.export import (
    ARTICLE_HTML,
    ARTICLE_MARKDOWN,
    ARTICLE_NINJS,
    MANIFEST,
    ArticleSnapshot,
    BatchOutcome,
    BuiltPackage,
    ExportFailed,
    ExportOptions,
    ExportRefused,
    build_package,
    export_many,
    export_package,
    read_snapshot,
)
from copydesk.exchange.safe_zip import open_package
from copydesk.library.db import Library
from copydesk.library.identity import library_uuid
from copydesk.pictures import store as images
from copydesk.pictures.credits import parse_credit
from copydesk.pictures.operations import import_files
from copydesk.records.article import ArticleContent, LeadPictureUse
from copydesk.records.picture import metadata_from_dict, metadata_to_dict
from tests.core.test_image_files import photo_jpeg
from tests.helpers import fill_disk_after, opened, run_as_unprivileged_user

VERSIONS: list[NinjsVersion] = ["3.1", "2.2"]
REFERENCE = "IPTC-PhotometadataRef-Std2017.1.jpg"
NOW = datetime(2026, 3, 15, 8, 30, tzinfo=UTC)
TODAY = date(2026, 12, 1)
EXIFTOOL = shutil.which("exiftool")

# A complete CC BY 4.0 credit, French accents included.
CREATOR = "Zoë Lefèvre"
SOURCE = "Wikimédia Commons"
SOURCE_URL = "https://commons.wikimedia.org/wiki/File:Éoliennes_de_Saint-Aubin.jpg"
COPYRIGHT = "© 2025 Zoë Lefèvre"
LIBRARY_ALT = "Trois éoliennes au-dessus d’un champ de blé"
CREDIT = "Photo\u00a0: Zoë Lefèvre / Wikimédia Commons, CC BY 4.0"
CC_BY = "https://creativecommons.org/licenses/by/4.0/"
LEAD_CAPTION = "Les éoliennes de Saint-Aubin-des-Prés"
LEAD_ALT = "Trois éoliennes dans un champ, sous un ciel d’orage"
BODY_CAPTION = "Le toit de l’école Jules-Ferry"
BODY_ALT = "Un toit couvert de panneaux solaires"


# ---- fixtures -------------------------------------------------------------------------------


@pytest.fixture
def library(library_path: Path) -> Iterator[Library]:
    """A library holding the sample article."""
    with opened(library_path, sample=True) as library:
        yield library


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def picture_id(library: Library, shared: Path) -> int:
    return add_credited_picture(library, shared)


def add_credited_picture(library: Library, shared: Path) -> int:
    """IPTC's reference picture, imported, with a complete CC BY 4.0 credit (and no web
    statement or usage terms of its own: the licence's are written into the files)."""
    report = import_files(library, [shared / "images" / REFERENCE])
    (found,) = report.picture_ids
    with library.write() as session:
        metadata = images.get_picture(session, found).metadata.replace(
            creator=CREATOR,
            credit_line="",  # Wikimedia Commons requires no credit line of its own
            source=SOURCE,
            source_url=SOURCE_URL,
            licence_id="cc-by-4.0",
            copyright_notice=COPYRIGHT,
            alt_text=LIBRARY_ALT,
            web_statement="",
            usage_terms="",
        )
        images.update_metadata(session, found, metadata)
    return found


def add_article(library: Library, content: ArticleContent) -> int:
    with library.write() as session:
        return articles.create_article(session, content).id


def pictured_content(picture: int) -> ArticleContent:
    """The sample article with the picture as its lead (illustrative) and in its body."""
    content = sample_content()
    body = f'{content.body}\n\n![{BODY_ALT}](image:{picture} "{BODY_CAPTION}")\n'
    return content.replace(
        headline="Saint-Aubin-des-Prés mise sur l’énergie citoyenne",
        body=body,
        lead_picture=LeadPictureUse(picture, LEAD_CAPTION, LEAD_ALT, illustrative=True),
    )


@pytest.fixture
def sample_id(library: Library) -> int:
    with library.read() as session:
        (summary,) = articles.list_summaries(session)
    return summary.id


@pytest.fixture
def pictured_id(library: Library, picture_id: int) -> int:
    return add_article(library, pictured_content(picture_id))


@pytest.fixture
def refused_id(library: Library, tmp_path: Path) -> int:
    """An article whose lead picture (a picture of its own) carries the reference article's
    credit."""
    file = tmp_path / "poutine-trump.jpg"
    file.write_bytes(photo_jpeg((600, 400)))
    report = import_files(library, [file])
    (found,) = report.picture_ids
    with library.write() as session:
        images.update_metadata(session, found, parse_credit("Photo : wikipedia.org, CC BY 4.0"))
    content = sample_content().replace(
        headline="Un article au crédit fautif",
        lead_picture=LeadPictureUse(found, "Vladimir Poutine et Donald Trump", "Deux hommes"),
    )
    return add_article(library, content)


def export(library: Library, article_id: int, out: Path, **options: Any) -> Path:
    options = {"now": NOW, "today": TODAY, **options}
    return export_package(library, article_id, out, **options).path


def ninjs_of(package: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((package / ARTICLE_NINJS).read_text(encoding="utf-8"))
    return document


def files_in(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


def everything_in(folder: Path) -> list[str]:
    """Every entry, hidden ones included: what a failed export must not leave."""
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*"))


def picture_uuid(library: Library, picture: int) -> str:
    with library.read() as session:
        return images.get_picture(session, picture).uuid


# ---- what a package holds -------------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_the_sample_article_exports_to_a_valid_package(
    library: Library, sample_id: int, out: Path, version: NinjsVersion
) -> None:
    package = export(library, sample_id, out, ninjs_version=version)
    assert (
        package
        == out / "a-saint-aubin-des-pres-les-toits-de-la-mairie-produiront-l-electricite-de-600"
    )
    assert files_in(package) == {ARTICLE_HTML, ARTICLE_NINJS, ARTICLE_MARKDOWN, MANIFEST}
    document = ninjs_of(package)
    validate(document, version)
    assert document["standard"]["version"] == version
    assert everything_in(out) == [
        package.name,
        *(f"{package.name}/{f}" for f in sorted(files_in(package))),
    ]


@pytest.mark.parametrize("version", VERSIONS)
def test_an_article_with_pictures_exports_to_a_valid_package(
    library: Library, pictured_id: int, picture_id: int, out: Path, version: NinjsVersion
) -> None:
    package = export(library, pictured_id, out, ninjs_version=version)
    uuid = picture_uuid(library, picture_id)
    renditions = {f"images/{uuid}-{name}.jpg" for name in ("original", "1200", "400")}
    assert (
        files_in(package) == {ARTICLE_HTML, ARTICLE_NINJS, ARTICLE_MARKDOWN, MANIFEST} | renditions
    )
    document = ninjs_of(package)
    validate(document, version)
    associations = {item["name"]: item for item in document["associations"]}
    assert set(associations) == {"lead", "body-1"}
    key = "sizeinbytes" if version == "2.2" else "sizeInBytes"
    for association in associations.values():
        hrefs = {rendition["href"] for rendition in association["renditions"]}
        assert hrefs == renditions
        for rendition in association["renditions"]:
            assert rendition[key] == (package / rendition["href"]).stat().st_size


def test_the_picture_associations_carry_each_use_and_the_credit(
    library: Library, pictured_id: int, out: Path
) -> None:
    document = ninjs_of(export(library, pictured_id, out))
    lead, body = document["associations"]
    descriptions = {d["role"]: d["value"] for d in lead["descriptions"]}
    assert descriptions == {
        "text": f"{LEAD_CAPTION}, photo illustrative",
        "alttext": LEAD_ALT,
        "creditline": CREDIT,
    }
    assert {d["role"]: d["value"] for d in body["descriptions"]}["alttext"] == BODY_ALT
    assert lead["by"] == CREATOR and lead["copyrightNotice"] == COPYRIGHT
    assert lead["rightsInfo"] == {"linkedRights": CC_BY}
    assert lead["usageTerms"].startswith("Creative Commons Attribution 4.0 International")
    sizes = {r["name"]: (r["width"], r["height"]) for r in lead["renditions"]}
    assert sizes == {"original": (1000, 500), "1200": (1000, 500), "400": (400, 200)}


def test_the_bodies_are_the_rendered_body_and_its_text(
    library: Library, pictured_id: int, out: Path
) -> None:
    document = ninjs_of(export(library, pictured_id, out))
    html, text = (body["value"] for body in document["bodies"])
    assert '<h2 id="un-bail-de-trente-ans">Un bail de trente ans</h2>' in html
    assert 'src="images/' in html and "cd-block" not in html  # no preview wrappers
    assert "Un bail de trente ans" in text and "<" not in text
    assert BODY_CAPTION not in text  # captions are not counted as body text


def test_renditions_have_the_right_widths(
    library: Library, picture_id: int, pictured_id: int, out: Path
) -> None:
    package = export(library, pictured_id, out)
    uuid = picture_uuid(library, picture_id)
    widths = {}
    for name in ("original", "1200", "400"):
        with Image.open(package / "images" / f"{uuid}-{name}.jpg") as image:
            widths[name] = image.size
    # IPTC's reference picture is 1000 × 500: the 1200 rendition is not upscaled.
    assert widths == {"original": (1000, 500), "1200": (1000, 500), "400": (400, 200)}


def test_the_manifest_lists_every_other_file(library: Library, pictured_id: int, out: Path) -> None:
    package = export(library, pictured_id, out)
    manifest = json.loads((package / MANIFEST).read_text(encoding="utf-8"))
    listed = {entry["path"]: entry for entry in manifest["files"]}
    assert set(listed) == files_in(package) - {MANIFEST}
    for path, entry in listed.items():
        data = (package / path).read_bytes()
        assert entry == {
            "path": path,
            "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
        }
    with library.read() as session:
        record = articles.get_article(session, pictured_id)
        uuid = library_uuid(session)
    assert manifest["generator"] == {"name": "Copydesk", "version": __version__}
    assert manifest["exported_at"] == "2026-03-15T08:30:00Z"
    assert manifest["ninjs_version"] == "3.1"
    assert manifest["article"] == {"uuid": record.uuid, "slug": record.slug, "version": 1}
    assert manifest["library_id"] == uuid
    assert manifest["accepted_warnings"] == []


def test_json_files_are_sorted_utf8_with_a_final_newline(
    library: Library, pictured_id: int, out: Path
) -> None:
    package = export(library, pictured_id, out)
    for name in (MANIFEST, ARTICLE_NINJS):
        text = (package / name).read_bytes().decode("utf-8")
        assert text.endswith("}\n") and "\\u00" not in text
        assert (
            text
            == json.dumps(json.loads(text), sort_keys=True, ensure_ascii=False, indent=2) + "\n"
        )
    assert "Saint-Aubin-des-Prés" in (package / ARTICLE_NINJS).read_text(encoding="utf-8")


def test_accepted_warnings_are_recorded(library: Library, out: Path) -> None:
    article = add_article(library, sample_content().replace(headline="Sans chapô", standfirst=""))
    manifest = export_package(library, article, out, now=NOW).manifest
    (warning,) = manifest["accepted_warnings"]
    assert warning["code"] == "standfirst.missing" and warning["field"] == "standfirst"
    assert warning["message"] == "The standfirst is missing."


def test_warnings_refuse_the_article_when_they_are_not_accepted(
    library: Library, out: Path
) -> None:
    article = add_article(library, sample_content().replace(headline="Sans chapô", standfirst=""))
    with pytest.raises(ExportRefused, match="standfirst: The standfirst is missing"):
        export_package(library, article, out, accept_warnings=False)
    assert everything_in(out) == []


def test_the_markdown_round_trips_and_names_the_picture_files(
    library: Library, pictured_id: int, picture_id: int, out: Path
) -> None:
    package = export(library, pictured_id, out)
    parsed = parse_article((package / ARTICLE_MARKDOWN).read_bytes())
    with library.read() as session:
        record = articles.get_article(session, pictured_id)
    assert (parsed.content, parsed.slug, parsed.uuid) == (record.content, record.slug, record.uuid)
    uuid = picture_uuid(library, picture_id)
    original = package / "images" / f"{uuid}-original.jpg"
    with library.read() as session:
        picture = images.get_picture(session, picture_id)
    assert dict(parsed.extra) == {
        "pictures": {
            picture_id: {
                "file": f"images/{uuid}-original.jpg",
                "sha256": hashlib.sha256(original.read_bytes()).hexdigest(),
                "uuid": uuid,
                "file_name": REFERENCE,
                "metadata": metadata_to_dict(picture.metadata),
            }
        }
    }
    assert metadata_from_dict(parsed.extra["pictures"][picture_id]["metadata"]) == (
        picture.metadata
    )


# ---- the page -------------------------------------------------------------------------------


def test_the_page_shows_the_packaged_pictures_with_their_credit(
    library: Library, pictured_id: int, picture_id: int, out: Path
) -> None:
    page = (export(library, pictured_id, out) / ARTICLE_HTML).read_text(encoding="utf-8")
    uuid = picture_uuid(library, picture_id)
    assert page.count(f'src="images/{uuid}-1200.jpg"') == 2  # the lead, then in the body
    assert "copydesk-media" not in page.split("</head>")[1]
    assert unescape(page).count(CREDIT) == 2
    assert f"{LEAD_CAPTION}, photo illustrative" in unescape(page)
    assert f'alt="{LEAD_ALT}"' in unescape(page)
    assert "img-src 'self' file:;" in page  # its own files may load; nothing remote


# ---- credits inside the files ---------------------------------------------------------------


def exiftool_tags(path: Path) -> dict[str, Any]:
    assert EXIFTOOL is not None
    result = subprocess.run(
        [EXIFTOOL, "-j", "-G1", "-charset", "iptc=UTF8", str(path)],
        capture_output=True,
        check=True,
    )
    tags: dict[str, Any] = json.loads(result.stdout.decode("utf-8"))[0]
    return tags


@pytest.mark.skipif(EXIFTOOL is None, reason="exiftool is not installed (libimage-exiftool-perl)")
def test_exiftool_reads_the_credit_back_from_the_1200_rendition(
    library: Library, picture_id: int, pictured_id: int, out: Path
) -> None:
    package = export(library, pictured_id, out)
    tags = exiftool_tags(package / "images" / f"{picture_uuid(library, picture_id)}-1200.jpg")
    caption = f"{LEAD_CAPTION}, photo illustrative"
    expected = {
        "IPTC:CodedCharacterSet": "UTF8",
        "IPTC:By-line": CREATOR,
        "XMP-dc:Creator": CREATOR,
        # The supplier's credit, as another system prints it under its own label: not the
        # printed credit, whose licence is in the usage terms.
        "XMP-photoshop:Credit": f"{CREATOR} / {SOURCE}",
        "IPTC:CopyrightNotice": COPYRIGHT,
        "XMP-dc:Rights": COPYRIGHT,
        "IPTC:Source": "Wikimédia Commons",  # 18 bytes: within IIM's 32
        "XMP-photoshop:Source": SOURCE,
        "IPTC:Caption-Abstract": caption,
        "XMP-dc:Description": caption,
        "XMP-xmpRights:UsageTerms": f"Creative Commons Attribution 4.0 International, {CC_BY}",
        "XMP-xmpRights:WebStatement": CC_BY,
        "XMP-iptcCore:AltTextAccessibility": LEAD_ALT,
    }
    assert {key: tags.get(key) for key in expected} == expected
    # IIM's Credit holds 32 bytes: the credit's start, without a split character.
    assert f"{CREATOR} / {SOURCE}".startswith(tags["IPTC:Credit"]) and len(tags["IPTC:Credit"]) > 20


# ---- refusals -------------------------------------------------------------------------------


def test_an_article_with_credit_errors_is_refused_and_nothing_is_written(
    library: Library, refused_id: int, out: Path
) -> None:
    with pytest.raises(ExportRefused) as refused:
        export_package(library, refused_id, out)
    codes = {problem.code for problem in refused.value.problems}
    assert "picture.credit.website" in codes
    message = str(refused.value)
    assert (
        "lead_picture: poutine-trump.jpg: " in message
        and "“wikipedia.org”: a website is not an author" in message
    )
    assert everything_in(out) == []


def test_a_missing_picture_refuses_the_article(library: Library, out: Path) -> None:
    content = sample_content().replace(body='Texte.\n\n![Photo](image:999 "Légende")\n')
    with pytest.raises(ExportRefused, match="Picture 999 is not in the library"):
        export_package(library, add_article(library, content), out)
    assert everything_in(out) == []


# ---- writing: all or nothing ----------------------------------------------------------------


@pytest.fixture
def disk_full_after(monkeypatch: pytest.MonkeyPatch) -> Any:
    return lambda room: fill_disk_after(monkeypatch, room)


@pytest.mark.parametrize("as_zip", [False, True])
def test_a_full_disk_leaves_nothing_and_says_why(
    library: Library, pictured_id: int, out: Path, disk_full_after: Any, as_zip: bool
) -> None:
    disk_full_after(50_000)  # the text files fit; the pictures do not
    with pytest.raises(ExportFailed) as failed:
        export(library, pictured_id, out, as_zip=as_zip)
    assert "No space left on device" in str(failed.value)
    assert str(failed.value.path).startswith(str(out))
    assert everything_in(out) == []


@pytest.mark.parametrize("as_zip", [False, True])
def test_an_existing_package_is_replaced_only_by_a_complete_one(
    library: Library, pictured_id: int, out: Path, disk_full_after: Any, as_zip: bool
) -> None:
    package = export(library, pictured_id, out, as_zip=as_zip)
    before = everything_in(out)
    digest = hashlib.sha256(package.read_bytes()).hexdigest() if as_zip else None
    disk_full_after(1000)
    with pytest.raises(ExportFailed):
        export(library, pictured_id, out, as_zip=as_zip)
    assert everything_in(out) == before
    if as_zip:
        assert hashlib.sha256(package.read_bytes()).hexdigest() == digest


def test_exporting_again_replaces_the_package(library: Library, sample_id: int, out: Path) -> None:
    first = export(library, sample_id, out)
    (first / "stale.txt").write_text("from an older export")
    second = export(library, sample_id, out, now=datetime(2026, 3, 16, tzinfo=UTC))
    assert second == first and "stale.txt" not in files_in(second)
    assert json.loads((second / MANIFEST).read_text())["exported_at"] == "2026-03-16T00:00:00Z"
    assert [path.name for path in out.iterdir()] == [first.name]  # nothing set aside is left


@pytest.mark.parametrize("as_zip", [False, True])
def test_a_read_only_folder_leaves_nothing_and_says_why(
    library: Library, sample_id: int, world_readable_dir: Path, as_zip: bool
) -> None:
    built = build_package(read_snapshot(library, sample_id, ExportOptions()), ExportOptions())
    world_readable_dir.chmod(0o555)  # root passes by; the test runs the write as "nobody"
    try:
        outcome = run_as_unprivileged_user(
            lambda: str(
                package_writer.write_package(
                    built.files, world_readable_dir, built.name, as_zip=as_zip
                )
            )
        )
    finally:
        world_readable_dir.chmod(0o755)
    assert outcome.startswith(f"error: Cannot write {world_readable_dir}/{built.name}")
    assert outcome.endswith("Permission denied.")
    assert everything_in(world_readable_dir) == []


def test_a_missing_folder_is_named(library: Library, sample_id: int, tmp_path: Path) -> None:
    with pytest.raises(ExportFailed, match=r"Cannot write .*nowhere: the folder does not exist"):
        export_package(library, sample_id, tmp_path / "nowhere")
    assert not (tmp_path / "nowhere").exists()


# ---- zip ------------------------------------------------------------------------------------


def test_a_zip_holds_the_same_files_as_the_folder(
    library: Library, pictured_id: int, out: Path
) -> None:
    folder = export(library, pictured_id, out)
    archive = export(library, pictured_id, out, as_zip=True)
    assert archive == out / f"{folder.name}.copydesk.zip"
    with zipfile.ZipFile(archive) as opened_zip:
        names = opened_zip.namelist()
        assert names[-1] == MANIFEST  # written last
        assert set(names) == files_in(folder)
        for name in names:
            assert opened_zip.read(name) == (folder / name).read_bytes(), name
    with open_package(archive) as package:  # the importer's checks take it
        assert set(package.names()) == files_in(folder)
    assert sorted(path.name for path in out.iterdir()) == [folder.name, archive.name]


# ---- batches --------------------------------------------------------------------------------


def test_export_many_reports_each_article(
    library: Library, sample_id: int, pictured_id: int, refused_id: int, out: Path
) -> None:
    progress: list[tuple[int, int]] = []
    report = export_many(
        library,
        [sample_id, refused_id, 999, pictured_id],
        out,
        workers=2,
        progress=lambda done, total: progress.append((done, total)),
        now=NOW,
    )
    outcomes = [(item.article_id, item.outcome) for item in report.items]
    assert outcomes == [
        (sample_id, BatchOutcome.EXPORTED),
        (refused_id, BatchOutcome.REFUSED),
        (999, BatchOutcome.FAILED),
        (pictured_id, BatchOutcome.EXPORTED),
    ]
    exported, refused, missing, pictured = report.items
    assert exported.path is not None and (exported.path / MANIFEST).is_file()
    assert pictured.path is not None and pictured.path.parent == out
    assert "lead_picture: poutine-trump.jpg" in refused.reason and "\n" not in refused.reason
    assert missing.reason == "Article 999 does not exist (it may have been deleted)."
    assert refused.line.startswith("refused  un-article-au-credit-fautif  lead_picture:")
    assert progress == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert not report.complete and report.count(BatchOutcome.EXPORTED) == 2
    assert sorted(path.name for path in out.iterdir()) == sorted(
        item.path.name for item in report.items if item.path is not None
    )


def test_a_cancelled_batch_starts_no_more_articles(
    library: Library, sample_id: int, out: Path
) -> None:
    others = [
        add_article(library, sample_content().replace(headline=f"Article {n}")) for n in range(3)
    ]
    asked = iter([False, False, True])
    report = export_many(
        library, [sample_id, *others], out, workers=1, cancelled=lambda: next(asked)
    )
    assert report.cancelled and not report.complete
    assert [item.article_id for item in report.items] == [sample_id, others[0]]
    assert len(list(out.iterdir())) == 2


def test_a_batch_into_a_missing_folder_fails_at_once(
    library: Library, sample_id: int, tmp_path: Path
) -> None:
    with pytest.raises(ExportFailed, match="the folder does not exist"):
        export_many(library, [sample_id], tmp_path / "nowhere")


def test_export_many_takes_the_export_options(library: Library, sample_id: int, out: Path) -> None:
    report = export_many(library, [sample_id], out, workers=1, ninjs_version="2.2", as_zip=True)
    (item,) = report.items
    assert item.path is not None and item.path.name.endswith(".copydesk.zip") and report.complete
    with zipfile.ZipFile(item.path) as archive:
        assert json.loads(archive.read(ARTICLE_NINJS))["standard"]["version"] == "2.2"


def test_an_unexpected_error_fails_its_article_and_the_batch_goes_on(
    library: Library, sample_id: int, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = add_article(library, sample_content().replace(headline="Un autre article"))
    real = packages.build_package

    def build_package(snapshot: ArticleSnapshot, options: ExportOptions) -> BuiltPackage:
        if snapshot.record.id == sample_id:
            raise RuntimeError("a bug")
        return real(snapshot, options)

    monkeypatch.setattr(packages, "build_package", build_package)
    report = export_many(library, [sample_id, other], out, workers=1, preferences=None)
    failed, exported = report.items
    assert failed.outcome is BatchOutcome.FAILED
    assert failed.reason == "unexpected error (RuntimeError: a bug)"
    assert exported.outcome is BatchOutcome.EXPORTED


def test_export_errors_survive_pickling(
    library: Library, refused_id: int, out: Path, tmp_path: Path
) -> None:
    with pytest.raises(ExportRefused) as refused:
        export_package(library, refused_id, out)
    copy = pickle.loads(pickle.dumps(refused.value))
    assert (str(copy), copy.problems) == (str(refused.value), refused.value.problems)
    failed = ExportFailed(tmp_path, "No space left on device")
    assert str(pickle.loads(pickle.dumps(failed))) == str(failed)


def test_an_article_keeps_its_uri_when_the_library_file_moves(
    library: Library, sample_id: int, out: Path, tmp_path: Path
) -> None:
    first = ninjs_of(export(library, sample_id, out))["uri"]
    library.close()
    moved = tmp_path / "elsewhere" / "renamed.copydesk"
    moved.parent.mkdir()
    shutil.move(library.path, moved)
    again = tmp_path / "again"
    again.mkdir()
    with opened(moved, create=False) as reopened, reopened.read() as session:
        assert ninjs_of(export(reopened, sample_id, again))["uri"] == first
        assert first.startswith(f"urn:copydesk:{library_uuid(session)}:article:")
